import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "../admin.server";
import { NotYet } from "../components/NotYet";
import { db } from "../db.server";
import { useT } from "../i18n/i18n";
import type { ShopMarket } from "../shop/install.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const row = await db().shop.findUnique({ where: { shop }, select: { markets: true } });
  const markets = ((row?.markets ?? []) as unknown as ShopMarket[]).filter((m) => m.active);
  return { markets: markets.map((m) => m.name) };
};

export default function Compliance() {
  const { markets } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <NotYet
      title={t("compliance.title")}
      heading={t("compliance.emptyHeading")}
      body={t("compliance.emptyBody", { markets: markets.join(", ") || "—" })}
    />
  );
}

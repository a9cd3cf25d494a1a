import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../../admin.server";
import { NotYet } from "../../components/NotYet";
import { useT } from "../../i18n/i18n";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  return null;
};

export default function Campaigns() {
  const t = useT();
  return (
    <NotYet
      title={t("campaigns.title")}
      heading={t("campaigns.emptyHeading")}
      body={t("campaigns.emptyBody")}
    />
  );
}

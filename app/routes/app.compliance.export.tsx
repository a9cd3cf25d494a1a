import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../admin.server";
import { csvLine } from "../channels/queries.server";
import {
  AUDIT_CSV_HEADER,
  auditCsvRow,
  iterateAudit,
  marketParam,
} from "../compliance/queries.server";
import { db } from "../db.server";
import { resolveLocale } from "../i18n/i18n";
import { logger } from "../logger.server";
import { getShopSettings } from "../shop/settings.server";

/**
 * GET /app/compliance/export?market=DE: every finding for the market (with the findings about
 * the evidence itself, which hold everywhere) as CSV, one row per finding, streamed a batch of
 * products at a time. Without a market: every market. Text is in the admin's language; cells a
 * spreadsheet would run as formulas are defused (csvLine, as the channels export).
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const raw = new URL(request.url).searchParams.get("market") ?? "";
  const market = raw ? marketParam.safeParse(raw) : null;
  if (market && !market.success) {
    return new Response(`Unknown market "${raw.slice(0, 20)}": use a two-letter country code.`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const database = db();
  const locale = resolveLocale(request, (await getShopSettings(database, shop)).language);
  const batches = iterateAudit(database, shop, market?.data ?? null, locale);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so spreadsheet apps read UTF-8 (Chinese, accents) correctly.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(AUDIT_CSV_HEADER)}`));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((r) => csvLine(auditCsvRow(r))).join("")));
      } catch (error) {
        logger.error(
          { shop, op: "compliance.export", err: (error as Error).message },
          "audit CSV failed part way",
        );
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="seaworthy-compliance-${market?.data ?? "all"}-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};

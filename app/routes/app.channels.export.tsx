import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../admin.server";
import {
  csvLine,
  filterFromParams,
  iterateRanked,
  RANKED_CSV_HEADER,
  rankedCsvRow,
  rankedParams,
} from "../channels/queries.server";
import { isChannelId } from "../channels/types";
import { db } from "../db.server";
import { logger } from "../logger.server";

/**
 * GET /app/channels/export?channel=…&band=…&blockers=1&rule=…&collection=…&sort=…: the ranked
 * list with the page's filters as CSV, streamed a batch at a time so a large catalog never sits
 * in memory whole.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const search = Object.fromEntries(new URL(request.url).searchParams);
  if (search.channel !== undefined && !isChannelId(search.channel)) {
    return new Response(`Unknown channel "${search.channel}".`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const params = rankedParams.parse(search);
  const filter = filterFromParams(params);
  const rows = iterateRanked(db(), shop, filter);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so spreadsheet apps read the UTF-8 titles (Chinese, accents) correctly.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(RANKED_CSV_HEADER)}`));
    },
    async pull(controller) {
      try {
        // A few hundred lines per chunk: fewer, larger writes than one per row.
        let chunk = "";
        for (let i = 0; i < 500; i++) {
          const next = await rows.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += csvLine(rankedCsvRow(params.channel, next.value));
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        logger.error(
          { shop, op: "channels.export", err: (error as Error).message },
          "CSV export failed part way",
        );
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="seaworthy-${params.channel}-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../../admin.server";
import { certificateStatus } from "../../compliance/certificates";
import { RULES } from "../../compliance/packs/rules";
import { SOURCES } from "../../compliance/packs/sources";
import {
  evaluationState,
  iterateAudit,
  marketParam,
  marketsState,
  today,
  type AuditRow,
} from "../../compliance/queries.server";
import { listCertificates, listRegistrations } from "../../compliance/vault.server";
import { marketName, SEVERITIES } from "../../components/ComplianceBits";
import { db } from "../../db.server";
import type { MessageKey } from "../../i18n/en";
import { resolveLocale, translate, type Locale } from "../../i18n/i18n";
import { shopRecord } from "../../shop/record.server";

/** At most this many findings on paper; the CSV export has all of them. */
const MAX_ROWS = 5000;

const esc = (value: unknown): string =>
  String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

const CSS = `
  :root { color-scheme: light; }
  body { font: 12px/1.45 -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1a1a1a; margin: 24px; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  h2 { font-size: 15px; margin: 24px 0 8px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
  .meta { color: #555; margin: 0 0 2px; }
  table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
  th, td { border: 1px solid #d0d0d0; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #f3f3f3; font-weight: 600; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .sev-blocker { color: #8e0b21; font-weight: 600; }
  .sev-warning { color: #7a4f01; font-weight: 600; }
  .sev-info { color: #00527c; }
  .muted { color: #666; }
  .quote { color: #444; font-style: italic; }
  .toolbar { margin: 0 0 16px; }
  .toolbar button { font: inherit; padding: 6px 12px; }
  @page { size: A4 landscape; margin: 14mm; }
  @media print {
    body { margin: 0; }
    .toolbar { display: none; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    h2 { break-after: avoid; }
    a { color: inherit; text-decoration: none; }
  }
`;

/**
 * GET /app/compliance/report?market=DE: a self-contained page to print or save as PDF for an
 * auditor: who and when, the registrations and certificates on file, counts, every finding with
 * its evidence and fix, and the sources of the rules that fired.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const raw = new URL(request.url).searchParams.get("market") ?? "";
  const market = raw ? marketParam.safeParse(raw) : null;
  if (market && !market.success)
    return new Response(`Unknown market "${raw.slice(0, 20)}": use a two-letter country code.`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const code = market?.data ?? null;
  const database = db();
  const shopRow = await shopRecord(database, shop);
  const setting = shopRow?.language;
  const locale: Locale = resolveLocale(request, setting);
  const t = (key: MessageKey, vars?: Record<string, string | number>) =>
    translate(locale, key, vars);
  const day = today();
  const [state, markets, registrations, certificates] = await Promise.all([
    evaluationState(database, shop),
    marketsState(database, shop),
    listRegistrations(database, shop),
    listCertificates(database, shop),
  ]);
  // Counted over every finding, even past what the page lists.
  const rows: AuditRow[] = [];
  const counts: Record<string, number> = { blocker: 0, warning: 0, info: 0 };
  const productIds = new Set<string>();
  let total = 0;
  for await (const batch of iterateAudit(database, shop, code, locale)) {
    total += batch.length;
    for (const r of batch) {
      counts[r.finding.severity] = (counts[r.finding.severity] ?? 0) + 1;
      productIds.add(r.productId);
      if (rows.length < MAX_ROWS) rows.push(r);
    }
  }
  const products = productIds.size;
  const regs = registrations.filter((r) => !code || r.country === code);
  const rules = [...new Set(rows.map((r) => r.finding.rule))].sort();
  const where = code ? marketName(code, locale) : t("compliance.audit.allMarkets");
  const generated = new Date().toLocaleString(locale, { timeZone: "UTC" });

  const html = `<!doctype html>
<html lang="${esc(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t("compliance.report.title", { market: where }))}</title>
<style>${CSS}</style>
</head>
<body>
<div class="toolbar"><button type="button" onclick="window.print()">${esc(t("compliance.report.print"))}</button></div>
<h1 data-testid="report-title">${esc(t("compliance.report.title", { market: where }))}</h1>
<p class="meta">${esc(shopRow?.name ?? shop)} · ${esc(shop)}</p>
<p class="meta">${esc(t("compliance.report.generated", { when: `${generated} UTC`, version: state.packsVersion }))}</p>
<p class="meta">${esc(
    t("compliance.report.checked", {
      evaluated: state.evaluated,
      products: state.products,
      when: state.lastEvaluatedAt
        ? state.lastEvaluatedAt.toISOString().slice(0, 16).replace("T", " ")
        : "—",
      markets: markets.active.join(", ") || "—",
    }),
  )}</p>

<h2>${esc(t("compliance.report.summary"))}</h2>
<table><thead><tr><th>${esc(t("compliance.col.market"))}</th>${SEVERITIES.map((s) => `<th>${esc(t(`severity.${s}`))}</th>`).join("")}<th>${esc(t("compliance.report.products"))}</th></tr></thead>
<tbody><tr><td>${esc(where)}</td>${SEVERITIES.map((s) => `<td class="n">${(counts[s] ?? 0).toLocaleString(locale)}</td>`).join("")}<td class="n">${products.toLocaleString(locale)}</td></tr></tbody></table>

<h2>${esc(t("compliance.reg.title"))}</h2>
${
  regs.length === 0
    ? `<p class="muted">${esc(t("compliance.report.noRegistrations"))}</p>`
    : `<table><thead><tr><th>${esc(t("compliance.col.market"))}</th><th>${esc(t("compliance.reg.stream"))}</th><th>${esc(t("compliance.reg.number"))}</th><th>${esc(t("compliance.reg.role"))}</th></tr></thead><tbody>${regs
        .map(
          (r) =>
            `<tr><td>${esc(marketName(r.country, locale))}</td><td>${esc(t(`compliance.stream.${r.stream}`))}</td><td>${esc(r.number)}</td><td>${esc(r.role ? t(`compliance.role.${r.role}`) : "—")}</td></tr>`,
        )
        .join("")}</tbody></table>`
}

<h2>${esc(t("compliance.cert.title"))}</h2>
${
  certificates.length === 0
    ? `<p class="muted">${esc(t("compliance.cert.empty"))}</p>`
    : `<table><thead><tr><th>${esc(t("compliance.cert.kind"))}</th><th>${esc(t("compliance.cert.number"))}</th><th>${esc(t("compliance.cert.issuer"))}</th><th>${esc(t("compliance.cert.scope"))}</th><th>${esc(t("compliance.cert.valid"))}</th><th>${esc(t("compliance.cert.status"))}</th></tr></thead><tbody>${certificates
        .map((c) => {
          const scope =
            c.scope.kind === "all"
              ? t("compliance.cert.scope.all")
              : c.scope.kind === "products"
                ? t("compliance.report.scopeProducts", { count: c.scope.productIds.length })
                : t("compliance.report.scopeCollections", { count: c.scope.collectionIds.length });
          return `<tr><td>${esc(t(`compliance.certType.${c.type}`))}</td><td>${esc(c.number)}${c.document.url ? ` <span class="muted">(${esc(c.document.url)})</span>` : ""}</td><td>${esc(c.issuer || "—")}</td><td>${esc(scope)}</td><td>${esc(c.validFrom)} – ${esc(c.validTo ?? t("compliance.cert.noExpiry"))}</td><td>${esc(t(`compliance.cert.status.${certificateStatus(c, day)}`))}</td></tr>`;
        })
        .join("")}</tbody></table>`
}

<h2>${esc(t("compliance.report.findings"))}</h2>
${total > rows.length ? `<p class="muted">${esc(t("compliance.report.truncated", { shown: rows.length, total }))}</p>` : ""}
${
  rows.length === 0
    ? `<p data-testid="report-none">${esc(t("compliance.report.none"))}</p>`
    : `<table data-testid="report-findings"><thead><tr><th>${esc(t("channels.col.product"))}</th><th>${esc(t("compliance.col.market"))}</th><th>${esc(t("compliance.filter.severity"))}</th><th>${esc(t("compliance.report.finding"))}</th><th>${esc(t("product.evidence"))}</th><th>${esc(t("product.fix"))}</th></tr></thead><tbody>${rows
        .map(
          (r) =>
            `<tr><td>${esc(r.title)}<br><span class="muted">${esc(r.productId.split("/").pop())}</span></td><td>${esc(r.finding.market)}</td><td class="sev-${esc(r.finding.severity)}">${esc(t(`compliance.sev.${r.finding.severity}`))}</td><td>${esc(r.finding.message)}<br><span class="muted">${esc(r.finding.rule)}</span></td><td class="quote">${esc(r.finding.evidence)}</td><td>${esc(r.finding.fix)}${
              r.finding.suggestion !== undefined
                ? `<br><span class="muted">${esc(t("compliance.rewrite.title"))}</span> ${esc(r.finding.suggestion || t("compliance.rewrite.delete"))}`
                : ""
            }</td></tr>`,
        )
        .join("")}</tbody></table>`
}

<h2>${esc(t("compliance.report.sources"))}</h2>
${
  rules.length === 0
    ? `<p class="muted">—</p>`
    : `<table><thead><tr><th>${esc(t("compliance.report.rule"))}</th><th>${esc(t("compliance.report.source"))}</th><th>${esc(t("compliance.report.checkedOn"))}</th></tr></thead><tbody>${rules
        .map((id) => {
          const meta = RULES.get(id);
          const sources = (meta?.sources ?? [])
            .map((s) =>
              /^https?:/.test(SOURCES[s].url)
                ? `${esc(SOURCES[s].title)}<br><span class="muted">${esc(SOURCES[s].url)}</span>`
                : esc(SOURCES[s].title),
            )
            .join("<br>");
          return `<tr><td>${esc(id)}</td><td>${sources || esc(meta?.heuristic ?? "—")}</td><td>${esc(meta?.checked ?? "—")}</td></tr>`;
        })
        .join("")}</tbody></table>`
}
</body>
</html>`;
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      // Self-contained: nothing loads from elsewhere; the only script is the print button.
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:",
    },
  });
};

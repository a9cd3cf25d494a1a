/**
 * Publishing every product's storefront labels: definitions first, then per page of the mirror
 * `computeLabels` → `publishLabels`, skipping products whose label is already what Shopify holds.
 *
 * What Shopify holds is read from the mirror's Metafield table. The app's namespace is learnt from
 * the rows themselves (`app--<id>--compliance`: an app can only read its own reserved namespace,
 * so no other app's rows can match) instead of asking `currentAppInstallation`: before the first
 * publish there is nothing to compare with anyway. The mirror can lag behind our own writes (a
 * metafield write sends no product webhook), so ComplianceLabel remembers what was last written
 * and when: a mirror row older than our write is not trusted, or a label set back to yesterday's
 * value would be skipped while Shopify still shows today's.
 */
import { dateParam, numbered, selectRows, type ChannelsDb } from "../channels/connection.server";
import { productFactsPages } from "../channels/facts.server";
import { db, type Db } from "../db.server";
import type { AdminClient } from "../graphql/admin-client";
import { logger } from "../logger.server";
import { isoDay } from "./evaluate.server";
import { loadAnswers, loadVault, rangeOf } from "./inputs.server";
import { computeLabels, stableStringify } from "./labels";
import { inferProfile, mergeProfile } from "./profile";
import { LABELS_KEY } from "./publish/definitions";
import { publishCertificates, type CertificatePublishReport } from "./publish/certificates.server";
import {
  ensureComplianceDefinitions,
  publishLabels,
  type PublishReport,
} from "./publish/publish.server";

const APP_NAMESPACE = /^app--\d+--compliance$/;

/** A stored timestamp in ms: pg gives Date objects, SQLite the ISO text Prisma and dateParam write. */
const timeOf = (v: unknown): number => {
  const ms = v instanceof Date ? v.getTime() : Date.parse(String(v ?? "").replace(" ", "T"));
  return Number.isNaN(ms) ? 0 : ms;
};

/** What Shopify holds for these products' labels, as far as we can tell (see above). */
export async function currentLabels(
  db: ChannelsDb,
  shop: string,
  range: { from: string; to: string },
): Promise<Map<string, string>> {
  const current = new Map<string, string>();
  const mirrored = new Map<string, { value: string; at: number }>();
  const rows = await selectRows(
    db,
    `SELECT "ownerId", "namespace", "value", "updatedAt", "syncedAt" FROM "Metafield" WHERE "shop" = ? AND "ownerId" >= ? AND "ownerId" <= ? AND "key" = ? AND "namespace" LIKE 'app--%--compliance'`,
    [shop, range.from, range.to, LABELS_KEY],
  );
  for (const r of rows) {
    if (!APP_NAMESPACE.test(String(r.namespace))) continue;
    mirrored.set(String(r.ownerId), {
      value: String(r.value),
      at: timeOf(r.updatedAt ?? r.syncedAt),
    });
  }
  const written = await selectRows(
    db,
    `SELECT "productId", "value", "publishedAt" FROM "ComplianceLabel" WHERE "shop" = ? AND "productId" >= ? AND "productId" <= ?`,
    [shop, range.from, range.to],
  );
  const ours = new Map(
    written.map((r) => [
      String(r.productId),
      { value: String(r.value), at: timeOf(r.publishedAt) },
    ]),
  );
  for (const id of new Set([...mirrored.keys(), ...ours.keys()])) {
    const m = mirrored.get(id);
    const o = ours.get(id);
    const pick = o && (!m || m.at < o.at) ? o : m;
    if (pick) current.set(id, pick.value);
  }
  return current;
}

async function remember(
  db: ChannelsDb,
  shop: string,
  written: readonly { productId: string; value: string }[],
  at: Date,
): Promise<void> {
  const sql = `INSERT INTO "ComplianceLabel" ("shop", "productId", "value", "publishedAt") VALUES (?, ?, ?, ?) ON CONFLICT ("shop", "productId") DO UPDATE SET "value" = excluded."value", "publishedAt" = excluded."publishedAt"`;
  const stamp = dateParam(db, at);
  for (const w of written) {
    const args = [shop, w.productId, w.value, stamp];
    if (db.kind === "sqlite") db.prepared(sql).run(args);
    else await db.pool.query(numbered(sql), args);
  }
}

export interface PublishAllOptions {
  channels: ChannelsDb;
  client: AdminClient;
  shop: string;
  markets: readonly string[];
  /** The day the evidence is judged on comes from this (default now). */
  now?: Date;
  signal?: AbortSignal;
  pageSize?: number;
  /** The Prisma client for the vault and the certificate mirror (default the app's). */
  db?: Db;
}

export async function publishAllLabels(
  options: PublishAllOptions,
): Promise<
  PublishReport & { definitionsCreated: string[]; certificates: CertificatePublishReport }
> {
  const { channels, client, shop } = options;
  const now = options.now ?? new Date();
  const today = isoDay(now);
  const definitionsCreated = await ensureComplianceDefinitions(client);
  // Certificates first: the metaobjects are the evidence the labels below rest on.
  const certificates = await publishCertificates({
    db: options.db ?? db(),
    client,
    shop,
    today,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  for (const f of certificates.failed.slice(0, 20))
    logger.error(
      {
        shop,
        op: "compliance.publish-certificates",
        certificateId: f.certificateId,
        err: f.message,
      },
      "Shopify refused a certificate's metaobject",
    );
  const vault = await loadVault(channels, shop);
  const total: PublishReport = { written: 0, unchanged: 0, failed: [] };
  for await (const page of productFactsPages(channels, shop, { now, pageSize: options.pageSize })) {
    options.signal?.throwIfAborted();
    const range = rangeOf(page.map((p) => p.id));
    const answers = await loadAnswers(channels, shop, range);
    const entries = page.map((product) => ({
      productId: product.id,
      labels: computeLabels({
        product,
        profile: mergeProfile(inferProfile(product), answers.get(product.id)),
        registrations: vault.registrations,
        certificates: vault.certificates,
        markets: options.markets,
        today,
      }),
    }));
    const current = await currentLabels(channels, shop, range);
    const report = await publishLabels(client, entries, current);
    const failed = new Set(report.failed.map((f) => f.productId));
    const written = entries
      .map((e) => ({ productId: e.productId, value: stableStringify(e.labels) }))
      .filter((e) => !failed.has(e.productId) && current.get(e.productId) !== e.value);
    await remember(channels, shop, written, new Date());
    total.written += report.written;
    total.unchanged += report.unchanged;
    total.failed.push(...report.failed);
  }
  return { ...total, definitionsCreated, certificates };
}

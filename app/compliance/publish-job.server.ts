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
 * value would be skipped while Shopify still shows today's. The confirmed profiles are published
 * alongside, read the same way from ComplianceProfileMetafield (where "" records a deleted one),
 * and the shop's EPR registrations once per publish, compared with what the shop holds.
 */
import { dateParam, numbered, selectRows, type RawDb } from "../db/raw.server";
import { productFactsPages } from "../facts/products.server";
import { db, type Db } from "../db.server";
import type { AdminClient } from "../graphql/admin-client";
import { logger } from "../logger.server";
import { isoDay } from "./evaluate.server";
import { loadAnswers, loadVault, rangeOf } from "./inputs.server";
import { computeLabels, stableStringify } from "./labels";
import { inferProfile, mergeProfile } from "./profile";
import { LABELS_KEY, PROFILE_KEY } from "./publish/definitions";
import { publishCertificates, type CertificatePublishReport } from "./publish/certificates.server";
import {
  PublishError,
  emptyPublishReport,
  ensureComplianceDefinitions,
  profileValue,
  publishLabels,
  publishRegistrations,
  type PublishReport,
} from "./publish/publish.server";

const APP_NAMESPACE = /^app--\d+--compliance$/;

/** A stored timestamp in ms: pg gives Date objects, SQLite the ISO text Prisma and dateParam write. */
const timeOf = (v: unknown): number => {
  const ms = v instanceof Date ? v.getTime() : Date.parse(String(v ?? "").replace(" ", "T"));
  return Number.isNaN(ms) ? 0 : ms;
};

/** Where our last write of each product metafield is remembered. */
const WRITTEN = { [LABELS_KEY]: "ComplianceLabel", [PROFILE_KEY]: "ComplianceProfileMetafield" };
type PublishedKey = keyof typeof WRITTEN;

/** What Shopify holds for these products' labels (or profiles), as far as we can tell (see above). */
export async function currentLabels(
  db: RawDb,
  shop: string,
  range: { from: string; to: string },
  key: PublishedKey = LABELS_KEY,
): Promise<Map<string, string>> {
  const current = new Map<string, string>();
  const mirrored = new Map<string, { value: string; at: number }>();
  const rows = await selectRows(
    db,
    `SELECT "ownerId", "namespace", "value", "updatedAt", "syncedAt" FROM "Metafield" WHERE "shop" = ? AND "ownerId" >= ? AND "ownerId" <= ? AND "key" = ? AND "namespace" LIKE 'app--%--compliance'`,
    [shop, range.from, range.to, key],
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
    `SELECT "productId", "value", "publishedAt" FROM "${WRITTEN[key]}" WHERE "shop" = ? AND "productId" >= ? AND "productId" <= ?`,
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
  db: RawDb,
  shop: string,
  written: readonly { productId: string; value: string }[],
  at: Date,
  key: PublishedKey = LABELS_KEY,
): Promise<void> {
  const sql = `INSERT INTO "${WRITTEN[key]}" ("shop", "productId", "value", "publishedAt") VALUES (?, ?, ?, ?) ON CONFLICT ("shop", "productId") DO UPDATE SET "value" = excluded."value", "publishedAt" = excluded."publishedAt"`;
  const stamp = dateParam(db, at);
  for (const w of written) {
    const args = [shop, w.productId, w.value, stamp];
    if (db.kind === "sqlite") db.prepared(sql).run(args);
    else await db.pool.query(numbered(sql), args);
  }
}

export interface PublishAllOptions {
  channels: RawDb;
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

export async function publishAllLabels(options: PublishAllOptions): Promise<
  PublishReport & {
    definitionsCreated: string[];
    certificates: CertificatePublishReport;
    registrations: "written" | "deleted" | "unchanged" | "failed";
  }
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
  let registrations: "written" | "deleted" | "unchanged" | "failed" = "failed";
  try {
    registrations = await publishRegistrations(client, vault.registrations);
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    logger.error(
      { shop, op: "compliance.publish-registrations", err: error.message },
      "Shopify refused the EPR registrations",
    );
  }
  const total = emptyPublishReport();
  for await (const page of productFactsPages(channels, shop, { now, pageSize: options.pageSize })) {
    options.signal?.throwIfAborted();
    const range = rangeOf(page.map((p) => p.id));
    const answers = await loadAnswers(channels, shop, range);
    const entries = page.map((product) => ({
      productId: product.id,
      profile: answers.get(product.id) ?? {},
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
    const currentProfiles = await currentLabels(channels, shop, range, PROFILE_KEY);
    const report = await publishLabels(client, entries, current, currentProfiles);
    const failed = new Set(report.failed.map((f) => f.productId));
    const written = entries
      .map((e) => ({ productId: e.productId, value: stableStringify(e.labels) }))
      .filter((e) => !failed.has(e.productId) && current.get(e.productId) !== e.value);
    await remember(channels, shop, written, new Date());
    const refused = new Set(report.profiles.failed.map((f) => f.productId));
    const profiles = entries
      .map((e) => ({ productId: e.productId, value: profileValue(e.profile) }))
      .filter(
        (e) => !refused.has(e.productId) && (currentProfiles.get(e.productId) ?? "") !== e.value,
      );
    await remember(channels, shop, profiles, new Date(), PROFILE_KEY);
    total.written += report.written;
    total.unchanged += report.unchanged;
    total.failed.push(...report.failed);
    for (const k of ["written", "deleted", "unchanged"] as const)
      total.profiles[k] += report.profiles[k];
    total.profiles.failed.push(...report.profiles.failed);
  }
  return { ...total, definitionsCreated, certificates, registrations };
}

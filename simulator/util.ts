/**
 * Small helpers shared by the simulator modules: narrowing of untyped values, Shopify gids and
 * Shopify's timestamp formats.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "gid://shopify/Product/123" -> "Product"; query strings (InventoryLevel ids) are ignored. */
export function gidType(gid: string): string | null {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/[^/]+$/.exec(gid);
  return match?.[1] ?? null;
}

/** The numeric part of a gid, 0 when it has none. Used for ID ordering and REST payload ids. */
export function gidNumber(gid: string): number {
  // Hot path (every sort and cursor): slice + parseInt instead of a regex. parseInt stops at the
  // "?" of InventoryLevel ids.
  if (!gid.startsWith("gid://shopify/")) return 0;
  const n = Number.parseInt(gid.slice(gid.indexOf("/", 14) + 1), 10);
  return Number.isNaN(n) ? 0 : n;
}

/** The legacy (REST) id as Shopify returns UnsignedInt64: a decimal string. */
export function gidLegacyId(gid: string): string {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)/.exec(gid);
  return match?.[1] ?? "0";
}

export function makeGid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

/** A type predicate for entities recognised by the type segment of their gid. */
export function entityGuard<S extends { id: string }>(
  type: string,
): (value: unknown) => value is S {
  return (value: unknown): value is S =>
    isRecord(value) && typeof value.id === "string" && gidType(value.id) === type;
}

/** GraphQL DateTime as Shopify prints it: UTC, second precision, "Z". */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * REST/webhook timestamps carry the shop's UTC offset ("2021-12-31T19:00:00-05:00"), unlike the
 * GraphQL DateTime. Formatting them the same way keeps webhook payloads honest to the real ones.
 */
export function restTime(iso: string | null, timeZone: string): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let offsetMinutes = 0;
  try {
    const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value;
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? "");
    if (m) offsetMinutes = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? "0"));
  } catch {
    offsetMinutes = 0; // unknown zone: fall back to UTC rather than failing a webhook
  }
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return (
    address === "::1" ||
    address === "localhost" ||
    /^127\.\d+\.\d+\.\d+$/.test(address) ||
    /^::ffff:127\.\d+\.\d+\.\d+$/.test(address)
  );
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

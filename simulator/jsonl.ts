/**
 * Flattens bulk query results into Shopify's JSONL: one JSON object per line per node. Nodes of
 * nested connections get their own lines carrying `"__parentId"` (the id of the node that owns
 * the connection, appended last as in Shopify's output) and are removed from the parent line;
 * plain nested objects stay inline. Children follow their parent, which satisfies readers of
 * both the grouped and the ungrouped format.
 */
import type { ConnectionShape, ObjectShape } from "./bulk-query";
import { isRecord } from "./util";

/** The node objects of a connection value, via every selected `edges { node }` and `nodes`. */
export function connectionNodes(value: unknown, shape: ConnectionShape): Record<string, unknown>[] {
  if (!isRecord(value)) return [];
  for (const { key, nodeKeys } of shape.edges) {
    const edges = value[key];
    const nodeKey = nodeKeys[0];
    if (Array.isArray(edges) && nodeKey) {
      return edges.flatMap((e) => (isRecord(e) && isRecord(e[nodeKey]) ? [e[nodeKey]] : []));
    }
  }
  for (const key of shape.nodes) {
    const nodes = value[key];
    if (Array.isArray(nodes)) return nodes.filter(isRecord);
  }
  return [];
}

/** Copy an object without its connection fields; collects the removed connections' children. */
function strip(
  obj: Record<string, unknown>,
  shape: ObjectShape,
  children: { node: Record<string, unknown>; shape: ObjectShape }[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    const conn = shape.connections.get(key);
    if (conn) {
      for (const node of connectionNodes(value, conn)) children.push({ node, shape: conn.node });
      continue;
    }
    const nested = shape.objects.get(key);
    out[key] = nested && isRecord(value) ? strip(value, nested, children) : value;
  }
  return out;
}

/** Lines (as objects) for one node and, recursively, the nodes of its nested connections. */
export function* nodeLines(
  node: Record<string, unknown>,
  shape: ObjectShape,
  parentId: string | null,
): Generator<Record<string, unknown>> {
  const children: { node: Record<string, unknown>; shape: ObjectShape }[] = [];
  const line = strip(node, shape, children);
  if (parentId !== null) line.__parentId = parentId;
  yield line;
  const id = typeof node.id === "string" ? node.id : null;
  for (const child of children) {
    // bulk-query.ts guarantees `id` is selected wherever there are children.
    yield* nodeLines(child.node, child.shape, id ?? "");
  }
}

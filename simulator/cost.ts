/**
 * Shopify's calculated query cost
 * (https://shopify.dev/docs/api/usage/rate-limits#graphql-admin-api-rate-limits):
 * scalars and enums cost 0, objects 1, interfaces/unions the maximum of their possible
 * selections, connections 2 plus `first`/`last` times the cost of one node, mutation fields 10.
 * The requested cost is a static analysis done before execution; the actual cost walks the
 * response and counts the nodes really returned. Connections without `first`/`last` are refused
 * here as Shopify does (bulk operations skip this module).
 */
import {
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { isRecord } from "./util";

export const MAX_QUERY_COST = 1000;
export const MUTATION_COST = 10;

type Variables = Record<string, unknown>;

interface CostEnv {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Variables;
  errors: GraphQLError[];
}

interface FieldGroup {
  parentType: GraphQLCompositeType;
  nodes: FieldNode[];
}

export function isConnectionType(type: GraphQLNamedType): boolean {
  if (!isObjectType(type) || !type.name.endsWith("Connection")) return false;
  const fields = type.getFields();
  return "pageInfo" in fields && ("edges" in fields || "nodes" in fields);
}

function included(
  node: { readonly directives?: readonly DirectiveNode[] },
  variables: Variables,
): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false) return false;
  return true;
}

function fieldDef(
  parentType: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parentType) || isInterfaceType(parentType)) return parentType.getFields()[name];
  return undefined;
}

function typeByName(
  env: CostEnv,
  name: string | undefined,
  fallback: GraphQLCompositeType,
): GraphQLCompositeType {
  if (!name) return fallback;
  const t = env.schema.getType(name);
  return t && isCompositeType(t) ? t : fallback;
}

/**
 * Collect the fields of a selection set by response key, grouped by the type condition they
 * apply under: the parent's own group, and one group per other fragment type (for which only
 * the most expensive counts, as only one of them applies at runtime).
 */
function collectGrouped(
  env: CostEnv,
  groupType: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  groups: Map<string, Map<string, FieldGroup>>,
): void {
  for (const sel of selectionSet.selections) {
    if (!included(sel, env.variables)) continue;
    if (sel.kind === Kind.FIELD) {
      let group = groups.get(groupType.name);
      if (!group) groups.set(groupType.name, (group = new Map()));
      const key = sel.alias?.value ?? sel.name.value;
      const entry = group.get(key);
      if (entry) entry.nodes.push(sel);
      else group.set(key, { parentType: groupType, nodes: [sel] });
    } else {
      const condition =
        sel.kind === Kind.INLINE_FRAGMENT
          ? sel.typeCondition?.name.value
          : env.fragments[sel.name.value]?.typeCondition.name.value;
      const selections =
        sel.kind === Kind.INLINE_FRAGMENT
          ? sel.selectionSet
          : env.fragments[sel.name.value]?.selectionSet;
      if (!selections) continue;
      collectGrouped(env, typeByName(env, condition, groupType), selections, groups);
    }
  }
}

function mergedSelection(nodes: readonly FieldNode[]): SelectionSetNode | undefined {
  const selections = nodes.flatMap((n) => n.selectionSet?.selections ?? []);
  return selections.length ? { kind: Kind.SELECTION_SET, selections } : undefined;
}

function argValues(
  env: CostEnv,
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
): Record<string, unknown> {
  try {
    return getArgumentValues(def, node, env.variables);
  } catch {
    return {}; // argument errors are reported by execution; cost must not mask them
  }
}

function selectionCost(
  env: CostEnv,
  parentType: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  path: readonly string[],
): number {
  const groups = new Map<string, Map<string, FieldGroup>>();
  collectGrouped(env, parentType, selectionSet, groups);
  let base = 0;
  let typedMax = 0;
  for (const [typeName, fields] of groups) {
    let sum = 0;
    for (const [key, group] of fields) sum += fieldCost(env, group, [...path, key]);
    if (typeName === parentType.name) base += sum;
    else typedMax = Math.max(typedMax, sum);
  }
  return base + typedMax;
}

/** Cost of one node of a connection: the max over its `edges { node }` and `nodes` selections. */
function connectionNodeCost(
  env: CostEnv,
  connType: GraphQLCompositeType,
  selection: SelectionSetNode | undefined,
  path: readonly string[],
): number {
  if (!selection) return 0;
  const groups = new Map<string, Map<string, FieldGroup>>();
  collectGrouped(env, connType, selection, groups);
  let best = 0;
  for (const fields of groups.values()) {
    for (const group of fields.values()) {
      const first = group.nodes[0];
      if (!first) continue;
      const def = fieldDef(group.parentType, first.name.value);
      if (!def) continue;
      const named = getNamedType(def.type);
      const sel = mergedSelection(group.nodes);
      if (first.name.value === "nodes") {
        best = Math.max(best, objectCost(env, named, sel, [...path, "nodes"]));
      } else if (first.name.value === "edges" && isCompositeType(named) && sel) {
        const edgeGroups = new Map<string, Map<string, FieldGroup>>();
        collectGrouped(env, named, sel, edgeGroups);
        for (const edgeFields of edgeGroups.values()) {
          const nodeGroup = [...edgeFields.values()].find((g) => g.nodes[0]?.name.value === "node");
          const nodeDef = nodeGroup ? fieldDef(nodeGroup.parentType, "node") : undefined;
          if (nodeGroup && nodeDef) {
            best = Math.max(
              best,
              objectCost(env, getNamedType(nodeDef.type), mergedSelection(nodeGroup.nodes), [
                ...path,
                "edges",
                "node",
              ]),
            );
          }
        }
      }
    }
  }
  return best;
}

function objectCost(
  env: CostEnv,
  type: GraphQLNamedType,
  selection: SelectionSetNode | undefined,
  path: readonly string[],
): number {
  if (!isCompositeType(type)) return 0;
  return 1 + (selection ? selectionCost(env, type, selection, path) : 0);
}

function fieldCost(env: CostEnv, group: FieldGroup, path: readonly string[]): number {
  const node = group.nodes[0];
  if (!node || node.name.value.startsWith("__")) return 0;
  const def = fieldDef(group.parentType, node.name.value);
  if (!def) return 0;
  const named = getNamedType(def.type);
  if (!isCompositeType(named)) return 0;
  const selection = mergedSelection(group.nodes);
  if (isConnectionType(named)) {
    const args = argValues(env, def, node);
    const size =
      typeof args.first === "number"
        ? args.first
        : typeof args.last === "number"
          ? args.last
          : null;
    const pageable = def.args.some((a) => a.name === "first" || a.name === "last");
    if (size === null && pageable) {
      env.errors.push(
        new GraphQLError("you must provide one of first or last", { nodes: node, path: [...path] }),
      );
    }
    return 2 + (size ?? 0) * connectionNodeCost(env, named, selection, path);
  }
  return objectCost(env, named, selection, path);
}

function fragmentsOf(document: {
  definitions: readonly { kind: string }[];
}): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) {
    if (isFragment(def)) out[def.name.value] = def;
  }
  return out;
}

function isFragment(def: { kind: string }): def is FragmentDefinitionNode {
  return def.kind === Kind.FRAGMENT_DEFINITION;
}

export interface RequestedCost {
  cost: number;
  /** Static errors Shopify reports before execution (missing first/last). */
  errors: GraphQLError[];
}

export function requestedCost(
  schema: GraphQLSchema,
  document: { definitions: readonly { kind: string }[] },
  operation: OperationDefinitionNode,
  variables: Variables,
): RequestedCost {
  const env: CostEnv = { schema, fragments: fragmentsOf(document), variables, errors: [] };
  const root =
    operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { cost: 0, errors: [] };
  if (operation.operation === "mutation") {
    const groups = new Map<string, Map<string, FieldGroup>>();
    collectGrouped(env, root, operation.selectionSet, groups);
    let n = 0;
    for (const fields of groups.values())
      for (const key of fields.keys()) if (!key.startsWith("__")) n++;
    return { cost: n * MUTATION_COST, errors: [] };
  }
  const cost = selectionCost(env, root, operation.selectionSet, []);
  return { cost, errors: env.errors };
}

// ---- actual cost -------------------------------------------------------------------------

function actualSelection(
  env: CostEnv,
  parentType: GraphQLCompositeType,
  selection: SelectionSetNode,
  data: Record<string, unknown>,
): number {
  // At runtime only the fields of the matching type conditions are in `data`, so every group
  // can be walked and absent keys skipped.
  const groups = new Map<string, Map<string, FieldGroup>>();
  collectGrouped(env, parentType, selection, groups);
  const seen = new Set<string>();
  let total = 0;
  for (const fields of groups.values()) {
    for (const [key, group] of fields) {
      if (seen.has(key) || !(key in data)) continue;
      seen.add(key);
      total += actualField(env, group, data[key]);
    }
  }
  return total;
}

function actualObject(
  env: CostEnv,
  type: GraphQLNamedType,
  selection: SelectionSetNode | undefined,
  value: unknown,
): number {
  if (!isCompositeType(type)) return 0;
  if (!isRecord(value) || !selection) return 1;
  return 1 + actualSelection(env, type, selection, value);
}

function actualField(env: CostEnv, group: FieldGroup, value: unknown): number {
  const node = group.nodes[0];
  if (!node || node.name.value.startsWith("__")) return 0;
  const def = fieldDef(group.parentType, node.name.value);
  if (!def) return 0;
  const named = getNamedType(def.type);
  if (!isCompositeType(named)) return 0;
  const selection = mergedSelection(group.nodes);
  if (isConnectionType(named) && isObjectType(named)) {
    if (!isRecord(value) || !selection) return 2;
    let best = 0;
    const edgesDef = named.getFields().edges;
    const nodesDef = named.getFields().nodes;
    const groups = new Map<string, Map<string, FieldGroup>>();
    collectGrouped(env, named, selection, groups);
    for (const fields of groups.values()) {
      for (const [key, g] of fields) {
        const v = value[key];
        if (!Array.isArray(v)) continue;
        const sel = mergedSelection(g.nodes);
        if (g.nodes[0]?.name.value === "nodes" && nodesDef) {
          const nodeType = getNamedType(nodesDef.type);
          best = Math.max(
            best,
            v.reduce(
              (sum: number, item: unknown) =>
                sum + (item === null ? 0 : actualObject(env, nodeType, sel, item)),
              0,
            ),
          );
        } else if (g.nodes[0]?.name.value === "edges" && edgesDef && sel) {
          const edgeType = getNamedType(edgesDef.type);
          if (!isObjectType(edgeType)) continue;
          const nodeDef = edgeType.getFields().node;
          if (!nodeDef) continue;
          const nodeType = getNamedType(nodeDef.type);
          const edgeGroups = new Map<string, Map<string, FieldGroup>>();
          collectGrouped(env, edgeType, sel, edgeGroups);
          for (const edgeFields of edgeGroups.values()) {
            for (const [edgeKey, eg] of edgeFields) {
              if (eg.nodes[0]?.name.value !== "node") continue;
              const nodeSel = mergedSelection(eg.nodes);
              const sum = v.reduce((acc: number, edge: unknown) => {
                const n = isRecord(edge) ? edge[edgeKey] : null;
                return (
                  acc +
                  (n === null || n === undefined ? 0 : actualObject(env, nodeType, nodeSel, n))
                );
              }, 0);
              best = Math.max(best, sum);
            }
          }
        }
      }
    }
    return 2 + best;
  }
  if (Array.isArray(value)) {
    // Plain lists are priced once in the requested cost; charge the dearest element, not each.
    return value.reduce(
      (max: number, item: unknown) => Math.max(max, actualObject(env, named, selection, item)),
      1,
    );
  }
  return actualObject(env, named, selection, value);
}

export function actualCost(
  schema: GraphQLSchema,
  document: { definitions: readonly { kind: string }[] },
  operation: OperationDefinitionNode,
  variables: Variables,
  data: unknown,
): number {
  if (operation.operation === "mutation")
    return requestedCost(schema, document, operation, variables).cost;
  const root = schema.getQueryType();
  if (!root || !isRecord(data)) return 0;
  const env: CostEnv = { schema, fragments: fragmentsOf(document), variables, errors: [] };
  return actualSelection(env, root, operation.selectionSet, data);
}

/** True when a field's output type is (a list of) a connection, used by the bulk validator. */
export function outputIsList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

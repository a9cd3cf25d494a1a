/**
 * Checks a bulk query the way bulkOperationRunQuery does and derives the "line shape" the JSONL
 * writer needs: which response keys are connections (their nodes become their own lines) and
 * which are plain nested objects (kept inline). Rules, from Shopify's bulk operation docs and
 * its error messages: the query must be valid, have one top-level field and at least one
 * connection, at most five connections nested at most two levels deep, no connection inside a
 * list field, and every node that has a nested connection must select `id` (unaliased) so the
 * children's `__parentId` can point at it.
 */
import {
  Kind,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { isConnectionType, outputIsList } from "./cost";
import { shopifyValidationMessage } from "./errors";

export interface ObjectShape {
  /** Response key -> connection whose nodes become separate lines. */
  connections: Map<string, ConnectionShape>;
  /** Response key -> nested (non-connection) object that contains connections further down. */
  objects: Map<string, ObjectShape>;
}

export interface ConnectionShape {
  /** Response keys of `edges` fields and, per edges key, the response keys of `node`. */
  edges: { key: string; nodeKeys: string[] }[];
  /** Response keys of `nodes` fields. */
  nodes: string[];
  node: ObjectShape;
}

export interface BulkPlan {
  document: DocumentNode;
  rootKey: string;
  /** Set when the top-level field is a connection (paged by the runner); else null. */
  rootConnection: ConnectionShape | null;
  /** Shape of the top-level object when it is not a connection. */
  rootObject: ObjectShape | null;
}

interface Env {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  errors: string[];
  connections: number;
}

interface Collected {
  parentType: GraphQLCompositeType;
  nodes: FieldNode[];
}

function collect(
  env: Env,
  type: GraphQLCompositeType,
  selection: SelectionSetNode,
  out = new Map<string, Collected>(),
): Map<string, Collected> {
  for (const sel of selection.selections) {
    if (sel.kind === Kind.FIELD) {
      const key = sel.alias?.value ?? sel.name.value;
      const entry = out.get(key);
      if (entry) entry.nodes.push(sel);
      else out.set(key, { parentType: type, nodes: [sel] });
      continue;
    }
    const frag = sel.kind === Kind.FRAGMENT_SPREAD ? env.fragments[sel.name.value] : sel;
    if (!frag) continue;
    const condName = frag.typeCondition?.name.value;
    const cond = condName ? env.schema.getType(condName) : type;
    collect(env, cond && isCompositeType(cond) ? cond : type, frag.selectionSet, out);
  }
  return out;
}

function merged(nodes: readonly FieldNode[]): SelectionSetNode | null {
  const selections = nodes.flatMap((n) => n.selectionSet?.selections ?? []);
  return selections.length ? { kind: Kind.SELECTION_SET, selections } : null;
}

function fieldType(c: Collected): ReturnType<typeof getNamedType> | null {
  const name = c.nodes[0]?.name.value;
  if (!name || !(isObjectType(c.parentType) || isInterfaceType(c.parentType))) return null;
  const def = c.parentType.getFields()[name];
  return def ? getNamedType(def.type) : null;
}

function isListField(c: Collected): boolean {
  const name = c.nodes[0]?.name.value;
  if (!name || !(isObjectType(c.parentType) || isInterfaceType(c.parentType))) return false;
  const def = c.parentType.getFields()[name];
  return def ? outputIsList(def.type) : false;
}

function hasConnections(shape: ObjectShape): boolean {
  return shape.connections.size > 0 || [...shape.objects.values()].some(hasConnections);
}

function objectShape(
  env: Env,
  type: GraphQLCompositeType,
  selection: SelectionSetNode | null,
  depth: number,
  inList: boolean,
): ObjectShape {
  const shape: ObjectShape = { connections: new Map(), objects: new Map() };
  if (!selection) return shape;
  for (const [key, c] of collect(env, type, selection)) {
    const named = fieldType(c);
    if (!named || !isCompositeType(named)) continue;
    const list = isListField(c);
    if (isConnectionType(named)) {
      if (inList)
        env.errors.push(
          "Queries that contain a connection field within a list field are not currently supported.",
        );
      env.connections++;
      if (depth + 1 > 2)
        env.errors.push(
          "Bulk queries cannot contain connections with a nesting depth greater than 2.",
        );
      shape.connections.set(key, connectionShape(env, named, merged(c.nodes), depth + 1, key));
    } else {
      const nested = objectShape(env, named, merged(c.nodes), depth, inList || list);
      if (hasConnections(nested)) shape.objects.set(key, nested);
    }
  }
  return shape;
}

function selectsPlainId(
  env: Env,
  type: GraphQLCompositeType,
  selection: SelectionSetNode | null,
): boolean {
  if (!selection) return false;
  const id = collect(env, type, selection).get("id");
  return !!id && id.nodes.every((n) => n.name.value === "id");
}

function connectionShape(
  env: Env,
  connType: GraphQLCompositeType,
  selection: SelectionSetNode | null,
  depth: number,
  fieldKey: string,
): ConnectionShape {
  const out: ConnectionShape = {
    edges: [],
    nodes: [],
    node: { connections: new Map(), objects: new Map() },
  };
  if (!selection) return out;
  const nodeSelections: FieldNode[] = [];
  let nodeType: GraphQLCompositeType | null = null;
  for (const [key, c] of collect(env, connType, selection)) {
    const name = c.nodes[0]?.name.value;
    const named = fieldType(c);
    if (name === "nodes" && named && isCompositeType(named)) {
      out.nodes.push(key);
      nodeSelections.push(...c.nodes);
      nodeType = named;
    } else if (name === "edges" && named && isCompositeType(named)) {
      const edgeSel = merged(c.nodes);
      const nodeKeys: string[] = [];
      if (edgeSel) {
        for (const [edgeKey, ec] of collect(env, named, edgeSel)) {
          const nodeNamed = fieldType(ec);
          if (ec.nodes[0]?.name.value === "node" && nodeNamed && isCompositeType(nodeNamed)) {
            nodeKeys.push(edgeKey);
            nodeSelections.push(...ec.nodes);
            nodeType = nodeNamed;
          }
        }
      }
      out.edges.push({ key, nodeKeys });
    }
  }
  if (nodeType) {
    const nodeSel = merged(nodeSelections);
    out.node = objectShape(env, nodeType, nodeSel, depth, false);
    if (hasConnections(out.node) && !selectsPlainId(env, nodeType, nodeSel)) {
      env.errors.push(
        `The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': ${fieldKey}.`,
      );
    }
  }
  return out;
}

export function planBulkQuery(
  schema: GraphQLSchema,
  query: string,
): { plan: BulkPlan } | { errors: string[] } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (e) {
    return { errors: [`Invalid bulk query: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const invalid = validate(schema, document);
  if (invalid.length)
    return {
      errors: invalid.map((e) => `Invalid bulk query: ${shopifyValidationMessage(e).message}`),
    };
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operations[0];
  if (!operation || operations.length > 1)
    return { errors: ["Bulk queries must contain exactly one operation."] };
  if (operation.operation !== "query")
    return {
      errors: ["Bulk operations can only run queries; use bulkOperationRunMutation for mutations."],
    };
  if (operation.variableDefinitions?.length)
    return { errors: ["Bulk queries cannot use variables."] };
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const env: Env = { schema, fragments, errors: [], connections: 0 };
  const root = schema.getQueryType();
  if (!root) return { errors: ["Schema has no query type."] };
  const top = [...collect(env, root, operation.selectionSet)].filter(
    ([key]) => key !== "__typename",
  );
  const first = top[0];
  if (!first || top.length !== 1)
    return { errors: ["Bulk queries must have exactly one top-level field."] };
  const [rootKey, rootCollected] = first;
  const named = fieldType(rootCollected);
  if (!named || !isCompositeType(named))
    return { errors: ["Bulk queries must contain at least one connection."] };
  let rootConnection: ConnectionShape | null = null;
  let rootObject: ObjectShape | null = null;
  if (isConnectionType(named)) {
    env.connections++;
    rootConnection = connectionShape(env, named, merged(rootCollected.nodes), 1, rootKey);
  } else {
    rootObject = objectShape(
      env,
      named,
      merged(rootCollected.nodes),
      0,
      isListField(rootCollected),
    );
  }
  if (env.connections === 0) env.errors.push("Bulk queries must contain at least one connection.");
  if (env.connections > 5) env.errors.push("Bulk queries cannot contain more than 5 connections.");
  if (env.errors.length) return { errors: [...new Set(env.errors)] };
  return { plan: { document, rootKey, rootConnection, rootObject } };
}

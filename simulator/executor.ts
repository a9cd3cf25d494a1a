/**
 * One Admin GraphQL request, start to finish, as Shopify handles it: parse, validate against the
 * real schema, compute the requested cost (refusing first/last-less connections and queries over
 * the 1000-point limit), check the leaky bucket, execute over the store, then charge the actual
 * cost and report it in `extensions.cost`. HTTP-level concerns (auth, faults) are in server.ts.
 */
import {
  GraphQLError,
  Kind,
  execute,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from "graphql";
import type { CostBucket } from "./bucket";
import { MAX_QUERY_COST, actualCost, requestedCost } from "./cost";
import { formatValidationError } from "./errors";
import type { Faults } from "./faults";
import type { SimContext, SimServices } from "./resolvers/context";
import { fieldResolver, typeResolver } from "./resolvers/index";
import type { SimStore } from "./store";
import { isRecord } from "./util";

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

export interface ExecutorDeps {
  schema: GraphQLSchema;
  store: SimStore;
  bucket: CostBucket;
  faults: Faults;
  services: SimServices;
}

export interface AdminResponse {
  status: number;
  body: Record<string, unknown>;
}

/** Accepts `application/json` bodies and raw `application/graphql` queries, like Shopify. */
export function parseRequestBody(
  raw: string,
  contentType: string | undefined,
): GraphQLRequest | null {
  if (contentType?.includes("application/graphql"))
    return { query: raw, variables: {}, operationName: null };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(json) || typeof json.query !== "string") return null;
  return {
    query: json.query,
    variables: isRecord(json.variables) ? json.variables : {},
    operationName:
      typeof json.operationName === "string" && json.operationName ? json.operationName : null,
  };
}

function costExtension(
  deps: ExecutorDeps,
  requested: number,
  actual: number | null,
): Record<string, unknown> {
  return {
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: deps.bucket.status(),
  };
}

function errorResponse(
  deps: ExecutorDeps,
  errors: GraphQLFormattedError[],
  requested = 0,
): AdminResponse {
  return {
    status: 200,
    body: { errors, extensions: { cost: costExtension(deps, requested, null) } },
  };
}

export function throttledResponse(deps: ExecutorDeps, requested: number): AdminResponse {
  return errorResponse(
    deps,
    [
      {
        message: "Throttled",
        extensions: {
          code: "THROTTLED",
          documentation: "https://shopify.dev/api/usage/rate-limits",
        },
      },
    ],
    requested,
  );
}

export function newContext(
  deps: Pick<ExecutorDeps, "schema" | "store" | "services">,
  mode: SimContext["mode"],
): SimContext {
  return {
    store: deps.store,
    schema: deps.schema,
    mode,
    bulkRoot: null,
    services: deps.services,
    searchWarnings: [],
  };
}

export async function executeAdminRequest(
  deps: ExecutorDeps,
  request: GraphQLRequest,
): Promise<AdminResponse> {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (e) {
    if (e instanceof GraphQLError)
      return errorResponse(deps, [
        { message: e.message, ...(e.locations ? { locations: e.locations } : {}) },
      ]);
    throw e;
  }
  const validationErrors = validate(deps.schema, document);
  if (validationErrors.length)
    return errorResponse(deps, validationErrors.map(formatValidationError));

  const operation = getOperationAST(document, request.operationName);
  if (!operation) {
    const count = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
    const message = request.operationName
      ? `No operation named "${request.operationName}"`
      : count > 1
        ? "An operation name is required"
        : "No operation given";
    return errorResponse(deps, [{ message }]);
  }
  const coerced = getVariableValues(
    deps.schema,
    operation.variableDefinitions ?? [],
    request.variables,
  );
  if (coerced.errors) {
    return errorResponse(
      deps,
      coerced.errors.map((e) => ({
        message: e.message,
        ...(e.locations ? { locations: e.locations } : {}),
        extensions: { code: "variableMismatch" },
      })),
    );
  }
  const variables = coerced.coerced;

  const cost = requestedCost(deps.schema, document, operation, variables);
  if (cost.errors.length)
    return errorResponse(
      deps,
      cost.errors.map((e) => e.toJSON()),
      cost.cost,
    );
  if (cost.cost > MAX_QUERY_COST) {
    return errorResponse(
      deps,
      [
        {
          message:
            `Query cost is ${cost.cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
            "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n" +
            "cost of a query is calculated.\n\n" +
            "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
            "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n",
          extensions: { code: "MAX_COST_EXCEEDED", cost: cost.cost, maxCost: MAX_QUERY_COST },
        },
      ],
      cost.cost,
    );
  }
  if (deps.faults.takeThrottle() || !deps.bucket.tryTake(cost.cost))
    return throttledResponse(deps, cost.cost);

  const ctx = newContext(deps, "api");
  const result = await execute({
    schema: deps.schema,
    document,
    rootValue: {},
    contextValue: ctx,
    variableValues: request.variables,
    operationName: request.operationName,
    fieldResolver,
    typeResolver,
  });
  const actual = Math.min(
    cost.cost,
    actualCost(deps.schema, document, operation, variables, result.data),
  );
  deps.bucket.refund(cost.cost - actual);

  const extensions: Record<string, unknown> = { cost: costExtension(deps, cost.cost, actual) };
  if (ctx.searchWarnings.length) {
    extensions.search = ctx.searchWarnings.map((w) => ({
      path: w.path,
      query: w.query,
      warnings: w.fields.map((field) => ({
        field,
        message: "Invalid search field for this query.",
      })),
    }));
  }
  const body: Record<string, unknown> = {};
  if (result.errors?.length) body.errors = result.errors.map((e) => e.toJSON());
  body.data = result.data ?? null;
  body.extensions = extensions;
  return { status: 200, body };
}

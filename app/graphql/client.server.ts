/**
 * The shape of `admin.graphql` from @shopify/shopify-app-remix, so services can take it as an
 * argument and tests can hand them any Admin endpoint.
 */
export type AdminGraphql = (
  query: string,
  options?: { variables?: Record<string, unknown> },
) => Promise<Response>;

export class AdminApiError extends Error {
  override name = "AdminApiError";
  constructor(
    readonly operation: string,
    readonly errors: unknown,
  ) {
    super(`${operation} failed: ${JSON.stringify(errors).slice(0, 500)}`);
  }
}

/** Runs one named operation and returns its data, or throws naming the operation. */
export async function runOperation<T>(
  graphql: AdminGraphql,
  operation: { name: string; document: string },
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await graphql(operation.document, variables ? { variables } : undefined);
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new AdminApiError(operation.name, body.errors);
  if (!body.data) throw new AdminApiError(operation.name, "no data in the response");
  return body.data;
}

/**
 * A mutation's payload. The schema makes every payload nullable, but Shopify only leaves it null
 * beside top-level errors, which runOperation and the admin client already throw on: null here is
 * a broken answer, not a case to handle.
 */
export function payloadOf<T>(operation: { name: string }, payload: T | null): T {
  if (payload === null) throw new AdminApiError(operation.name, "no payload in the response");
  return payload;
}

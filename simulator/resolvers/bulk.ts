/** Bulk operation queries and mutations; the work itself happens in ../bulk.ts. */
import { argBool, argString, resolveConnection, type ResolverMap } from "./context";
import { gidNumber } from "../util";

export function bulkResolvers(): ResolverMap {
  return {
    QueryRoot: {
      bulkOperation: (_s, args, ctx) => ctx.services.bulk.get(argString(args, "id") ?? ""),
      currentBulkOperation: (_s, args, ctx) =>
        ctx.services.bulk.current(argString(args, "type") === "MUTATION" ? "MUTATION" : "QUERY"),
      bulkOperations: (_s, args, ctx, info) =>
        resolveConnection(ctx, info, args, {
          items: () => ctx.services.bulk.list(),
          key:
            argString(args, "sortKey") === "ID"
              ? (op) => gidNumber(op.id)
              : (op) => Date.parse(op.createdAt),
          search: {
            text: (op) => [op.query],
            fields: {
              status: (op) => op.status,
              operation_type: (op) => op.type,
              created_at: (op) => op.createdAt,
              id: (op) => gidNumber(op.id),
            },
          },
        }),
    },
    Mutation: {
      bulkOperationRunQuery: (_s, args, ctx) => {
        const result = ctx.services.bulk.run(
          argString(args, "query") ?? "",
          argBool(args, "groupObjects") === true,
        );
        return { bulkOperation: result.operation, userErrors: result.userErrors };
      },
      bulkOperationCancel: (_s, args, ctx) => {
        const result = ctx.services.bulk.cancel(argString(args, "id") ?? "");
        return { bulkOperation: result.operation, userErrors: result.userErrors };
      },
    },
  };
}

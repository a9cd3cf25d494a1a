import type {
  ShopRegistrationsQuery,
  ShopRegistrationsQueryVariables,
} from "./generated/admin.generated";

/** The shop's gid (the owner of shop metafields) and the EPR registrations it holds now. */
export const ShopRegistrations = {
  name: "ShopRegistrations",
  document: `#graphql
    query ShopRegistrations {
      shop {
        id
        registrations: metafield(namespace: "$app:compliance", key: "registrations") {
          value
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type ShopRegistrationsResult = ShopRegistrationsQuery;
export type ShopRegistrationsVariables = ShopRegistrationsQueryVariables;

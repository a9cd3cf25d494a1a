import type { LocationListQuery, LocationListQueryVariables } from "./generated/admin.generated";

/** The shop's locations (few enough for one page; read before the inventory bulk sync). */
export const LocationList = {
  name: "LocationList",
  document: `#graphql
    query LocationList {
      locations(first: 250, includeInactive: true) {
        nodes {
          id
          name
          isActive
          address {
            countryCode
          }
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type LocationListResult = LocationListQuery;
export type LocationListVariables = LocationListQueryVariables;

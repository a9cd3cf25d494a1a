import type { ShopProfileQuery, ShopProfileQueryVariables } from "./generated/admin.generated";

/** What the app keeps about a shop: its identity, plan, languages and markets. */
export const ShopProfile = {
  name: "ShopProfile",
  document: `#graphql
    query ShopProfile($marketsAfter: String) {
      shop {
        name
        email
        contactEmail
        currencyCode
        ianaTimezone
        myshopifyDomain
        plan {
          publicDisplayName
          shopifyPlus
          partnerDevelopment
        }
        primaryDomain {
          url
        }
      }
      shopLocales {
        locale
        name
        primary
        published
      }
      markets(first: 10, after: $marketsAfter) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          name
          handle
          status
          currencySettings {
            baseCurrency {
              currencyCode
            }
          }
          conditions {
            regionsCondition {
              regions(first: 60) {
                nodes {
                  ... on MarketRegionCountry {
                    code
                  }
                }
              }
            }
          }
        }
      }
    }
  `,
} as const;

/** Generated from the document (npm run graphql:codegen). */
export type ShopProfileResult = ShopProfileQuery;
export type ShopProfileVariables = ShopProfileQueryVariables;

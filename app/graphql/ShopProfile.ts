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

export interface ShopProfileResult {
  shop: {
    name: string;
    email: string;
    contactEmail: string;
    currencyCode: string;
    ianaTimezone: string;
    myshopifyDomain: string;
    plan: { publicDisplayName: string; shopifyPlus: boolean; partnerDevelopment: boolean };
    primaryDomain: { url: string };
  };
  shopLocales: { locale: string; name: string; primary: boolean; published: boolean }[];
  markets: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: {
      id: string;
      name: string;
      handle: string;
      status: "ACTIVE" | "DRAFT";
      currencySettings: { baseCurrency: { currencyCode: string } } | null;
      conditions: {
        regionsCondition: { regions: { nodes: { code?: string }[] } } | null;
      } | null;
    }[];
  };
}

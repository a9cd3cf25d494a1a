/**
 * Orders with what attribution needs: totals, codes, attributes, the customer journey with UTM
 * parameters, and the lines. No names, emails or addresses beyond the shipping country.
 */
export const BulkOrders = {
  name: "BulkOrders",
  document: `#graphql
    query BulkOrders {
      orders {
        edges {
          node {
            id
            name
            createdAt
            processedAt
            updatedAt
            cancelledAt
            test
            currencyCode
            sourceName
            discountCodes
            customAttributes {
              key
              value
            }
            subtotalPriceSet {
              shopMoney {
                amount
              }
            }
            totalDiscountsSet {
              shopMoney {
                amount
              }
            }
            totalPriceSet {
              shopMoney {
                amount
                currencyCode
              }
            }
            customer {
              id
            }
            shippingAddress {
              countryCodeV2
            }
            customerJourneySummary {
              daysToConversion
              firstVisit {
                landingPage
                referrerUrl
                source
                occurredAt
                utmParameters {
                  source
                  medium
                  campaign
                  content
                  term
                }
              }
              lastVisit {
                landingPage
                referrerUrl
                source
                occurredAt
                utmParameters {
                  source
                  medium
                  campaign
                  content
                  term
                }
              }
            }
            lineItems {
              edges {
                node {
                  id
                  title
                  quantity
                  sku
                  product {
                    id
                  }
                  variant {
                    id
                  }
                  originalUnitPriceSet {
                    shopMoney {
                      amount
                    }
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

/**
 * The products bulk query: every product with its variants (and inventory item facts), images
 * and metafields. Run through bulkOperationRunQuery; connections take no `first` in bulk mode.
 */
export const BulkProducts = {
  name: "BulkProducts",
  document: `#graphql
    query BulkProducts {
      products {
        edges {
          node {
            id
            title
            handle
            vendor
            productType
            descriptionHtml
            status
            tags
            createdAt
            updatedAt
            publishedAt
            category {
              id
              name
              fullName
            }
            seo {
              title
              description
            }
            options {
              name
              values
            }
            featuredMedia {
              id
            }
            variants {
              edges {
                node {
                  id
                  title
                  sku
                  barcode
                  price
                  compareAtPrice
                  position
                  updatedAt
                  selectedOptions {
                    name
                    value
                  }
                  inventoryItem {
                    id
                    countryCodeOfOrigin
                    harmonizedSystemCode
                    unitCost {
                      amount
                      currencyCode
                    }
                    measurement {
                      weight {
                        unit
                        value
                      }
                    }
                  }
                }
              }
            }
            media {
              edges {
                node {
                  ... on MediaImage {
                    id
                    alt
                    image {
                      url
                      width
                      height
                    }
                  }
                }
              }
            }
            metafields {
              edges {
                node {
                  id
                  namespace
                  key
                  type
                  value
                  updatedAt
                }
              }
            }
          }
        }
      }
    }
  `,
} as const;

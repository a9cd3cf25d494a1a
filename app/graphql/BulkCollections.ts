/** Every collection and the products in it (each product line is a membership). */
export const BulkCollections = {
  name: "BulkCollections",
  document: `#graphql
    query BulkCollections {
      collections {
        edges {
          node {
            id
            title
            handle
            updatedAt
            products {
              edges {
                node {
                  id
                }
              }
            }
          }
        }
      }
    }
  `,
} as const;

/** Every inventory item's level at each location (available and on hand). */
export const BulkInventory = {
  name: "BulkInventory",
  document: `#graphql
    query BulkInventory {
      inventoryItems {
        edges {
          node {
            id
            inventoryLevels {
              edges {
                node {
                  id
                  updatedAt
                  location {
                    id
                  }
                  quantities(names: ["available", "on_hand"]) {
                    name
                    quantity
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

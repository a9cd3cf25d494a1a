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

export interface ShopRegistrationsResult {
  shop: { id: string; registrations: { value: string } | null };
}

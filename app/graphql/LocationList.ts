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

export interface LocationListResult {
  locations: {
    nodes: {
      id: string;
      name: string;
      isActive: boolean;
      address: { countryCode: string | null } | null;
    }[];
  };
}

/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type BulkOperationRunQueryMutationVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type BulkOperationRunQueryMutation = { bulkOperationRunQuery: AdminTypes.Maybe<{ bulkOperation: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.BulkOperationUserError, 'field' | 'message' | 'code'>> }> };

export type BulkOperationStatusQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type BulkOperationStatusQuery = { node: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'errorCode' | 'objectCount' | 'rootObjectCount' | 'fileSize' | 'url' | 'partialDataUrl' | 'createdAt' | 'completedAt'>> };

export type BulkOperationsInFlightQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type BulkOperationsInFlightQuery = { bulkOperations: { nodes: Array<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'query'>> } };

export type FileCreateMutationVariables = AdminTypes.Exact<{
  files: Array<AdminTypes.FileCreateInput> | AdminTypes.FileCreateInput;
}>;


export type FileCreateMutation = { fileCreate: AdminTypes.Maybe<{ files: AdminTypes.Maybe<Array<Pick<AdminTypes.ExternalVideo, 'id' | 'fileStatus'> | Pick<AdminTypes.GenericFile, 'id' | 'fileStatus'> | Pick<AdminTypes.MediaImage, 'id' | 'fileStatus'> | Pick<AdminTypes.Model3d, 'id' | 'fileStatus'> | Pick<AdminTypes.Video, 'id' | 'fileStatus'>>>, userErrors: Array<Pick<AdminTypes.FilesUserError, 'field' | 'message' | 'code'>> }> };

export type FileStatusQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type FileStatusQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.ExternalVideo, 'id' | 'fileStatus'>
    & { fileErrors: Array<Pick<AdminTypes.FileError, 'code' | 'message'>> }
  ) | (
    Pick<AdminTypes.GenericFile, 'id' | 'fileStatus' | 'url'>
    & { fileErrors: Array<Pick<AdminTypes.FileError, 'code' | 'message'>> }
  ) | (
    Pick<AdminTypes.MediaImage, 'id' | 'fileStatus'>
    & { fileErrors: Array<Pick<AdminTypes.FileError, 'code' | 'message'>>, image: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url'>> }
  ) | (
    Pick<AdminTypes.Model3d, 'id' | 'fileStatus'>
    & { fileErrors: Array<Pick<AdminTypes.FileError, 'code' | 'message'>> }
  ) | (
    Pick<AdminTypes.Video, 'id' | 'fileStatus'>
    & { fileErrors: Array<Pick<AdminTypes.FileError, 'code' | 'message'>> }
  )>> };

export type LocationListQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type LocationListQuery = { locations: { nodes: Array<(
      Pick<AdminTypes.Location, 'id' | 'name' | 'isActive'>
      & { address: Pick<AdminTypes.LocationAddress, 'countryCode'> }
    )> } };

export type MetafieldDefinitionCreateMutationVariables = AdminTypes.Exact<{
  definition: AdminTypes.MetafieldDefinitionInput;
}>;


export type MetafieldDefinitionCreateMutation = { metafieldDefinitionCreate: AdminTypes.Maybe<{ createdDefinition: AdminTypes.Maybe<Pick<AdminTypes.MetafieldDefinition, 'id' | 'namespace' | 'key'>>, userErrors: Array<Pick<AdminTypes.MetafieldDefinitionCreateUserError, 'field' | 'message' | 'code'>> }> };

export type MetafieldDefinitionListQueryVariables = AdminTypes.Exact<{
  ownerType: AdminTypes.MetafieldOwnerType;
  namespace: AdminTypes.Scalars['String']['input'];
}>;


export type MetafieldDefinitionListQuery = { metafieldDefinitions: { nodes: Array<(
      Pick<AdminTypes.MetafieldDefinition, 'id' | 'key'>
      & { type: Pick<AdminTypes.MetafieldDefinitionType, 'name'> }
    )> } };

export type MetafieldsDeleteMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldIdentifierInput> | AdminTypes.MetafieldIdentifierInput;
}>;


export type MetafieldsDeleteMutation = { metafieldsDelete: AdminTypes.Maybe<{ deletedMetafields: AdminTypes.Maybe<Array<AdminTypes.Maybe<Pick<AdminTypes.MetafieldIdentifier, 'ownerId' | 'namespace' | 'key'>>>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type MetafieldsSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type MetafieldsSetMutation = { metafieldsSet: AdminTypes.Maybe<{ metafields: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'id' | 'ownerType' | 'namespace' | 'key'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code' | 'elementIndex'>> }> };

export type MetaobjectDefinitionByTypeQueryVariables = AdminTypes.Exact<{
  type: AdminTypes.Scalars['String']['input'];
}>;


export type MetaobjectDefinitionByTypeQuery = { metaobjectDefinitionByType: AdminTypes.Maybe<(
    Pick<AdminTypes.MetaobjectDefinition, 'id' | 'type'>
    & { fieldDefinitions: Array<Pick<AdminTypes.MetaobjectFieldDefinition, 'key'>> }
  )> };

export type MetaobjectDefinitionCreateMutationVariables = AdminTypes.Exact<{
  definition: AdminTypes.MetaobjectDefinitionCreateInput;
}>;


export type MetaobjectDefinitionCreateMutation = { metaobjectDefinitionCreate: AdminTypes.Maybe<{ metaobjectDefinition: AdminTypes.Maybe<Pick<AdminTypes.MetaobjectDefinition, 'id' | 'type'>>, userErrors: Array<Pick<AdminTypes.MetaobjectUserError, 'field' | 'message' | 'code'>> }> };

export type MetaobjectDefinitionUpdateMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  definition: AdminTypes.MetaobjectDefinitionUpdateInput;
}>;


export type MetaobjectDefinitionUpdateMutation = { metaobjectDefinitionUpdate: AdminTypes.Maybe<{ metaobjectDefinition: AdminTypes.Maybe<Pick<AdminTypes.MetaobjectDefinition, 'id'>>, userErrors: Array<Pick<AdminTypes.MetaobjectUserError, 'field' | 'message' | 'code'>> }> };

export type MetaobjectDeleteMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type MetaobjectDeleteMutation = { metaobjectDelete: AdminTypes.Maybe<(
    Pick<AdminTypes.MetaobjectDeletePayload, 'deletedId'>
    & { userErrors: Array<Pick<AdminTypes.MetaobjectUserError, 'field' | 'message' | 'code'>> }
  )> };

export type MetaobjectListQueryVariables = AdminTypes.Exact<{
  type: AdminTypes.Scalars['String']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type MetaobjectListQuery = { metaobjects: { nodes: Array<(
      Pick<AdminTypes.Metaobject, 'id' | 'handle' | 'updatedAt'>
      & { fields: Array<Pick<AdminTypes.MetaobjectField, 'key' | 'value'>> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type MetaobjectUpsertMutationVariables = AdminTypes.Exact<{
  handle: AdminTypes.MetaobjectHandleInput;
  metaobject: AdminTypes.MetaobjectUpsertInput;
}>;


export type MetaobjectUpsertMutation = { metaobjectUpsert: AdminTypes.Maybe<{ metaobject: AdminTypes.Maybe<Pick<AdminTypes.Metaobject, 'id' | 'handle'>>, userErrors: Array<Pick<AdminTypes.MetaobjectUserError, 'field' | 'message' | 'code'>> }> };

export type OverviewStatsQueryVariables = AdminTypes.Exact<{
  ordersQuery: AdminTypes.Scalars['String']['input'];
}>;


export type OverviewStatsQuery = { productsCount: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>>, activeProductsCount: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>>, ordersCount: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>>, products: { nodes: Array<Pick<AdminTypes.Product, 'id' | 'title' | 'status' | 'productType' | 'vendor' | 'totalInventory' | 'updatedAt'>> } };

export type ProductListQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type ProductListQuery = { products: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
      Pick<AdminTypes.Product, 'id' | 'title' | 'handle' | 'status' | 'productType' | 'vendor' | 'totalInventory'>
      & { variantsCount: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>>, category: AdminTypes.Maybe<Pick<AdminTypes.TaxonomyCategory, 'name'>> }
    )> } };

export type ProductTextQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ProductTextQuery = { product: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'title' | 'descriptionHtml' | 'updatedAt'>> };

export type ProductUpdateTextMutationVariables = AdminTypes.Exact<{
  product: AdminTypes.ProductUpdateInput;
}>;


export type ProductUpdateTextMutation = { productUpdate: AdminTypes.Maybe<{ product: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'title' | 'descriptionHtml' | 'updatedAt'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type ProductsCountQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ProductsCountQuery = { productsCount: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>> };

export type ShopProfileQueryVariables = AdminTypes.Exact<{
  marketsAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type ShopProfileQuery = { shop: (
    Pick<AdminTypes.Shop, 'name' | 'email' | 'contactEmail' | 'currencyCode' | 'ianaTimezone' | 'myshopifyDomain'>
    & { plan: Pick<AdminTypes.ShopPlan, 'publicDisplayName' | 'shopifyPlus' | 'partnerDevelopment'>, primaryDomain: Pick<AdminTypes.Domain, 'url'> }
  ), shopLocales: Array<Pick<AdminTypes.ShopLocale, 'locale' | 'name' | 'primary' | 'published'>>, markets: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
      Pick<AdminTypes.Market, 'id' | 'name' | 'handle' | 'status'>
      & { currencySettings: AdminTypes.Maybe<{ baseCurrency: Pick<AdminTypes.CurrencySetting, 'currencyCode'> }>, conditions: AdminTypes.Maybe<{ regionsCondition: AdminTypes.Maybe<{ regions: { nodes: Array<Pick<AdminTypes.MarketRegionCountry, 'code'>> } }> }> }
    )> } };

export type ShopRegistrationsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopRegistrationsQuery = { shop: (
    Pick<AdminTypes.Shop, 'id'>
    & { registrations: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>> }
  ) };

export type StagedUploadsCreateMutationVariables = AdminTypes.Exact<{
  input: Array<AdminTypes.StagedUploadInput> | AdminTypes.StagedUploadInput;
}>;


export type StagedUploadsCreateMutation = { stagedUploadsCreate: AdminTypes.Maybe<{ stagedTargets: AdminTypes.Maybe<Array<(
      Pick<AdminTypes.StagedMediaUploadTarget, 'url' | 'resourceUrl'>
      & { parameters: Array<Pick<AdminTypes.StagedUploadParameter, 'name' | 'value'>> }
    )>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

interface GeneratedQueryTypes {
  "#graphql\n    query BulkOperationStatus($id: ID!) {\n      node(id: $id) {\n        ... on BulkOperation {\n          id\n          status\n          errorCode\n          objectCount\n          rootObjectCount\n          fileSize\n          url\n          partialDataUrl\n          createdAt\n          completedAt\n        }\n      }\n    }\n  ": {return: BulkOperationStatusQuery, variables: BulkOperationStatusQueryVariables},
  "#graphql\n    query BulkOperationsInFlight {\n      bulkOperations(\n        first: 5\n        query: \"operation_type:QUERY AND (status:CREATED OR status:RUNNING)\"\n        sortKey: CREATED_AT\n        reverse: true\n      ) {\n        nodes {\n          id\n          status\n          query\n        }\n      }\n    }\n  ": {return: BulkOperationsInFlightQuery, variables: BulkOperationsInFlightQueryVariables},
  "#graphql\n    query FileStatus($ids: [ID!]!) {\n      nodes(ids: $ids) {\n        ... on File {\n          id\n          fileStatus\n          fileErrors {\n            code\n            message\n          }\n        }\n        ... on GenericFile {\n          url\n        }\n        ... on MediaImage {\n          image {\n            url\n          }\n        }\n      }\n    }\n  ": {return: FileStatusQuery, variables: FileStatusQueryVariables},
  "#graphql\n    query LocationList {\n      locations(first: 250, includeInactive: true) {\n        nodes {\n          id\n          name\n          isActive\n          address {\n            countryCode\n          }\n        }\n      }\n    }\n  ": {return: LocationListQuery, variables: LocationListQueryVariables},
  "#graphql\n    query MetafieldDefinitionList($ownerType: MetafieldOwnerType!, $namespace: String!) {\n      metafieldDefinitions(first: 100, ownerType: $ownerType, namespace: $namespace) {\n        nodes {\n          id\n          key\n          type {\n            name\n          }\n        }\n      }\n    }\n  ": {return: MetafieldDefinitionListQuery, variables: MetafieldDefinitionListQueryVariables},
  "#graphql\n    query MetaobjectDefinitionByType($type: String!) {\n      metaobjectDefinitionByType(type: $type) {\n        id\n        type\n        fieldDefinitions {\n          key\n        }\n      }\n    }\n  ": {return: MetaobjectDefinitionByTypeQuery, variables: MetaobjectDefinitionByTypeQueryVariables},
  "#graphql\n    query MetaobjectList($type: String!, $first: Int!, $after: String) {\n      metaobjects(type: $type, first: $first, after: $after) {\n        nodes {\n          id\n          handle\n          updatedAt\n          fields {\n            key\n            value\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  ": {return: MetaobjectListQuery, variables: MetaobjectListQueryVariables},
  "#graphql\n    query OverviewStats($ordersQuery: String!) {\n      productsCount(limit: null) {\n        count\n        precision\n      }\n      activeProductsCount: productsCount(query: \"status:active\", limit: null) {\n        count\n      }\n      ordersCount(query: $ordersQuery, limit: null) {\n        count\n        precision\n      }\n      products(first: 8, sortKey: UPDATED_AT, reverse: true) {\n        nodes {\n          id\n          title\n          status\n          productType\n          vendor\n          totalInventory\n          updatedAt\n        }\n      }\n    }\n  ": {return: OverviewStatsQuery, variables: OverviewStatsQueryVariables},
  "#graphql\n    query ProductList($first: Int!, $after: String, $query: String) {\n      products(first: $first, after: $after, query: $query, sortKey: TITLE) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          title\n          handle\n          status\n          productType\n          vendor\n          totalInventory\n          variantsCount {\n            count\n          }\n          category {\n            name\n          }\n        }\n      }\n    }\n  ": {return: ProductListQuery, variables: ProductListQueryVariables},
  "#graphql\n    query ProductText($id: ID!) {\n      product(id: $id) {\n        id\n        title\n        descriptionHtml\n        updatedAt\n      }\n    }\n  ": {return: ProductTextQuery, variables: ProductTextQueryVariables},
  "#graphql\n    query ProductsCount {\n      productsCount(limit: null) {\n        count\n      }\n    }\n  ": {return: ProductsCountQuery, variables: ProductsCountQueryVariables},
  "#graphql\n    query ShopProfile($marketsAfter: String) {\n      shop {\n        name\n        email\n        contactEmail\n        currencyCode\n        ianaTimezone\n        myshopifyDomain\n        plan {\n          publicDisplayName\n          shopifyPlus\n          partnerDevelopment\n        }\n        primaryDomain {\n          url\n        }\n      }\n      shopLocales {\n        locale\n        name\n        primary\n        published\n      }\n      markets(first: 10, after: $marketsAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          name\n          handle\n          status\n          currencySettings {\n            baseCurrency {\n              currencyCode\n            }\n          }\n          conditions {\n            regionsCondition {\n              regions(first: 60) {\n                nodes {\n                  ... on MarketRegionCountry {\n                    code\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  ": {return: ShopProfileQuery, variables: ShopProfileQueryVariables},
  "#graphql\n    query ShopRegistrations {\n      shop {\n        id\n        registrations: metafield(namespace: \"$app:compliance\", key: \"registrations\") {\n          value\n        }\n      }\n    }\n  ": {return: ShopRegistrationsQuery, variables: ShopRegistrationsQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n    mutation BulkOperationRunQuery($query: String!) {\n      bulkOperationRunQuery(query: $query) {\n        bulkOperation {\n          id\n          status\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": {return: BulkOperationRunQueryMutation, variables: BulkOperationRunQueryMutationVariables},
  "#graphql\n    mutation FileCreate($files: [FileCreateInput!]!) {\n      fileCreate(files: $files) {\n        files {\n          id\n          fileStatus\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": {return: FileCreateMutation, variables: FileCreateMutationVariables},
  "#graphql\n    mutation MetafieldDefinitionCreate($definition: MetafieldDefinitionInput!) {\n      metafieldDefinitionCreate(definition: $definition) {\n        createdDefinition {\n          id\n          namespace\n          key\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": {return: MetafieldDefinitionCreateMutation, variables: MetafieldDefinitionCreateMutationVariables},
  "#graphql\n    mutation MetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {\n      metafieldsDelete(metafields: $metafields) {\n        deletedMetafields {\n          ownerId\n          namespace\n          key\n        }\n        userErrors {\n          field\n          message\n        }\n      }\n    }\n  ": {return: MetafieldsDeleteMutation, variables: MetafieldsDeleteMutationVariables},
  "#graphql\n    mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {\n      metafieldsSet(metafields: $metafields) {\n        metafields {\n          id\n          ownerType\n          namespace\n          key\n        }\n        userErrors {\n          field\n          message\n          code\n          elementIndex\n        }\n      }\n    }\n  ": {return: MetafieldsSetMutation, variables: MetafieldsSetMutationVariables},
  "#graphql\n    mutation MetaobjectDefinitionCreate($definition: MetaobjectDefinitionCreateInput!) {\n      metaobjectDefinitionCreate(definition: $definition) {\n        metaobjectDefinition {\n          id\n          type\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": {return: MetaobjectDefinitionCreateMutation, variables: MetaobjectDefinitionCreateMutationVariables},
  "#graphql\n    mutation MetaobjectDefinitionUpdate($id: ID!, $definition: MetaobjectDefinitionUpdateInput!) {\n      metaobjectDefinitionUpdate(id: $id, definition: $definition) {\n        metaobjectDefinition {\n          id\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": {return: MetaobjectDefinitionUpdateMutation, variables: MetaobjectDefinitionUpdateMutationVariables},
  "#graphql\n    mutation MetaobjectDelete($id: ID!) {\n      metaobjectDelete(id: $id) {\n        deletedId\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": {return: MetaobjectDeleteMutation, variables: MetaobjectDeleteMutationVariables},
  "#graphql\n    mutation MetaobjectUpsert($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput!) {\n      metaobjectUpsert(handle: $handle, metaobject: $metaobject) {\n        metaobject {\n          id\n          handle\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  ": {return: MetaobjectUpsertMutation, variables: MetaobjectUpsertMutationVariables},
  "#graphql\n    mutation ProductUpdateText($product: ProductUpdateInput!) {\n      productUpdate(product: $product) {\n        product {\n          id\n          title\n          descriptionHtml\n          updatedAt\n        }\n        userErrors {\n          field\n          message\n        }\n      }\n    }\n  ": {return: ProductUpdateTextMutation, variables: ProductUpdateTextMutationVariables},
  "#graphql\n    mutation StagedUploadsCreate($input: [StagedUploadInput!]!) {\n      stagedUploadsCreate(input: $input) {\n        stagedTargets {\n          url\n          resourceUrl\n          parameters {\n            name\n            value\n          }\n        }\n        userErrors {\n          field\n          message\n        }\n      }\n    }\n  ": {return: StagedUploadsCreateMutation, variables: StagedUploadsCreateMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}

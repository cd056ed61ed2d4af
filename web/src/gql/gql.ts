/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminCategories {\n    categories { id name slug children { id name slug } }\n  }\n": typeof types.AdminCategoriesDocument,
    "\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      category { id name slug }\n      errors { code message field }\n    }\n  }\n": typeof types.CreateCategoryDocument,
    "\n  query AdminCustomer($id: ID!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Customer {\n        id\n        email\n        displayName\n        phone\n        roles\n        createdAt\n        addresses { ...SavedAddress }\n        defaultAddress { id }\n        orders(first: 20, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id number status placedAt total { amount currency } }\n        }\n      }\n    }\n  }\n": typeof types.AdminCustomerDocument,
    "\n  query Customers($search: String, $after: String) {\n    customers(first: 25, search: $search, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id email displayName roles createdAt orders(first: 1) { totalCount } }\n    }\n  }\n": typeof types.CustomersDocument,
    "\n  query Inventory($search: String) {\n    products(first: 25, search: $search, order: [{ field: CREATED_AT, direction: DESC }]) {\n      nodes { id sku name stock { available onHand reserved sold } }\n    }\n  }\n": typeof types.InventoryDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      product { id stock { available onHand reserved sold } }\n      errors { code message field }\n    }\n  }\n": typeof types.AdjustStockDocument,
    "\n  query FailedOrderMails($after: String) {\n    orderMails(delivery: FAILED, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id orderNumber recipient kind attempts lastError lastAttemptAt }\n    }\n  }\n": typeof types.FailedOrderMailsDocument,
    "\n  mutation RetryOrderMail($input: RetryOrderMailInput!) {\n    retryOrderMail(input: $input) {\n      mail { id delivery }\n      errors { code message field }\n    }\n  }\n": typeof types.RetryOrderMailDocument,
    "\n  query AdminOrders($where: OrderFilter, $after: String) {\n    orders(first: 25, after: $after, where: $where) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id number email status placedAt total { amount currency } }\n    }\n  }\n": typeof types.AdminOrdersDocument,
    "\n  mutation ShipOrder($input: ShipOrderInput!) {\n    shipOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n": typeof types.ShipOrderDocument,
    "\n  mutation DeliverOrder($input: DeliverOrderInput!) {\n    deliverOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n": typeof types.DeliverOrderDocument,
    "\n  mutation RefundOrder($input: RefundOrderInput!) {\n    refundOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n": typeof types.RefundOrderDocument,
    "\n  query AdminProducts($search: String) {\n    categories { id name children { id name } }\n    products(first: 25, search: $search, order: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      nodes {\n        id sku slug name brand description archived\n        price { amount currency }\n        stock { available onHand reserved }\n        categories { id name }\n        attributes { name value }\n      }\n    }\n  }\n": typeof types.AdminProductsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product { id slug name }\n      errors { code message field }\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      product { id name brand price { amount currency } categories { id name } attributes { name value } }\n      errors { code message field }\n    }\n  }\n": typeof types.UpdateProductDocument,
    "\n  mutation ArchiveProduct($input: ArchiveProductInput!) {\n    archiveProduct(input: $input) {\n      product { id archived }\n      errors { code message field }\n    }\n  }\n": typeof types.ArchiveProductDocument,
    "\n  query ReviewedProducts($search: String) {\n    products(first: 10, search: $search, order: [{ field: RATING, direction: DESC }]) {\n      nodes {\n        id\n        name\n        reviews(first: 20) { nodes { id author rating title body createdAt reply { body } } }\n      }\n    }\n  }\n": typeof types.ReviewedProductsDocument,
    "\n  mutation ReplyToReview($input: ReplyToReviewInput!) {\n    replyToReview(input: $input) {\n      review { id reply { body createdAt } }\n      errors { code message field }\n    }\n  }\n": typeof types.ReplyToReviewDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order { id number status }\n      errors { code message field }\n    }\n  }\n": typeof types.CheckoutDocument,
    "\n  query Home {\n    categories { id name slug children { id name slug } }\n    products(first: 8, where: { inStock: true }, order: [{ field: RATING, direction: DESC }]) {\n      nodes { ...ProductCardFields }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query MyOrders($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id number status placedAt total { amount currency } }\n      }\n    }\n  }\n": typeof types.MyOrdersDocument,
    "\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      order { id status payments { id status method cardBrand cardLast4 redirectUrl } }\n      payment { id status cardBrand cardLast4 redirectUrl }\n      errors { code message field }\n    }\n  }\n": typeof types.PayOrderDocument,
    "\n  query Product($slug: String!) {\n    product(slug: $slug) {\n      id\n      sku\n      name\n      brand\n      description\n      price { amount currency }\n      available\n      stock { available }\n      attributes { name value }\n      categories { id name }\n      rating { average count }\n      reviews(first: 10) {\n        totalCount\n        nodes {\n          id\n          author\n          rating\n          title\n          body\n          verifiedPurchase\n          createdAt\n          reply { body }\n        }\n      }\n    }\n  }\n": typeof types.ProductDocument,
    "\n  subscription StockChanged($productId: ID!) {\n    stockChanged(productId: $productId) { available }\n  }\n": typeof types.StockChangedDocument,
    "\n  mutation AddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      review { id }\n      errors { code message field }\n    }\n  }\n": typeof types.AddReviewDocument,
    "\n  query Search($search: String, $where: ProductFilter, $order: [ProductSort!], $first: Int, $after: String, $last: Int, $before: String) {\n    products(search: $search, where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      facets { field values { value label count } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes { ...ProductCardFields }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  fragment SavedAddress on Address {\n    id\n    name\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n  }\n": typeof types.SavedAddressFragmentDoc,
    "\n  query AddressBook {\n    me {\n      id\n      email\n      displayName\n      phone\n      addresses { ...SavedAddress }\n      defaultAddress { id }\n    }\n  }\n": typeof types.AddressBookDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      customer { ...ViewerFields phone }\n      errors { code message field }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation AddAddress($input: AddAddressInput!) {\n    addAddress(input: $input) {\n      customer { id addresses { ...SavedAddress } defaultAddress { id } }\n      errors { code message field }\n    }\n  }\n": typeof types.AddAddressDocument,
    "\n  mutation RemoveAddress($input: RemoveAddressInput!) {\n    removeAddress(input: $input) {\n      customer { id addresses { ...SavedAddress } defaultAddress { id } }\n      errors { code message field }\n    }\n  }\n": typeof types.RemoveAddressDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      customer { id }\n      errors { code message field }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment CartFields on Cart {\n    id\n    itemCount\n    subtotal { amount currency }\n    lines {\n      quantity\n      available\n      unitPrice { amount currency }\n      lineTotal { amount currency }\n      product { id slug name }\n    }\n  }\n": typeof types.CartFieldsFragmentDoc,
    "\n  query Cart($id: ID) {\n    cart(id: $id) { ...CartFields }\n  }\n": typeof types.CartDocument,
    "\n  mutation AddCartItem($input: AddCartItemInput!) {\n    addCartItem(input: $input) {\n      cart { ...CartFields }\n      errors { code message field }\n    }\n  }\n": typeof types.AddCartItemDocument,
    "\n  mutation UpdateCartItem($input: UpdateCartItemInput!) {\n    updateCartItem(input: $input) {\n      cart { ...CartFields }\n      errors { code message field }\n    }\n  }\n": typeof types.UpdateCartItemDocument,
    "\n  fragment OrderFields on Order {\n    id\n    number\n    email\n    status\n    placedAt\n    trackingNumber\n    reservationExpiresAt\n    subtotal { amount currency }\n    shipping { amount currency }\n    total { amount currency }\n    lines { sku name quantity unitPrice { amount currency } lineTotal { amount currency } }\n    shippingAddress { name line1 line2 city region postalCode country }\n    payments { id method status cardBrand cardLast4 redirectUrl createdAt }\n    history { status at note }\n  }\n": typeof types.OrderFieldsFragmentDoc,
    "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n": typeof types.OrderDocument,
    "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { ...OrderFields }\n  }\n": typeof types.OrderStatusChangedDocument,
    "\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) {\n      order { ...OrderFields }\n      errors { code message field }\n    }\n  }\n": typeof types.CancelOrderDocument,
    "\n  fragment ViewerFields on Customer {\n    id\n    email\n    displayName\n    roles\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation Refresh($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n": typeof types.RefreshDocument,
    "\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      errors { code message }\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  fragment ProductCardFields on Product {\n    id\n    slug\n    name\n    brand\n    price { amount currency }\n    available\n    rating { average count }\n  }\n": typeof types.ProductCardFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  query AdminCategories {\n    categories { id name slug children { id name slug } }\n  }\n": types.AdminCategoriesDocument,
    "\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      category { id name slug }\n      errors { code message field }\n    }\n  }\n": types.CreateCategoryDocument,
    "\n  query AdminCustomer($id: ID!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Customer {\n        id\n        email\n        displayName\n        phone\n        roles\n        createdAt\n        addresses { ...SavedAddress }\n        defaultAddress { id }\n        orders(first: 20, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id number status placedAt total { amount currency } }\n        }\n      }\n    }\n  }\n": types.AdminCustomerDocument,
    "\n  query Customers($search: String, $after: String) {\n    customers(first: 25, search: $search, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id email displayName roles createdAt orders(first: 1) { totalCount } }\n    }\n  }\n": types.CustomersDocument,
    "\n  query Inventory($search: String) {\n    products(first: 25, search: $search, order: [{ field: CREATED_AT, direction: DESC }]) {\n      nodes { id sku name stock { available onHand reserved sold } }\n    }\n  }\n": types.InventoryDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      product { id stock { available onHand reserved sold } }\n      errors { code message field }\n    }\n  }\n": types.AdjustStockDocument,
    "\n  query FailedOrderMails($after: String) {\n    orderMails(delivery: FAILED, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id orderNumber recipient kind attempts lastError lastAttemptAt }\n    }\n  }\n": types.FailedOrderMailsDocument,
    "\n  mutation RetryOrderMail($input: RetryOrderMailInput!) {\n    retryOrderMail(input: $input) {\n      mail { id delivery }\n      errors { code message field }\n    }\n  }\n": types.RetryOrderMailDocument,
    "\n  query AdminOrders($where: OrderFilter, $after: String) {\n    orders(first: 25, after: $after, where: $where) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id number email status placedAt total { amount currency } }\n    }\n  }\n": types.AdminOrdersDocument,
    "\n  mutation ShipOrder($input: ShipOrderInput!) {\n    shipOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n": types.ShipOrderDocument,
    "\n  mutation DeliverOrder($input: DeliverOrderInput!) {\n    deliverOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n": types.DeliverOrderDocument,
    "\n  mutation RefundOrder($input: RefundOrderInput!) {\n    refundOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n": types.RefundOrderDocument,
    "\n  query AdminProducts($search: String) {\n    categories { id name children { id name } }\n    products(first: 25, search: $search, order: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      nodes {\n        id sku slug name brand description archived\n        price { amount currency }\n        stock { available onHand reserved }\n        categories { id name }\n        attributes { name value }\n      }\n    }\n  }\n": types.AdminProductsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product { id slug name }\n      errors { code message field }\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      product { id name brand price { amount currency } categories { id name } attributes { name value } }\n      errors { code message field }\n    }\n  }\n": types.UpdateProductDocument,
    "\n  mutation ArchiveProduct($input: ArchiveProductInput!) {\n    archiveProduct(input: $input) {\n      product { id archived }\n      errors { code message field }\n    }\n  }\n": types.ArchiveProductDocument,
    "\n  query ReviewedProducts($search: String) {\n    products(first: 10, search: $search, order: [{ field: RATING, direction: DESC }]) {\n      nodes {\n        id\n        name\n        reviews(first: 20) { nodes { id author rating title body createdAt reply { body } } }\n      }\n    }\n  }\n": types.ReviewedProductsDocument,
    "\n  mutation ReplyToReview($input: ReplyToReviewInput!) {\n    replyToReview(input: $input) {\n      review { id reply { body createdAt } }\n      errors { code message field }\n    }\n  }\n": types.ReplyToReviewDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order { id number status }\n      errors { code message field }\n    }\n  }\n": types.CheckoutDocument,
    "\n  query Home {\n    categories { id name slug children { id name slug } }\n    products(first: 8, where: { inStock: true }, order: [{ field: RATING, direction: DESC }]) {\n      nodes { ...ProductCardFields }\n    }\n  }\n": types.HomeDocument,
    "\n  query MyOrders($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id number status placedAt total { amount currency } }\n      }\n    }\n  }\n": types.MyOrdersDocument,
    "\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      order { id status payments { id status method cardBrand cardLast4 redirectUrl } }\n      payment { id status cardBrand cardLast4 redirectUrl }\n      errors { code message field }\n    }\n  }\n": types.PayOrderDocument,
    "\n  query Product($slug: String!) {\n    product(slug: $slug) {\n      id\n      sku\n      name\n      brand\n      description\n      price { amount currency }\n      available\n      stock { available }\n      attributes { name value }\n      categories { id name }\n      rating { average count }\n      reviews(first: 10) {\n        totalCount\n        nodes {\n          id\n          author\n          rating\n          title\n          body\n          verifiedPurchase\n          createdAt\n          reply { body }\n        }\n      }\n    }\n  }\n": types.ProductDocument,
    "\n  subscription StockChanged($productId: ID!) {\n    stockChanged(productId: $productId) { available }\n  }\n": types.StockChangedDocument,
    "\n  mutation AddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      review { id }\n      errors { code message field }\n    }\n  }\n": types.AddReviewDocument,
    "\n  query Search($search: String, $where: ProductFilter, $order: [ProductSort!], $first: Int, $after: String, $last: Int, $before: String) {\n    products(search: $search, where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      facets { field values { value label count } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes { ...ProductCardFields }\n    }\n  }\n": types.SearchDocument,
    "\n  fragment SavedAddress on Address {\n    id\n    name\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n  }\n": types.SavedAddressFragmentDoc,
    "\n  query AddressBook {\n    me {\n      id\n      email\n      displayName\n      phone\n      addresses { ...SavedAddress }\n      defaultAddress { id }\n    }\n  }\n": types.AddressBookDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      customer { ...ViewerFields phone }\n      errors { code message field }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation AddAddress($input: AddAddressInput!) {\n    addAddress(input: $input) {\n      customer { id addresses { ...SavedAddress } defaultAddress { id } }\n      errors { code message field }\n    }\n  }\n": types.AddAddressDocument,
    "\n  mutation RemoveAddress($input: RemoveAddressInput!) {\n    removeAddress(input: $input) {\n      customer { id addresses { ...SavedAddress } defaultAddress { id } }\n      errors { code message field }\n    }\n  }\n": types.RemoveAddressDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      customer { id }\n      errors { code message field }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  fragment CartFields on Cart {\n    id\n    itemCount\n    subtotal { amount currency }\n    lines {\n      quantity\n      available\n      unitPrice { amount currency }\n      lineTotal { amount currency }\n      product { id slug name }\n    }\n  }\n": types.CartFieldsFragmentDoc,
    "\n  query Cart($id: ID) {\n    cart(id: $id) { ...CartFields }\n  }\n": types.CartDocument,
    "\n  mutation AddCartItem($input: AddCartItemInput!) {\n    addCartItem(input: $input) {\n      cart { ...CartFields }\n      errors { code message field }\n    }\n  }\n": types.AddCartItemDocument,
    "\n  mutation UpdateCartItem($input: UpdateCartItemInput!) {\n    updateCartItem(input: $input) {\n      cart { ...CartFields }\n      errors { code message field }\n    }\n  }\n": types.UpdateCartItemDocument,
    "\n  fragment OrderFields on Order {\n    id\n    number\n    email\n    status\n    placedAt\n    trackingNumber\n    reservationExpiresAt\n    subtotal { amount currency }\n    shipping { amount currency }\n    total { amount currency }\n    lines { sku name quantity unitPrice { amount currency } lineTotal { amount currency } }\n    shippingAddress { name line1 line2 city region postalCode country }\n    payments { id method status cardBrand cardLast4 redirectUrl createdAt }\n    history { status at note }\n  }\n": types.OrderFieldsFragmentDoc,
    "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n": types.OrderDocument,
    "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { ...OrderFields }\n  }\n": types.OrderStatusChangedDocument,
    "\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) {\n      order { ...OrderFields }\n      errors { code message field }\n    }\n  }\n": types.CancelOrderDocument,
    "\n  fragment ViewerFields on Customer {\n    id\n    email\n    displayName\n    roles\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation Refresh($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n": types.RefreshDocument,
    "\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      errors { code message }\n    }\n  }\n": types.LogoutDocument,
    "\n  fragment ProductCardFields on Product {\n    id\n    slug\n    name\n    brand\n    price { amount currency }\n    available\n    rating { average count }\n  }\n": types.ProductCardFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCategories {\n    categories { id name slug children { id name slug } }\n  }\n"): (typeof documents)["\n  query AdminCategories {\n    categories { id name slug children { id name slug } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      category { id name slug }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      category { id name slug }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomer($id: ID!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Customer {\n        id\n        email\n        displayName\n        phone\n        roles\n        createdAt\n        addresses { ...SavedAddress }\n        defaultAddress { id }\n        orders(first: 20, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id number status placedAt total { amount currency } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomer($id: ID!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Customer {\n        id\n        email\n        displayName\n        phone\n        roles\n        createdAt\n        addresses { ...SavedAddress }\n        defaultAddress { id }\n        orders(first: 20, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          nodes { id number status placedAt total { amount currency } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customers($search: String, $after: String) {\n    customers(first: 25, search: $search, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id email displayName roles createdAt orders(first: 1) { totalCount } }\n    }\n  }\n"): (typeof documents)["\n  query Customers($search: String, $after: String) {\n    customers(first: 25, search: $search, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id email displayName roles createdAt orders(first: 1) { totalCount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inventory($search: String) {\n    products(first: 25, search: $search, order: [{ field: CREATED_AT, direction: DESC }]) {\n      nodes { id sku name stock { available onHand reserved sold } }\n    }\n  }\n"): (typeof documents)["\n  query Inventory($search: String) {\n    products(first: 25, search: $search, order: [{ field: CREATED_AT, direction: DESC }]) {\n      nodes { id sku name stock { available onHand reserved sold } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      product { id stock { available onHand reserved sold } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      product { id stock { available onHand reserved sold } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedOrderMails($after: String) {\n    orderMails(delivery: FAILED, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id orderNumber recipient kind attempts lastError lastAttemptAt }\n    }\n  }\n"): (typeof documents)["\n  query FailedOrderMails($after: String) {\n    orderMails(delivery: FAILED, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id orderNumber recipient kind attempts lastError lastAttemptAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryOrderMail($input: RetryOrderMailInput!) {\n    retryOrderMail(input: $input) {\n      mail { id delivery }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation RetryOrderMail($input: RetryOrderMailInput!) {\n    retryOrderMail(input: $input) {\n      mail { id delivery }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrders($where: OrderFilter, $after: String) {\n    orders(first: 25, after: $after, where: $where) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id number email status placedAt total { amount currency } }\n    }\n  }\n"): (typeof documents)["\n  query AdminOrders($where: OrderFilter, $after: String) {\n    orders(first: 25, after: $after, where: $where) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id number email status placedAt total { amount currency } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipOrder($input: ShipOrderInput!) {\n    shipOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n"): (typeof documents)["\n  mutation ShipOrder($input: ShipOrderInput!) {\n    shipOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeliverOrder($input: DeliverOrderInput!) {\n    deliverOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n"): (typeof documents)["\n  mutation DeliverOrder($input: DeliverOrderInput!) {\n    deliverOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundOrder($input: RefundOrderInput!) {\n    refundOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n"): (typeof documents)["\n  mutation RefundOrder($input: RefundOrderInput!) {\n    refundOrder(input: $input) { order { ...OrderFields } errors { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProducts($search: String) {\n    categories { id name children { id name } }\n    products(first: 25, search: $search, order: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      nodes {\n        id sku slug name brand description archived\n        price { amount currency }\n        stock { available onHand reserved }\n        categories { id name }\n        attributes { name value }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminProducts($search: String) {\n    categories { id name children { id name } }\n    products(first: 25, search: $search, order: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      nodes {\n        id sku slug name brand description archived\n        price { amount currency }\n        stock { available onHand reserved }\n        categories { id name }\n        attributes { name value }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product { id slug name }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product { id slug name }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      product { id name brand price { amount currency } categories { id name } attributes { name value } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      product { id name brand price { amount currency } categories { id name } attributes { name value } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveProduct($input: ArchiveProductInput!) {\n    archiveProduct(input: $input) {\n      product { id archived }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveProduct($input: ArchiveProductInput!) {\n    archiveProduct(input: $input) {\n      product { id archived }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewedProducts($search: String) {\n    products(first: 10, search: $search, order: [{ field: RATING, direction: DESC }]) {\n      nodes {\n        id\n        name\n        reviews(first: 20) { nodes { id author rating title body createdAt reply { body } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewedProducts($search: String) {\n    products(first: 10, search: $search, order: [{ field: RATING, direction: DESC }]) {\n      nodes {\n        id\n        name\n        reviews(first: 20) { nodes { id author rating title body createdAt reply { body } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToReview($input: ReplyToReviewInput!) {\n    replyToReview(input: $input) {\n      review { id reply { body createdAt } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToReview($input: ReplyToReviewInput!) {\n    replyToReview(input: $input) {\n      review { id reply { body createdAt } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order { id number status }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order { id number status }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    categories { id name slug children { id name slug } }\n    products(first: 8, where: { inStock: true }, order: [{ field: RATING, direction: DESC }]) {\n      nodes { ...ProductCardFields }\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    categories { id name slug children { id name slug } }\n    products(first: 8, where: { inStock: true }, order: [{ field: RATING, direction: DESC }]) {\n      nodes { ...ProductCardFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrders($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id number status placedAt total { amount currency } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOrders($after: String) {\n    me {\n      id\n      orders(first: 20, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id number status placedAt total { amount currency } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      order { id status payments { id status method cardBrand cardLast4 redirectUrl } }\n      payment { id status cardBrand cardLast4 redirectUrl }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      order { id status payments { id status method cardBrand cardLast4 redirectUrl } }\n      payment { id status cardBrand cardLast4 redirectUrl }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Product($slug: String!) {\n    product(slug: $slug) {\n      id\n      sku\n      name\n      brand\n      description\n      price { amount currency }\n      available\n      stock { available }\n      attributes { name value }\n      categories { id name }\n      rating { average count }\n      reviews(first: 10) {\n        totalCount\n        nodes {\n          id\n          author\n          rating\n          title\n          body\n          verifiedPurchase\n          createdAt\n          reply { body }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Product($slug: String!) {\n    product(slug: $slug) {\n      id\n      sku\n      name\n      brand\n      description\n      price { amount currency }\n      available\n      stock { available }\n      attributes { name value }\n      categories { id name }\n      rating { average count }\n      reviews(first: 10) {\n        totalCount\n        nodes {\n          id\n          author\n          rating\n          title\n          body\n          verifiedPurchase\n          createdAt\n          reply { body }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StockChanged($productId: ID!) {\n    stockChanged(productId: $productId) { available }\n  }\n"): (typeof documents)["\n  subscription StockChanged($productId: ID!) {\n    stockChanged(productId: $productId) { available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      review { id }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      review { id }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($search: String, $where: ProductFilter, $order: [ProductSort!], $first: Int, $after: String, $last: Int, $before: String) {\n    products(search: $search, where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      facets { field values { value label count } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes { ...ProductCardFields }\n    }\n  }\n"): (typeof documents)["\n  query Search($search: String, $where: ProductFilter, $order: [ProductSort!], $first: Int, $after: String, $last: Int, $before: String) {\n    products(search: $search, where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      facets { field values { value label count } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes { ...ProductCardFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SavedAddress on Address {\n    id\n    name\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n  }\n"): (typeof documents)["\n  fragment SavedAddress on Address {\n    id\n    name\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AddressBook {\n    me {\n      id\n      email\n      displayName\n      phone\n      addresses { ...SavedAddress }\n      defaultAddress { id }\n    }\n  }\n"): (typeof documents)["\n  query AddressBook {\n    me {\n      id\n      email\n      displayName\n      phone\n      addresses { ...SavedAddress }\n      defaultAddress { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      customer { ...ViewerFields phone }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      customer { ...ViewerFields phone }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAddress($input: AddAddressInput!) {\n    addAddress(input: $input) {\n      customer { id addresses { ...SavedAddress } defaultAddress { id } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AddAddress($input: AddAddressInput!) {\n    addAddress(input: $input) {\n      customer { id addresses { ...SavedAddress } defaultAddress { id } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAddress($input: RemoveAddressInput!) {\n    removeAddress(input: $input) {\n      customer { id addresses { ...SavedAddress } defaultAddress { id } }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveAddress($input: RemoveAddressInput!) {\n    removeAddress(input: $input) {\n      customer { id addresses { ...SavedAddress } defaultAddress { id } }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      customer { id }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      customer { id }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CartFields on Cart {\n    id\n    itemCount\n    subtotal { amount currency }\n    lines {\n      quantity\n      available\n      unitPrice { amount currency }\n      lineTotal { amount currency }\n      product { id slug name }\n    }\n  }\n"): (typeof documents)["\n  fragment CartFields on Cart {\n    id\n    itemCount\n    subtotal { amount currency }\n    lines {\n      quantity\n      available\n      unitPrice { amount currency }\n      lineTotal { amount currency }\n      product { id slug name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cart($id: ID) {\n    cart(id: $id) { ...CartFields }\n  }\n"): (typeof documents)["\n  query Cart($id: ID) {\n    cart(id: $id) { ...CartFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCartItem($input: AddCartItemInput!) {\n    addCartItem(input: $input) {\n      cart { ...CartFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation AddCartItem($input: AddCartItemInput!) {\n    addCartItem(input: $input) {\n      cart { ...CartFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCartItem($input: UpdateCartItemInput!) {\n    updateCartItem(input: $input) {\n      cart { ...CartFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCartItem($input: UpdateCartItemInput!) {\n    updateCartItem(input: $input) {\n      cart { ...CartFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderFields on Order {\n    id\n    number\n    email\n    status\n    placedAt\n    trackingNumber\n    reservationExpiresAt\n    subtotal { amount currency }\n    shipping { amount currency }\n    total { amount currency }\n    lines { sku name quantity unitPrice { amount currency } lineTotal { amount currency } }\n    shippingAddress { name line1 line2 city region postalCode country }\n    payments { id method status cardBrand cardLast4 redirectUrl createdAt }\n    history { status at note }\n  }\n"): (typeof documents)["\n  fragment OrderFields on Order {\n    id\n    number\n    email\n    status\n    placedAt\n    trackingNumber\n    reservationExpiresAt\n    subtotal { amount currency }\n    shipping { amount currency }\n    total { amount currency }\n    lines { sku name quantity unitPrice { amount currency } lineTotal { amount currency } }\n    shippingAddress { name line1 line2 city region postalCode country }\n    payments { id method status cardBrand cardLast4 redirectUrl createdAt }\n    history { status at note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n"): (typeof documents)["\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { ...OrderFields }\n  }\n"): (typeof documents)["\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) {\n      order { ...OrderFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelOrder($input: CancelOrderInput!) {\n    cancelOrder(input: $input) {\n      order { ...OrderFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Customer {\n    id\n    email\n    displayName\n    roles\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Customer {\n    id\n    email\n    displayName\n    roles\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Refresh($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation Refresh($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      customer { ...ViewerFields }\n      errors { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      errors { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      errors { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductCardFields on Product {\n    id\n    slug\n    name\n    brand\n    price { amount currency }\n    available\n    rating { average count }\n  }\n"): (typeof documents)["\n  fragment ProductCardFields on Product {\n    id\n    slug\n    name\n    brand\n    price { amount currency }\n    available\n    rating { average count }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
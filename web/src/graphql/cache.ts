import { cacheExchange, type Cache } from '@urql/exchange-graphcache';

// Types without an id of their own live inside their parent entity in the normalized cache.
const embedded = [
  'Money', 'PageInfo', 'StockLevel', 'RatingSummary', 'ProductAttribute', 'Facet', 'FacetValue', 'CartLine',
  'OrderLine', 'OrderStatusChange', 'ReviewReply', 'UserError', 'Address',
  'ProductConnection', 'ProductEdge', 'ReviewConnection', 'ReviewEdge', 'OrderConnection', 'OrderEdge',
  'CustomerConnection', 'CustomerEdge', 'OrderMailConnection', 'OrderMailEdge',
  'AuthPayload', 'CustomerPayload', 'CartPayload', 'CheckoutPayload', 'PaymentPayload', 'OrderPayload',
  'ReviewPayload', 'ProductPayload', 'CategoryPayload', 'RetryOrderMailPayload',
];

/** Drops every cached `Query.<field>(...)`, whatever its arguments, so the next read asks the server. */
function invalidateQueryField(cache: Cache, field: string) {
  for (const f of cache.inspectFields('Query')) {
    if (f.fieldName === field) cache.invalidate('Query', f.fieldName, f.arguments ?? undefined);
  }
}

interface CartResult {
  cart?: { __typename: 'Cart'; id: string } | null;
}

function linkCart(result: Record<string, unknown>, field: string, cache: Cache) {
  const cart = (result[field] as CartResult | undefined)?.cart;
  if (!cart) return;
  cache.link('Query', 'cart', { id: cart.id }, cart);
  cache.link('Query', 'cart', cart);
}

export const shopCache = cacheExchange({
  keys: Object.fromEntries(embedded.map((name) => [name, () => null])),
  updates: {
    Mutation: {
      addCartItem: (result, _args, cache) => linkCart(result, 'addCartItem', cache),
      updateCartItem: (result, _args, cache) => linkCart(result, 'updateCartItem', cache),
      removeCartItem: (result, _args, cache) => linkCart(result, 'removeCartItem', cache),
      // A placed order empties the cart it came from and adds to the order lists.
      checkout: (_result, _args, cache) => {
        invalidateQueryField(cache, 'cart');
        invalidateQueryField(cache, 'me');
      },
      cancelOrder: (_result, _args, cache) => invalidateQueryField(cache, 'products'),
      createProduct: (_result, _args, cache) => invalidateQueryField(cache, 'products'),
      archiveProduct: (_result, _args, cache) => invalidateQueryField(cache, 'products'),
      addAddress: (_result, _args, cache) => invalidateQueryField(cache, 'me'),
      createCategory: (_result, _args, cache) => invalidateQueryField(cache, 'categories'),
      addReview: (_result, _args, cache) => invalidateQueryField(cache, 'product'),
      retryOrderMail: (_result, _args, cache) => invalidateQueryField(cache, 'orderMails'),
    },
  },
});

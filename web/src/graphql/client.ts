import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { shopCache } from './cache';

export interface ShopClient {
  client: Client;
  dispose(): void;
}

/**
 * One urql client per signed-in identity: signing in or out builds a new one, so no cached data and no socket
 * authorised for the previous identity survive the change. `token` is read on every request, so a refreshed access
 * token is used at once.
 */
export function createShopClient(token: () => string | null): ShopClient {
  const authorization = (): Record<string, string> => {
    const t = token();
    return t ? { Authorization: `Bearer ${t}` } : {};
  };
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = createWsClient({
    url: `${scheme}//${window.location.host}/graphql`,
    connectionParams: authorization,
    lazy: true,
    retryAttempts: 5,
  });
  const client = new Client({
    url: '/graphql',
    exchanges: [
      shopCache,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
    fetchOptions: () => ({ headers: authorization() }),
  });
  return { client, dispose: () => void ws.dispose() };
}

// The worker setup must come first: it tells Monaco where vite put its editor workers.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';

// The server injects the endpoint's path (the page is served from the endpoint itself); http and ws URLs follow from it.
const path = document.querySelector('meta[name="graphql-endpoint"]')?.content || '/graphql';
const url = new URL(path, window.location.href);
const wsUrl = new URL(url);
wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

const fetcher = createGraphiQLFetcher({
  url: url.href,
  wsClient: createClient({ url: wsUrl.href, lazy: true, retryAttempts: 3 }),
});

const container = document.getElementById('graphiql');
container.textContent = '';
createRoot(container).render(createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }));

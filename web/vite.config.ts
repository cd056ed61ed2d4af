/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * GraphQL Code Generator's client preset finds operations by their graphql(`...`) calls and answers them at run time from
 * one object mapping every operation's source text to its typed document (src/gql/gql.ts), so the first load would carry
 * every operation, the console's too, with their source texts as keys. This puts each call's own document (as generated
 * in src/gql/graphql.ts) in its place at build time, as the preset's Babel plugin does with imports, so a chunk carries
 * only the documents it uses; the types still come from the generated files.
 */
function inlineGraphqlDocuments(): Plugin {
  const generated = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));
  const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
  const exported = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*$/gm;
  return {
    name: 'orleansshop:inline-graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      this.addWatchFile(generated);
      const documents = new Map([...readFileSync(generated, 'utf8').matchAll(exported)].map((m) => [m[1], m[2]]));
      const inlined = code.replace(call, (_, source: string) => {
        const definition = /\b(query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/.exec(source);
        const name = definition && definition[2] + (definition[1] === 'fragment' ? 'FragmentDoc' : 'Document');
        const document = name && documents.get(name);
        if (!document) this.error(`${id}: no generated document for graphql(\`${source.trim().slice(0, 60)}...\`); run npm run codegen`);
        return `(${document})`;
      });
      return { code: inlined, map: null };
    },
  };
}

export default defineConfig({
  plugins: [inlineGraphqlDocuments(), react()],
  build: {
    outDir: 'dist',
    // Every asset gets a content hash in its name, so the API can serve them as immutable.
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    // `npm run dev` talks to a running API (dotnet run --project api/OrleansShop.Api).
    proxy: {
      '/graphql': { target: 'http://localhost:5000', ws: true },
      '/sandbox': 'http://localhost:5000',
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});

/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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

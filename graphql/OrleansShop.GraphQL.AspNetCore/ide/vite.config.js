import { defineConfig } from 'vite';

// Relative asset URLs: the server serves index.html at the endpoint with a <base> pointing at {endpoint}/ide/.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8192,
    rollupOptions: {
      // framer-motion's "use client" directives mean nothing outside React Server Components.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  logLevel: 'warn',
});

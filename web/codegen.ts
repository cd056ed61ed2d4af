import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations come from the contract file, not a live server, so the build needs no running API.
const config: CodegenConfig = {
  schema: '../api/OrleansShop.Api/schema-contract.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', Decimal: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;

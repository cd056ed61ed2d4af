import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations come from the schema files the API serves (the contract and the shop's additions to it), not a live
// server, so the build needs no running API.
const config: CodegenConfig = {
  schema: ['../api/OrleansShop.Api/schema-contract.graphql', '../api/OrleansShop.Api/schema-additions.graphql'],
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

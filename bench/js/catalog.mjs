// The graphql-js side of the benchmark catalog: the same SDL and operations as the .NET load server (read from its
// Operations folder) and the same data, built with the formulas of CatalogData.cs. Resolvers are graphql-js's idiom:
// plain objects read by the default field resolver.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';

const operations = new URL('../OrleansShop.GraphQL.LoadServer/Operations/', import.meta.url);
const read = (name) => readFileSync(new URL(name, operations), 'utf8');

export const schema = buildSchema(read('catalog.graphql'));

export const operationTexts = {
  productList: read('product-list.graphql'),
  categoryChain: read('category-chain.graphql'),
  introspection: read('introspection.graphql'),
  typeName: read('typename.graphql'),
};

const categories = [];
for (let i = 0, parent = null; i < 12; i++) {
  parent = categories[i] = { id: `c${i}`, name: `Category ${i}`, parent };
}
const categoriesById = new Map(categories.map((c) => [c.id, c]));

const products = [];
for (let i = 0; i < 20; i++) {
  products.push({
    id: `p${i}`,
    name: `Product ${i}`,
    sku: `SKU-${String(i).padStart(5, '0')}`,
    price: 9.5 + i * 1.25,
    quantity: i * 7,
    inStock: i % 3 !== 0,
    category: categories[i % 12],
  });
}

export const rootValue = {
  products: () => products,
  category: ({ id }) => categoriesById.get(id) ?? null,
};

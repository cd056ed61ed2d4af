import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Link, navigate, useLocation } from '../router';
import { ProductCard } from '../ui/ProductCard';
import { Problem } from '../ui/Problem';
import { searchHref, searchVariables, sorts } from './searchParams';

const SearchQuery = graphql(`
  query Search($search: String, $where: ProductFilter, $order: [ProductSort!], $first: Int, $after: String, $last: Int, $before: String) {
    products(search: $search, where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      facets { field values { value label count } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { ...ProductCardFields }
    }
  }
`);

const facetTitles: Record<string, string> = { brand: 'Brand', category: 'Category', price: 'Price' };

// On a phone the filters start folded, so the products are on the first screen.
const wideScreen = () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 40rem)').matches;

export function SearchPage() {
  const { query } = useLocation();
  const [filtersOpen] = useState(wideScreen);
  const variables = searchVariables(query);
  const [{ data, fetching, error }, refetch] = useQuery({ query: SearchQuery, variables });
  const products = data?.products;
  const selected = (field: string, value: string) =>
    field === 'brand' ? query.getAll('brand').includes(value) : query.get(field === 'category' ? 'category' : 'price') === value;
  const toggle = (field: string, value: string) => {
    if (field === 'brand') {
      const brands = query.getAll('brand');
      return searchHref(query, { brand: brands.includes(value) ? brands.filter((b) => b !== value) : [...brands, value] });
    }
    const key = field === 'category' ? 'category' : 'price';
    return searchHref(query, { [key]: query.get(key) === value ? null : value });
  };

  return (
    <div className="search-page">
      <h1>{variables.search ? `Results for “${variables.search}”` : 'All products'}</h1>
      <div className="search-tools">
        <label>
          Sort by{' '}
          <select value={query.get('sort') ?? 'relevance'} onChange={(e) => navigate(searchHref(query, { sort: e.target.value }))}>
            {Object.entries(sorts).map(([key, s]) => (
              <option key={key} value={key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={query.get('inStock') === '1'}
            onChange={(e) => navigate(searchHref(query, { inStock: e.target.checked ? '1' : null }))}
          />{' '}
          In stock only
        </label>
      </div>
      <div className="search-layout">
        <aside aria-label="Filters">
          <details className="filters" open={filtersOpen}>
            <summary>Filters</summary>
            {products?.facets.map((facet) => (
              <fieldset key={facet.field} className="facet">
                <legend>{facetTitles[facet.field] ?? facet.field}</legend>
                <ul>
                  {facet.values.map((v) => (
                    <li key={v.value}>
                      <Link href={toggle(facet.field, v.value)} aria-current={selected(facet.field, v.value) ? 'true' : undefined}>
                        {v.label} ({v.count})
                      </Link>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
          </details>
        </aside>
        <section aria-label="Products" aria-busy={fetching}>
          {error && <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
          {products && (
            <>
              <p className="count" role="status">
                {products.totalCount === 1 ? '1 product' : `${products.totalCount} products`}
              </p>
              <ul className="product-grid">
                {products.nodes.map((p) => (
                  <ProductCard key={p.id} product={p} />
                ))}
              </ul>
              <nav className="pager" aria-label="Pages">
                {products.pageInfo.hasPreviousPage && products.pageInfo.startCursor && (
                  <Link href={searchHref(query, { before: products.pageInfo.startCursor, after: null })}>Previous page</Link>
                )}
                {products.pageInfo.hasNextPage && products.pageInfo.endCursor && (
                  <Link href={searchHref(query, { after: products.pageInfo.endCursor, before: null })}>Next page</Link>
                )}
              </nav>
            </>
          )}
          {!products && fetching && <p className="loading">Searching…</p>}
        </section>
      </div>
    </div>
  );
}

import type { ProductFilter, ProductSort } from '../gql/graphql';

export const pageSize = 12;

export const sorts: Record<string, { label: string; sort: ProductSort | null }> = {
  relevance: { label: 'Best match', sort: null },
  'price-asc': { label: 'Price: low to high', sort: { field: 'PRICE', direction: 'ASC' } },
  'price-desc': { label: 'Price: high to low', sort: { field: 'PRICE', direction: 'DESC' } },
  rating: { label: 'Best rated', sort: { field: 'RATING', direction: 'DESC' } },
  newest: { label: 'Newest', sort: { field: 'CREATED_AT', direction: 'DESC' } },
  name: { label: 'Name', sort: { field: 'NAME', direction: 'ASC' } },
};

/** A price facet's band ("25-50", "250+") as the filter's bounds. */
export function priceBand(band: string): { minPrice?: string; maxPrice?: string } {
  const [from, to] = band.replace('+', '').split('-');
  return { minPrice: from || undefined, maxPrice: to || undefined };
}

/** The search URL's query string as the products field's arguments: the URL is the single source of truth. */
export function searchVariables(query: URLSearchParams) {
  const where: ProductFilter = {};
  const category = query.get('category');
  if (category) where.categoryId = category;
  const brands = query.getAll('brand');
  if (brands.length) where.brand = brands;
  if (query.get('inStock') === '1') where.inStock = true;
  const price = query.get('price');
  if (price) Object.assign(where, priceBand(price));
  const minRating = Number(query.get('minRating'));
  if (minRating > 0) where.minRating = minRating;
  const sort = sorts[query.get('sort') ?? '']?.sort;
  const before = query.get('before');
  const after = query.get('after');
  return {
    search: query.get('q') || null,
    where,
    order: sort ? [sort] : null,
    ...(before ? { last: pageSize, before } : { first: pageSize, after }),
  };
}

/** The URL with `changes` applied; any change but paging starts again at the first page. */
export function searchHref(query: URLSearchParams, changes: Record<string, string | string[] | null>): string {
  const next = new URLSearchParams(query);
  const paging = 'after' in changes || 'before' in changes;
  if (!paging) {
    next.delete('after');
    next.delete('before');
  }
  for (const [key, value] of Object.entries(changes)) {
    next.delete(key);
    if (Array.isArray(value)) value.forEach((v) => next.append(key, v));
    else if (value) next.set(key, value);
  }
  const text = next.toString();
  return text ? `/search?${text}` : '/search';
}

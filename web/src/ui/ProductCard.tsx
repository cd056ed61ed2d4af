import { graphql } from '../gql';
import type { ProductCardFieldsFragment } from '../gql/graphql';
import { Link } from '../router';
import { Money } from './Money';
import { Stars } from './Stars';

export const ProductCardFields = graphql(`
  fragment ProductCardFields on Product {
    id
    slug
    name
    brand
    price { amount currency }
    available
    rating { average count }
  }
`);

export function ProductCard({ product }: { product: ProductCardFieldsFragment }) {
  return (
    <li className="product-card">
      <Link href={`/products/${encodeURIComponent(product.slug)}`} className="product-name">
        {product.name}
      </Link>
      {product.brand && <span className="brand">{product.brand}</span>}
      <Money value={product.price} />
      <Stars rating={product.rating} />
      {!product.available && <span className="sold-out">Out of stock</span>}
    </li>
  );
}

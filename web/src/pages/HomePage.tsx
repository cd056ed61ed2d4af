import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../router';
import { ProductCard } from '../ui/ProductCard';
import { Problem } from '../ui/Problem';

const HomeQuery = graphql(`
  query Home {
    categories { id name slug children { id name slug } }
    products(first: 8, where: { inStock: true }, order: [{ field: RATING, direction: DESC }]) {
      nodes { ...ProductCardFields }
    }
  }
`);

export function HomePage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: HomeQuery });
  if (error && !data) return <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <p className="loading">Loading the shop…</p>;
  return (
    <>
      <section aria-labelledby="categories-heading">
        <h1 id="categories-heading">Shop by category</h1>
        <ul className="categories">
          {data?.categories.map((c) => (
            <li key={c.id}>
              <Link href={`/search?category=${encodeURIComponent(c.id)}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading">Featured products</h2>
        <ul className="product-grid">
          {data?.products.nodes.map((p) => <ProductCard key={p.id} product={p} />)}
        </ul>
      </section>
    </>
  );
}

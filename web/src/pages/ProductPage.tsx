import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session/Session';
import { Link } from '../router';
import { Money } from '../ui/Money';
import { Problem } from '../ui/Problem';
import { Stars } from '../ui/Stars';
import { AddCartItemMutation } from './cartOperations';
import { ReviewForm } from './ReviewForm';

const ProductQuery = graphql(`
  query Product($slug: String!) {
    product(slug: $slug) {
      id
      sku
      name
      brand
      description
      price { amount currency }
      available
      stock { available }
      attributes { name value }
      categories { id name }
      rating { average count }
      reviews(first: 10) {
        totalCount
        nodes {
          id
          author
          rating
          title
          body
          verifiedPurchase
          createdAt
          reply { body }
        }
      }
    }
  }
`);

const StockSubscription = graphql(`
  subscription StockChanged($productId: ID!) {
    stockChanged(productId: $productId) { available }
  }
`);

export function ProductPage({ slug }: { slug: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProductQuery, variables: { slug } });
  const product = data?.product;
  // Stock pushed by the server replaces what the page loaded with, as soon as it arrives.
  const [live] = useSubscription({ query: StockSubscription, variables: { productId: product?.id ?? '' }, pause: !product });
  if (error && !data) return <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <p className="loading">Loading…</p>;
  if (!product) return <h1>This product is not in the shop.</h1>;
  const inStock = live.data?.stockChanged.available ?? product.stock.available;

  return (
    <article className="product-page">
      <h1>{product.name}</h1>
      {product.brand && <p className="brand">{product.brand}</p>}
      <p className="price">
        <Money value={product.price} />
      </p>
      <p className="availability" role="status" aria-live="polite">
        {inStock > 0 ? `In stock: ${inStock} available` : 'Out of stock'}
      </p>
      <Stars rating={product.rating} />
      <AddToCart productId={product.id} disabled={inStock <= 0} />
      <p className="description">{product.description}</p>
      {product.attributes.length > 0 && (
        <dl className="attributes">
          {product.attributes.map((a) => (
            <div key={a.name}>
              <dt>{a.name}</dt>
              <dd>{a.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">Reviews ({product.reviews.totalCount})</h2>
        <ul className="reviews">
          {product.reviews.nodes.map((r) => (
            <li key={r.id}>
              <h3>
                {r.title} <span className="rating">{'★'.repeat(r.rating)}</span>
                <span className="visually-hidden"> {r.rating} out of 5</span>
              </h3>
              <p className="byline">
                {r.author}
                {r.verifiedPurchase && ' · verified purchase'} · {new Date(r.createdAt).toLocaleDateString()}
              </p>
              <p>{r.body}</p>
              {r.reply && <p className="reply">Reply from the shop: {r.reply.body}</p>}
            </li>
          ))}
        </ul>
        <ReviewForm productId={product.id} />
      </section>
    </article>
  );
}

function AddToCart({ productId, disabled }: { productId: string; disabled: boolean }) {
  const { viewer, cartId, setCartId } = useSession();
  const [quantity, setQuantity] = useState('1');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [{ fetching }, addItem] = useMutation(AddCartItemMutation);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const count = Number(quantity);
    if (!Number.isInteger(count) || count < 1) {
      setMessage({ text: 'Enter a quantity of 1 or more.', ok: false });
      return;
    }
    const result = await addItem({ input: { cartId: viewer ? null : cartId, productId, quantity: count } });
    const payload = result.data?.addCartItem;
    if (!payload) {
      setMessage({ text: 'The cart could not be reached. Try again.', ok: false });
      return;
    }
    if (payload.errors.length) {
      setMessage({ text: payload.errors.map((x) => x.message).join(' '), ok: false });
      return;
    }
    if (!viewer && payload.cart) setCartId(payload.cart.id);
    const items = payload.cart?.itemCount ?? count;
    setMessage({ text: `Added to your cart (${items} ${items === 1 ? 'item' : 'items'}).`, ok: true });
  };

  return (
    <form className="add-to-cart" onSubmit={submit}>
      <label>
        Quantity{' '}
        <input type="number" min={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} inputMode="numeric" />
      </label>
      <button type="submit" disabled={disabled || fetching}>
        Add to cart
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice' : 'field-error'}>
          {message.text} {message.ok && <Link href="/cart">View cart</Link>}
        </p>
      )}
    </form>
  );
}

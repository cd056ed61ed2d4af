import { useMutation } from 'urql';
import { useSession } from '../session/Session';
import { Link, navigate } from '../router';
import { Money } from '../ui/Money';
import { Problem } from '../ui/Problem';
import { UpdateCartItemMutation } from './cartOperations';
import { useCart } from './useCart';

export function CartPage() {
  const { viewer, cartId } = useSession();
  const { cart, result, refetch } = useCart();
  const [update, updateItem] = useMutation(UpdateCartItemMutation);
  const problem = update.data?.updateCartItem.errors[0]?.message;

  if (result.error && !result.data) return <Problem error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (result.fetching && !result.data) return <p className="loading">Loading your cart…</p>;
  if (!cart || cart.lines.length === 0)
    return (
      <>
        <h1>Your cart</h1>
        <p>Your cart is empty. <Link href="/search">Find something you like.</Link></p>
      </>
    );

  const setQuantity = (productId: string, quantity: number) =>
    void updateItem({ input: { cartId: viewer ? null : cartId, productId, quantity } });

  return (
    <>
      <h1>Your cart</h1>
      {problem && <p className="field-error" role="alert">{problem}</p>}
      <table className="cart-lines">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Price</th>
            <th scope="col">Quantity</th>
            <th scope="col">Total</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {cart.lines.map((line) => (
            <tr key={line.product.id}>
              <td>
                <Link href={`/products/${encodeURIComponent(line.product.slug)}`}>{line.product.name}</Link>
                {!line.available && <span className="sold-out"> No longer available</span>}
              </td>
              <td><Money value={line.unitPrice} /></td>
              <td>
                <input
                  type="number"
                  min={0}
                  aria-label={`Quantity of ${line.product.name}`}
                  defaultValue={line.quantity}
                  key={line.quantity}
                  onBlur={(e) => {
                    const q = Number(e.target.value);
                    if (Number.isInteger(q) && q >= 0 && q !== line.quantity) setQuantity(line.product.id, q);
                  }}
                />
              </td>
              <td><Money value={line.lineTotal} /></td>
              <td>
                <button type="button" onClick={() => setQuantity(line.product.id, 0)}>
                  Remove<span className="visually-hidden"> {line.product.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="subtotal">
        Subtotal: <Money value={cart.subtotal} />
      </p>
      <button type="button" className="primary" onClick={() => navigate('/checkout')}>
        Checkout
      </button>
    </>
  );
}

import { useMutation, useQuery, useSubscription } from 'urql';
import type { OrderFieldsFragment } from '../gql/graphql';
import { Money } from '../ui/Money';
import { OrderStatus, statusText } from '../ui/OrderStatus';
import { Problem } from '../ui/Problem';
import { CancelOrderMutation, OrderQuery, OrderStatusSubscription } from './orderOperations';
import { alipayPageHref } from './alipay';
import { PaymentForm } from './PaymentForm';

const settled = new Set(['PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED']);

/** An order: payment while it waits for one, then the confirmation; its status follows the server live. */
export function OrderPage({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrderQuery, variables: { id } });
  // The cache normalizes orders by id, so each pushed order updates this page's query in place.
  useSubscription({ query: OrderStatusSubscription, variables: { orderId: id } });
  const [cancel, cancelOrder] = useMutation(CancelOrderMutation);
  if (error && !data) return <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <p className="loading">Loading your order…</p>;
  const order = data?.order;
  if (!order) return <h1>No order has this address.</h1>;
  const cancelError = cancel.data?.cancelOrder.errors[0]?.message;
  const lastPayment = order.payments.at(-1);
  const alipay = order.status === 'PAYMENT_PENDING' && lastPayment?.method === 'ALIPAY' ? lastPayment : null;

  return (
    <article className="order-page">
      {settled.has(order.status) ? (
        <h1>Thank you! Your order {order.number} is confirmed.</h1>
      ) : (
        <h1>Order {order.number}</h1>
      )}
      <p className="order-status" role="status" aria-live="polite">
        Status: <OrderStatus status={order.status} />
        {order.trackingNumber && <> · tracking number {order.trackingNumber}</>}
      </p>
      {alipay?.status === 'PENDING' && alipay.redirectUrl && (
        <p className="notice">
          Your Alipay payment is waiting for your approval.{' '}
          <a href={alipayPageHref(alipay.redirectUrl, window.location.pathname)}>Continue to Alipay</a>
        </p>
      )}
      {alipay?.status === 'DECLINED' && (
        <p className="declined" role="alert">
          The Alipay payment was cancelled and nothing was charged. Choose how to pay again.
        </p>
      )}
      {order.status === 'PAYMENT_PENDING' && <PaymentForm orderId={order.id} />}
      <OrderSummary order={order} />
      {(order.status === 'PAYMENT_PENDING' || order.status === 'PAID') && (
        <p>
          <button type="button" disabled={cancel.fetching} onClick={() => void cancelOrder({ input: { orderId: order.id } })}>
            Cancel order
          </button>
          {cancelError && <span className="field-error" role="alert"> {cancelError}</span>}
        </p>
      )}
    </article>
  );
}

export function OrderSummary({ order }: { order: OrderFieldsFragment }) {
  const a = order.shippingAddress;
  return (
    <>
      <table className="order-lines">
        <caption>Items</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Quantity</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.sku}>
              <td>{l.name}</td>
              <td>{l.quantity}</td>
              <td><Money value={l.lineTotal} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="totals">
        <dt>Subtotal</dt><dd><Money value={order.subtotal} /></dd>
        <dt>Shipping</dt><dd><Money value={order.shipping} /></dd>
        <dt>Total</dt><dd><Money value={order.total} /></dd>
      </dl>
      <p>
        Shipping to {a.name}, {a.line1}
        {a.line2 ? `, ${a.line2}` : ''}, {a.postalCode} {a.city}, {a.country}. Updates go to {order.email}.
      </p>
      {order.payments.length > 0 && (
        <ul className="payments" aria-label="Payments">
          {order.payments.map((p) => (
            <li key={p.id}>
              {p.method === 'CARD' ? `${p.cardBrand ?? 'Card'} ending ${p.cardLast4 ?? '????'}` : 'Alipay'}: {p.status.toLowerCase()}
            </li>
          ))}
        </ul>
      )}
      <ol className="history" aria-label="History">
        {order.history.map((h) => (
          <li key={h.at + h.status}>
            {new Date(h.at).toLocaleString()}: {statusText(h.status)}
            {h.note ? ` (${h.note})` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}

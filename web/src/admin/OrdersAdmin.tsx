import { useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import type { OrderStatus as Status } from '../gql/graphql';
import { Link } from '../router';
import { Money } from '../ui/Money';
import { OrderStatus, statusText } from '../ui/OrderStatus';
import { Problem } from '../ui/Problem';
import { CancelOrderMutation, OrderQuery, OrderStatusSubscription } from '../pages/orderOperations';
import { OrderSummary } from '../pages/OrderPage';

const AdminOrdersQuery = graphql(`
  query AdminOrders($where: OrderFilter, $after: String) {
    orders(first: 25, after: $after, where: $where) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id number email status placedAt total { amount currency } }
    }
  }
`);

const ShipOrderMutation = graphql(`
  mutation ShipOrder($input: ShipOrderInput!) {
    shipOrder(input: $input) { order { ...OrderFields } errors { code message field } }
  }
`);

const DeliverOrderMutation = graphql(`
  mutation DeliverOrder($input: DeliverOrderInput!) {
    deliverOrder(input: $input) { order { ...OrderFields } errors { code message field } }
  }
`);

const RefundOrderMutation = graphql(`
  mutation RefundOrder($input: RefundOrderInput!) {
    refundOrder(input: $input) { order { ...OrderFields } errors { code message field } }
  }
`);

const statuses: Status[] = ['PAYMENT_PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED'];

export function OrdersAdmin({ orderId }: { orderId?: string }) {
  return orderId ? <OrderDetail id={orderId} /> : <OrderList />;
}

function OrderList() {
  const [status, setStatus] = useState<Status | ''>('');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({
    query: AdminOrdersQuery,
    variables: { where: status ? { status: [status] } : null, after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <>
      <h1>Orders</h1>
      <label>
        Status{' '}
        <select value={status} onChange={(e) => { setStatus(e.target.value as Status | ''); setAfter(null); }}>
          <option value="">All</option>
          {statuses.map((s) => <option key={s} value={s}>{statusText(s)}</option>)}
        </select>
      </label>
      {error && <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      <p role="status">{data ? `${data.orders.totalCount} orders` : ''}</p>
      <table>
        <thead>
          <tr><th scope="col">Order</th><th scope="col">Email</th><th scope="col">Placed</th><th scope="col">Status</th><th scope="col">Total</th></tr>
        </thead>
        <tbody>
          {data?.orders.nodes.map((o) => (
            <tr key={o.id}>
              <td><Link href={`/admin/orders/${encodeURIComponent(o.id)}`}>{o.number}</Link></td>
              <td>{o.email}</td>
              <td>{new Date(o.placedAt).toLocaleString()}</td>
              <td><OrderStatus status={o.status} /></td>
              <td><Money value={o.total} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.orders.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(data.orders.pageInfo.endCursor ?? null)}>More orders</button>
      )}
    </>
  );
}

function OrderDetail({ id }: { id: string }) {
  const [{ data, error }, refetch] = useQuery({ query: OrderQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  useSubscription({ query: OrderStatusSubscription, variables: { orderId: id } });
  const [tracking, setTracking] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [, ship] = useMutation(ShipOrderMutation);
  const [, deliver] = useMutation(DeliverOrderMutation);
  const [, refund] = useMutation(RefundOrderMutation);
  const [, cancel] = useMutation(CancelOrderMutation);
  if (error && !data) return <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const order = data?.order;
  if (!order) return <p className="loading">Loading…</p>;

  const act = async (run: () => Promise<{ data?: unknown; error?: unknown }>, field: string) => {
    setProblem(null);
    const result = await run();
    const payload = (result.data as Record<string, { errors: { message: string }[] }> | undefined)?.[field];
    if (!payload) setProblem('The shop cannot be reached. Try again.');
    else if (payload.errors.length) setProblem(payload.errors.map((e) => e.message).join(' '));
  };

  return (
    <article>
      <p><Link href="/admin/orders">All orders</Link></p>
      <h1>Order {order.number}</h1>
      <p className="order-status" role="status" aria-live="polite">
        Status: <OrderStatus status={order.status} />
        {order.trackingNumber && <> · tracking number {order.trackingNumber}</>}
      </p>
      {problem && <p className="field-error" role="alert">{problem}</p>}
      {order.status === 'PAID' && (
        <div className="inline-form">
          <div className="field">
            <label htmlFor="tracking">Tracking number</label>
            <input id="tracking" value={tracking} onChange={(e) => setTracking(e.target.value)} />
          </div>
          <button
            type="button"
            onClick={() =>
              tracking.trim()
                ? void act(() => ship({ input: { orderId: order.id, trackingNumber: tracking.trim() } }), 'shipOrder')
                : setProblem('Enter the tracking number first.')
            }
          >
            Ship
          </button>
        </div>
      )}
      {order.status === 'SHIPPED' && (
        <button type="button" onClick={() => void act(() => deliver({ input: { orderId: order.id } }), 'deliverOrder')}>Mark delivered</button>
      )}
      {(order.status === 'PAID' || order.status === 'SHIPPED' || order.status === 'DELIVERED') && (
        <div className="inline-form">
          <div className="field">
            <label htmlFor="refund-reason">Refund reason</label>
            <input id="refund-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button
            type="button"
            onClick={() =>
              reason.trim()
                ? void act(() => refund({ input: { orderId: order.id, reason: reason.trim() } }), 'refundOrder')
                : setProblem('Enter the reason for the refund first.')
            }
          >
            Refund
          </button>
        </div>
      )}
      {(order.status === 'PAYMENT_PENDING' || order.status === 'PAID') && (
        <p>
          <button type="button" onClick={() => void act(() => cancel({ input: { orderId: order.id, reason: 'Cancelled by the shop.' } }), 'cancelOrder')}>
            Cancel order
          </button>
        </p>
      )}
      <OrderSummary order={order} />
    </article>
  );
}

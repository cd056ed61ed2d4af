import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session/Session';
import { Link } from '../router';
import { Money } from '../ui/Money';
import { OrderStatus } from '../ui/OrderStatus';
import { Problem } from '../ui/Problem';

const MyOrdersQuery = graphql(`
  query MyOrders($after: String) {
    me {
      id
      orders(first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id number status placedAt total { amount currency } }
      }
    }
  }
`);

export function OrderHistoryPage({ after }: { after: string | null }) {
  const { viewer } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyOrdersQuery,
    variables: { after },
    pause: !viewer,
    requestPolicy: 'cache-and-network',
  });
  if (!viewer) return <p>Please <Link href="/signin">sign in</Link> to see your orders.</p>;
  if (error && !data) return <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <p className="loading">Loading your orders…</p>;
  const orders = data?.me?.orders;
  return (
    <>
      <h1>Order history</h1>
      {!orders || orders.nodes.length === 0 ? (
        <p>You have no orders yet.</p>
      ) : (
        <table className="orders">
          <thead>
            <tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Status</th><th scope="col">Total</th></tr>
          </thead>
          <tbody>
            {orders.nodes.map((o) => (
              <tr key={o.id}>
                <td><Link href={`/orders/${encodeURIComponent(o.id)}`}>{o.number}</Link></td>
                <td>{new Date(o.placedAt).toLocaleDateString()}</td>
                <td><OrderStatus status={o.status} /></td>
                <td><Money value={o.total} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {orders?.pageInfo.hasNextPage && orders.pageInfo.endCursor && (
        <Link href={`/account/orders?after=${encodeURIComponent(orders.pageInfo.endCursor)}`}>Older orders</Link>
      )}
    </>
  );
}

import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../router';
import { formatAddress } from '../ui/formatAddress';
import { Money } from '../ui/Money';
import { OrderStatus } from '../ui/OrderStatus';
import { Problem } from '../ui/Problem';

const AdminCustomerQuery = graphql(`
  query AdminCustomer($id: ID!, $after: String) {
    node(id: $id) {
      __typename
      ... on Customer {
        id
        email
        displayName
        phone
        roles
        createdAt
        addresses { ...SavedAddress }
        defaultAddress { id }
        orders(first: 20, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes { id number status placedAt total { amount currency } }
        }
      }
    }
  }
`);

/** One customer as the shop knows them: profile, address book and orders (newest first). */
export function CustomerDetail({ id }: { id: string }) {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error, fetching }, refetch] = useQuery({ query: AdminCustomerQuery, variables: { id, after }, requestPolicy: 'cache-and-network' });
  if (error && !data) return <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const customer = data?.node?.__typename === 'Customer' ? data.node : null;
  if (!customer) return fetching ? <p className="loading">Loading…</p> : <h1>No customer has this id.</h1>;
  const orders = customer.orders;
  return (
    <article>
      <p><Link href="/admin/customers">All customers</Link></p>
      <h1>{customer.displayName}</h1>
      <dl className="totals">
        <dt>Email</dt><dd>{customer.email}</dd>
        <dt>Phone</dt><dd>{customer.phone ?? 'none given'}</dd>
        <dt>Roles</dt><dd>{customer.roles.join(', ').toLowerCase()}</dd>
        <dt>Customer since</dt><dd>{new Date(customer.createdAt).toLocaleDateString()}</dd>
      </dl>
      <section aria-labelledby="customer-addresses">
        <h2 id="customer-addresses">Saved addresses</h2>
        {customer.addresses.length === 0 ? (
          <p>No saved addresses.</p>
        ) : (
          <ul className="addresses">
            {customer.addresses.map((a) => (
              <li key={a.id}>
                {formatAddress(a)}
                {customer.defaultAddress?.id === a.id && <strong> (default)</strong>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="customer-orders">
        <h2 id="customer-orders">Orders ({orders.totalCount})</h2>
        {orders.nodes.length === 0 ? (
          <p>No orders yet.</p>
        ) : (
          <table>
            <thead>
              <tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Status</th><th scope="col">Total</th></tr>
            </thead>
            <tbody>
              {orders.nodes.map((o) => (
                <tr key={o.id}>
                  <td><Link href={`/admin/orders/${encodeURIComponent(o.id)}`}>{o.number}</Link></td>
                  <td>{new Date(o.placedAt).toLocaleString()}</td>
                  <td><OrderStatus status={o.status} /></td>
                  <td><Money value={o.total} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {orders.pageInfo.hasNextPage && (
          <button type="button" onClick={() => setAfter(orders.pageInfo.endCursor ?? null)}>Older orders</button>
        )}
      </section>
    </article>
  );
}

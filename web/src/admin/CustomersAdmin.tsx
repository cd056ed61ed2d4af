import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Link } from '../router';
import { Problem } from '../ui/Problem';

const CustomersQuery = graphql(`
  query Customers($search: String, $after: String) {
    customers(first: 25, search: $search, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id email displayName roles createdAt orders(first: 1) { totalCount } }
    }
  }
`);

export function CustomersAdmin() {
  const [search, setSearch] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: CustomersQuery, variables: { search: search || null, after }, requestPolicy: 'cache-and-network' });
  return (
    <>
      <h1>Customers</h1>
      <label>
        Find{' '}
        <input type="search" value={search} onChange={(e) => { setSearch(e.target.value); setAfter(null); }} />
      </label>
      {error && <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      <p role="status">{data ? `${data.customers.totalCount} customers` : ''}</p>
      <table>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Roles</th><th scope="col">Orders</th><th scope="col">Since</th></tr>
        </thead>
        <tbody>
          {data?.customers.nodes.map((c) => (
            <tr key={c.id}>
              <td><Link href={`/admin/customers/${encodeURIComponent(c.id)}`}>{c.displayName}</Link></td>
              <td>{c.email}</td>
              <td>{c.roles.join(', ').toLowerCase()}</td>
              <td>{c.orders.totalCount}</td>
              <td>{new Date(c.createdAt).toLocaleDateString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.customers.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(data.customers.pageInfo.endCursor ?? null)}>More customers</button>
      )}
    </>
  );
}

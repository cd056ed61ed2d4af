import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Problem } from '../ui/Problem';

const InventoryQuery = graphql(`
  query Inventory($search: String) {
    products(first: 25, search: $search, order: [{ field: CREATED_AT, direction: DESC }]) {
      nodes { id sku name stock { available onHand reserved sold } }
    }
  }
`);

const AdjustStockMutation = graphql(`
  mutation AdjustStock($input: AdjustStockInput!) {
    adjustStock(input: $input) {
      product { id stock { available onHand reserved sold } }
      errors { code message field }
    }
  }
`);

export function InventoryAdmin() {
  const [search, setSearch] = useState('');
  const [{ data, error }, refetch] = useQuery({ query: InventoryQuery, variables: { search: search || null }, requestPolicy: 'cache-and-network' });
  return (
    <>
      <h1>Inventory</h1>
      <label>
        Find{' '}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      {error && <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      <table>
        <thead>
          <tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col">On hand</th><th scope="col">Reserved</th><th scope="col">Available</th><th scope="col">Sold</th><th scope="col">Adjust</th></tr>
        </thead>
        <tbody>
          {data?.products.nodes.map((p) => (
            <tr key={p.id}>
              <td>{p.sku}</td>
              <td>{p.name}</td>
              <td>{p.stock.onHand}</td>
              <td>{p.stock.reserved}</td>
              <td>{p.stock.available}</td>
              <td>{p.stock.sold}</td>
              <td><AdjustForm productId={p.id} name={p.name} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * Receiving adds to on hand; writing off removes, never below what is reserved (the server refuses that), and needs a
 * reason (damaged, lost, expired...), which the stock's ledger keeps with the change.
 */
function AdjustForm({ productId, name }: { productId: string; name: string }) {
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [{ fetching }, adjust] = useMutation(AdjustStockMutation);
  const send = async (sign: 1 | -1) => {
    const count = Number(quantity);
    if (!Number.isInteger(count) || count < 1) {
      setMessage('Enter a quantity of 1 or more.');
      return;
    }
    if (sign < 0 && !reason.trim()) {
      setMessage('Enter the reason for the write-off, such as damaged or lost.');
      return;
    }
    const result = await adjust({ input: { productId, delta: sign * count, reason: reason.trim() || 'Received' } });
    const payload = result.data?.adjustStock;
    setMessage(!payload ? 'The shop cannot be reached. Try again.' : (payload.errors[0]?.message ?? null));
    if (payload && !payload.errors.length) {
      setQuantity('');
      setReason('');
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(1);
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <input aria-label={`Quantity for ${name}`} inputMode="numeric" size={5} value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      <input aria-label={`Reason for ${name}`} placeholder="Reason" size={14} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={fetching}>Receive<span className="visually-hidden"> {name}</span></button>
      <button type="button" disabled={fetching} onClick={() => void send(-1)}>Write off<span className="visually-hidden"> {name}</span></button>
      {message && <span className="field-error" role="alert">{message}</span>}
    </form>
  );
}

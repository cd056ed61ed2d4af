import { useQuery } from 'urql';
import { useSession } from '../session/Session';
import { CartQuery } from './cartOperations';

/** The shopper's cart: the guest cart by its stored id, or the signed-in customer's cart. */
export function useCart() {
  const { viewer, cartId } = useSession();
  const pause = !viewer && !cartId;
  const [result, refetch] = useQuery({ query: CartQuery, variables: { id: viewer ? null : cartId }, pause });
  return { cart: pause ? null : (result.data?.cart ?? null), result, refetch };
}

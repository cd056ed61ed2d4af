import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { AddressFields, emptyAddress } from '../forms/AddressFields';
import { Field } from '../forms/Field';
import { newIdempotencyKey } from '../forms/idempotencyKey';
import { checkAddress, checkEmail, hasErrors, userErrorsByField, type AddressValues } from '../forms/validation';
import { useSession } from '../session/Session';
import { Link, navigate } from '../router';
import { formatAddress } from '../ui/formatAddress';
import { Money } from '../ui/Money';
import { AddressBookQuery } from './accountOperations';
import { useCart } from './useCart';

const CheckoutMutation = graphql(`
  mutation Checkout($input: CheckoutInput!) {
    checkout(input: $input) {
      order { id number status }
      errors { code message field }
    }
  }
`);

export function CheckoutPage() {
  const { viewer, cartId } = useSession();
  const { cart } = useCart();
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState<AddressValues>(emptyAddress);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  // One key per visit to this page: a retried submit (double click, lost answer) returns the same order.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [{ fetching }, checkout] = useMutation(CheckoutMutation);
  // A signed-in shopper ships to a saved address (the default one unless they pick another) or types a new one.
  const [book] = useQuery({ query: AddressBookQuery, pause: !viewer });
  const saved = viewer ? (book.data?.me?.addresses ?? []) : [];
  const [choice, setChoice] = useState<string | null>(null);
  const shipTo = choice ?? book.data?.me?.defaultAddress?.id ?? saved[0]?.id ?? 'new';
  const savedAddressId = saved.some((a) => a.id === shipTo) ? shipTo : null;

  if (!cart || cart.lines.length === 0)
    return (
      <>
        <h1>Checkout</h1>
        <p>Your cart is empty. <Link href="/search">Find something you like.</Link></p>
      </>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = { ...(savedAddressId ? {} : checkAddress(address)), email: viewer ? undefined : checkEmail(email) };
    setErrors(local);
    if (hasErrors(local)) return;
    const result = await checkout({
      input: {
        cartId: viewer ? null : cartId,
        email: viewer ? null : email.trim(),
        ...(savedAddressId
          ? { shippingAddressId: savedAddressId }
          : { shippingAddress: { ...address, country: address.country.trim().toUpperCase() } }),
        idempotencyKey,
      },
    });
    const payload = result.data?.checkout;
    if (!payload) {
      setErrors({ form: 'The shop cannot be reached. Your order was not placed yet: try again.' });
      return;
    }
    if (payload.errors.length || !payload.order) {
      const byField = userErrorsByField(payload.errors);
      setErrors({ ...byField, form: byField.form ?? byField.cartId ?? byField.shippingAddressId });
      return;
    }
    navigate(`/orders/${encodeURIComponent(payload.order.id)}`);
  };

  return (
    <form className="checkout" onSubmit={submit} noValidate>
      <h1>Checkout</h1>
      <p>
        {cart.itemCount} items, subtotal <Money value={cart.subtotal} />
      </p>
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      {!viewer && (
        <Field label="Email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
      )}
      {saved.length > 0 && (
        <fieldset className="ship-to">
          <legend>Ship to</legend>
          {saved.map((a) => (
            <label key={a.id} className="check">
              <input type="radio" name="ship-to" value={a.id} checked={shipTo === a.id} onChange={() => setChoice(a.id)} /> {formatAddress(a)}
            </label>
          ))}
          <label className="check">
            <input type="radio" name="ship-to" value="new" checked={!savedAddressId} onChange={() => setChoice('new')} /> A new address
          </label>
        </fieldset>
      )}
      {!savedAddressId && <AddressFields value={address} errors={errors} onChange={setAddress} />}
      <button type="submit" className="primary" disabled={fetching}>
        Place order
      </button>
    </form>
  );
}

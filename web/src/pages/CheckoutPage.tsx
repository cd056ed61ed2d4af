import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { AddressFields, emptyAddress } from '../forms/AddressFields';
import { Field } from '../forms/Field';
import { newIdempotencyKey } from '../forms/idempotencyKey';
import { checkAddress, checkEmail, hasErrors, userErrorsByField, type AddressValues } from '../forms/validation';
import { useSession } from '../session/Session';
import { Link, navigate } from '../router';
import { Money } from '../ui/Money';
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

  if (!cart || cart.lines.length === 0)
    return (
      <>
        <h1>Checkout</h1>
        <p>Your cart is empty. <Link href="/search">Find something you like.</Link></p>
      </>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = { ...checkAddress(address), email: viewer ? undefined : checkEmail(email) };
    setErrors(local);
    if (hasErrors(local)) return;
    const result = await checkout({
      input: {
        cartId: viewer ? null : cartId,
        email: viewer ? null : email.trim(),
        shippingAddress: { ...address, country: address.country.trim().toUpperCase() },
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
      setErrors({ ...byField, form: byField.form ?? byField.cartId });
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
      <AddressFields value={address} errors={errors} onChange={setAddress} />
      <button type="submit" className="primary" disabled={fetching}>
        Place order
      </button>
    </form>
  );
}

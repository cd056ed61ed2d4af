import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { Field } from '../forms/Field';
import { newIdempotencyKey } from '../forms/idempotencyKey';
import { checkCard, hasErrors, type CardValues, type Errors } from '../forms/validation';
import type { PaymentMethod } from '../gql/graphql';
import { alipayPageHref } from './alipay';
import { tokenizeCard } from './cardTokens';

const PayOrderMutation = graphql(`
  mutation PayOrder($input: PayOrderInput!) {
    payOrder(input: $input) {
      order { id status payments { id status method cardBrand cardLast4 redirectUrl } }
      payment { id status cardBrand cardLast4 redirectUrl }
      errors { code message field }
    }
  }
`);

const emptyCard: CardValues = { number: '', expMonth: '', expYear: '', cvc: '' };

export function PaymentForm({ orderId }: { orderId: string }) {
  const [method, setMethod] = useState<PaymentMethod>('CARD');
  const [card, setCard] = useState<CardValues>(emptyCard);
  const [errors, setErrors] = useState<Errors<keyof CardValues>>({});
  const [declined, setDeclined] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, payOrder] = useMutation(PayOrderMutation);
  const set = (key: keyof CardValues) => (e: { target: { value: string } }) => setCard({ ...card, [key]: e.target.value });

  // Alipay: the shopper approves on the provider's page, which sends them back here; the order turns PAID when the
  // provider's signed notification reaches the shop, and this page hears it over orderStatusChanged.
  const payWithAlipay = async () => {
    setBusy(true);
    const result = await payOrder({ input: { orderId, method: 'ALIPAY', idempotencyKey: newIdempotencyKey() } });
    const payload = result.data?.payOrder;
    const redirectUrl = payload?.payment?.redirectUrl;
    if (redirectUrl && !payload.errors.length) {
      window.location.assign(alipayPageHref(redirectUrl, window.location.pathname));
      return;
    }
    setBusy(false);
    setDeclined(
      !payload
        ? 'The shop cannot be reached. You were not charged: try again.'
        : payload.errors.map((x) => x.message).join(' ') || 'Alipay did not answer with its payment page. Try again.',
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (method === 'ALIPAY') {
      setDeclined(null);
      await payWithAlipay();
      return;
    }
    const local = checkCard(card);
    setErrors(local);
    setDeclined(null);
    if (hasErrors(local)) return;
    setBusy(true);
    try {
      const tokenized = await tokenizeCard(card);
      if ('error' in tokenized) {
        setDeclined(tokenized.error);
        return;
      }
      // Each attempt is a new payment: a declined card is retried with another key (and usually another card).
      const result = await payOrder({
        input: { orderId, method: 'CARD', cardToken: tokenized.token, idempotencyKey: newIdempotencyKey() },
      });
      const payload = result.data?.payOrder;
      if (!payload) setDeclined('The shop cannot be reached. You were not charged: try again.');
      else if (payload.errors.length) {
        const reason = payload.errors.map((x) => x.message).join(' ');
        setDeclined(
          payload.errors.some((x) => x.code === 'PAYMENT_DECLINED')
            ? `Your card was declined. ${reason} Check the details or use another card.`
            : reason,
        );
      } else setCard(emptyCard);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="payment" onSubmit={submit} noValidate aria-labelledby="payment-heading">
      <h2 id="payment-heading">Payment</h2>
      {declined && (
        <p className="declined" role="alert">
          {declined}
        </p>
      )}
      <fieldset className="methods">
        <legend>Pay with</legend>
        <label>
          <input type="radio" name="method" value="CARD" checked={method === 'CARD'} onChange={() => setMethod('CARD')} /> Card
        </label>
        <label>
          <input type="radio" name="method" value="ALIPAY" checked={method === 'ALIPAY'} onChange={() => setMethod('ALIPAY')} /> Alipay
        </label>
      </fieldset>
      {method === 'CARD' ? (
        <>
          <Field label="Card number" inputMode="numeric" autoComplete="cc-number" value={card.number} onChange={set('number')} error={errors.number} />
          <div className="row">
            <Field label="Expiry month" inputMode="numeric" autoComplete="cc-exp-month" placeholder="MM" value={card.expMonth} onChange={set('expMonth')} error={errors.expMonth} />
            <Field label="Expiry year" inputMode="numeric" autoComplete="cc-exp-year" placeholder="YYYY" value={card.expYear} onChange={set('expYear')} error={errors.expYear} />
            <Field label="CVC" inputMode="numeric" autoComplete="cc-csc" value={card.cvc} onChange={set('cvc')} error={errors.cvc} />
          </div>
          <p className="hint">Your card goes straight to the payment provider; the shop only receives a token.</p>
        </>
      ) : (
        <p className="hint">You approve the payment on Alipay&rsquo;s page and come back here.</p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Pay
      </button>
    </form>
  );
}

import type { CardValues } from '../forms/validation';
import { cardDigits } from '../forms/validation';

export type TokenResult = { token: string; brand: string; last4: string } | { error: string };

/**
 * Sends the card to the payment provider's tokenization endpoint straight from the browser and returns its token:
 * the card number never reaches the shop's API, which only ever sees the token (the PCI scope the design wants).
 */
export async function tokenizeCard(card: CardValues): Promise<TokenResult> {
  let response: Response;
  try {
    response = await fetch('/sandbox/payments/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        number: cardDigits(card.number),
        expMonth: Number(card.expMonth),
        expYear: Number(card.expYear),
        cvc: card.cvc,
      }),
      credentials: 'omit',
    });
  } catch {
    return { error: 'The payment provider cannot be reached. Check your connection and try again.' };
  }
  const body = (await response.json().catch(() => null)) as
    | { token?: string; brand?: string; last4?: string; error?: { message?: string } }
    | null;
  if (response.ok && body?.token) return { token: body.token, brand: body.brand ?? '', last4: body.last4 ?? '' };
  return { error: body?.error?.message ?? `The payment provider refused the card (HTTP ${response.status}).` };
}

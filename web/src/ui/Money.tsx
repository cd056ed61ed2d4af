const formats = new Map<string, Intl.NumberFormat>();

/** Formats an exact decimal string; Intl rounds only for display, the amount itself stays a string. */
export function formatMoney(amount: string, currency: string): string {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formats.set(currency, format);
  }
  return format.format(Number(amount));
}

export function Money({ value }: { value: { amount: string; currency: string } }) {
  return <span className="money">{formatMoney(value.amount, value.currency)}</span>;
}

// Checks the browser can make before anything is sent. The server checks again and has the last word; its UserErrors
// are shown the same way (see userErrorsByField).

export type Errors<K extends string> = Partial<Record<K, string>>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(email: string): string | undefined {
  if (!email.trim()) return 'Enter your email address.';
  if (!emailPattern.test(email.trim())) return 'Enter an email address like name@example.com.';
  return undefined;
}

/** The server's rule (PasswordPolicy): at least 10 characters, not the email itself. */
export function checkNewPassword(password: string, email: string): string | undefined {
  if (password.length < 10) return 'Use at least 10 characters.';
  if (password.length > 256) return 'Use at most 256 characters.';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'The password must not be your email address.';
  return undefined;
}

export interface AddressValues {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

export function checkAddress(a: AddressValues): Errors<keyof AddressValues> {
  const errors: Errors<keyof AddressValues> = {};
  if (!a.name.trim()) errors.name = 'Enter the name of the person receiving the parcel.';
  if (!a.line1.trim()) errors.line1 = 'Enter the street and house number.';
  if (!a.city.trim()) errors.city = 'Enter the city.';
  if (!a.postalCode.trim()) errors.postalCode = 'Enter the postal code.';
  if (!/^[A-Za-z]{2}$/.test(a.country.trim())) errors.country = 'Enter the two-letter country code, such as US or DE.';
  return errors;
}

export interface CardValues {
  number: string;
  expMonth: string;
  expYear: string;
  cvc: string;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let doubled = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (doubled) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubled = !doubled;
  }
  return sum % 10 === 0;
}

export const cardDigits = (number: string) => number.replace(/[\s-]/g, '');

/** The same rules the payment provider applies, so a typo is caught before the card leaves the page. */
export function checkCard(card: CardValues, now: Date = new Date()): Errors<keyof CardValues> {
  const errors: Errors<keyof CardValues> = {};
  const digits = cardDigits(card.number);
  if (!/^\d{12,19}$/.test(digits)) errors.number = 'Enter the 12 to 19 digits of the card number.';
  else if (!passesLuhn(digits)) errors.number = 'This card number has a typo: check the digits.';

  const month = Number(card.expMonth);
  if (!/^\d{1,2}$/.test(card.expMonth) || month < 1 || month > 12) errors.expMonth = 'Enter the month as 1 to 12.';

  let year = Number(card.expYear);
  if (!/^\d{2}(\d{2})?$/.test(card.expYear)) errors.expYear = 'Enter the year, such as 2030.';
  else {
    if (year < 100) year += 2000;
    const thisYear = now.getFullYear();
    if (!errors.expMonth && (year < thisYear || (year === thisYear && month < now.getMonth() + 1)))
      errors.expYear = 'This card has expired.';
  }

  const amex = /^3[47]/.test(digits);
  const cvcLength = amex ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc)) errors.cvc = `Enter the ${cvcLength} digits of the CVC.`;
  return errors;
}

export const hasErrors = (errors: object) => Object.values(errors).some(Boolean);

interface UserErrorLike {
  message: string;
  field?: readonly string[] | null;
}

/**
 * Server errors keyed by the input field they name (the last segment of their path: ["input", "shippingAddress",
 * "city"] is "city"); errors that name no field are under "form".
 */
export function userErrorsByField(errors: readonly UserErrorLike[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const e of errors) {
    const key = e.field && e.field.length > 1 ? e.field[e.field.length - 1] : 'form';
    byField[key] = byField[key] ? `${byField[key]} ${e.message}` : e.message;
  }
  return byField;
}

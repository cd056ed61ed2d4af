import { describe, expect, it } from 'vitest';
import { checkAddress, checkCard, checkEmail, checkNewPassword, passesLuhn, userErrorsByField } from './validation';

const now = new Date(2026, 11, 5);

describe('card checks', () => {
  it('accepts the sandbox test cards', () => {
    expect(checkCard({ number: '4242 4242 4242 4242', expMonth: '12', expYear: '2030', cvc: '123' }, now)).toEqual({});
    expect(checkCard({ number: '4000-0000-0000-0002', expMonth: '1', expYear: '30', cvc: '123' }, now)).toEqual({});
  });

  it('catches a typo in the number with the Luhn check', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(checkCard({ number: '4242424242424241', expMonth: '12', expYear: '2030', cvc: '123' }, now).number).toMatch(/typo/);
  });

  it('names every wrong field', () => {
    const errors = checkCard({ number: '12', expMonth: '13', expYear: 'x', cvc: '1' }, now);
    expect(Object.keys(errors).sort()).toEqual(['cvc', 'expMonth', 'expYear', 'number']);
  });

  it('refuses an expired card but not one expiring this month', () => {
    expect(checkCard({ number: '4242424242424242', expMonth: '11', expYear: '2026', cvc: '123' }, now).expYear).toBe('This card has expired.');
    expect(checkCard({ number: '4242424242424242', expMonth: '12', expYear: '2026', cvc: '123' }, now)).toEqual({});
  });

  it('wants four CVC digits for American Express', () => {
    expect(checkCard({ number: '378282246310005', expMonth: '12', expYear: '2030', cvc: '123' }, now).cvc).toMatch(/4 digits/);
    expect(checkCard({ number: '378282246310005', expMonth: '12', expYear: '2030', cvc: '1234' }, now)).toEqual({});
  });
});

describe('account and address checks', () => {
  it('checks email addresses', () => {
    expect(checkEmail('')).toBe('Enter your email address.');
    expect(checkEmail('ada@')).toMatch(/like name@example.com/);
    expect(checkEmail(' ada@example.com ')).toBeUndefined();
  });

  it('applies the server password policy', () => {
    expect(checkNewPassword('short', 'a@b.c')).toMatch(/10 characters/);
    expect(checkNewPassword('ada@example.com', 'Ada@Example.com')).toMatch(/not be your email/);
    expect(checkNewPassword('a long enough phrase', 'a@b.c')).toBeUndefined();
  });

  it('requires every address field and a two-letter country', () => {
    expect(Object.keys(checkAddress({ name: '', line1: '', city: '', postalCode: '', country: 'USA' })).sort()).toEqual(
      ['city', 'country', 'line1', 'name', 'postalCode'],
    );
    expect(checkAddress({ name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'de' })).toEqual({});
  });
});

describe('server errors', () => {
  it('go beside the field their path names, or on the form', () => {
    expect(
      userErrorsByField([
        { message: 'Use at least 10 characters.', field: ['input', 'password'] },
        { message: 'Bad city.', field: ['input', 'shippingAddress', 'city'] },
        { message: 'Slow down.', field: null },
      ]),
    ).toEqual({ password: 'Use at least 10 characters.', city: 'Bad city.', form: 'Slow down.' });
  });
});

import { describe, expect, it } from 'vitest';
import { alipayPageHref } from './alipay';

describe('Alipay page address', () => {
  it('adds the path to come back to, encoded, keeping what the provider put in the address', () => {
    const href = alipayPageHref('http://127.0.0.1:5000/sandbox/payments/alipay/ch_1?lang=en', '/orders/T3JkZXI6MQ%3D%3D');
    const url = new URL(href);
    expect(url.pathname).toBe('/sandbox/payments/alipay/ch_1');
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.searchParams.get('return')).toBe('/orders/T3JkZXI6MQ%3D%3D');
  });
});

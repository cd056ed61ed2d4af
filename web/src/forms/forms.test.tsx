import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, fetchExchange, Provider } from 'urql';
import { PaymentForm } from '../pages/PaymentForm';
import { SignInPage } from '../pages/SignInPage';
import { SessionProvider } from '../session/Session';

afterEach(cleanup);

// A client with nowhere to send to: these tests prove that invalid forms never try.
const offline = new Client({ url: 'http://127.0.0.1:9/graphql', exchanges: [fetchExchange] });

describe('payment form', () => {
  it('shows each card error beside its field and sends nothing', () => {
    render(
      <Provider value={offline}>
        <PaymentForm orderId="T3JkZXI6MQ==" />
      </Provider>,
    );
    fireEvent.change(screen.getByLabelText('Card number'), { target: { value: '4242424242424241' } });
    fireEvent.change(screen.getByLabelText('Expiry month'), { target: { value: '13' } });
    fireEvent.change(screen.getByLabelText('Expiry year'), { target: { value: '2030' } });
    fireEvent.change(screen.getByLabelText('CVC'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pay' }));

    expect(screen.getByLabelText('Card number').getAttribute('aria-invalid')).toBe('true');
    expect(describedBy('Card number')).toMatch(/typo/);
    expect(describedBy('Expiry month')).toBe('Enter the month as 1 to 12.');
    expect(describedBy('Expiry year')).toBe('');
    expect(describedBy('CVC')).toBe('Enter the 3 digits of the CVC.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('button', { name: 'Pay' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('register form', () => {
  it('checks name, email and password before asking the server', () => {
    render(
      <SessionProvider>
        <SignInPage mode="register" />
      </SessionProvider>,
    );
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));

    expect(describedBy('Full name')).toBe('Enter your name.');
    expect(describedBy('Email')).toBe('');
    expect(describedBy('Password')).toBe('Use at least 10 characters.');
  });
});

/** The text of the elements a field's aria-describedby names: what a screen reader reads after the label. */
function describedBy(label: string): string {
  const ids = screen.getByLabelText(label).getAttribute('aria-describedby');
  if (!ids) return '';
  return ids
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

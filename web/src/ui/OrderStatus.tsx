import type { OrderStatus as Status } from '../gql/graphql';

const words: Record<Status, string> = {
  PAYMENT_PENDING: 'Waiting for payment',
  PAID: 'Paid',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
};

export const statusText = (status: Status) => words[status] ?? status;

export function OrderStatus({ status }: { status: Status }) {
  return <span className={`status status-${status.toLowerCase()}`}>{statusText(status)}</span>;
}

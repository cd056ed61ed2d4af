import { graphql } from '../gql';

export const OrderFields = graphql(`
  fragment OrderFields on Order {
    id
    number
    email
    status
    placedAt
    trackingNumber
    reservationExpiresAt
    subtotal { amount currency }
    shipping { amount currency }
    total { amount currency }
    lines { sku name quantity unitPrice { amount currency } lineTotal { amount currency } }
    shippingAddress { name line1 line2 city region postalCode country }
    payments { id method status cardBrand cardLast4 redirectUrl createdAt }
    history { status at note }
  }
`);

export const OrderQuery = graphql(`
  query Order($id: ID!) {
    order(id: $id) { ...OrderFields }
  }
`);

export const OrderStatusSubscription = graphql(`
  subscription OrderStatusChanged($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) { ...OrderFields }
  }
`);

export const CancelOrderMutation = graphql(`
  mutation CancelOrder($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      order { ...OrderFields }
      errors { code message field }
    }
  }
`);

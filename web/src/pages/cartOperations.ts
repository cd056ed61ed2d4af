import { graphql } from '../gql';

export const CartFields = graphql(`
  fragment CartFields on Cart {
    id
    itemCount
    subtotal { amount currency }
    lines {
      quantity
      available
      unitPrice { amount currency }
      lineTotal { amount currency }
      product { id slug name }
    }
  }
`);

export const CartQuery = graphql(`
  query Cart($id: ID) {
    cart(id: $id) { ...CartFields }
  }
`);

export const AddCartItemMutation = graphql(`
  mutation AddCartItem($input: AddCartItemInput!) {
    addCartItem(input: $input) {
      cart { ...CartFields }
      errors { code message field }
    }
  }
`);

export const UpdateCartItemMutation = graphql(`
  mutation UpdateCartItem($input: UpdateCartItemInput!) {
    updateCartItem(input: $input) {
      cart { ...CartFields }
      errors { code message field }
    }
  }
`);

import { graphql } from '../gql';

export const SavedAddressFields = graphql(`
  fragment SavedAddress on Address {
    id
    name
    line1
    line2
    city
    region
    postalCode
    country
  }
`);

export const AddressBookQuery = graphql(`
  query AddressBook {
    me {
      id
      email
      displayName
      phone
      addresses { ...SavedAddress }
      defaultAddress { id }
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      customer { ...ViewerFields phone }
      errors { code message field }
    }
  }
`);

export const AddAddressMutation = graphql(`
  mutation AddAddress($input: AddAddressInput!) {
    addAddress(input: $input) {
      customer { id addresses { ...SavedAddress } defaultAddress { id } }
      errors { code message field }
    }
  }
`);

export const RemoveAddressMutation = graphql(`
  mutation RemoveAddress($input: RemoveAddressInput!) {
    removeAddress(input: $input) {
      customer { id addresses { ...SavedAddress } defaultAddress { id } }
      errors { code message field }
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      customer { id }
      errors { code message field }
    }
  }
`);

import { graphql } from '../gql';

export const ViewerFields = graphql(`
  fragment ViewerFields on Customer {
    id
    email
    displayName
    roles
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      expiresAt
      customer { ...ViewerFields }
      errors { code message field }
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      refreshToken
      expiresAt
      customer { ...ViewerFields }
      errors { code message field }
    }
  }
`);

export const RefreshMutation = graphql(`
  mutation Refresh($input: RefreshTokenInput!) {
    refreshToken(input: $input) {
      accessToken
      refreshToken
      expiresAt
      customer { ...ViewerFields }
      errors { code message field }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout($input: LogoutInput!) {
    logout(input: $input) {
      errors { code message }
    }
  }
`);

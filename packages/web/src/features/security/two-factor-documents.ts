import { graphql } from '../../gql';

export const TwoFactorStatusFragment = graphql(`
  fragment TwoFactorStatus_status on TwoFactorStatus {
    totpEnabled
    recoveryCodesRemaining
    enrolmentRequired
    organisationRequiresTwoFactor
    verifiedAt
    stepUpValidUntil
    passkeys {
      id
      name
      createdAt
      lastUsedAt
    }
  }
`);

export const TwoFactorStatusQuery = graphql(`
  query TwoFactorStatus {
    twoFactorStatus {
      ...TwoFactorStatus_status
    }
  }
`);

export const StartTotpEnrolmentMutation = graphql(`
  mutation StartTotpEnrolment {
    startTotpEnrolment {
      secret
      otpauthUri
      qrCode
    }
  }
`);

export const ConfirmTotpEnrolmentMutation = graphql(`
  mutation ConfirmTotpEnrolment($code: String!) {
    confirmTotpEnrolment(code: $code) {
      recoveryCodes
      status {
        ...TwoFactorStatus_status
      }
    }
  }
`);

export const RemoveTotpMutation = graphql(`
  mutation RemoveTotp {
    removeTotp {
      ...TwoFactorStatus_status
    }
  }
`);

export const RegenerateRecoveryCodesMutation = graphql(`
  mutation RegenerateRecoveryCodes {
    regenerateRecoveryCodes {
      recoveryCodes
      status {
        ...TwoFactorStatus_status
      }
    }
  }
`);

export const StartPasskeyRegistrationMutation = graphql(`
  mutation StartPasskeyRegistration {
    startPasskeyRegistration {
      options
    }
  }
`);

export const FinishPasskeyRegistrationMutation = graphql(`
  mutation FinishPasskeyRegistration($response: JSON!, $name: String!) {
    finishPasskeyRegistration(response: $response, name: $name) {
      recoveryCodes
      status {
        ...TwoFactorStatus_status
      }
    }
  }
`);

export const RemovePasskeyMutation = graphql(`
  mutation RemovePasskey($id: ID!) {
    removePasskey(id: $id) {
      ...TwoFactorStatus_status
    }
  }
`);

export const VerifyStepUpMutation = graphql(`
  mutation VerifyStepUp($code: String, $recoveryCode: String) {
    verifyStepUp(code: $code, recoveryCode: $recoveryCode) {
      ...TwoFactorStatus_status
    }
  }
`);

export const StartPasskeyStepUpMutation = graphql(`
  mutation StartPasskeyStepUp {
    startPasskeyStepUp {
      options
    }
  }
`);

export const FinishPasskeyStepUpMutation = graphql(`
  mutation FinishPasskeyStepUp($response: JSON!) {
    finishPasskeyStepUp(response: $response) {
      ...TwoFactorStatus_status
    }
  }
`);

export const VerifySignInCodeMutation = graphql(`
  mutation VerifySignInCode($code: String, $recoveryCode: String) {
    verifySignInCode(code: $code, recoveryCode: $recoveryCode) {
      user {
        ...CurrentUser_user
      }
    }
  }
`);

export const StartPasskeySignInMutation = graphql(`
  mutation StartPasskeySignIn($secondFactor: Boolean!) {
    startPasskeySignIn(secondFactor: $secondFactor) {
      options
    }
  }
`);

export const FinishPasskeySignInMutation = graphql(`
  mutation FinishPasskeySignIn($response: JSON!) {
    finishPasskeySignIn(response: $response) {
      user {
        ...CurrentUser_user
      }
    }
  }
`);

export const RequireTwoFactorMutation = graphql(`
  mutation RequireTwoFactor($requireTwoFactor: Boolean!) {
    updateOrganisationSettings(requireTwoFactor: $requireTwoFactor) {
      id
      requireTwoFactor
    }
  }
`);

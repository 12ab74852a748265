import { AppError } from '../../common/app-error.js';

export class StepUpRequired extends AppError {
  constructor() {
    super('FORBIDDEN', 'STEP_UP_REQUIRED', 'Confirm it’s you: enter a code from your authenticator app or use your passkey, then try again.');
  }
}

/** A session that must set up two-factor first may only do that (accounts/two-factor) and sign out. */
export class TwoFactorEnrolmentRequired extends AppError {
  constructor() {
    super('FORBIDDEN', 'TWO_FACTOR_ENROLMENT_REQUIRED', 'Your organisation requires two-factor sign-in. Set up an authenticator app or a passkey to continue.');
  }
}

export class InvalidSecondFactor extends AppError {
  constructor(what: 'code' | 'recovery code' | 'passkey' = 'code') {
    super(
      'BAD_USER_INPUT',
      what === 'passkey' ? 'PASSKEY_NOT_ACCEPTED' : what === 'recovery code' ? 'INVALID_RECOVERY_CODE' : 'INVALID_TOTP_CODE',
      what === 'passkey'
        ? 'That passkey could not be verified. Try again, or use another way to sign in.'
        : what === 'recovery code'
          ? 'That recovery code is not valid or has already been used.'
          : 'That code is not right. Enter the 6-digit code your authenticator app shows now.',
      {
        fields: [
          { field: what === 'recovery code' ? 'recoveryCode' : 'code', message: what === 'recovery code' ? 'Check the recovery code.' : 'Check the code.' },
        ],
      },
    );
  }
}

export class TooManySecondFactorAttempts extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'TOO_MANY_SECOND_FACTOR_ATTEMPTS', 'Too many wrong codes. Wait a few minutes, then sign in again.', { retryAfterSeconds });
  }
}

export class SignInChallengeExpired extends AppError {
  constructor() {
    super('UNAUTHENTICATED', 'SIGN_IN_CHALLENGE_EXPIRED', 'This sign-in has expired. Enter your email and password again.');
  }
}

export class TwoFactorAlreadyEnabled extends AppError {
  constructor() {
    super('CONFLICT', 'TOTP_ALREADY_ENABLED', 'An authenticator app is already set up. Remove it first to set up another.');
  }
}

export class TotpEnrolmentNotStarted extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'TOTP_ENROLMENT_NOT_STARTED', 'Start setting up the authenticator app again: scan the new QR code, then enter its code.');
  }
}

export class LastFactorRequired extends AppError {
  constructor() {
    super(
      'FORBIDDEN',
      'LAST_SECOND_FACTOR_REQUIRED',
      'Your organisation requires two-factor sign-in, so you can’t remove your only second factor. Add another one first.',
    );
  }
}

export class NotForApiKeys extends AppError {
  constructor() {
    super('FORBIDDEN', 'NOT_FOR_API_KEYS', 'API keys can’t do this: it is for people signed in to Vouch.');
  }
}

export class PasskeyNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'PASSKEY_NOT_FOUND', 'That passkey does not exist.');
  }
}

export class PasskeyOriginRequired extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'PASSKEY_ORIGIN_REQUIRED', 'Passkeys work from the Vouch web app in a browser.');
  }
}

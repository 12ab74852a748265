import { AppError } from '../common/app-error.js';

export class InvalidCredentials extends AppError {
  constructor() {
    // One message for unknown email and wrong password.
    super('UNAUTHENTICATED', 'INVALID_CREDENTIALS', 'Email or password is incorrect.');
  }
}

export class EmailTaken extends AppError {
  constructor() {
    super('CONFLICT', 'EMAIL_TAKEN', 'An account with this email already exists.');
  }
}

export class TooManySignInAttempts extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'TOO_MANY_SIGN_IN_ATTEMPTS', 'Too many attempts. Try again in a few minutes.', {
      retryAfterSeconds,
    });
  }
}

export class TooManySignUps extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'TOO_MANY_SIGN_UPS', 'Too many sign-up attempts. Try again later.', { retryAfterSeconds });
  }
}

export class SignUpLinkInvalid extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'SIGN_UP_LINK_INVALID', 'This sign-up link is not valid. Copy the whole link from the email, or sign up again.');
  }
}

export class SignUpLinkExpired extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'SIGN_UP_LINK_EXPIRED', 'This sign-up link has expired. Sign up again to get a new one.');
  }
}

export class AccountAlreadyCreated extends AppError {
  constructor() {
    // Only someone holding the emailed link gets here, so saying the account exists tells them nothing new.
    super('CONFLICT', 'ACCOUNT_ALREADY_CREATED', 'An account with this email already exists. Sign in instead.');
  }
}

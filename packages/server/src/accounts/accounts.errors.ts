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

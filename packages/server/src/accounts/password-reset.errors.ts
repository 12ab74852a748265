import { AppError } from '../common/app-error.js';

export class PasswordResetUnavailable extends AppError {
  constructor() {
    // The same for every address: without email there is no way to prove who owns an account.
    super(
      'UNAVAILABLE',
      'PASSWORD_RESET_UNAVAILABLE',
      'This Vouch server cannot send email, so passwords can’t be reset by link. Ask an admin of your organisation for help.',
    );
  }
}

export class TooManyPasswordResets extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'TOO_MANY_PASSWORD_RESETS', 'Too many reset requests. Check your inbox for the links already sent, or try again later.', {
      retryAfterSeconds,
    });
  }
}

export class PasswordResetLinkInvalid extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'PASSWORD_RESET_LINK_INVALID', 'This reset link is not valid. Copy the whole link from the email, or ask for a new one.');
  }
}

export class PasswordResetLinkExpired extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'PASSWORD_RESET_LINK_EXPIRED', 'This reset link has expired. Ask for a new one.');
  }
}

export class PasswordResetLinkUsed extends AppError {
  constructor() {
    super(
      'BAD_USER_INPUT',
      'PASSWORD_RESET_LINK_USED',
      'This reset link has already been used, or a newer one was sent. Use the latest email, or ask for a new link.',
    );
  }
}

export class TooManyPasswordChanges extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'TOO_MANY_PASSWORD_ATTEMPTS', 'Too many wrong current passwords. Try again later, or reset your password by email.', {
      retryAfterSeconds,
    });
  }
}

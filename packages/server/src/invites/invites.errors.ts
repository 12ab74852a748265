import { AppError } from '../common/app-error.js';

export class InviteNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'INVITE_NOT_FOUND', 'This invite link is not valid. Ask the business that invited you for a new one.');
  }
}

export class InviteExpired extends AppError {
  constructor() {
    super('FORBIDDEN', 'INVITE_EXPIRED', 'This invite has expired. Ask the business that invited you to send a new one.');
  }
}

export class InviteRevoked extends AppError {
  constructor() {
    super('FORBIDDEN', 'INVITE_REVOKED', 'This invite was withdrawn. Ask the business that invited you for a new one.');
  }
}

export class InviteLocked extends AppError {
  constructor() {
    super('FORBIDDEN', 'INVITE_LOCKED', 'Too many wrong codes. The business that invited you has been told and can unlock the invite or send a new one.');
  }
}

export class InviteNotLocked extends AppError {
  constructor() {
    super('CONFLICT', 'INVITE_NOT_LOCKED', 'This invite is not locked.');
  }
}

export class WrongCode extends AppError {
  constructor(remaining: number) {
    super('BAD_USER_INPUT', 'WRONG_CODE', `That code is not right. ${remaining} ${remaining === 1 ? 'try' : 'tries'} left.`, {
      fields: [{ field: 'code', message: 'That code is not right.' }],
    });
  }
}

export class CodeExpired extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'CODE_EXPIRED', 'That code has expired. Ask for a new one.', { fields: [{ field: 'code', message: 'That code has expired.' }] });
  }
}

export class NotVerified extends AppError {
  constructor() {
    super('UNAUTHENTICATED', 'INVITE_NOT_VERIFIED', 'Confirm your email address with the code first.');
  }
}

/** Too many supplier-side requests from one network (opening links, checking codes…), whatever they were. */
export class TooManyInviteRequests extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'TOO_MANY_REQUESTS', 'Too many requests from your network. Wait a minute, then try again.', { retryAfterSeconds });
  }
}

export class TooManyCodeRequests extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'TOO_MANY_CODE_REQUESTS', 'A code was sent a moment ago. Wait a little before asking for another.', { retryAfterSeconds });
  }
}

export class NoEmailForSupplier extends AppError {
  constructor(names: string[]) {
    super('BAD_USER_INPUT', 'SUPPLIER_HAS_NO_EMAIL', `Add an email address first: ${names.slice(0, 5).join(', ')}${names.length > 5 ? '…' : ''} has none.`);
  }
}

import { AppError } from '../common/app-error.js';

export class XeroNotConfigured extends AppError {
  constructor() {
    super('UNAVAILABLE', 'XERO_NOT_CONFIGURED', 'Xero is not configured on this Vouch server.');
  }
}

export class ConnectAttemptNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'XERO_ATTEMPT_NOT_FOUND', 'This connection attempt has expired or was already used. Start again.');
  }
}

export class TenantNotGranted extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'XERO_TENANT_NOT_GRANTED', 'Choose one of the Xero organisations you allowed access to.');
  }
}

export class DifferentTenantRefused extends AppError {
  constructor(connectedName: string) {
    super(
      'CONFLICT',
      'XERO_DIFFERENT_TENANT',
      `This Vouch organisation is connected to the Xero organisation “${connectedName}” for good. You can reconnect it, but not switch to another one.`,
    );
  }
}

export class TenantTakenElsewhere extends AppError {
  constructor() {
    super('CONFLICT', 'XERO_TENANT_IN_USE', 'That Xero organisation is already connected to another Vouch organisation.');
  }
}

export class NotConnected extends AppError {
  constructor() {
    super('NOT_FOUND', 'XERO_NOT_CONNECTED', 'Xero is not connected.');
  }
}

export class XeroUnavailable extends AppError {
  constructor() {
    super('UNAVAILABLE', 'XERO_UNAVAILABLE', 'Xero could not be reached. Try again in a minute.');
  }
}

export class XeroWrongOrigin extends AppError {
  constructor(callbackOrigin: string, pageOrigin: string) {
    super(
      'CONFLICT',
      'XERO_WRONG_ORIGIN',
      `Xero sends you back to ${callbackOrigin} after you sign in there, but this page is on ${pageOrigin}, where that sign-in can’t be matched to you. Open Vouch at ${callbackOrigin} and connect from there, or have your administrator set PUBLIC_URL (or XERO_REDIRECT_URI) to the address you use for Vouch.`,
    );
  }
}

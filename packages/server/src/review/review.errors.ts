import { AppError } from '../common/app-error.js';

export class ChangeRequestNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'CHANGE_REQUEST_NOT_FOUND', 'That change request does not exist.');
  }
}

export class ChangeRequestDecided extends AppError {
  constructor(status: string) {
    super('CONFLICT', 'CHANGE_REQUEST_NOT_PENDING', `That change request is already ${status.toLowerCase()}.`);
  }
}

export class SecondApproverRequired extends AppError {
  constructor() {
    super('FORBIDDEN', 'SECOND_APPROVER_REQUIRED', 'Bank-detail changes need a second approver: someone other than you must accept it too.');
  }
}

export class BankChangeNotPending extends AppError {
  constructor() {
    super('NOT_FOUND', 'BANK_CHANGE_NOT_PENDING', 'There is no pending bank-detail change with that id.');
  }
}

export class CallbackRequired extends AppError {
  constructor() {
    super(
      'CONFLICT',
      'CALLBACK_REQUIRED',
      'Before accepting new bank details, phone the supplier on a number you already held and record the call (who you spoke to and what they confirmed).',
    );
  }
}

export class HighRiskNeedsSecondApprover extends AppError {
  constructor() {
    super(
      'FORBIDDEN',
      'HIGH_RISK_SECOND_APPROVER',
      'This bank change is high risk: someone other than you must accept it too (or an admin can override, with a reason).',
    );
  }
}

export class OverrideNotAllowed extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', 'RISK_OVERRIDE_NOT_ALLOWED', message);
  }
}

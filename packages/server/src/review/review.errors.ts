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

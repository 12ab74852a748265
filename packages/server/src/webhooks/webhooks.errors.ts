import { AppError } from '../common/app-error.js';

export class WebhookEndpointNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'WEBHOOK_ENDPOINT_NOT_FOUND', 'That webhook endpoint does not exist.');
  }
}

export class WebhookDeliveryNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'WEBHOOK_DELIVERY_NOT_FOUND', 'That webhook delivery does not exist.');
  }
}

export class WebhookEndpointDisabled extends AppError {
  constructor() {
    super('CONFLICT', 'WEBHOOK_ENDPOINT_DISABLED', 'The endpoint is disabled. Enable it first: nothing is sent to a disabled endpoint.');
  }
}

export class TooManyWebhookEndpoints extends AppError {
  constructor(max: number) {
    super('CONFLICT', 'TOO_MANY_WEBHOOK_ENDPOINTS', `An organisation can have up to ${max} webhook endpoints. Delete one you no longer use first.`);
  }
}

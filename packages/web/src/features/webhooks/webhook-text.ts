import type { ErrorCode } from '../../app/errors';
import type { WebhookDeliveryStatus, WebhookEventType } from '../../gql/graphql';

/** Wording for webhooks on Settings, kept pure so it is unit-tested. */

export const EVENT_OPTIONS: ReadonlyArray<{ value: WebhookEventType; wire: string; label: string }> = [
  { value: 'SUPPLIER_BANK_DETAILS_CHANGED', wire: 'supplier.bank_details.changed', label: 'Bank details changed (with verification and payment hold)' },
  { value: 'SUPPLIER_CREATED', wire: 'supplier.created', label: 'Supplier added' },
  { value: 'SUPPLIER_UPDATED', wire: 'supplier.updated', label: 'Supplier details changed' },
  { value: 'CHANGE_REQUEST_SUBMITTED', wire: 'change_request.submitted', label: 'Supplier submitted details' },
  { value: 'CHANGE_REQUEST_ACCEPTED', wire: 'change_request.accepted', label: 'Submission accepted' },
  { value: 'CHANGE_REQUEST_REJECTED', wire: 'change_request.rejected', label: 'Submission rejected' },
  { value: 'XERO_SYNC_FAILED', wire: 'xero.sync.failed', label: 'Sending a change to Xero failed' },
  { value: 'XERO_CONNECTION_NEEDS_RECONNECT', wire: 'xero.connection.needs_reconnect', label: 'Xero needs reconnecting' },
];

/** "3 events", or the one event's wire name. */
export function eventsSummary(types: readonly WebhookEventType[]): string {
  if (types.length === 1) return EVENT_OPTIONS.find((o) => o.value === types[0])?.wire ?? types[0]!;
  return `${types.length} events`;
}

const DELIVERY_STATUS: Record<WebhookDeliveryStatus, string> = {
  PENDING: 'Waiting',
  DELIVERING: 'Sending',
  SUCCEEDED: 'Delivered',
  FAILED: 'Failed',
};

export function deliveryStatusLabel(status: WebhookDeliveryStatus, attempts: number): string {
  if (status === 'PENDING' && attempts > 0) return 'Retrying';
  return DELIVERY_STATUS[status] ?? status;
}

/** "200", "HTTP 500", or why there was no answer. */
export function responseText(d: { responseStatus?: number | null; lastError?: string | null; status: WebhookDeliveryStatus }): string {
  if (d.responseStatus)
    return d.status === 'SUCCEEDED'
      ? String(d.responseStatus)
      : `${d.responseStatus}${d.lastError && !d.lastError.startsWith('HTTP') ? ` — ${d.lastError}` : ''}`;
  if (d.lastError) return d.lastError;
  return '—';
}

export function durationText(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** What to say when a webhook action fails; branches on the code, never on message text. */
export function webhookErrorMessage(error: { code: ErrorCode; message: string }): string {
  switch (error.code) {
    case 'FORBIDDEN':
      return 'Only an admin can manage webhooks.';
    case 'NOT_FOUND':
      return 'That endpoint or delivery no longer exists. Reload the page to see the current ones.';
    default:
      return error.message;
  }
}

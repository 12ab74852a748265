/** Event types in words, for the audit log's filter and rows. Types the server adds later read as words too. */
const KIND_LABELS: Record<string, string> = {
  SIGNED_IN: 'Signed in',
  SIGN_IN_FAILED: 'Wrong password',
  SIGNED_OUT: 'Signed out',
  SETTINGS_CHANGED: 'Settings changed',
  API_KEY_CREATED: 'API key created',
  API_KEY_REVOKED: 'API key revoked',
  XERO_CONNECTED: 'Xero connected',
  XERO_RECONNECTED: 'Xero reconnected',
  XERO_DISCONNECTED: 'Xero disconnected',
  TWO_FACTOR_ENABLED: 'Authenticator app set up',
  TWO_FACTOR_REMOVED: 'Authenticator app removed',
  PASSKEY_ADDED: 'Passkey added',
  PASSKEY_REMOVED: 'Passkey removed',
  RECOVERY_CODES_REGENERATED: 'New recovery codes',
  RECOVERY_CODE_USED: 'Recovery code used',
  SECOND_FACTOR_FAILED: 'Wrong second factor',
  SECOND_FACTOR_LOCKED: 'Second factor paused',
  STEP_UP_VERIFIED: 'Identity confirmed',
  CHANGE_SUBMITTED: 'Changes submitted',
  CHANGE_APPROVED: 'Changes approved',
  CHANGE_ACCEPTED: 'Changes accepted',
  CHANGE_REJECTED: 'Changes rejected',
  BANK_CALLBACK_RECORDED: 'Call-back recorded',
  RISK_OVERRIDDEN: 'Risk overridden',
  INVITE_SENT: 'Invite sent',
  INVITE_OPENED: 'Invite opened',
  EMAIL_VERIFIED: 'Supplier email verified',
  SUPPLIER_CREATED: 'Supplier added',
  SUPPLIER_IMPORTED: 'Imported from Xero',
  DRIFT_SEEN: 'Changed in Xero',
};

export function kindLabel(kind: string): string {
  const known = KIND_LABELS[kind];
  if (known) return known;
  const words = kind.toLowerCase().replace(/_/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : kind;
}

/** Which events look like trouble (shown with a warning badge). */
export const isWarningKind = (kind: string): boolean => /FAILED|LOCKED|REVOKED|REMOVED|DISCONNECTED|OVERRIDDEN|REJECTED/.test(kind);

export interface AuditFilterValues {
  actorId: string;
  kind: string;
  /** yyyy-mm-dd from a date input, or ''. */
  from: string;
  to: string;
}

/**
 * The API's filter from the form's: dates are whole local days, so `to` becomes the start of the day after
 * (the API's `to` is exclusive). Null with a message when the range runs backwards.
 */
export function toApiFilter(
  values: AuditFilterValues,
): { filter: { actorId: string | null; kind: string | null; from: string | null; to: string | null } } | { error: string } {
  const start = values.from ? new Date(`${values.from}T00:00:00`) : null;
  const endDay = values.to ? new Date(`${values.to}T00:00:00`) : null;
  if (start && Number.isNaN(start.getTime())) return { error: 'Enter a valid start date.' };
  if (endDay && Number.isNaN(endDay.getTime())) return { error: 'Enter a valid end date.' };
  if (start && endDay && start > endDay) return { error: 'The end date is before the start date.' };
  const end = endDay ? new Date(endDay.getFullYear(), endDay.getMonth(), endDay.getDate() + 1) : null;
  return {
    filter: {
      actorId: values.actorId || null,
      kind: values.kind || null,
      from: start ? start.toISOString() : null,
      to: end ? end.toISOString() : null,
    },
  };
}

/** The CSV export's address for the same filter. */
export function csvHref(filter: { actorId: string | null; kind: string | null; from: string | null; to: string | null }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return `/api/audit.csv${query ? `?${query}` : ''}`;
}

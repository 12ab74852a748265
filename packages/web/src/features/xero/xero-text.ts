import type { ErrorCode } from '../../app/errors';
import type { XeroConnectionStatus } from '../../gql/graphql';

/**
 * Wording for the Xero card and the connect flow, kept pure so it is unit-tested. The UI branches on
 * codes (the callback's `xeroError`, GraphQL `extensions.code`), never on message text.
 */

const STATUS_LABELS: Record<XeroConnectionStatus, string> = {
  CONNECTED: 'Connected',
  NEEDS_RECONNECT: 'Needs reconnect',
  DISCONNECTED: 'Disconnected',
};

export function connectionStatusLabel(status: XeroConnectionStatus): string {
  return STATUS_LABELS[status] ?? status;
}

/** Why syncing stopped, for the statuses that offer "Reconnect to Xero". */
export function reconnectReason(status: XeroConnectionStatus): string | null {
  switch (status) {
    case 'NEEDS_RECONNECT':
      return 'Xero no longer accepts Vouch’s access — it may have been disconnected in Xero. Reconnect to resume syncing.';
    case 'DISCONNECTED':
      return 'Vouch was disconnected from Xero, so supplier details aren’t being kept in sync. Reconnect to pick up where it left off.';
    default:
      return null;
  }
}

/**
 * The banner shown across the app while Xero is not syncing: the card's own reason (one wording for one state),
 * or, before Xero was ever connected, what that means for the buyer; and the button that leads to the fix.
 */
export function xeroBannerText(status: XeroConnectionStatus | null, canManage: boolean): { message: string; action: string } {
  if (!status) {
    return {
      message: 'Xero isn’t connected yet: suppliers are imported from Xero, and the changes you accept are sent there once it is.',
      action: canManage ? 'Connect Xero' : 'See Integrations',
    };
  }
  const reason = reconnectReason(status) ?? connectionStatusLabel(status);
  return { message: canManage ? reason : `${reason} An admin can reconnect it.`, action: canManage ? 'Reconnect Xero' : 'See Integrations' };
}

/** The codes the server's GET /xero/callback puts in `/integrations?xeroError=<CODE>`. */
export type XeroCallbackErrorCode = 'ACCESS_DENIED' | 'STATE_INVALID' | 'WRONG_HOST' | 'EXPIRED' | 'EXCHANGE_FAILED' | 'NO_TENANTS';

const CALLBACK_MESSAGES: Record<XeroCallbackErrorCode, string> = {
  ACCESS_DENIED: 'Xero wasn’t connected because access was cancelled in Xero. You can try again whenever you’re ready.',
  STATE_INVALID: 'We couldn’t match that Xero sign-in to this browser, so nothing was connected. It may have been started in another tab. Please try again.',
  WRONG_HOST:
    'That Xero sign-in was started on another web address for Vouch, so it couldn’t be matched to you here and nothing was connected. Connect again from this page.',
  EXPIRED: 'The Xero sign-in took too long and expired, so nothing was connected. Please try again.',
  EXCHANGE_FAILED: 'Xero didn’t finish handing over access, so nothing was connected. Please try again in a moment.',
  NO_TENANTS: 'No Xero organisation was shared with Vouch. Try again and select the organisation to connect on Xero’s page.',
};

const CALLBACK_FALLBACK = 'Vouch couldn’t connect to Xero. Please try again.';

/** A human message for the `xeroError` code in the URL; unknown codes get a generic one. */
export function callbackErrorMessage(code: string): string {
  return Object.hasOwn(CALLBACK_MESSAGES, code) ? CALLBACK_MESSAGES[code as XeroCallbackErrorCode] : CALLBACK_FALLBACK;
}

/**
 * What to say when this page is not on the address Xero sends the browser back to (`callbackOrigin`, from the
 * server's PUBLIC_URL or XERO_REDIRECT_URI). `reachable`: Connect moves there first. Otherwise connecting
 * cannot work from here, and the message names the settings that would make this address (`here`) work.
 */
export function callbackOriginNotice(
  state: 'here' | 'checking' | 'reachable' | 'unreachable' | 'mismatched',
  callbackOrigin: string,
  here: string,
): { tone: 'info' | 'warning'; text: string } | null {
  const fix = `Open Vouch at ${callbackOrigin} instead, or have your administrator set PUBLIC_URL=${here} (or XERO_REDIRECT_URI=${here}/xero/callback) on the Vouch server, add ${here}/xero/callback to the Xero app’s redirect URIs, and restart Vouch.`;
  switch (state) {
    case 'reachable':
      return {
        tone: 'info',
        text: `Xero sends you back to ${callbackOrigin}, so Connect to Xero continues there (you may be asked to sign in again).`,
      };
    case 'unreachable':
      return {
        tone: 'warning',
        text: `Xero sends you back to ${callbackOrigin} after you sign in, but this browser can’t reach Vouch there, so connecting can’t work from ${here}. ${fix}`,
      };
    case 'mismatched':
      return {
        tone: 'warning',
        text: `Xero sends you back to ${callbackOrigin} after you sign in, but something other than this Vouch answers there, so connecting can’t work from ${here}. ${fix}`,
      };
    default:
      return null;
  }
}

export const ATTEMPT_EXPIRED_MESSAGE = 'This connection attempt has expired. Start again.';

/**
 * What to say when choosing the organisation fails. CONFLICT carries the server's explanation (a
 * different organisation than the locked one); an unknown or used attempt means starting again.
 */
export function confirmErrorMessage(error: { code: ErrorCode; message: string }): {
  message: string;
  startAgain: boolean;
} {
  switch (error.code) {
    case 'NOT_FOUND':
    case 'BAD_USER_INPUT':
      return { message: ATTEMPT_EXPIRED_MESSAGE, startAgain: true };
    case 'FORBIDDEN':
      return { message: 'Only an admin can connect Xero. Ask an admin of your organisation to do it.', startAgain: false };
    default:
      return { message: error.message, startAgain: false };
  }
}

/** Shown next to organisations that can't be chosen because this Vouch organisation is locked to another. */
export function lockedTenantNote(lockedTenantName: string): string {
  return `This Vouch organisation is connected to ${lockedTenantName}; it can only reconnect that one.`;
}

const numberFormat = new Intl.NumberFormat('en');

function count(n: number, singular: string, plural: string): string {
  return `${numberFormat.format(n)} ${n === 1 ? singular : plural}`;
}

/** "120 contacts read · 80 suppliers created · 40 customers skipped". */
export function importProgressText(progress: { seen: number; created: number; skipped: number } | null | undefined): string {
  const { seen = 0, created = 0, skipped = 0 } = progress ?? {};
  return [
    count(seen, 'contact read', 'contacts read'),
    count(created, 'supplier created', 'suppliers created'),
    count(skipped, 'customer skipped', 'customers skipped'),
  ].join(' · ');
}

/** "Imported: 240 suppliers", and "· 12 archived" for archived Xero contacts kept as archived suppliers. */
export function importedText(created: number, archived = 0): string {
  const text = `Imported: ${count(created, 'supplier', 'suppliers')}`;
  return archived > 0 ? `${text} · ${numberFormat.format(archived)} archived` : text;
}

/** "58 calls left this minute · 4,990 today", or null when Xero hasn't told us yet. */
export function headroomText(headroom: { minuteRemaining?: number | null; dayRemaining?: number | null } | null | undefined): string | null {
  if (!headroom) return null;
  const { minuteRemaining, dayRemaining } = headroom;
  if (minuteRemaining != null && dayRemaining != null) {
    return `${count(minuteRemaining, 'call', 'calls')} left this minute · ${numberFormat.format(dayRemaining)} today`;
  }
  if (minuteRemaining != null) return `${count(minuteRemaining, 'call', 'calls')} left this minute`;
  if (dayRemaining != null) return `${count(dayRemaining, 'call', 'calls')} left today`;
  return null;
}

import type { ErrorCode } from '../../app/errors';
import { relativeTime } from '../../app/relative-time';
import type { SyncErrorSource, SyncStatus } from '../../gql/graphql';

/**
 * Wording for outbound sync (Vouch → Xero), kept pure so it is unit-tested. The badge text says the
 * state in words, so it never relies on colour alone.
 */

export type SyncTone = 'success' | 'warning' | 'neutral';

const STATUS: Record<SyncStatus, { label: string; tone: SyncTone }> = {
  PENDING: { label: 'Waiting to sync to Xero', tone: 'neutral' },
  SYNCING: { label: 'Syncing to Xero', tone: 'neutral' },
  SYNCED: { label: 'Synced to Xero', tone: 'success' },
  FAILED: { label: 'Xero sync failed', tone: 'warning' },
  // A later accepted change replaced this one before it went out; that later change is what goes next.
  SUPERSEDED: { label: 'Waiting to sync to Xero', tone: 'neutral' },
};

export function syncStatusLabel(status: SyncStatus): string {
  return STATUS[status]?.label ?? status;
}

export function syncStatusTone(status: SyncStatus): SyncTone {
  return STATUS[status]?.tone ?? 'neutral';
}

const numberFormat = new Intl.NumberFormat('en');

/** "Nothing waiting", "1 change waiting", "1,204 changes waiting". */
export function queueText(depth: number): string {
  if (depth <= 0) return 'Nothing waiting';
  return `${numberFormat.format(depth)} ${depth === 1 ? 'change' : 'changes'} waiting`;
}

/** A past moment as "5 minutes ago" (a stamp slightly ahead of `nowMs`, from clock skew, reads "just now"). */
function ago(iso: string | null | undefined, nowMs: number): string | null {
  const at = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(at)) return null;
  return relativeTime(iso, Math.max(nowMs, at));
}

/** "oldest accepted 12 minutes ago", or null when nothing is waiting. */
export function oldestPendingText(iso: string | null | undefined, nowMs: number): string | null {
  const when = ago(iso, nowMs);
  return when ? `oldest accepted ${when}` : null;
}

/**
 * When Xero last took a change: "3 minutes ago"; "Nothing sent yet" when nothing was ever sent; and when what
 * was sent was refused, "None yet: Xero refused what was sent" (not "nothing sent": it was, and Xero said no).
 */
export function lastSuccessText(iso: string | null | undefined, nowMs: number, refused = 0): string {
  return ago(iso, nowMs) ?? (refused > 0 ? 'None yet: Xero refused what was sent' : 'Nothing sent yet');
}

/**
 * The empty Sync inbox in words that stay true: before Xero is connected nothing has gone there; while it needs
 * reconnecting or changes are still on their way, not "every change is in Xero".
 */
export function emptyInboxText(
  xeroStatus: 'CONNECTED' | 'NEEDS_RECONNECT' | 'DISCONNECTED' | null | undefined,
  waiting: number | null | undefined,
): { title: string; text: string } {
  if (xeroStatus === undefined) return { title: 'Nothing failed.', text: 'If Xero refuses a change, it appears here with Xero’s message.' };
  if (xeroStatus === null) {
    return {
      title: 'Nothing failed — Xero isn’t connected yet',
      text: 'Nothing is sent to Xero until it is connected. Changes Xero refuses will appear here with its message.',
    };
  }
  if (xeroStatus === 'NEEDS_RECONNECT' || xeroStatus === 'DISCONNECTED') {
    return {
      title: 'Nothing failed — but Xero isn’t syncing',
      text: 'Changes you accept wait until Xero is reconnected. Changes Xero refuses will appear here with its message.',
    };
  }
  if (waiting && waiting > 0) {
    return {
      title: `Nothing failed — ${queueText(waiting).replace(' waiting', '')} on the way to Xero`,
      text: 'If Xero refuses a change, it appears here with Xero’s message.',
    };
  }
  return { title: 'Nothing failed — every accepted change is in Xero.', text: 'If Xero refuses a change, it appears here with Xero’s message.' };
}

/** "None", "1 change Xero refused", "4 changes Xero refused". */
export function failuresText(count: number): string {
  if (count <= 0) return 'None';
  return `${numberFormat.format(count)} ${count === 1 ? 'change' : 'changes'} Xero refused`;
}

/** "Failed 5 minutes ago". */
export function failedAtText(iso: string | null | undefined, nowMs: number): string {
  const when = ago(iso, nowMs);
  return when ? `Failed ${when}` : 'Failed';
}

/** What to say when Retry fails; the UI branches on the code, never on the message. */
export function retryErrorMessage(error: { code: ErrorCode; message: string }): string {
  switch (error.code) {
    case 'FORBIDDEN':
      return 'Only an admin or an approver can send a change to Xero again.';
    case 'NOT_FOUND':
      return 'That supplier no longer exists.';
    default:
      return error.message;
  }
}

const ERROR_SOURCE: Record<SyncErrorSource, string> = {
  XERO: 'Xero’s message',
  VOUCH: 'What Vouch found',
};

/** Whose words a sync problem is: Xero's own message, or Vouch's (e.g. the read-back found other values). */
export function errorSourceLabel(source: SyncErrorSource | null | undefined): string {
  return ERROR_SOURCE[source ?? 'XERO'];
}

import { relativeTime } from '../../app/relative-time';
import type { BankDetailsState, InviteStatus } from '../../gql/graphql';
import { kindLabel } from '../audit-log/audit-log-text';
import { INVITE_STATUS_LABELS } from '../invites/invite-status';
import { formatDate } from '../../components/format-date';

/**
 * What the Suppliers list says in each column, kept pure so it is unit-tested. Every state is said in words;
 * the tone (colour) only repeats it.
 */

export type Tone = 'success' | 'warning' | 'danger' | 'neutral';

const DAY_MS = 86_400_000;
/** The server's "expiring soon" (supplier-filter.ts): a live invite ending within 3 days. */
export const EXPIRING_SOON_DAYS = 3;
const LIVE: ReadonlySet<InviteStatus> = new Set<InviteStatus>(['SENT', 'OPENED', 'VERIFIED']);

export const BANK_STATE_LABELS: Record<BankDetailsState, string> = {
  NONE: 'None',
  NOT_CONFIRMED: 'Not confirmed',
  VERIFIED: 'Verified',
  CHANGED: 'Changed, not confirmed',
  ON_HOLD: 'On hold',
};

const BANK_TONES: Record<BankDetailsState, Tone> = {
  NONE: 'neutral',
  NOT_CONFIRMED: 'neutral',
  VERIFIED: 'success',
  CHANGED: 'danger',
  ON_HOLD: 'warning',
};

/** "Verified", "Changed, not confirmed", "On hold until 12 Dec 2026". */
export function bankStateCell(state: BankDetailsState, paymentHoldUntil: string | null | undefined): { text: string; tone: Tone } {
  const text = state === 'ON_HOLD' && paymentHoldUntil ? `On hold until ${formatDate(paymentHoldUntil)}` : (BANK_STATE_LABELS[state] ?? state);
  return { text, tone: BANK_TONES[state] ?? 'neutral' };
}

/** "Not invited yet", "Invited · expires in 2 days", "Invite locked". */
export function inviteCell(status: InviteStatus | null | undefined, expiresAt: string | null | undefined, nowMs: number): { text: string; tone: Tone } {
  if (!status) return { text: 'Not invited yet', tone: 'neutral' };
  const label = INVITE_STATUS_LABELS[status] ?? status;
  const expires = expiresAt ? Date.parse(expiresAt) : Number.NaN;
  if (LIVE.has(status) && !Number.isNaN(expires)) {
    if (expires <= nowMs) return { text: INVITE_STATUS_LABELS.EXPIRED, tone: 'warning' };
    if (expires - nowMs <= EXPIRING_SOON_DAYS * DAY_MS) return { text: `${label} · expires ${relativeTime(expiresAt, nowMs)}`, tone: 'warning' };
  }
  const tone: Tone = status === 'LOCKED' || status === 'EXPIRED' ? 'warning' : status === 'SUBMITTED' || status === 'VERIFIED' ? 'success' : 'neutral';
  return { text: label, tone };
}

/**
 * Supplier events in the list's words ("Invite withdrawn", as the badge says). Xero's answers are worded as
 * events, not as the sync status the column beside them shows ("Synced to Xero").
 */
const SUPPLIER_EVENTS: Record<string, string> = {
  SYNCED: 'Xero updated',
  SYNC_FAILED: 'Xero refused a change',
  INVITE_REVOKED: 'Invite withdrawn',
  INVITE_REMINDER: 'Reminder sent',
  INVITE_LOCKED: 'Invite locked',
  INVITE_UNLOCKED: 'Invite unlocked',
  INVITE_RESENT: 'Invite resent',
  XERO_LINKED: 'Linked to Xero',
};

/** The latest event in words, and when: { what: "Invite sent", when: "2 days ago" }. */
export function lastChangeCell(kind: string, at: string, nowMs: number): { what: string; when: string } {
  const parsed = Date.parse(at);
  // Events are in the past; a stamp a little ahead of this clock reads "just now".
  const when = relativeTime(at, Number.isNaN(parsed) ? nowMs : Math.max(nowMs, parsed)) ?? '';
  return { what: SUPPLIER_EVENTS[kind] ?? kindLabel(kind), when };
}

const count = new Intl.NumberFormat('en');

/** "Not invited yet (4,210)": an option with how many it would show; the count is left out while unknown. */
export function withCount(label: string, n: number | null | undefined): string {
  return n === null || n === undefined ? label : `${label} (${count.format(n)})`;
}

import type { InviteStatus } from '../../gql/graphql';

export interface BulkCandidate {
  id: string;
  name: string;
  email: string | null | undefined;
  inviteStatus?: InviteStatus | null;
}

/** Statuses whose link still works for a supplier who hasn't answered: a new invite would withdraw it. */
const LIVE: ReadonlySet<InviteStatus> = new Set<InviteStatus>(['SENT', 'OPENED', 'VERIFIED']);

export interface BulkPlan<T extends BulkCandidate> {
  /** Who will be invited. */
  send: T[];
  /** Who already has a live invite: skipped, or re-invited when `replaceLive`. */
  live: T[];
  /** Who can't be invited: no email address. */
  noEmail: T[];
}

/**
 * What "Invite selected" will do, from what the list shows: suppliers with a live invite are skipped unless
 * the buyer asks to replace their links, and suppliers without an email address are left out. (The server
 * decides again when sending, so a list that is a little stale can't withdraw a live link by surprise.)
 */
export function planBulkInvite<T extends BulkCandidate>(selected: readonly T[], replaceLive: boolean): BulkPlan<T> {
  const live = selected.filter((s) => s.inviteStatus && LIVE.has(s.inviteStatus));
  const candidates = replaceLive ? selected : selected.filter((s) => !live.includes(s));
  return {
    send: candidates.filter((s) => s.email),
    live,
    noEmail: candidates.filter((s) => !s.email),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function names(list: readonly BulkCandidate[]): string {
  const shown = list.slice(0, 3).map((s) => s.name);
  if (list.length > 3) return `${shown.join(', ')} and ${list.length - 3} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '');
}

/** The confirmation's title and lines: how many will be sent, who is skipped or left out, and why. */
export function confirmText(plan: BulkPlan<BulkCandidate>, replaceLive: boolean): { title: string; lines: string[] } {
  const title = plan.send.length > 0 ? `Send ${plural(plan.send.length, 'invite', 'invites')}?` : 'No invites to send';
  const lines: string[] = [];
  if (plan.live.length > 0) {
    const n = plan.live.length;
    lines.push(
      replaceLive
        ? `${plural(n, 'supplier already has', 'suppliers already have')} a live invite: ${n === 1 ? 'the link they have stops' : 'the links they have stop'} working.`
        : `${plural(n, 'supplier already has', 'suppliers already have')} a live invite and will be skipped.`,
    );
  }
  if (plan.noEmail.length > 0) {
    lines.push(`${names(plan.noEmail)} ${plan.noEmail.length === 1 ? 'has' : 'have'} no email address and can’t be invited.`);
  }
  if (plan.send.length > 0) lines.push('Each supplier gets an email with a link to check and correct their details.');
  return { title, lines };
}

/** The server's preview of inviting everyone a filter matches (bulkInvitePreview). */
export interface MatchingPreview {
  matching: number;
  toInvite: number;
  liveInvite: number;
  noEmail: number;
  limit: number;
}

const thousands = new Intl.NumberFormat('en');
const many = (n: number, one: string, several: string) => `${thousands.format(n)} ${n === 1 ? one : several}`;

/** The confirmation for "invite everyone matching": from the server's counts, since most rows are not loaded. */
export function confirmMatchingText(preview: MatchingPreview, replaceLive: boolean): { title: string; lines: string[]; canSend: boolean } {
  const lines: string[] = [];
  if (preview.toInvite > preview.limit) {
    return {
      title: 'Too many to invite at once',
      lines: [
        `${many(preview.toInvite, 'supplier', 'suppliers')} would be invited; Vouch sends at most ${thousands.format(preview.limit)} at once. Narrow the list first, e.g. with a search.`,
      ],
      canSend: false,
    };
  }
  const title = preview.toInvite > 0 ? `Send ${many(preview.toInvite, 'invite', 'invites')}?` : 'No invites to send';
  lines.push(`${many(preview.matching, 'supplier matches', 'suppliers match')} this list.`);
  if (preview.liveInvite > 0) {
    lines.push(
      replaceLive
        ? `${many(preview.liveInvite, 'supplier already has', 'suppliers already have')} a live invite: ${preview.liveInvite === 1 ? 'the link they have stops' : 'the links they have stop'} working.`
        : `${many(preview.liveInvite, 'supplier already has', 'suppliers already have')} a live invite and will be skipped.`,
    );
  }
  if (preview.noEmail > 0) lines.push(`${many(preview.noEmail, 'supplier has', 'suppliers have')} no email address and can’t be invited.`);
  if (preview.toInvite > 0) lines.push('Each supplier gets an email with a link to check and correct their details.');
  return { title, lines, canSend: preview.toInvite > 0 };
}

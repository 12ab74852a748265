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

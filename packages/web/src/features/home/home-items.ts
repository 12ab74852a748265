import type { Attention } from '../../app/attention';
import { reconnectReason } from '../xero/xero-text';

/**
 * The home page's "what needs you": one item per kind of thing, each a count and the list it opens. Pure, so
 * the wording and the links are unit-tested; every link opens a list of exactly that many.
 */

export interface HomeItem {
  key: string;
  count: number | null;
  title: string;
  detail: string | null;
  href: string;
  /** Needs someone now (shown first, emphasised); otherwise calm. */
  urgent: boolean;
}

const number = new Intl.NumberFormat('en');
const plural = (n: number, one: string, many: string) => `${number.format(n)} ${n === 1 ? one : many}`;

export function homeItems(attention: Attention, notInvited: number | null): HomeItem[] {
  const items: HomeItem[] = [];
  const { xero } = attention;
  if (xero.needsAttention) {
    items.push({
      key: 'xero',
      count: null,
      title: xero.status ? (xero.status === 'NEEDS_RECONNECT' ? 'Xero needs reconnecting' : 'Xero is disconnected') : 'Connect Xero',
      detail: xero.status ? reconnectReason(xero.status) : 'Import your suppliers from Xero; the changes you accept are sent back there.',
      href: '/integrations',
      urgent: xero.status !== null,
    });
  }
  const review = attention.awaitingReview;
  const risk = [
    attention.awaitingReviewHighRisk > 0 ? `${plural(attention.awaitingReviewHighRisk, 'is', 'are')} high risk` : null,
    attention.awaitingReviewBankChanges > 0 ? `${plural(attention.awaitingReviewBankChanges, 'changes', 'change')} bank details` : null,
  ].filter(Boolean);
  items.push({
    key: 'review',
    count: review,
    title: review === 1 ? 'Submission awaiting review' : 'Submissions awaiting review',
    detail: review > 0 ? (risk.length ? `${risk.join('; ')}.` : 'No bank details change.') : null,
    href: '/suppliers?review=1',
    urgent: review > 0,
  });
  items.push({
    key: 'sync',
    count: attention.failedSyncs,
    title: attention.failedSyncs === 1 ? 'Change Xero refused' : 'Changes Xero refused',
    detail: attention.failedSyncs > 0 ? 'Accepted in Vouch but not in Xero: fix and send again from the Sync inbox.' : null,
    href: '/sync',
    urgent: attention.failedSyncs > 0,
  });
  items.push({
    key: 'holds',
    count: attention.paymentHolds,
    title: attention.paymentHolds === 1 ? 'Supplier on payment hold' : 'Suppliers on payment hold',
    detail: attention.paymentHolds > 0 ? 'Their bank details changed recently: hold payments until the date shown.' : null,
    href: '/suppliers?bank=ON_HOLD',
    urgent: attention.paymentHolds > 0,
  });
  items.push({
    key: 'locked',
    count: attention.invitesLocked,
    title: attention.invitesLocked === 1 ? 'Invite locked' : 'Invites locked',
    detail: attention.invitesLocked > 0 ? 'Too many wrong codes: unlock or resend from the supplier’s page.' : null,
    href: '/suppliers?invite=LOCKED',
    urgent: attention.invitesLocked > 0,
  });
  items.push({
    key: 'expiring',
    count: attention.invitesExpiringSoon,
    title: attention.invitesExpiringSoon === 1 ? 'Invite expiring soon' : 'Invites expiring soon',
    detail: attention.invitesExpiringSoon > 0 ? 'Not answered, and the link stops working within 3 days.' : null,
    href: '/suppliers?invite=EXPIRING',
    urgent: false,
  });
  if (notInvited !== null) {
    items.push({
      key: 'not-invited',
      count: notInvited,
      title: notInvited === 1 ? 'Supplier not invited yet' : 'Suppliers not invited yet',
      detail: notInvited > 0 ? 'Invite them to check and confirm their details.' : null,
      href: '/suppliers?invite=NOT_INVITED',
      urgent: false,
    });
  }
  // What needs someone first, then the rest in their order.
  return [...items.filter((i) => i.urgent), ...items.filter((i) => !i.urgent)];
}

/** The page's one-line summary: "3 things need you" or "Nothing needs you right now". */
export function homeSummary(items: readonly HomeItem[]): string {
  const urgent = items.filter((i) => i.urgent).length;
  return urgent === 0 ? 'Nothing needs you right now.' : `${plural(urgent, 'thing needs', 'things need')} you.`;
}

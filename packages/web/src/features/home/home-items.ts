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

/**
 * One counted kind of thing: titled in the singular or plural, explained only when there is something, and
 * urgent (when `urgentWhenAny`) only while the count is above zero.
 */
function counted(key: string, count: number, [one, many]: [string, string], detail: string, href: string, urgentWhenAny: boolean): HomeItem {
  return { key, count, title: count === 1 ? one : many, detail: count > 0 ? detail : null, href, urgent: urgentWhenAny && count > 0 };
}

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
  items.push(
    counted(
      'review',
      review,
      ['Submission awaiting review', 'Submissions awaiting review'],
      risk.length ? `${risk.join('; ')}.` : 'No bank details change.',
      '/suppliers?review=1',
      true,
    ),
    counted(
      'sync',
      attention.failedSyncs,
      ['Change Xero refused', 'Changes Xero refused'],
      'Accepted in Vouch but not in Xero: fix and send again from the Sync inbox.',
      '/sync',
      true,
    ),
    counted(
      'holds',
      attention.paymentHolds,
      ['Supplier on payment hold', 'Suppliers on payment hold'],
      'Their bank details changed recently: hold payments until the date shown.',
      '/suppliers?bank=ON_HOLD',
      true,
    ),
    counted(
      'locked',
      attention.invitesLocked,
      ['Invite locked', 'Invites locked'],
      'Too many wrong codes: unlock or resend from the supplier’s page.',
      '/suppliers?invite=LOCKED',
      true,
    ),
    counted(
      'expiring',
      attention.invitesExpiringSoon,
      ['Invite expiring soon', 'Invites expiring soon'],
      'Not answered, and the link stops working within 3 days.',
      '/suppliers?invite=EXPIRING',
      false,
    ),
  );
  if (notInvited !== null) {
    items.push(
      counted(
        'not-invited',
        notInvited,
        ['Supplier not invited yet', 'Suppliers not invited yet'],
        'Invite them to check and confirm their details.',
        '/suppliers?invite=NOT_INVITED',
        false,
      ),
    );
  }
  // What needs someone first, then the rest in their order.
  return [...items.filter((i) => i.urgent), ...items.filter((i) => !i.urgent)];
}

/** The page's one-line summary: "3 things need you" or "Nothing needs you right now". */
export function homeSummary(items: readonly HomeItem[]): string {
  const urgent = items.filter((i) => i.urgent).length;
  return urgent === 0 ? 'Nothing needs you right now.' : `${plural(urgent, 'thing needs', 'things need')} you.`;
}

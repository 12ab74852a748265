import type { Role } from '../../gql/graphql';

export const ROLE_OPTIONS: { value: Role; label: string; hint: string }[] = [
  { value: 'ADMIN', label: 'Admin', hint: 'Manages the team, settings and API keys, and reviews changes.' },
  { value: 'APPROVER', label: 'Approver', hint: 'Reviews and accepts supplier changes, including second approvals.' },
  { value: 'VIEWER', label: 'Viewer', hint: 'Sees suppliers and their history. Bank numbers are masked.' },
];

export function roleName(role: Role): string {
  return ROLE_OPTIONS.find((o) => o.value === role)?.label ?? role;
}

/** "Expires in 6 days", "Expires today", "Expired": an invitation's state in words. */
export function inviteExpiryText(expiresAt: string, expired: boolean, now: number): string {
  if (expired) return 'Expired';
  const days = Math.floor((Date.parse(expiresAt) - now) / 86_400_000);
  if (days <= 0) return 'Expires today';
  return days === 1 ? 'Expires tomorrow' : `Expires in ${days} days`;
}

/** The token of a `/join#token=…` link (the fragment never reaches a server). */
export function joinTokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token ? token : null;
}

/**
 * Client-side mirrors of the server's account rules, for fast feedback. The server re-checks all of
 * them and its `extensions.fields` messages take precedence when they arrive.
 */

export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 200;

// Deliberately permissive: one @, something on each side, a dot in the domain, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(value: string): string | null {
  const email = value.trim();
  if (!email) return 'Enter your email address.';
  if (email.length > EMAIL_MAX) return `Email must be ${EMAIL_MAX} characters or fewer.`;
  if (!EMAIL_PATTERN.test(email)) return 'Enter an email address like name@company.com.';
  return null;
}

export function validateNewPassword(value: string): string | null {
  if (!value) return 'Choose a password.';
  if (value.length < PASSWORD_MIN) return `Password must be at least ${PASSWORD_MIN} characters.`;
  if (value.length > PASSWORD_MAX) return `Password must be ${PASSWORD_MAX} characters or fewer.`;
  return null;
}

/** Sign-in only checks presence: length rules would leak nothing useful and old passwords may differ. */
export function validateCurrentPassword(value: string): string | null {
  return value ? null : 'Enter your password.';
}

export function validateName(value: string, label: string): string | null {
  const name = value.trim();
  if (!name) return `Enter ${label}.`;
  if (name.length > NAME_MAX) return `${capitalise(label)} must be ${NAME_MAX} characters or fewer.`;
  return null;
}

export const PAYMENT_HOLD_MAX_DAYS = 30;

/**
 * The payment hold in whole days, 0 (no hold) to 30, as typed into the settings box; the server checks the
 * same range (BAD_USER_INPUT on `paymentHoldDays`).
 */
export function parsePaymentHoldDays(value: string): { days: number; error: null } | { days: null; error: string } {
  const text = value.trim();
  const error = `Enter a whole number of days from 0 to ${PAYMENT_HOLD_MAX_DAYS} (0 = no hold).`;
  if (!/^\d{1,3}$/.test(text)) return { days: null, error };
  const days = Number(text);
  return days <= PAYMENT_HOLD_MAX_DAYS ? { days, error: null } : { days: null, error };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

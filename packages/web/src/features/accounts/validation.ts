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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

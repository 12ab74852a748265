import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Text that may cross the API boundary. PostgreSQL refuses NUL in text (a 500 if it gets that far), a lone
 * UTF-16 surrogate is silently stored as U+FFFD, and the bidirectional embedding/override/isolate controls
 * (U+202A–U+202E, U+2066–U+2069) make a name display as something else ("Trojan Source"). Right-to-left
 * letters themselves (Arabic, Hebrew) are ordinary text and allowed, as are tab and line breaks.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

export const UNSAFE_TEXT_MESSAGE = 'Contains characters that are not allowed (control or text-direction characters, or broken Unicode).';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(value: string): boolean {
  return !LONE_SURROGATE.test(value) && !FORBIDDEN.test(value);
}

/** Every string inside an argument value (input objects, lists), with its path, e.g. `contactPersons.0.email`. */
export function findUnsafeText(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return isSafeText(value) ? [] : [path.join('.')];
  if (Array.isArray(value)) return value.flatMap((item, i) => findUnsafeText(item, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findUnsafeText(item, [...path, key]));
  }
  return [];
}

/** Any invisible formatting (zero-width, direction marks) or space inside an address is not a real email. */
const EMAIL_FORBIDDEN = /[\p{Cc}\p{Cf}\p{Z}]/u;

/** Email syntax, plus no control, format or space characters (which `isEmail` lets through in the local part). */
export function isEmailAddress(value: unknown): boolean {
  return typeof value === 'string' && isSafeText(value) && !EMAIL_FORBIDDEN.test(value) && isEmail(value);
}

/** class-validator: a well-formed email address (see isEmailAddress). */
export function IsEmailAddress(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isEmailAddress',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'Enter a valid email address.', ...options },
      validator: { validate: (value: unknown) => isEmailAddress(value) },
    });
  };
}

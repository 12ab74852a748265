import type { MiddlewareFn } from 'type-graphql';
import { ValidationFailed } from '../common/app-error.js';
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '../common/safe-text.js';

/**
 * The boundary check every argument of every field passes, on every transport (the schema carries it):
 * a NUL, a control character, a text-direction override or broken Unicode is BAD_USER_INPUT naming the field,
 * before any resolver or the database sees it. Field names follow class-validator's (`email`, not
 * `input.email`) so the SPA can put the message next to the input.
 */
export const rejectUnsafeText: MiddlewareFn = ({ args }, next) => {
  for (const key in args) {
    const value: unknown = args[key];
    const bad = findUnsafeText(value);
    if (bad.length) {
      const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
      throw new ValidationFailed(bad.map((p) => ({ field: (isObject ? p : [key, p].filter(Boolean).join('.')) || key, message: UNSAFE_TEXT_MESSAGE })));
    }
  }
  return next();
};

/** Result of validating one value: the normalised value, or a code plus a kind sentence for the supplier. */
export type FieldResult<T = string> = { readonly ok: true; readonly normalised: T } | { readonly ok: false; readonly code: string; readonly message: string };

/** A failed field result. */
export type FieldError = Extract<FieldResult, { ok: false }>;

/** Build a success result. */
export function ok<T>(normalised: T): FieldResult<T> {
  return { ok: true, normalised };
}

/** Build a failure result. */
export function fail<T = never>(code: string, message: string): FieldResult<T> {
  return { ok: false, code, message };
}

/** Trim a possibly missing value; undefined and null become ''. */
export function trimmed(value: string | null | undefined): string {
  return (value ?? '').trim();
}

/** Remove spaces, dashes and dots that people type between digit groups. */
export function stripSeparators(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\-.]/g, '');
}

/** Count characters as a person sees them (code points, so an emoji is one character). */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/**
 * Required free text with a maximum length (trimmed). `label` starts the messages, e.g. "Name".
 */
export function requiredText(value: string | null | undefined, label: string, max: number, codePrefix: string): FieldResult {
  const v = trimmed(value);
  if (v === '') return fail(`${codePrefix}_REQUIRED`, `${label} is required.`);
  return maxText(v, label, max, codePrefix);
}

/** Optional free text (trimmed); empty means absent and is returned as ''. */
export function optionalText(value: string | null | undefined, label: string, max: number, codePrefix: string): FieldResult {
  return maxText(trimmed(value), label, max, codePrefix);
}

function maxText(v: string, label: string, max: number, codePrefix: string): FieldResult {
  if (charLength(v) > max) return fail(`${codePrefix}_TOO_LONG`, `${label} must be ${max} characters or fewer.`);
  return ok(v);
}

/** One problem with one input field; `field` is the input key or path (e.g. "sortCode", "phones[0].number"). */
export interface ValidationIssue {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** Result of validating several fields together. */
export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly ValidationIssue[] };

/** Collects field results; `take` returns the normalised value, or records the error and returns undefined. */
export class IssueCollector {
  readonly errors: ValidationIssue[] = [];

  take<T>(field: string, result: FieldResult<T>): T | undefined {
    if (result.ok) return result.normalised;
    this.errors.push({ field, code: result.code, message: result.message });
    return undefined;
  }

  add(field: string, code: string, message: string): void {
    this.errors.push({ field, code, message });
  }
}

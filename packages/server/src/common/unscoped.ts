/**
 * Why a query may run without the `organisation` filter (db/orm.config.ts). Every org-owned read or write is
 * scoped to one organisation unless it goes through `unscoped(reason)`; ARCHITECTURE.md ("Organisation
 * scoping") lists where and why. A new reason belongs here, with its justification, not at the call site.
 */
export const UNSCOPED_REASONS = {
  /** A credential names the row before any organisation is known: email + password, session or API-key hash, pending challenge, passkey id. */
  'sign-in': 'credentials name the row before the organisation is known',
  /** A link's secret (invite, team invite, password reset, email confirmation) names the row; only its holder has it. */
  'secret link': 'the secret of an emailed link names the row',
  /** Rows of one user (sessions, second factors, recovery codes) read by that user's id, the user having been read first. */
  'by user': 'rows of one user, by the id of a user already read',
  /** Some values may belong to one organisation only: an email address (one account), a Xero tenant (one connection). */
  'unique across organisations': 'a value that only one organisation may hold',
  /** The where clause names the organisation itself, from code that may run without a bound EntityManager (jobs, post-commit notices). */
  'named organisation': 'the query names the organisation itself',
  /** Jobs work for every organisation: they pick every organisation's due rows, or the row their payload (or Xero's webhook) names. */
  job: 'a job working across organisations',
} as const;

export type UnscopedReason = keyof typeof UNSCOPED_REASONS;

/**
 * Query options that turn the organisation filter off for this one query, saying why:
 * `em.findOne(User, { email }, unscoped('sign-in'))`, or spread among other options.
 * The only place in the server that writes `filters: false` (a unit test keeps it so).
 */
export function unscoped(reason: UnscopedReason): { filters: false } {
  void reason;
  return { filters: false };
}

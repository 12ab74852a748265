/**
 * Switches for behaviour docs/xero-facts.md marks UNKNOWN (defaults are the stricter choice) and for Xero's
 * documented constants, so tests can tighten or loosen them.
 */
export interface Behaviour {
  /** Access token lifetime (Xero: 1800 s). */
  accessTokenTtlSeconds: number;
  /** id_token lifetime (Xero: 5 minutes). */
  idTokenTtlSeconds: number;
  /** Authorization code lifetime (UNKNOWN; 5 minutes). */
  codeTtlMs: number;
  /** Refresh token expires when unused this long (Xero: 60 days). */
  refreshIdleExpiryMs: number;
  /** A rotated-out refresh token still works this long (Xero: 30 minutes). */
  refreshGraceMs: number;
  /** Reusing a refresh token in its grace period: mint a fresh pair (default) or return the pair already issued. */
  graceReuse: 'mint-new' | 'same-pair';
  /** Return an id_token on refresh when `openid` was granted. */
  idTokenOnRefresh: boolean;
  /**
   * Put `nbf` in id_tokens like Xero. Off by default: openid-client checks nbf against the real clock, so
   * after control.clock.advance() a refresh through xero-node's refreshToken() would fail "JWT not active yet".
   */
  idTokenNbf: boolean;
  /** Status of a bad client secret at the token endpoint (Xero: 400 invalid_client). */
  invalidClientStatus: 400 | 401;
  /** Status for an API call whose token lacks the scope (captured 2025: 401; older reports 403). */
  missingScopeStatus: 401 | 403;
  /** If-Modified-Since compares UpdatedDateUTC > value (exclusive) instead of >= (default inclusive). */
  ifModifiedSinceExclusive: boolean;
  /** Active-name uniqueness ignores case and surrounding spaces (UNKNOWN; default true = stricter). */
  caseInsensitiveNames: boolean;
  /** Phones/Addresses sent on update replace the list (default) or merge per type (UNKNOWN). */
  contactArrays: 'replace' | 'merge-by-type';
  /** Edits to ARCHIVED contacts are rejected unless they restore ACTIVE (default true). */
  rejectArchivedEdits: boolean;
  /** Maximum ContactPersons (Xero: 5). */
  maxContactPersons: number;
  /** When a batch fails with 400 (summarizeErrors not false), keep the valid elements (UNKNOWN; default false). */
  persistValidOnBatchError: boolean;
  /** Largest pageSize honoured; larger values are clamped (1000). */
  maxPageSize: number;
  /** summaryOnly=true without page still pages (page 1) (reported; default true). */
  summaryOnlyForcesPaging: boolean;
  /** How long an Idempotency-Key's response is replayed (reported: ~6 minutes). */
  idempotencyTtlMs: number;
  /** Largest write body (Xero: 3.5 MB). */
  maxBodyBytes: number;
  /** A new consent also carries the scopes the user granted the app before (Xero: additive; default true). */
  additiveScopes: boolean;
  /** Whether disconnecting a grant's last organisation also ends the grant (UNKNOWN; default true). */
  revokeGrantWithLastConnection: boolean;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  accessTokenTtlSeconds: 1800,
  idTokenTtlSeconds: 300,
  codeTtlMs: 5 * 60_000,
  refreshIdleExpiryMs: 60 * 86_400_000,
  refreshGraceMs: 30 * 60_000,
  graceReuse: 'mint-new',
  idTokenOnRefresh: true,
  idTokenNbf: false,
  invalidClientStatus: 400,
  missingScopeStatus: 401,
  ifModifiedSinceExclusive: false,
  caseInsensitiveNames: true,
  contactArrays: 'replace',
  rejectArchivedEdits: true,
  maxContactPersons: 5,
  persistValidOnBatchError: false,
  maxPageSize: 1000,
  summaryOnlyForcesPaging: true,
  idempotencyTtlMs: 6 * 60_000,
  maxBodyBytes: 3_500_000,
  revokeGrantWithLastConnection: true,
  additiveScopes: true,
};

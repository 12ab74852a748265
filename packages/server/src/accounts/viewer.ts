import type { Role } from './role.js';

/**
 * Who is asking: a signed-in user (session cookie) or a third-party tool (API key). Services take it as a plain
 * value; `http/authenticate.ts` sets it for HTTP routes and /graphql, the websocket handshake for graphql-ws.
 */
export interface Viewer {
  userId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
  /** Set when the caller is a third-party tool using an API key. */
  apiKeyId?: string;
  /** Bank numbers are shown in full only to ADMIN/APPROVER users and to keys with that grant. */
  canReadBankDetails?: boolean;
  /** When this session last proved a second factor (step-up looks at it); null if never. */
  secondFactorAt?: Date | null;
  /** The organisation requires two-factor and this session has none yet: only enrolment (and sign-out) work. */
  mustEnrolTwoFactor?: boolean;
}

export function seesBankDetails(viewer: Viewer | null): boolean {
  if (!viewer) return false;
  if (viewer.apiKeyId) return viewer.canReadBankDetails === true;
  return viewer.role !== 'VIEWER';
}

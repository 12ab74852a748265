import { parseCookie } from 'cookie';

/** One cookie's value from a Cookie header (RFC 6265 parsing by the `cookie` package); undefined if absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  return parseCookie(header)[name] ?? undefined;
}

import { createHash, createHmac, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';

let processKeyPair: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

/** The emulator's RS256 signing key, with its JWKS entry. */
export class SigningKey {
  readonly kid: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor() {
    // One RSA key per process: generating 2048-bit keys costs ~100 ms, and tests start many emulators.
    processKeyPair ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { privateKey, publicKey } = processKeyPair;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.kid = createHash('sha256')
      .update(`${jwk.n ?? ''}.${jwk.e ?? ''}`)
      .digest('hex')
      .slice(0, 32)
      .toUpperCase();
  }

  jwk(): JsonWebKey & { kid: string; use: string; alg: string } {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { kty: 'RSA', use: 'sig', alg: 'RS256', kid: this.kid, e: jwk.e, n: jwk.n };
  }

  sign(payload: Record<string, unknown>): string {
    const header = { alg: 'RS256', kid: this.kid, typ: 'JWT', x5t: this.kid.slice(0, 27) };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = sign('RSA-SHA256', Buffer.from(input), this.privateKey).toString('base64url');
    return `${input}.${signature}`;
  }

  /** Verifies an emulator-signed JWT and returns its payload, or undefined. Expiry is the caller's job. */
  verify(token: string): Record<string, unknown> | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header = '', payload = '', signature = ''] = parts;
    const ok = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.publicKey, Buffer.from(signature, 'base64url'));
    if (!ok) return undefined;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** OIDC at_hash for RS256: base64url of the left half of SHA-256(access_token). */
export function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/** Webhook signature: base64(HMAC-SHA256(raw body, key)). */
export function webhookSignature(rawBody: string, key: string): string {
  return createHmac('sha256', key).update(rawBody, 'utf8').digest('base64');
}

import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';

/**
 * The browser half of WebAuthn (@simplewebauthn/browser): the server's options in, the device's signed
 * answer out, as JSON for the API. The private key never leaves the device.
 */
export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

export async function createPasskey(options: unknown): Promise<unknown> {
  return await startRegistration({ optionsJSON: options as Parameters<typeof startRegistration>[0]['optionsJSON'] });
}

export async function signWithPasskey(options: unknown): Promise<unknown> {
  return await startAuthentication({ optionsJSON: options as Parameters<typeof startAuthentication>[0]['optionsJSON'] });
}

/** A name to recognise the passkey later: the platform, e.g. “Mac” or “Android phone”. */
export function defaultPasskeyName(userAgent: string = navigator.userAgent): string {
  if (/iPhone|iPad/.test(userAgent)) return 'iPhone or iPad';
  if (/Android/.test(userAgent)) return 'Android phone';
  if (/Macintosh/.test(userAgent)) return 'Mac';
  if (/Windows/.test(userAgent)) return 'Windows PC';
  if (/Linux/.test(userAgent)) return 'Linux computer';
  return 'Passkey';
}

import { describe, expect, it } from 'vitest';
import type { Viewer } from '../accounts/viewer.js';
import { authenticate, type ViewerLookup } from './authenticate.js';

const user: Viewer = { userId: 'u', organisationId: 'o', role: 'ADMIN' as Viewer['role'], sessionId: 's' };
const tool: Viewer = { ...user, sessionId: 'api-key:k', apiKeyId: 'k' };
const lookup: ViewerLookup = {
  bySession: async (token) => (token === 'good-session' ? user : null),
  byApiKey: async (secret) => (secret === 'vch_good' ? tool : null),
};
const cookie = 'vouch_session=good-session';

describe('authenticate: the one rule for every transport', () => {
  it('takes the session cookie when no key is given', async () => {
    expect(await authenticate(lookup, { cookie }, { apiKeys: true })).toEqual({ viewer: user, apiKeyRefused: false });
  });

  it('takes a valid Bearer key before the cookie', async () => {
    expect(await authenticate(lookup, { authorization: 'Bearer vch_good', cookie }, { apiKeys: true })).toEqual({ viewer: tool, apiKeyRefused: false });
  });

  it('never falls back to the cookie when the key given is not valid', async () => {
    expect(await authenticate(lookup, { authorization: 'Bearer vch_revoked', cookie }, { apiKeys: true })).toEqual({ viewer: null, apiKeyRefused: true });
  });

  it('ignores Bearer keys on cookie-only routes', async () => {
    expect(await authenticate(lookup, { authorization: 'Bearer vch_good', cookie }, { apiKeys: false })).toEqual({ viewer: user, apiKeyRefused: false });
  });

  it('is nobody without credentials', async () => {
    expect(await authenticate(lookup, {}, { apiKeys: true })).toEqual({ viewer: null, apiKeyRefused: false });
  });
});

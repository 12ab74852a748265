import { afterEach, describe, expect, it } from 'vitest';
import { startXeroEmulator } from '../src/index.js';
import type { Behaviour, XeroEmulator } from '../src/index.js';
import { api, connect, setupWorld, tokenRequest } from './helpers.js';

/** The switches for behaviour docs/xero-facts.md marks UNKNOWN can be flipped from their strict defaults. */
describe('behaviour switches', () => {
  let emulator: XeroEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  const start = async (behaviour: Partial<Behaviour>) => {
    emulator = await startXeroEmulator({ freezeClock: true, behaviour });
    const world = setupWorld(emulator);
    const tokens = await connect(emulator);
    return { e: emulator, world, tokens };
  };

  it('missingScopeStatus 403', async () => {
    const { e, world } = await start({ missingScopeStatus: 403, additiveScopes: false });
    const tokens = await connect(e, { scopes: ['offline_access', 'accounting.settings.read'], tenantIds: [world.tenantA] });
    const result = await api(e, tokens.access_token, world.tenantA, 'GET', '/api.xro/2.0/Contacts');
    expect(result.status).toBe(403);
    expect(result.json).toMatchObject({ Detail: 'AuthorizationUnsuccessful' });
  });

  it('ifModifiedSinceExclusive', async () => {
    const { e, world, tokens } = await start({ ifModifiedSinceExclusive: true });
    const [c] = e.control.seedContacts(world.tenantB, { contacts: [{ Name: 'Edge', UpdatedDateUTC: '2025-01-01T00:00:00.000Z' }] });
    const at = await api(e, tokens.access_token, world.tenantB, 'GET', '/api.xro/2.0/Contacts', undefined, { 'If-Modified-Since': '2025-01-01T00:00:00.000Z' });
    expect((at.json as { Contacts: unknown[] }).Contacts).toHaveLength(0);
    expect(c?.Name).toBe('Edge');
  });

  it("contactArrays 'merge-by-type' keeps phones that were not sent", async () => {
    const { e, world, tokens } = await start({ contactArrays: 'merge-by-type' });
    const [c] = e.control.seedContacts(world.tenantB, {
      contacts: [
        {
          Name: 'Phones Co',
          Phones: [
            { PhoneType: 'DEFAULT', PhoneNumber: '111' },
            { PhoneType: 'MOBILE', PhoneNumber: '222' },
          ],
        },
      ],
    });
    const result = await api(e, tokens.access_token, world.tenantB, 'POST', `/api.xro/2.0/Contacts/${c?.ContactID ?? ''}`, {
      Contacts: [{ Phones: [{ PhoneType: 'MOBILE', PhoneNumber: '333' }] }],
    });
    const phones = (result.json as { Contacts: Array<{ Phones: Array<{ PhoneType: string; PhoneNumber: string }> }> }).Contacts[0]?.Phones ?? [];
    expect(phones.find((p) => p.PhoneType === 'DEFAULT')?.PhoneNumber).toBe('111');
    expect(phones.find((p) => p.PhoneType === 'MOBILE')?.PhoneNumber).toBe('333');
  });

  it('the default replaces the phone list when Phones is sent', async () => {
    const { e, world, tokens } = await start({});
    const [c] = e.control.seedContacts(world.tenantB, { contacts: [{ Name: 'Phones Co', Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '111' }] }] });
    const result = await api(e, tokens.access_token, world.tenantB, 'POST', `/api.xro/2.0/Contacts/${c?.ContactID ?? ''}`, {
      Contacts: [{ Phones: [{ PhoneType: 'MOBILE', PhoneNumber: '333' }] }],
    });
    const phones = (result.json as { Contacts: Array<{ Phones: Array<{ PhoneType: string; PhoneNumber: string }> }> }).Contacts[0]?.Phones ?? [];
    expect(phones.find((p) => p.PhoneType === 'DEFAULT')?.PhoneNumber).toBe('');
  });

  it('persistValidOnBatchError keeps the valid elements of a 400 batch', async () => {
    const { e, world, tokens } = await start({ persistValidOnBatchError: true });
    const result = await api(e, tokens.access_token, world.tenantB, 'PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Kept' }, { Name: '' }] });
    expect(result.status).toBe(400);
    expect(e.control.listContacts(world.tenantB).map((c) => c.Name)).toEqual(['Kept']);
  });

  it("graceReuse 'same-pair' returns the pair already issued", async () => {
    const { e, tokens } = await start({ graceReuse: 'same-pair' });
    const first = await tokenRequest(e, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    const again = await tokenRequest(e, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(again.json.refresh_token).toBe(first.json.refresh_token);
  });

  it('caseInsensitiveNames false allows names differing only in case', async () => {
    const { e, world, tokens } = await start({ caseInsensitiveNames: false });
    await api(e, tokens.access_token, world.tenantB, 'PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Acme' }] });
    const second = await api(e, tokens.access_token, world.tenantB, 'PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'ACME' }] });
    expect(second.status).toBe(200);
  });
});

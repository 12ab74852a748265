import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';

/** Two live keys of one organisation never share a name: a list of keys must tell them apart. */

let app: TestApp;
const CREATE = 'mutation($n: String!) { createApiKey(name: $n, scope: READ) { apiKey { id name } } }';

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('API key names', () => {
  it('refuses a name a live key already has (any case), with the field said; a revoked key’s name is free again', async () => {
    const buyer = await signUpBuyer(app.url);
    const first = await buyer.client.request<{ createApiKey: { apiKey: { id: string } } }>(CREATE, { n: 'Payments bot' });
    expect(first.errors).toBeUndefined();

    const again = await buyer.client.request(CREATE, { n: '  payments BOT ' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'API_KEY_NAME_TAKEN', fields: [{ field: 'name' }] });
    expect(again.errors?.[0]?.message).toMatch(/already exists/);
    const keys = await buyer.client.request<{ apiKeys: { name: string }[] }>('{ apiKeys { name } }');
    expect(keys.data!.apiKeys.map((k) => k.name)).toEqual(['Payments bot']);

    // Another organisation may use the name.
    const other = await signUpBuyer(app.url);
    expect((await other.client.request(CREATE, { n: 'Payments bot' })).errors).toBeUndefined();

    // Revoked, the name can be used again.
    await buyer.client.request('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: first.data!.createApiKey.apiKey.id });
    expect((await buyer.client.request(CREATE, { n: 'Payments bot' })).errors).toBeUndefined();
  });

  it('settles two at once: one is created, the other refused', async () => {
    const buyer = await signUpBuyer(app.url);
    const [a, b] = await Promise.all([buyer.client.request(CREATE, { n: 'Race' }), buyer.client.request(CREATE, { n: 'Race' })]);
    const codes = [a, b].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });
});

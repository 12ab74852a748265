/**
 * XERO_HTTP_TIMEOUT_MS bounds every Xero call. axios's default timeout is 0 (none), which a `??=` never
 * replaced, so a Xero that accepted the connection and never answered held the worker for ever.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { OutboxEntry } from '../sync/outbox/outbox-entry.entity.js';
import { queueForXero } from '../sync/outbox/outbox.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { connectXero, signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { XeroConnection } from './xero-connection.entity.js';
import { XeroError } from './classify-xero-failure.js';

const USER = { email: 'owner@timeout.example', password: 'timeout-password-1' };
let emulator: XeroEmulator;
let app: TestApp;
let tenantId: string;
let orgId: string;

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser(USER);
  tenantId = emulator.control.createOrganisation({ name: 'Timeout Books', userEmails: [USER.email] }).tenantId;
  emulator.control.seedContacts(tenantId, { contacts: [{ Name: 'Slow Supplies', IsSupplier: true }] });
  app = await startTestApp({ xeroEmulator: emulator, env: { XERO_HTTP_TIMEOUT_MS: '500' } });
  const buyer = await signUpBuyer(app.url);
  orgId = buyer.user.organisation.id;
  await connectXero(app.url, buyer.client, { xeroUser: USER, tenantId: tenantId });
});

afterAll(async () => {
  await emulator?.close();
  await app?.close();
});

describe('Xero calls time out', () => {
  it('a call Xero never answers fails as TEMPORARY instead of hanging', async () => {
    const connection = await app.services.em(orgId).findOneOrFail(XeroConnection, {});
    const supplier = await app.services.em(orgId).findOneOrFail(Supplier, { name: 'Slow Supplies' });
    emulator.control.injectFault({ kind: 'hang', method: 'GET', tenantId, times: 1 });
    const failure = await app.services.xeroTokens
      .withAccess(connection.id, (t) => app.services.xeroGateway.getContact(t, tenantId, supplier.xeroContactId!))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(XeroError);
    expect(failure).toMatchObject({ kind: 'TEMPORARY', message: 'Xero did not answer in time' });
  });

  it('a push whose call hangs is retried with the same request and then delivered', async () => {
    emulator.control.injectFault({ kind: 'hang', method: 'POST', tenantId, times: 1 });
    emulator.control.clearRequestLog();
    await app.services.em(orgId).transactional(async (tx) => {
      const s = await tx.findOneOrFail(Supplier, { name: 'Slow Supplies' });
      s.email = 'ap@slow.example';
      await queueForXero(tx, orgId, s, null);
    });
    await app.services.push.wake(orgId);
    await expect.poll(async () => (await app.services.em(orgId).find(OutboxEntry, {}))[0]?.status, { timeout: 20_000 }).toBe('SYNCED');
    const supplier = await app.services.em(orgId).findOneOrFail(Supplier, { name: 'Slow Supplies' });
    expect(emulator.control.getContact(tenantId, supplier.xeroContactId!).EmailAddress).toBe('ap@slow.example');
    const keys = emulator.control
      .requestLog()
      .filter((r) => r.method === 'POST')
      .map((r) => r.headers['idempotency-key']);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
  });
});

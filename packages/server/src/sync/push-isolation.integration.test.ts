/**
 * One organisation's hung Xero call must not hold up another organisation's changes: pushes run side by side
 * across organisations (XERO_PUSH_CONCURRENCY), each organisation still one request at a time. The HTTP
 * timeout is long here on purpose, so only that independence — not the timeout — can deliver B's change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { OutboxEntry } from './outbox/outbox-entry.entity.js';
import { queueForXero } from './outbox/outbox.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { connectXero, signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';

let emulator: XeroEmulator;
let app: TestApp;

async function connect(label: string): Promise<{ orgId: string; tenantId: string }> {
  const user = { email: `owner-${label}@isolation.example`, password: 'isolation-password-1' };
  emulator.control.createUser(user);
  const { tenantId } = emulator.control.createOrganisation({ name: `${label} Books`, userEmails: [user.email] });
  emulator.control.seedContacts(tenantId, { contacts: [{ Name: `${label} Supplies`, IsSupplier: true }] });
  const buyer = await signUpBuyer(app.url);
  await connectXero(app.url, buyer.client, { xeroUser: user, tenantId });
  return { orgId: buyer.user.organisation.id, tenantId };
}

async function acceptEmail(orgId: string, email: string): Promise<string> {
  const supplierId = await app.services.em(orgId).transactional(async (tx) => {
    const s = await tx.findOneOrFail(Supplier, {});
    s.email = email;
    await queueForXero(tx, orgId, s, null);
    return s.id;
  });
  await app.services.push.wake(orgId);
  return supplierId;
}

const lastStatus = async (orgId: string) => (await app.services.em(orgId).find(OutboxEntry, {}, { orderBy: { sequence: 'desc' }, limit: 1 }))[0]?.status;

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  app = await startTestApp({ xeroEmulator: emulator, env: { XERO_HTTP_TIMEOUT_MS: '120000', XERO_PUSH_CONCURRENCY: '4' } });
});

afterAll(async () => {
  // Closing the emulator first drops the hung connection, so the app's shutdown need not wait for it.
  await emulator?.close();
  await app?.close();
});

describe('organisations are pushed independently', () => {
  it('while one organisation’s Xero call hangs, another organisation’s accepted change reaches Xero', async () => {
    const stuck = await connect('stuck');
    const other = await connect('other');
    emulator.control.injectFault({ kind: 'hang', method: 'POST', tenantId: stuck.tenantId, times: 'always' });
    await acceptEmail(stuck.orgId, 'ap@stuck.example');
    // The stuck organisation's request is in flight (claimed, sent, never answered)…
    await expect.poll(() => lastStatus(stuck.orgId), { timeout: 10_000 }).toBe('SYNCING');
    await expect.poll(() => emulator.control.listFaults()[0]?.fired ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    // …and the other organisation's change goes through meanwhile.
    const otherSupplier = await acceptEmail(other.orgId, 'ap@other.example');
    await expect.poll(() => lastStatus(other.orgId), { timeout: 15_000 }).toBe('SYNCED');
    const linked = await app.services.em(other.orgId).findOneOrFail(Supplier, { id: otherSupplier });
    expect(emulator.control.getContact(other.tenantId, linked.xeroContactId!).EmailAddress).toBe('ap@other.example');
    expect(await lastStatus(stuck.orgId)).toBe('SYNCING');
  });
});

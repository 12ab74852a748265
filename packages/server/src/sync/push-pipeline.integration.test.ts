import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator, type XeroEmulator } from '@vouch/xero-emulator';
import { OutboxEntry } from './outbox/outbox-entry.entity.js';
import { queueForXero } from './outbox/outbox.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { connectXero, signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { BATCH_SIZE } from './push.service.js';

/**
 * The push is pipelined: a batch's settle (read-back comparison, outbox and supplier rows, drift, audit) runs
 * while the next batch's call goes out. Here the first settle is held up inside the database (the audit table
 * is locked against inserts), and the second batch's write still reaches Xero; nothing is SYNCED until the
 * database lets the settles finish, and then everything is, once.
 */

const USER = { email: 'owner@pipeline.example', password: 'xero-password-1' };
let emulator: XeroEmulator;
let app: TestApp;
let orgId: string;

beforeAll(async () => {
  emulator = await startXeroEmulator({ seed: 'none' });
  emulator.control.createUser(USER);
  const tenant = emulator.control.createOrganisation({ name: 'Pipeline Books Ltd', userEmails: [USER.email] }).tenantId;
  emulator.control.seedContacts(tenant, { contacts: Array.from({ length: 2 * BATCH_SIZE }, (_, i) => ({ Name: `Pipeline Supplier ${i}`, IsSupplier: true })) });
  app = await startTestApp({ xeroEmulator: emulator });
  const buyer = await signUpBuyer(app.url);
  orgId = buyer.user.organisation.id;
  await connectXero(app.url, buyer.client, { xeroUser: USER, tenantId: tenant });
});

afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

const writes = () => emulator.control.requestLog().filter((r) => r.method === 'POST' && r.path.startsWith('/api.xro/2.0/Contacts'));

describe('pipelined push', () => {
  it('the next batch’s call goes out while the previous batch is still settling in the database', async () => {
    const suppliers = await app.services.em(orgId).find(Supplier, {}, { orderBy: { name: 'asc' } });
    expect(suppliers).toHaveLength(2 * BATCH_SIZE);
    await app.services.em(orgId).transactional(async (tx) => {
      for (const s of await tx.find(Supplier, {})) {
        s.email = `pipeline-${s.id.slice(-6)}@example.com`;
        await queueForXero(tx, orgId, s, null);
      }
    });
    emulator.control.clearRequestLog();
    // A session holding the audit table against inserts: every settle blocks at its flush, calls do not.
    const blocker = new pg.Client({ connectionString: app.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table audit_events in exclusive mode');
      await app.services.push.wake(orgId);
      await expect.poll(() => writes().length, { timeout: 30_000 }).toBe(2);
      expect(await app.services.em(orgId).count(OutboxEntry, { status: 'SYNCED' as never })).toBe(0);
      await blocker.query('commit');
    } finally {
      await blocker.end();
    }
    await expect.poll(() => app.services.em(orgId).count(OutboxEntry, { status: 'SYNCED' as never }), { timeout: 30_000 }).toBe(2 * BATCH_SIZE);
    expect(writes()).toHaveLength(2);
    expect(writes().every((w) => w.status === 200)).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactIngestService } from '../sync/contact-ingest.service.js';
import { signUpBuyer, startTestApp, type TestApp } from '../testing/index.js';
import { mapXeroContact } from '../xero/map-xero-contact.js';
import type { XeroContact } from '../xero/xero.gateway.js';
import { startTestReceiver, type TestReceiver } from './test-receiver.js';

/**
 * supplier.created from Xero: not one per contact during the initial import (announce: false), but for every
 * supplier a poll or a Xero webhook finds afterwards (announce: true) — written with the suppliers, in bulk.
 */

let app: TestApp;
let receiver: TestReceiver;
beforeAll(async () => {
  receiver = await startTestReceiver();
  app = await startTestApp({ env: { JOBS_ENABLED: 'true' } });
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

const contact = (name: string) => mapXeroContact({ contactID: randomUUID(), name, isSupplier: true, updatedDateUTC: new Date() } as unknown as XeroContact);

describe('suppliers from Xero', () => {
  it('the initial import sends no supplier.created; suppliers found later by a poll do', async () => {
    const buyer = await signUpBuyer(app.url);
    const orgId = buyer.user.organisation.id;
    const res = await buyer.client.request('mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }', {
      input: { url: receiver.url('/xero-created'), eventTypes: ['SUPPLIER_CREATED'] },
    });
    expect(res.errors).toBeUndefined();
    const ingest = new ContactIngestService(app.services.pubsub);

    const imported = await ingest.ingest(app.services.em(orgId), orgId, [contact('Imported One Ltd'), contact('Imported Two Ltd')], { announce: false });
    expect(imported.created).toBe(2);
    const polled = await ingest.ingest(app.services.em(orgId), orgId, [contact('Found By Poll Ltd'), contact('Found Too Ltd')], { announce: true });
    expect(polled.created).toBe(2);

    await expect.poll(() => receiver.to('/xero-created').length, { timeout: 10_000 }).toBe(2);
    const names = receiver.to('/xero-created').map((r) => JSON.parse(r.body) as { type: string; data: { source: string; supplier: { name: string } } });
    expect(names.map((e) => e.data.supplier.name).sort()).toEqual(['Found By Poll Ltd', 'Found Too Ltd']);
    expect(names.every((e) => e.type === 'supplier.created' && e.data.source === 'XERO')).toBe(true);
    const [{ n } = { n: -1 }] = await app.orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from webhook_events where organisation_id = ?`, [orgId]);
    expect(n).toBe(2);
  });
});

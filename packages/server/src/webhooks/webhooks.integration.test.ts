import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { Supplier } from '../suppliers/supplier.entity.js';
import { graphqlClient, signUpBuyer, startTestApp, startTestSmtp, uniqueEmail, type TestApp } from '../testing/index.js';
import { startTestReceiver, type Received, type TestReceiver } from './test-receiver.js';
import { recordEvent, WEBHOOK_EVENT_NAMES } from './webhook-events.js';

/**
 * Outbound webhooks end to end: the real server (jobs working) delivers to a local receiver, which checks every
 * request with the standardwebhooks library's own verifier, as a third-party tool would.
 */

const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id url status eventTypes canReadBankDetails } } }`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(endpointId: $id) { id webhookId eventType status attempts responseStatus durationMs lastError isRedelivery } }`;
const CREATE_SUPPLIER = 'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }';

type Buyer = Awaited<ReturnType<typeof signUpBuyer>>;
type Delivery = {
  id: string;
  webhookId: string;
  eventType: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  lastError: string | null;
  isRedelivery: boolean;
};

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let receiver: TestReceiver;

beforeAll(async () => {
  smtp = await startTestSmtp();
  receiver = await startTestReceiver();
  app = await startTestApp({
    env: {
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://vouch.example',
      JOBS_ENABLED: 'true',
      STEP_UP_MINUTES: '0',
      WEBHOOK_RETRY_DELAYS_SECONDS: '0.3,0.3,0.3',
      WEBHOOK_TIMEOUT_MS: '3000',
      API_KEY_REQUESTS_PER_MINUTE: '1000',
    },
  });
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
  await smtp?.close();
});

async function addEndpoint(buyer: Buyer, path: string, eventTypes: string[], canReadBankDetails = false) {
  const res = await buyer.client.request<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(CREATE_ENDPOINT, {
    input: { url: receiver.url(path), eventTypes, canReadBankDetails },
  });
  expect(res.errors).toBeUndefined();
  return { id: res.data!.createWebhookEndpoint.endpoint.id, secret: res.data!.createWebhookEndpoint.secret };
}

async function deliveries(buyer: Buyer, endpointId: string): Promise<Delivery[]> {
  const res = await buyer.client.request<{ webhookDeliveries: Delivery[] }>(DELIVERIES, { id: endpointId });
  expect(res.errors).toBeUndefined();
  return res.data!.webhookDeliveries;
}

const parse = (r: Received) => JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, any> };

describe('delivery', () => {
  it('a local receiver gets signed events that verify with the library’s own verifier', async () => {
    const buyer = await signUpBuyer(app.url);
    const { id, secret } = await addEndpoint(buyer, '/signed', ['SUPPLIER_CREATED']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    await buyer.client.request(CREATE_SUPPLIER, { input: { name: 'Signed Supplies Ltd', email: 'ap@signed.example' } });

    await expect.poll(() => receiver.to('/signed').length, { timeout: 10_000 }).toBe(1);
    const request = receiver.to('/signed')[0]!;
    const verified = new Webhook(secret).verify(request.body, request.headers) as { type: string; data: { supplier: { name: string } } };
    expect(verified.type).toBe('supplier.created');
    expect(verified.data.supplier.name).toBe('Signed Supplies Ltd');
    expect(request.headers['content-type']).toBe('application/json');

    await expect.poll(async () => (await deliveries(buyer, id))[0]?.status, { timeout: 10_000 }).toBe('SUCCEEDED');
    const [logged] = await deliveries(buyer, id);
    expect(logged).toMatchObject({
      webhookId: request.headers['webhook-id'],
      eventType: 'supplier.created',
      attempts: 1,
      responseStatus: 200,
      lastError: null,
    });
    expect(logged!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a receiver that fails twice then succeeds gets the same webhook-id three times', async () => {
    const buyer = await signUpBuyer(app.url);
    receiver.on('/flaky', (nth) => (nth <= 2 ? 500 : 200));
    const { id, secret } = await addEndpoint(buyer, '/flaky', ['SUPPLIER_CREATED']);
    await buyer.client.request(CREATE_SUPPLIER, { input: { name: 'Flaky Receiver Ltd' } });

    await expect.poll(() => receiver.to('/flaky').length, { timeout: 15_000 }).toBe(3);
    const attempts = receiver.to('/flaky');
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    for (const attempt of attempts) expect(() => new Webhook(secret).verify(attempt.body, attempt.headers)).not.toThrow();
    await expect
      .poll(async () => (await deliveries(buyer, id))[0], { timeout: 10_000 })
      .toMatchObject({ status: 'SUCCEEDED', attempts: 3, responseStatus: 200 });
  });

  it('a forged, tampered or stale request is what a receiver would reject', async () => {
    const buyer = await signUpBuyer(app.url);
    const { secret } = await addEndpoint(buyer, '/forged', ['SUPPLIER_CREATED']);
    await buyer.client.request(CREATE_SUPPLIER, { input: { name: 'Forgery Check Ltd' } });
    await expect.poll(() => receiver.to('/forged').length, { timeout: 10_000 }).toBe(1);
    const real = receiver.to('/forged')[0]!;
    const verifier = new Webhook(secret);
    expect(() => verifier.verify(real.body, real.headers)).not.toThrow();

    // Signed with another secret (a forger who does not hold it).
    const forger = new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`);
    const now = new Date();
    const forged = {
      ...real.headers,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': forger.sign(real.headers['webhook-id']!, now, real.body),
    };
    expect(() => verifier.verify(real.body, forged)).toThrow(WebhookVerificationError);
    // The genuine signature on a changed body.
    expect(() => verifier.verify(real.body.replace('Forgery Check Ltd', 'Forgery Check Plc'), real.headers)).toThrow(WebhookVerificationError);
    // No signature at all.
    expect(() => verifier.verify(real.body, { ...real.headers, 'webhook-signature': '' })).toThrow(WebhookVerificationError);
    // The genuine request replayed later than the library's tolerance (5 minutes).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 6 * 60_000);
      expect(() => verifier.verify(real.body, real.headers)).toThrow(/too old/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('one supplier’s events reach an endpoint in order, even when one needs a retry', async () => {
    const buyer = await signUpBuyer(app.url);
    const orgId = buyer.user.organisation.id;
    receiver.on('/ordered', (nth) => (nth === 1 ? 503 : 200));
    const { id } = await addEndpoint(buyer, '/ordered', ['SUPPLIER_UPDATED']);
    const supplierId = (await buyer.client.request<{ createSupplier: { id: string } }>(CREATE_SUPPLIER, { input: { name: 'Ordered Ltd' } })).data!
      .createSupplier.id;
    for (let n = 1; n <= 5; n++) {
      await app.services.em(orgId).transactional(async (tx) => {
        recordEvent(tx, { organisationId: orgId, type: WEBHOOK_EVENT_NAMES.SUPPLIER_UPDATED, supplierId, data: { supplier: { id: supplierId }, n } });
      });
    }
    await expect.poll(() => receiver.to('/ordered').length, { timeout: 15_000 }).toBe(6);
    expect(receiver.to('/ordered').map((r) => parse(r).data.n)).toEqual([1, 1, 2, 3, 4, 5]);
    await expect.poll(async () => (await deliveries(buyer, id)).every((d) => d.status === 'SUCCEEDED'), { timeout: 10_000 }).toBe(true);
  });

  it('sends a test event, and redelivers one with the same webhook-id', async () => {
    const buyer = await signUpBuyer(app.url);
    const { id, secret } = await addEndpoint(buyer, '/manual', ['CHANGE_REQUEST_SUBMITTED']);
    const test = await buyer.client.request<{ sendWebhookTestEvent: Delivery }>(
      'mutation($id: ID!) { sendWebhookTestEvent(endpointId: $id) { id webhookId eventType status } }',
      { id },
    );
    expect(test.errors).toBeUndefined();
    expect(test.data!.sendWebhookTestEvent.eventType).toBe('webhook.test');
    await expect.poll(() => receiver.to('/manual').length, { timeout: 10_000 }).toBe(1);
    expect((new Webhook(secret).verify(receiver.to('/manual')[0]!.body, receiver.to('/manual')[0]!.headers) as { type: string }).type).toBe('webhook.test');

    await expect.poll(async () => (await deliveries(buyer, id))[0]?.status, { timeout: 10_000 }).toBe('SUCCEEDED');
    const again = await buyer.client.request<{ redeliverWebhook: Delivery }>(
      'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id webhookId isRedelivery } }',
      {
        id: test.data!.sendWebhookTestEvent.id,
      },
    );
    expect(again.data!.redeliverWebhook).toMatchObject({ webhookId: test.data!.sendWebhookTestEvent.webhookId, isRedelivery: true });
    await expect.poll(() => receiver.to('/manual').length, { timeout: 10_000 }).toBe(2);
    expect(receiver.to('/manual')[1]!.headers['webhook-id']).toBe(receiver.to('/manual')[0]!.headers['webhook-id']);

    const missing = await buyer.client.request('mutation { redeliverWebhook(deliveryId: "00000000-0000-7000-8000-000000000000") { id } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
  it('follows no redirect, and reads no more than the start of a large answer', async () => {
    const buyer = await signUpBuyer(app.url);
    receiver.on('/moved', () => ({ status: 307, headers: { location: receiver.url('/moved-to') } }));
    receiver.on('/chatty', () => ({ status: 200, body: 'x'.repeat(1_000_000) }));
    const moved = await addEndpoint(buyer, '/moved', ['SUPPLIER_CREATED']);
    const chatty = await addEndpoint(buyer, '/chatty', ['SUPPLIER_CREATED']);
    await buyer.client.request(CREATE_SUPPLIER, { input: { name: 'Redirected Ltd' } });

    await expect.poll(async () => (await deliveries(buyer, moved.id))[0]?.lastError ?? null, { timeout: 10_000 }).toMatch(/Redirect \(307\) not followed/);
    expect((await deliveries(buyer, moved.id))[0]).toMatchObject({ responseStatus: 307, status: 'PENDING' });
    expect(receiver.to('/moved-to')).toHaveLength(0);

    await expect.poll(async () => (await deliveries(buyer, chatty.id))[0]?.status, { timeout: 10_000 }).toBe('SUCCEEDED');
    const res = await buyer.client.request<{ webhookDeliveries: { responseBody: string }[] }>(
      'query($id: ID!) { webhookDeliveries(endpointId: $id) { responseBody } }',
      { id: chatty.id },
    );
    expect(res.data!.webhookDeliveries[0]!.responseBody.length).toBeLessThanOrEqual(1024);
  });

  it('gives up on an attempt that gets no answer within the timeout, and retries it', async () => {
    const buyer = await signUpBuyer(app.url);
    receiver.on('/hung', (nth) => (nth === 1 ? { status: 200, delayMs: 20_000 } : 200));
    const { id } = await addEndpoint(buyer, '/hung', ['SUPPLIER_CREATED']);
    await buyer.client.request(CREATE_SUPPLIER, { input: { name: 'Slow Receiver Ltd' } });
    await expect.poll(async () => (await deliveries(buyer, id))[0], { timeout: 15_000 }).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(receiver.to('/hung')).toHaveLength(2);
  });
});

describe('endpoints', () => {
  it('only an admin manages endpoints: API keys (even READ_WRITE) are refused, like keys themselves', async () => {
    const buyer = await signUpBuyer(app.url);
    const key = (await buyer.client.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "tool", scope: READ_WRITE) { secret } }'))
      .data!.createApiKey.secret;
    const tool = graphqlClient(app.url, { headers: { authorization: `Bearer ${key}` } });
    const created = await tool.request(CREATE_ENDPOINT, { input: { url: receiver.url('/key'), eventTypes: ['SUPPLIER_CREATED'] } });
    expect(created.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await tool.request('query { webhookEndpoints { id } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      await app.orm.em.getConnection().execute(`select count(*)::int as n from webhook_endpoints where organisation_id = ?`, [buyer.user.organisation.id]),
    ).toEqual([{ n: 0 }]);
  });

  it('rotating the secret signs with both secrets for 24 hours, then with the new one only; all audited', async () => {
    const buyer = await signUpBuyer(app.url);
    const { id, secret: oldSecret } = await addEndpoint(buyer, '/rotate', ['SUPPLIER_CREATED']);
    const rotated = await buyer.client.request<{ rotateWebhookSecret: { secret: string; endpoint: { previousSecretValidUntil: string } } }>(
      'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { previousSecretValidUntil } } }',
      { id },
    );
    expect(rotated.errors).toBeUndefined();
    const newSecret = rotated.data!.rotateWebhookSecret.secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    const until = new Date(rotated.data!.rotateWebhookSecret.endpoint.previousSecretValidUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(23 * 60 * 60_000);

    // During the overlap: two signatures; a receiver on either secret accepts the delivery.
    const TEST = 'mutation($id: ID!) { sendWebhookTestEvent(endpointId: $id) { id } }';
    expect((await buyer.client.request(TEST, { id })).errors).toBeUndefined();
    await expect.poll(() => receiver.to('/rotate').length, { timeout: 10_000 }).toBe(1);
    const during = receiver.to('/rotate')[0]!;
    expect(during.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(during.body, during.headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(during.body, during.headers)).not.toThrow();

    // After it: the new secret only; a receiver still on the old one refuses.
    await app.orm.em.getConnection().execute(`update webhook_endpoints set previous_secret_until = now() - interval '1 second' where id = ?`, [id]);
    expect((await buyer.client.request(TEST, { id })).errors).toBeUndefined();
    await expect.poll(() => receiver.to('/rotate').length, { timeout: 10_000 }).toBe(2);
    const after = receiver.to('/rotate')[1]!;
    expect(after.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(() => new Webhook(newSecret).verify(after.body, after.headers)).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(after.body, after.headers)).toThrow(WebhookVerificationError);
    const endpoints = await buyer.client.request<{ webhookEndpoints: { previousSecretValidUntil: string | null }[] }>(
      '{ webhookEndpoints { previousSecretValidUntil } }',
    );
    expect(endpoints.data!.webhookEndpoints[0]!.previousSecretValidUntil).toBeNull();

    const kinds = await app.orm.em
      .getConnection()
      .execute<{ kind: string }[]>('select kind from audit_events where organisation_id = ? order by id', [buyer.user.organisation.id]);
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['WEBHOOK_ENDPOINT_ADDED', 'WEBHOOK_SECRET_ROTATED']));
  });

  it('edits an endpoint’s URL and events (checked like a new one, nothing partial stored); the secret stays', async () => {
    const buyer = await signUpBuyer(app.url);
    const { id, secret } = await addEndpoint(buyer, '/before-edit', ['SUPPLIER_CREATED']);
    const UPDATE =
      'mutation($id: ID!, $input: CreateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { url eventTypes canReadBankDetails } }';
    const bad = await buyer.client.request(UPDATE, { id, input: { url: 'ftp://example.com/x', eventTypes: ['SUPPLIER_UPDATED'] } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'url' }] });
    const unchanged = await buyer.client.request<{ webhookEndpoints: { url: string; eventTypes: string[] }[] }>('{ webhookEndpoints { url eventTypes } }');
    expect(unchanged.data!.webhookEndpoints[0]).toEqual({ url: receiver.url('/before-edit'), eventTypes: ['SUPPLIER_CREATED'] });

    const edited = await buyer.client.request<{ updateWebhookEndpoint: { url: string; eventTypes: string[] } }>(UPDATE, {
      id,
      input: { url: receiver.url('/after-edit'), eventTypes: ['SUPPLIER_CREATED', 'SUPPLIER_UPDATED'], canReadBankDetails: false },
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateWebhookEndpoint).toMatchObject({ url: receiver.url('/after-edit'), eventTypes: ['SUPPLIER_CREATED', 'SUPPLIER_UPDATED'] });
    await buyer.client.request(CREATE_SUPPLIER, { input: { name: 'Edited Endpoint Ltd', email: 'ap@edited.example' } });
    await expect.poll(() => receiver.to('/after-edit').length, { timeout: 10_000 }).toBe(1);
    expect(receiver.to('/before-edit')).toHaveLength(0);
    const request = receiver.to('/after-edit')[0]!;
    expect(() => new Webhook(secret).verify(request.body, request.headers)).not.toThrow();
    const audit = await app.orm.em
      .getConnection()
      .execute<{ summary: string }[]>(`select summary from audit_events where organisation_id = ? and kind = 'WEBHOOK_ENDPOINT_CHANGED'`, [
        buyer.user.organisation.id,
      ]);
    expect(audit).toEqual([{ summary: expect.stringContaining('/after-edit; events: supplier.created, supplier.updated') }]);
  });

  it('refuses a bad URL or no event types with BAD_USER_INPUT, storing nothing', async () => {
    const buyer = await signUpBuyer(app.url);
    const bad = await buyer.client.request(CREATE_ENDPOINT, { input: { url: 'ftp://example.com/x', eventTypes: [] } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(bad.errors?.[0]?.extensions)).toContain('eventTypes');
    expect((await buyer.client.request<{ webhookEndpoints: unknown[] }>('query { webhookEndpoints { id } }')).data!.webhookEndpoints).toEqual([]);
  });
});

// ---------------------------------------------------------------- the real review flow, and bank masking

const INVITE = 'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { invite { id } } }';
const SEND_CODE = 'mutation($t: String!) { sendSupplierCode(token: $t) { sentTo } }';
const VERIFY = 'mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, code: $c) { organisationName } }';
const SUBMIT = 'mutation($t: String!, $i: SupplierDetailsInput!) { submitSupplierDetails(token: $t, input: $i) { submittedAt } }';
const PENDING = 'query($id: ID!) { supplier(id: $id) { pendingChangeRequest { id } } }';
const CALLBACK = 'mutation($id: ID!, $n: String!, $note: String!) { recordBankCallback(changeRequestId: $id, phoneNumber: $n, note: $note) { id } }';
const ACCEPT = 'mutation($id: ID!) { acceptChangeRequest(id: $id) { status } }';

describe('events from the review flow', () => {
  it('submission, acceptance and the bank change reach subscribers in order; bank numbers only with the grant', async () => {
    const buyer = await signUpBuyer(app.url);
    const orgId = buyer.user.organisation.id;
    const all = ['CHANGE_REQUEST_SUBMITTED', 'CHANGE_REQUEST_ACCEPTED', 'SUPPLIER_UPDATED', 'SUPPLIER_BANK_DETAILS_CHANGED'];
    const granted = await addEndpoint(buyer, '/bank-granted', all, true);
    const masked = await addEndpoint(buyer, '/bank-masked', all, false);

    const supplierEmail = uniqueEmail('acme');
    const supplierId = (
      await buyer.client.request<{ createSupplier: { id: string } }>(CREATE_SUPPLIER, { input: { name: 'Acme Widgets Ltd', email: supplierEmail } })
    ).data!.createSupplier.id;
    const phone = { type: 'DEFAULT', number: '7946 0000', areaCode: '020', countryCode: '44' };
    const address = { type: 'STREET', line1: '1 High St', city: 'London', country: 'United Kingdom' };
    await app.services.em(orgId).nativeUpdate(Supplier, { id: supplierId }, { phones: [phone], addresses: [address] });
    const before = smtp.messages.length;
    await buyer.client.request(INVITE, { ids: [supplierId] });
    const token = /\/invite#token=([\w-]+)/.exec((await smtp.mailTo(supplierEmail, /confirm your supplier details/, before)).text)![1]!;
    const supplier = graphqlClient(app.url);
    const codeFrom = smtp.messages.length;
    await supplier.request(SEND_CODE, { t: token });
    const code = /(\d{6})/.exec((await smtp.mailTo(supplierEmail, /Your Vouch code/, codeFrom)).subject)![1]!;
    await supplier.request(VERIFY, { t: token, c: code });
    const submitted = await supplier.request(SUBMIT, {
      t: token,
      i: {
        name: 'Acme Widgets Ltd',
        email: supplierEmail,
        phones: [phone],
        addresses: [address],
        contactPersons: [],
        payment: { country: 'GB', accountHolderName: 'Acme Widgets Limited', sortCode: '08-99-99', accountNumber: '66374958' },
      },
    });
    expect(submitted.errors).toBeUndefined();
    const requestId = (await buyer.client.request<{ supplier: { pendingChangeRequest: { id: string } } }>(PENDING, { id: supplierId })).data!.supplier
      .pendingChangeRequest.id;
    expect((await buyer.client.request(CALLBACK, { id: requestId, n: '020 7946 0000', note: 'Confirmed with Jo in accounts.' })).errors).toBeUndefined();
    expect((await buyer.client.request(ACCEPT, { id: requestId })).errors).toBeUndefined();

    const expected = ['change_request.submitted', 'change_request.accepted', 'supplier.updated', 'supplier.bank_details.changed'];
    await expect.poll(() => receiver.to('/bank-granted').length, { timeout: 15_000 }).toBe(4);
    await expect.poll(() => receiver.to('/bank-masked').length, { timeout: 15_000 }).toBe(4);
    const full = receiver.to('/bank-granted').map((r) => new Webhook(granted.secret).verify(r.body, r.headers) as ReturnType<typeof parse>);
    const hidden = receiver.to('/bank-masked').map((r) => new Webhook(masked.secret).verify(r.body, r.headers) as ReturnType<typeof parse>);
    expect(full.map((e) => e.type)).toEqual(expected);
    expect(hidden.map((e) => e.type)).toEqual(expected);

    const bank = full[3]!.data;
    expect(bank.supplier.id).toBe(supplierId);
    expect(bank.changeRequestId).toBe(requestId);
    expect(bank.verification).toMatchObject({ verified: true, method: 'PHONE_CALLBACK' });
    expect(bank.paymentHold).toHaveProperty('active');
    expect(JSON.stringify(bank.supplier.paymentDetails)).toContain('66374958');
    expect(full[2]!.data.changedFields).toEqual(expect.arrayContaining(['paymentDetails']));

    for (const r of receiver.to('/bank-masked')) expect(r.body).not.toContain('66374958');
    expect(JSON.stringify(hidden[3]!.data.supplier.paymentDetails)).toContain('4958');
    expect(hidden[3]!.data.verification).toEqual(bank.verification);
    expect(hidden[1]!.data.changeRequest).toMatchObject({ id: requestId, status: 'ACCEPTED', changesBankDetails: true });
  });
});

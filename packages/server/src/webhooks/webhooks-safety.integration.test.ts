import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpBuyer, startTestApp, startTestSmtp, type TestApp } from '../testing/index.js';
import { startTestReceiver, type TestReceiver } from './test-receiver.js';

/**
 * Webhook safety: in production mode no request goes to a private, loopback or link-local address (refused
 * when the endpoint is added, and again at delivery, where the name is resolved and checked before connecting);
 * an endpoint failing for the configured time is disabled and its admins are emailed; enabling it resumes.
 */

const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id status } } }`;
const ENDPOINTS = 'query { webhookEndpoints { id status disabledReason failingSince } }';
const DELIVERIES = 'query($id: ID!) { webhookDeliveries(endpointId: $id) { status attempts lastError responseStatus } }';
const CREATE_SUPPLIER = 'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }';

let receiver: TestReceiver;
beforeAll(async () => {
  receiver = await startTestReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

describe('production mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      env: {
        NODE_ENV: 'production',
        TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}`,
        JOBS_ENABLED: 'true',
        WEBHOOK_RETRY_DELAYS_SECONDS: '60',
        STEP_UP_MINUTES: '1',
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses endpoints on private, loopback and link-local addresses, and plain HTTP', async () => {
    const buyer = await signUpBuyer(app.url);
    for (const url of [
      'https://127.0.0.1/hook',
      'https://10.0.0.8/hook',
      'https://192.168.1.20/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://[::ffff:10.0.0.1]/hook',
      'https://localhost/hook',
      receiver.url('/prod'),
    ]) {
      const res = await buyer.client.request(CREATE_ENDPOINT, { input: { url, eventTypes: ['SUPPLIER_CREATED'] } });
      expect(res.errors?.[0]?.extensions, url).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(res.errors?.[0]?.extensions), url).toContain('"field":"url"');
    }
    expect((await buyer.client.request<{ webhookEndpoints: unknown[] }>(ENDPOINTS)).data!.webhookEndpoints).toEqual([]);
  });

  it('checks again at delivery: an endpoint whose address turned private is never contacted', async () => {
    const buyer = await signUpBuyer(app.url);
    // In production adding an endpoint needs a fresh second factor: setting up an authenticator app gives one.
    const started = await buyer.client.request<{ startTotpEnrolment: { secret: string } }>('mutation { startTotpEnrolment { secret } }');
    const code = TOTP.generate({ secret: Secret.fromBase32(started.data!.startTotpEnrolment.secret) });
    expect((await buyer.client.request('mutation($c: String!) { confirmTotpEnrolment(code: $c) { recoveryCodes } }', { c: code })).errors).toBeUndefined();
    // Accepted when added (a public address literal: nothing is resolved or contacted now)…
    const created = await buyer.client.request<{ createWebhookEndpoint: { endpoint: { id: string } } }>(CREATE_ENDPOINT, {
      input: { url: 'https://93.184.216.34/hook', eventTypes: ['SUPPLIER_CREATED'] },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createWebhookEndpoint.endpoint.id;
    // …then it points at this machine (as a DNS answer that changed would), before any event exists.
    await app.orm.em.getConnection().execute(`update webhook_endpoints set url = ? where id = ?`, [receiver.url('/rebound').replace('http:', 'https:'), id]);
    await buyer.client.request(CREATE_SUPPLIER, { input: { name: 'Rebinding Target Ltd' } });
    await expect
      .poll(
        async () =>
          (await buyer.client.request<{ webhookDeliveries: { lastError: string | null }[] }>(DELIVERIES, { id })).data!.webhookDeliveries[0]?.lastError,
        { timeout: 10_000 },
      )
      .toMatch(/private, loopback or reserved/);
    const [delivery] = (
      await buyer.client.request<{ webhookDeliveries: { status: string; attempts: number; responseStatus: number | null }[] }>(DELIVERIES, { id })
    ).data!.webhookDeliveries;
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, responseStatus: null });
    expect(receiver.to('/rebound')).toHaveLength(0);
  });
});

describe('an endpoint that keeps failing', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = await startTestApp({
      env: {
        SMTP_URL: smtp.url,
        JOBS_ENABLED: 'true',
        WEBHOOK_RETRY_DELAYS_SECONDS: '0.4,0.4,0.4,0.4,0.4,0.4,0.4,0.4,0.4,0.4',
        WEBHOOK_DISABLE_AFTER_HOURS: '0.0004',
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('is disabled after failing for the configured time, its admins are emailed, and enabling it resumes delivery', async () => {
    const buyer = await signUpBuyer(app.url);
    let up = false;
    receiver.on('/down', () => (up ? 200 : 503));
    const created = await buyer.client.request<{ createWebhookEndpoint: { endpoint: { id: string } } }>(CREATE_ENDPOINT, {
      input: { url: receiver.url('/down'), eventTypes: ['SUPPLIER_CREATED'] },
    });
    const id = created.data!.createWebhookEndpoint.endpoint.id;
    await buyer.client.request(CREATE_SUPPLIER, { input: { name: 'Down Receiver Ltd' } });

    type Endpoint = { id: string; status: string; disabledReason: string | null };
    await expect
      .poll(async () => (await buyer.client.request<{ webhookEndpoints: Endpoint[] }>(ENDPOINTS)).data!.webhookEndpoints[0]?.status, { timeout: 15_000 })
      .toBe('DISABLED');
    const [endpoint] = (await buyer.client.request<{ webhookEndpoints: Endpoint[] }>(ENDPOINTS)).data!.webhookEndpoints;
    expect(endpoint!.disabledReason).toMatch(/failed/);
    await expect
      .poll(() => smtp.messages.some((m) => m.to.includes(buyer.input.email) && /stopped sending events/.test(m.subject)), { timeout: 10_000 })
      .toBe(true);
    const sent = receiver.to('/down').length;
    expect(sent).toBeGreaterThanOrEqual(2);

    // Disabled: the event waits, nothing more is sent.
    const [waiting] = (await buyer.client.request<{ webhookDeliveries: { status: string }[] }>(DELIVERIES, { id })).data!.webhookDeliveries;
    expect(waiting!.status).toBe('PENDING');

    up = true;
    const enabled = await buyer.client.request<{ setWebhookEndpointEnabled: { status: string } }>(
      'mutation($id: ID!) { setWebhookEndpointEnabled(id: $id, enabled: true) { status } }',
      { id },
    );
    expect(enabled.data!.setWebhookEndpointEnabled.status).toBe('ENABLED');
    await expect
      .poll(
        async () =>
          (await buyer.client.request<{ webhookDeliveries: { status: string; responseStatus: number }[] }>(DELIVERIES, { id })).data!.webhookDeliveries[0],
        { timeout: 10_000 },
      )
      .toMatchObject({ status: 'SUCCEEDED', responseStatus: 200 });
    expect(receiver.to('/down').length).toBe(sent + 1);
  });
});

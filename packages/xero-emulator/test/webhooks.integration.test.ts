import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXeroEmulator } from '../src/index.js';
import type { XeroEmulator } from '../src/index.js';
import { api, connect, expectSchema, setupWorld } from './helpers.js';
import type { World } from './helpers.js';

const KEY = 'TEST_WEBHOOK_KEY_0123456789';

interface Received {
  body: string;
  signature: string;
}

/** A receiver that checks signatures on the raw body, and can be told to fail. */
class Receiver {
  received: Received[] = [];
  failNext = 0;
  checkSignature = true;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const signature = String(req.headers['x-xero-signature'] ?? '');
        const expected = createHmac('sha256', KEY).update(raw).digest();
        const given = Buffer.from(signature, 'base64');
        const valid = given.length === expected.length && timingSafeEqual(given, expected);
        if (this.checkSignature && !valid) {
          res.writeHead(401).end();
          return;
        }
        if (this.failNext > 0) {
          this.failNext -= 1;
          res.writeHead(500).end();
          return;
        }
        this.received.push({ body: raw, signature });
        res.writeHead(200).end();
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/xero`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

describe('webhooks', () => {
  let emulator: XeroEmulator;
  let world: World;
  let token: string;
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    emulator = await startXeroEmulator({ freezeClock: true, webhookRetryDelaysMs: [60_000, 15 * 60_000] });
    world = setupWorld(emulator, { webhookUrl: receiver.url, webhookKey: KEY });
    token = (await connect(emulator, { tenantIds: [world.tenantA] })).access_token;
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.stop();
  });

  it('posts a signed CONTACT event for an API create and for a Xero-side edit, batched', async () => {
    const created = await api(emulator, token, world.tenantA, 'PUT', '/api.xro/2.0/Contacts', { Contacts: [{ Name: 'Hooked Ltd' }] });
    const id = String((created.json as { Contacts: Array<{ ContactID: string }> }).Contacts[0]?.ContactID);
    emulator.control.editContact(world.tenantA, id, { EmailAddress: 'hooks@hooked.test' });
    await emulator.control.webhooks.flush();
    const events = receiver.received.flatMap((r) => {
      const payload = JSON.parse(r.body) as { events: Array<Record<string, unknown>> };
      expectSchema('WebhookEvent', payload, true);
      return payload.events;
    });
    expect(events.map((e) => e.eventType)).toEqual(['CREATE', 'UPDATE']);
    expect(events[0]).toMatchObject({
      resourceUrl: `https://api.xero.com/api.xro/2.0/Contacts/${id}`,
      resourceId: id,
      eventCategory: 'CONTACT',
      tenantId: world.tenantA,
      tenantType: 'ORGANISATION',
    });
    expect(String(events[0]?.eventDateUtc)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
    const first = JSON.parse(receiver.received[0]?.body ?? '{}') as { firstEventSequence: number; lastEventSequence: number; entropy: string };
    expect(first.firstEventSequence).toBe(1);
    expect(first.entropy).toBeTypeOf('string');
  });

  it('does not fire for flag changes or for organisations the app is not connected to', async () => {
    receiver.received = [];
    const [c] = emulator.control.listContacts(world.tenantA);
    emulator.control.setContactFlags(world.tenantA, c?.ContactID ?? '', { isCustomer: true });
    const [other] = emulator.control.listContacts(world.tenantB).concat(emulator.control.seedContacts(world.tenantB, { contacts: [{ Name: 'Elsewhere' }] }));
    emulator.control.editContact(world.tenantB, other?.ContactID ?? '', { EmailAddress: 'x@elsewhere.test' });
    await emulator.control.webhooks.flush();
    expect(receiver.received).toHaveLength(0);
  });

  it('retries on the emulator clock while the receiver fails, in order, at least once', async () => {
    receiver.received = [];
    receiver.failNext = 2;
    const [c] = emulator.control.listContacts(world.tenantA);
    emulator.control.editContact(world.tenantA, c?.ContactID ?? '', { EmailAddress: 'retry1@x.test' });
    await emulator.control.webhooks.flush();
    expect(receiver.received).toHaveLength(0);
    emulator.control.editContact(world.tenantA, c?.ContactID ?? '', { EmailAddress: 'retry2@x.test' });
    await emulator.control.webhooks.flush();
    expect(emulator.control.webhooks.pending()).toBe(2);
    emulator.control.clock.advance(60_000);
    await emulator.control.webhooks.flush();
    expect(receiver.received).toHaveLength(0);
    emulator.control.clock.advance(14 * 60_000);
    await emulator.control.webhooks.flush();
    expect(receiver.received).toHaveLength(0);
    emulator.control.clock.advance(60_000);
    await emulator.control.webhooks.flush();
    await emulator.control.webhooks.flush();
    const sequences = receiver.received.map((r) => (JSON.parse(r.body) as { events: unknown[]; firstEventSequence: number }).firstEventSequence);
    expect(receiver.received.flatMap((r) => (JSON.parse(r.body) as { events: unknown[] }).events)).toHaveLength(2);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    const attempts = emulator.control.webhooks.deliveries().filter((d) => d.status === 500);
    expect(attempts).toHaveLength(2);
  });

  it('sends a batch twice under the duplicate-webhook fault', async () => {
    receiver.received = [];
    emulator.control.injectFault({ kind: 'duplicate-webhook' });
    const [c] = emulator.control.listContacts(world.tenantA);
    emulator.control.editContact(world.tenantA, c?.ContactID ?? '', { EmailAddress: 'dup@x.test' });
    await emulator.control.webhooks.flush();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.body).toBe(receiver.received[1]?.body);
  });

  it('disables webhooks after 24 hours of failures and resumes when re-enabled', async () => {
    receiver.received = [];
    receiver.failNext = 1000;
    const [c] = emulator.control.listContacts(world.tenantA);
    emulator.control.editContact(world.tenantA, c?.ContactID ?? '', { EmailAddress: 'down@x.test' });
    await emulator.control.webhooks.flush();
    for (let i = 0; i < 100; i += 1) {
      emulator.control.clock.advance(15 * 60_000);
      await emulator.control.webhooks.flush();
    }
    const failures = emulator.control.webhooks.deliveries().filter((d) => d.body.includes('down@') || d.status === 500).length;
    expect(failures).toBeGreaterThan(90);
    expect(emulator.control.webhooks.pending()).toBe(1);
    const before = emulator.control.webhooks.deliveries().length;
    emulator.control.clock.advance(60 * 60_000);
    await emulator.control.webhooks.flush();
    expect(emulator.control.webhooks.deliveries().length).toBe(before);
    receiver.failNext = 0;
    emulator.control.webhooks.enable('test-client');
    await emulator.control.webhooks.flush();
    expect(receiver.received).toHaveLength(1);
    expect(emulator.control.webhooks.pending()).toBe(0);
  });

  it('updateApp moves the webhook to a new URL', async () => {
    const other = new Receiver();
    await other.start();
    try {
      emulator.control.updateApp('test-client', { webhookUrl: other.url });
      const [c] = emulator.control.listContacts(world.tenantA);
      emulator.control.editContact(world.tenantA, c?.ContactID ?? '', { EmailAddress: 'moved@x.test' });
      await emulator.control.webhooks.flush();
      expect(other.received).toHaveLength(1);
    } finally {
      emulator.control.updateApp('test-client', { webhookUrl: receiver.url });
      await other.stop();
    }
  });

  it('runs the intent-to-receive handshake with good and bad signatures', async () => {
    const good = await emulator.control.webhooks.intentToReceive('test-client');
    expect(good.ok).toBe(true);
    expect(good.results.map((r) => r.status)).toEqual([200, 401, 200, 401]);
    receiver.checkSignature = false;
    const lax = await emulator.control.webhooks.intentToReceive('test-client');
    expect(lax.ok).toBe(false);
    receiver.checkSignature = true;
  });
});

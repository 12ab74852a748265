import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addColleague, graphqlClient, signUpBuyer, startTestApp, uniqueEmail, type TestApp } from '../testing/index.js';
import { MAX_LOGO_BYTES } from './image-type.js';
import { LOGO_JPEG, LOGO_PNG, LOGO_WEBP_LOSSY } from './logo-fixtures.js';

/**
 * Settings → What suppliers see (issue 15, item 7): an ADMIN sets a contact person and a logo (PNG, JPEG or
 * WebP by its bytes, size-limited); suppliers see them on the invite before and after the code, and on links
 * that can no longer be used; the logo is served with its own type, nosniff, inline and cacheable.
 */

const BRANDING = 'branding { name logoUrl contactName contactPhone contactEmail }';
const ME = `query { me { organisation { id ${BRANDING} } } }`;
const CONTACT = `mutation($i: SupplierContactInput!) { updateSupplierContact(input: $i) { id ${BRANDING} } }`;
const SET_LOGO = `mutation($image: String!) { setOrganisationLogo(image: $image) { id ${BRANDING} } }`;
const REMOVE_LOGO = `mutation { removeOrganisationLogo { id ${BRANDING} } }`;
const SENDER_FIELDS = 'organisation { name logoUrl contactName contactPhone contactEmail }';
const CREATE = 'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }';
const INVITE = 'mutation($ids: [ID!]!) { inviteSuppliers(supplierIds: $ids) { link invite { id } } }';
const OPEN = `query($t: String!) { supplierInvite(token: $t) { organisationName ${SENDER_FIELDS} } }`;
const SENDER = 'query($t: String!) { supplierInviteSender(token: $t) { name logoUrl contactName contactPhone contactEmail } }';
const SEND_CODE = 'mutation($t: String!) { sendSupplierCode(token: $t) { devCode } }';
const VERIFY = `mutation($t: String!, $c: String!) { verifySupplierCode(token: $t, c: $c) { ${SENDER_FIELDS} } }`.replace('c: $c', 'code: $c');
const DETAILS = `query($t: String!) { supplierDetails(token: $t) { ${SENDER_FIELDS} } }`;
const AUDIT = 'query { organisationAuditEvents(first: 20) { edges { node { kind summary } } } }';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

type Buyer = Awaited<ReturnType<typeof signUpBuyer>>;
type Branding = { name: string; logoUrl: string | null; contactName: string | null; contactPhone: string | null; contactEmail: string | null };

async function branding(buyer: Buyer): Promise<Branding & { organisationId: string }> {
  const res = await buyer.client.request<{ me: { organisation: { id: string; branding: Branding } } }>(ME);
  return { ...res.data!.me.organisation.branding, organisationId: res.data!.me.organisation.id };
}

async function inviteLinkToken(buyer: Buyer): Promise<{ token: string; inviteId: string }> {
  const created = await buyer.client.request<{ createSupplier: { id: string } }>(CREATE, { input: { name: 'Beans Ltd', email: uniqueEmail('beans') } });
  const res = await buyer.client.request<{ inviteSuppliers: { link: string; invite: { id: string } }[] }>(INVITE, { ids: [created.data!.createSupplier.id] });
  expect(res.errors).toBeUndefined();
  const [{ link, invite }] = res.data!.inviteSuppliers as [{ link: string; invite: { id: string } }];
  return { token: /#token=([\w-]+)/.exec(link)![1]!, inviteId: invite.id };
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

describe('what suppliers see: contact person and logo', () => {
  it('an admin sets them; the invite shows them before and after the code; the logo is served safely', async () => {
    const buyer = await signUpBuyer(app.url, { organisationName: 'Acme Widgets', name: 'Ada Admin' });
    const before = await branding(buyer);
    expect(before).toMatchObject({ name: 'Acme Widgets', logoUrl: null, contactName: null, contactPhone: null, contactEmail: null });

    const contact = await buyer.client.request(CONTACT, { i: { name: '  Jo   Bloggs ', phone: '+44 20 7946 0000', email: 'accounts@acme.example' } });
    expect(contact.errors).toBeUndefined();
    const logo = await buyer.client.request<{ setOrganisationLogo: { branding: Branding } }>(SET_LOGO, { image: LOGO_PNG });
    expect(logo.errors).toBeUndefined();
    const after = await branding(buyer);
    expect(after).toMatchObject({ contactName: 'Jo Bloggs', contactPhone: '+44 20 7946 0000', contactEmail: 'accounts@acme.example' });
    expect(after.logoUrl).toMatch(new RegExp(`^/api/organisations/${after.organisationId}/logo\\?v=[0-9a-f]{16}$`));

    // The supplier, with no account: before the code, and after it.
    const { token } = await inviteLinkToken(buyer);
    const supplier = graphqlClient(app.url);
    const expected = {
      name: 'Acme Widgets',
      logoUrl: after.logoUrl,
      contactName: 'Jo Bloggs',
      contactPhone: '+44 20 7946 0000',
      contactEmail: 'accounts@acme.example',
    };
    const opened = await supplier.request<{ supplierInvite: { organisation: Branding } }>(OPEN, { t: token });
    expect(opened.data!.supplierInvite.organisation).toEqual(expected);
    const sent = await supplier.request<{ sendSupplierCode: { devCode: string } }>(SEND_CODE, { t: token });
    const verified = await supplier.request<{ verifySupplierCode: { organisation: Branding } }>(VERIFY, { t: token, c: sent.data!.sendSupplierCode.devCode });
    expect(verified.data!.verifySupplierCode.organisation).toEqual(expected);
    const details = await supplier.request<{ supplierDetails: { organisation: Branding } }>(DETAILS, { t: token });
    expect(details.data!.supplierDetails.organisation).toEqual(expected);

    // The logo: its bytes, the type read from them, nosniff, inline, a year's cache for the versioned URL.
    const image = await get(after.logoUrl!);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(LOGO_PNG, 'base64'))).toBe(true);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-disposition')).toBe('inline; filename="logo.png"');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(image.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    const etag = image.headers.get('etag')!;
    // Without (or with an old) version it is revalidated, and an unchanged logo answers 304.
    const unversioned = await get(`/api/organisations/${after.organisationId}/logo`);
    expect(unversioned.headers.get('cache-control')).toBe('no-cache');
    expect((await get(`/api/organisations/${after.organisationId}/logo`, { 'if-none-match': etag })).status).toBe(304);

    // Other settings saved later leave the logo alone (its bytes are never loaded with the organisation).
    expect((await buyer.client.request('mutation { updateOrganisationSettings(paymentHoldDays: 5) { id } }')).errors).toBeUndefined();
    expect((await get(after.logoUrl!)).status).toBe(200);

    // A new logo gets a new URL, with the type of the new bytes; removing it stops serving it.
    const jpeg = await buyer.client.request<{ setOrganisationLogo: { branding: Branding } }>(SET_LOGO, { image: `data:image/png;base64,${LOGO_JPEG}` });
    const jpegUrl = jpeg.data!.setOrganisationLogo.branding.logoUrl!;
    expect(jpegUrl).not.toBe(after.logoUrl);
    expect((await get(jpegUrl)).headers.get('content-type')).toBe('image/jpeg');
    const webp = await buyer.client.request<{ setOrganisationLogo: { branding: Branding } }>(SET_LOGO, { image: LOGO_WEBP_LOSSY });
    expect((await get(webp.data!.setOrganisationLogo.branding.logoUrl!)).headers.get('content-type')).toBe('image/webp');
    const removed = await buyer.client.request<{ removeOrganisationLogo: { branding: Branding } }>(REMOVE_LOGO);
    expect(removed.data!.removeOrganisationLogo.branding.logoUrl).toBeNull();
    expect((await get(`/api/organisations/${after.organisationId}/logo`)).status).toBe(404);
    expect((await get('/api/organisations/not-an-id/logo')).status).toBe(404);

    // Each change is in the organisation's audit log, by name.
    const audit = await buyer.client.request<{ organisationAuditEvents: { edges: { node: { kind: string; summary: string } }[] } }>(AUDIT);
    const summaries = audit.data!.organisationAuditEvents.edges.map((e) => e.node.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Ada Admin changed what suppliers see — contact name: Jo Bloggs; contact phone: +44 20 7946 0000; contact email: accounts@acme.example',
        'Ada Admin changed what suppliers see — logo: new PNG, 1 KB',
        'Ada Admin changed what suppliers see — logo removed',
      ]),
    );
  });

  it('refuses SVG, disguised, oversized and huge images with a field error, and stores nothing', async () => {
    const buyer = await signUpBuyer(app.url);
    const refused = async (image: string, reason: string) => {
      const res = await buyer.client.request(SET_LOGO, { image });
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, fields: [{ field: 'image' }] });
      return res.errors![0]!.message;
    };
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    expect(await refused(svg, 'LOGO_TYPE_NOT_ALLOWED')).toBe('Choose a PNG, JPEG or WebP image. Other files, SVG included, are not accepted.');
    expect(await refused(`data:image/png;base64,${svg}`, 'LOGO_TYPE_NOT_ALLOWED')).toMatch(/PNG, JPEG or WebP/);
    const pngSignatureThenHtml = Buffer.concat([Buffer.from(LOGO_PNG, 'base64').subarray(0, 8), Buffer.from('<html><script>alert(1)</script>')]);
    await refused(pngSignatureThenHtml.toString('base64'), 'LOGO_TYPE_NOT_ALLOWED');
    await refused('not base64 at all!', 'LOGO_TYPE_NOT_ALLOWED');

    const oversized = Buffer.concat([Buffer.from(LOGO_PNG, 'base64'), Buffer.alloc(MAX_LOGO_BYTES)]);
    expect(await refused(oversized.toString('base64'), 'LOGO_TOO_LARGE')).toBe(
      `That image is ${Math.ceil(oversized.length / 1024)} KB: a logo can be at most 128 KB.`,
    );

    const huge = Buffer.from(LOGO_PNG, 'base64');
    huge.writeUInt32BE(5000, 16);
    expect(await refused(huge.toString('base64'), 'LOGO_DIMENSIONS')).toBe('That image is 5000 × 2 pixels: a logo can be at most 4096 pixels on each side.');

    expect((await branding(buyer)).logoUrl).toBeNull();
  });

  it('refuses a bad contact phone or email by field, changing nothing; empty clears a field', async () => {
    const buyer = await signUpBuyer(app.url);
    await buyer.client.request(CONTACT, { i: { name: 'Jo Bloggs', phone: '020 7946 0000' } });
    const bad = await buyer.client.request(CONTACT, { i: { name: 'Someone Else', phone: 'call me', email: 'not-an-email' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (bad.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['phone', 'email']));
    expect(await branding(buyer)).toMatchObject({ contactName: 'Jo Bloggs', contactPhone: '020 7946 0000', contactEmail: null });

    const cleared = await buyer.client.request(CONTACT, { i: { phone: '' } });
    expect(cleared.errors).toBeUndefined();
    expect(await branding(buyer)).toMatchObject({ contactName: 'Jo Bloggs', contactPhone: null });
  });

  it('only an admin can change them', async () => {
    const buyer = await signUpBuyer(app.url);
    const { organisationId } = await branding(buyer);
    for (const role of ['APPROVER', 'VIEWER'] as const) {
      const colleague = await addColleague(app, organisationId, { role, name: `A ${role.toLowerCase()}` });
      const client = graphqlClient(app.url);
      await client.request('mutation($i: SignInInput!) { signIn(input: $i) { user { id } } }', { i: { email: colleague.email, password: colleague.password } });
      for (const [query, variables] of [
        [SET_LOGO, { image: LOGO_PNG }],
        [REMOVE_LOGO, {}],
        [CONTACT, { i: { name: 'Mallory' } }],
      ] as const) {
        const res = await client.request(query, variables);
        expect(res.errors?.[0]?.extensions?.code, `${role}: ${query}`).toBe('FORBIDDEN');
      }
    }
    const anonymous = await graphqlClient(app.url).request(SET_LOGO, { image: LOGO_PNG });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await branding(buyer)).toMatchObject({ logoUrl: null, contactName: null });
  });

  it('a link that can no longer be used still names the business and its contact; an unknown one does not', async () => {
    const buyer = await signUpBuyer(app.url, { organisationName: 'Harbour Coffee' });
    await buyer.client.request(CONTACT, { i: { name: 'Sam Till', phone: '0161 496 0000' } });
    const { token, inviteId } = await inviteLinkToken(buyer);
    expect((await buyer.client.request('mutation($id: ID!) { revokeInvite(inviteId: $id) { id } }', { id: inviteId })).errors).toBeUndefined();

    const supplier = graphqlClient(app.url);
    const opened = await supplier.request(OPEN, { t: token });
    expect(opened.errors?.[0]?.extensions?.reason).toBe('INVITE_REVOKED');
    const sender = await supplier.request<{ supplierInviteSender: Branding }>(SENDER, { t: token });
    expect(sender.data!.supplierInviteSender).toEqual({
      name: 'Harbour Coffee',
      logoUrl: null,
      contactName: 'Sam Till',
      contactPhone: '0161 496 0000',
      contactEmail: null,
    });

    const unknown = await supplier.request(SENDER, { t: 'x'.repeat(43) });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'INVITE_NOT_FOUND' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, signUpBuyer, startTestApp, startTestSmtp, uniqueEmail, type CapturedMail, type TestApp } from '../../testing/index.js';
import { browserClient } from '../sessions-test-client.js';

/**
 * Issue 13, item 1: an organisation could not get a second member without editing the database. ADMINs now
 * invite by email with a role; the invitee joins from the link; ADMINs resend, withdraw, change roles and
 * remove people (their sessions and API keys end at once); the last ADMIN stays; all of it is audited.
 */
const INVITE =
  'mutation Invite($input: InviteTeammateInput!) { inviteTeammate(input: $input) { invite { id email role expired emailed invitedByName } link } }';
const INVITES = '{ teamInvites { id email role expired } }';
const MEMBERS = '{ teamMembers { id name email role isYou } }';
const PREVIEW = 'query Preview($token: String!) { teamInvitePreview(token: $token) { organisationName email role invitedByName } }';
const ACCEPT =
  'mutation Accept($input: AcceptTeamInviteInput!) { acceptTeamInvite(input: $input) { user { id email role emailVerified organisation { id } } } }';
const RESEND = 'mutation Resend($id: ID!) { resendTeamInvite(id: $id) { invite { id } link } }';
const WITHDRAW = 'mutation Withdraw($id: ID!) { withdrawTeamInvite(id: $id) { id } }';
const CHANGE_ROLE = 'mutation Role($userId: ID!, $role: Role!) { changeTeamMemberRole(userId: $userId, role: $role) { id role } }';
const REMOVE = 'mutation Remove($userId: ID!) { removeTeamMember(userId: $userId) { removedUserId sessionsEnded apiKeysRevoked } }';
const ME = '{ me { id role emailVerified } }';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let ipCounter = 0;
const freshIp = () => `10.88.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  smtp = await startTestSmtp();
  app = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://vouch.example' } });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

async function mailTo(email: string, count = 1): Promise<CapturedMail> {
  await expect.poll(() => smtp.messages.filter((m) => m.to.includes(email)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return smtp.messages.filter((m) => m.to.includes(email)).at(-1)!;
}
const joinToken = (mail: CapturedMail) => /\/join#token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;

async function audit(organisationId: string): Promise<{ kind: string; summary: string; supplier_id: string | null }[]> {
  return await app.orm.em
    .getConnection()
    .execute('select kind, summary, supplier_id from audit_events where organisation_id = ? order by id', [organisationId]);
}

/** An ADMIN's organisation, and a teammate invited by email who joined from the link. */
async function teamWith(role: 'ADMIN' | 'APPROVER' | 'VIEWER') {
  const admin = await signUpBuyer(app.url, { organisationName: 'Harbour Coffee', name: 'Ada Admin' });
  const email = uniqueEmail(role.toLowerCase());
  const invited = await admin.client.request<{ inviteTeammate: { invite: { id: string }; link: string | null } }>(INVITE, { input: { email, role } });
  expect(invited.errors).toBeUndefined();
  const member = browserClient(app.url, { ip: freshIp() });
  const joined = await member.request<{ acceptTeamInvite: { user: { id: string } } }>(ACCEPT, {
    input: { token: joinToken(await mailTo(email)), name: `Sam ${role}`, password: 'member password 1' },
  });
  expect(joined.errors).toBeUndefined();
  return { admin, member, memberId: joined.data!.acceptTeamInvite.user.id, email, organisationId: admin.user.organisation.id };
}

describe('team invitations', () => {
  it('an ADMIN invites by email; the invitee sees what it is for, joins with a name and password, and is signed in', async () => {
    const admin = await signUpBuyer(app.url, { organisationName: 'Harbour Coffee', name: 'Ada Admin' });
    const email = uniqueEmail('approver');
    const invited = await admin.client.request<{
      inviteTeammate: { invite: { email: string; role: string; emailed: boolean; invitedByName: string }; link: string | null };
    }>(INVITE, {
      input: { email: email.toUpperCase(), role: 'APPROVER' },
    });
    expect(invited.errors).toBeUndefined();
    // Emailed, so no link comes back to the admin.
    expect(invited.data!.inviteTeammate).toMatchObject({ invite: { email, role: 'APPROVER', emailed: true, invitedByName: 'Ada Admin' }, link: null });
    const mail = await mailTo(email);
    expect(mail.subject).toBe('Ada Admin invited you to Harbour Coffee on Vouch');
    expect(mail.text).toContain('https://vouch.example/join#token=');
    const token = joinToken(mail);
    // Only the hash is stored.
    const [row] = await app.orm.em.getConnection().execute<{ token_hash: string }[]>('select token_hash from team_invites where email = ?', [email]);
    expect(row!.token_hash).not.toContain(token);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    expect((await admin.client.request<{ teamInvites: { email: string }[] }>(INVITES)).data!.teamInvites.map((i) => i.email)).toEqual([email]);

    const invitee = browserClient(app.url, { ip: freshIp() });
    const preview = await invitee.request(PREVIEW, { token });
    expect(preview.data).toEqual({ teamInvitePreview: { organisationName: 'Harbour Coffee', email, role: 'APPROVER', invitedByName: 'Ada Admin' } });

    const joined = await invitee.request<{ acceptTeamInvite: { user: { email: string; role: string; emailVerified: boolean; organisation: { id: string } } } }>(
      ACCEPT,
      {
        input: { token, name: '  Sam Approver ', password: 'member password 1' },
      },
    );
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.acceptTeamInvite.user).toMatchObject({
      email,
      role: 'APPROVER',
      emailVerified: true,
      organisation: { id: admin.user.organisation.id },
    });
    expect(invitee.jar.get('vouch_session')).toMatch(/^[\w-]{43}$/);
    expect((await invitee.request<{ me: { role: string } }>(ME)).data!.me.role).toBe('APPROVER');

    // Everyone sees who is on the team.
    const members = await invitee.request<{ teamMembers: { name: string; role: string; isYou: boolean }[] }>(MEMBERS);
    expect(members.data!.teamMembers).toEqual([
      expect.objectContaining({ name: 'Ada Admin', role: 'ADMIN', isYou: false }),
      expect.objectContaining({ name: 'Sam Approver', role: 'APPROVER', isYou: true }),
    ]);
    // …but only ADMINs see invitations.
    expect((await invitee.request(INVITES)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.client.request<{ teamInvites: unknown[] }>(INVITES)).data!.teamInvites).toEqual([]);

    // Single use.
    const again = await browserClient(app.url, { ip: freshIp() }).request(ACCEPT, { input: { token, name: 'Mallory', password: 'another password' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TEAM_INVITE_USED' });

    const events = await audit(admin.user.organisation.id);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['TEAM_INVITE_SENT', 'TEAM_MEMBER_JOINED']));
    expect(events.filter((e) => e.kind.startsWith('TEAM_')).every((e) => e.supplier_id === null)).toBe(true);
  });

  it('refuses bad input, duplicates, non-admins and API keys with clear codes, storing nothing', async () => {
    const { admin, member, email } = await teamWith('APPROVER');
    const count = async () => Number((await app.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from team_invites'))[0]!.n);
    const before = await count();

    const badEmail = await admin.client.request(INVITE, { input: { email: 'not-an-email', role: 'VIEWER' } });
    expect(badEmail.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badEmail.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'email' })]);
    const badRole = await admin.client.request(INVITE, { input: { email: uniqueEmail(), role: 'OWNER' } });
    expect(badRole.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const onTeam = await admin.client.request(INVITE, { input: { email, role: 'VIEWER' } });
    expect(onTeam.errors?.[0]).toMatchObject({ message: `${email} is already on your team.`, extensions: { code: 'CONFLICT', reason: 'ALREADY_ON_TEAM' } });
    const byApprover = await member.request(INVITE, { input: { email: uniqueEmail(), role: 'VIEWER' } });
    expect(byApprover.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const signedOut = await graphqlClient(app.url).request(INVITE, { input: { email: uniqueEmail(), role: 'VIEWER' } });
    expect(signedOut.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);

    const pendingEmail = uniqueEmail('pending');
    expect((await admin.client.request(INVITE, { input: { email: pendingEmail, role: 'VIEWER' } })).errors).toBeUndefined();
    const twice = await admin.client.request(INVITE, { input: { email: pendingEmail, role: 'ADMIN' } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TEAM_INVITE_PENDING' });

    const badAccept = await browserClient(app.url, { ip: freshIp() }).request(ACCEPT, { input: { token: 'x', name: '', password: 'short' } });
    expect(badAccept.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badAccept.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort()).toEqual(['name', 'password']);
  });

  it('resend replaces the link; withdraw and expiry stop it; an address with an account elsewhere cannot join', async () => {
    const admin = await signUpBuyer(app.url);
    const email = uniqueEmail('viewer');
    const sent = await admin.client.request<{ inviteTeammate: { invite: { id: string } } }>(INVITE, { input: { email, role: 'VIEWER' } });
    const id = sent.data!.inviteTeammate.invite.id;
    const first = joinToken(await mailTo(email, 1));

    expect((await admin.client.request(RESEND, { id })).errors).toBeUndefined();
    const second = joinToken(await mailTo(email, 2));
    expect(second).not.toBe(first);
    const old = await browserClient(app.url, { ip: freshIp() }).request(PREVIEW, { token: first });
    expect(old.errors?.[0]?.extensions?.reason).toBe('TEAM_INVITE_INVALID');

    // Expired links say so (and can be resent).
    await app.orm.em.getConnection().execute(`update team_invites set expires_at = now() - interval '1 minute' where id = ?`, [id]);
    const expired = await browserClient(app.url, { ip: freshIp() }).request(PREVIEW, { token: second });
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEAM_INVITE_EXPIRED' });
    expect((await admin.client.request<{ teamInvites: { expired: boolean }[] }>(INVITES)).data!.teamInvites).toEqual([
      expect.objectContaining({ expired: true }),
    ]);
    await admin.client.request(RESEND, { id });
    const third = joinToken(await mailTo(email, 3));

    expect((await admin.client.request(WITHDRAW, { id })).errors).toBeUndefined();
    const withdrawn = await browserClient(app.url, { ip: freshIp() }).request(ACCEPT, { input: { token: third, name: 'Vic', password: 'viewer password' } });
    expect(withdrawn.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEAM_INVITE_WITHDRAWN' });
    expect((await admin.client.request(WITHDRAW, { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await admin.client.request(RESEND, { id: 'nope' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Someone who already has an account (in another organisation) is told by the link, not the inviter.
    const other = await signUpBuyer(app.url);
    const invited = await admin.client.request(INVITE, { input: { email: other.input.email, role: 'VIEWER' } });
    expect(invited.errors).toBeUndefined();
    const taken = await browserClient(app.url, { ip: freshIp() }).request(ACCEPT, {
      input: { token: joinToken(await mailTo(other.input.email)), name: 'Other', password: 'other password 1' },
    });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_HAS_ACCOUNT' });

    const kinds = (await audit(admin.user.organisation.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'TEAM_INVITE_RESENT')).toHaveLength(2);
    expect(kinds).toContain('TEAM_INVITE_WITHDRAWN');
  });

  it('bounds guessing of invitation links per IP: past the limit even the right link is refused, and it is logged', async () => {
    const admin = await signUpBuyer(app.url);
    const email = uniqueEmail('guess');
    await admin.client.request(INVITE, { input: { email, role: 'VIEWER' } });
    const token = joinToken(await mailTo(email));
    const guesser = browserClient(app.url, { ip: freshIp() });
    for (let i = 0; i < 20; i++) {
      const wrong = await guesser.request(PREVIEW, { token: `${'A'.repeat(42)}${i % 10}` });
      expect(wrong.errors?.[0]?.extensions?.reason).toBe('TEAM_INVITE_INVALID');
    }
    const refused = await guesser.request(PREVIEW, { token });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_ATTEMPTS' });
    const stillRefused = await guesser.request(ACCEPT, { input: { token, name: 'Gus', password: 'guess password' } });
    expect(stillRefused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Another IP with the right link is unaffected.
    expect((await browserClient(app.url, { ip: freshIp() }).request(PREVIEW, { token })).errors).toBeUndefined();
  });
});

describe('team members', () => {
  it('changes roles at once for open sessions; the last ADMIN can be neither demoted nor removed', async () => {
    const { admin, member, memberId, organisationId } = await teamWith('APPROVER');
    const demoted = await admin.client.request(CHANGE_ROLE, { userId: memberId, role: 'VIEWER' });
    expect(demoted.errors).toBeUndefined();
    expect((await member.request<{ me: { role: string } }>(ME)).data!.me.role).toBe('VIEWER');

    const lastDemote = await admin.client.request(CHANGE_ROLE, { userId: admin.user.id, role: 'APPROVER' });
    expect(lastDemote.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'LAST_ADMIN' } });
    expect(lastDemote.errors?.[0]?.message).toMatch(/only admin/);
    const self = await admin.client.request(REMOVE, { userId: admin.user.id });
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CANNOT_REMOVE_YOURSELF' });

    // With a second ADMIN, the first may step down; then the new one is the last.
    expect((await admin.client.request(CHANGE_ROLE, { userId: memberId, role: 'ADMIN' })).errors).toBeUndefined();
    expect((await admin.client.request(CHANGE_ROLE, { userId: admin.user.id, role: 'APPROVER' })).errors).toBeUndefined();
    const lastRemove = await member.request(REMOVE, { userId: admin.user.id });
    expect(lastRemove.errors).toBeUndefined();
    const nowLast = await member.request(CHANGE_ROLE, { userId: memberId, role: 'VIEWER' });
    expect(nowLast.errors?.[0]?.extensions?.reason).toBe('LAST_ADMIN');
    expect((await member.request(CHANGE_ROLE, { userId: 'not-a-member', role: 'VIEWER' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const kinds = (await audit(organisationId)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'TEAM_ROLE_CHANGED')).toHaveLength(3);
    expect(kinds).toContain('TEAM_MEMBER_REMOVED');
  });

  it('removing a member ends their sessions and revokes their API keys at once', async () => {
    const { admin, member, memberId, organisationId } = await teamWith('ADMIN');
    const key = await member.request<{ createApiKey: { secret: string } }>('mutation { createApiKey(name: "Member bot", scope: READ) { secret } }');
    expect(key.errors).toBeUndefined();
    const secret = key.data!.createApiKey.secret;
    const withKey = () =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ suppliers { totalCount } }' }),
      }).then((r) => r.json() as Promise<{ errors?: { extensions: { code: string } }[] }>);
    expect((await withKey()).errors).toBeUndefined();

    const removed = await admin.client.request<{ removeTeamMember: { sessionsEnded: number; apiKeysRevoked: number } }>(REMOVE, { userId: memberId });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeTeamMember).toMatchObject({ sessionsEnded: 1, apiKeysRevoked: 1 });

    expect((await member.request(ME)).data).toEqual({ me: null });
    expect((await member.request(MEMBERS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await withKey()).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await admin.client.request<{ teamMembers: unknown[] }>(MEMBERS)).data!.teamMembers).toHaveLength(1);
    expect((await admin.client.request(REMOVE, { userId: memberId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const summary = (await audit(organisationId)).find((e) => e.kind === 'TEAM_MEMBER_REMOVED')!.summary;
    expect(summary).toMatch(/removed Sam ADMIN .*1 session ended, 1 API key revoked/);
  });
});

describe('team invitations without email', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await startTestApp();
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('shows the link to copy; joining from it does not verify the address', async () => {
    const admin = await signUpBuyer(plain.url);
    const email = uniqueEmail('copied');
    const invited = await admin.client.request<{ inviteTeammate: { invite: { emailed: boolean }; link: string } }>(INVITE, {
      input: { email, role: 'VIEWER' },
    });
    expect(invited.data!.inviteTeammate.invite.emailed).toBe(false);
    expect(invited.data!.inviteTeammate.link).toMatch(/^http:\/\/localhost:\d+\/join#token=[\w-]{43}$/);
    const token = invited.data!.inviteTeammate.link.split('#token=')[1]!;
    const joined = await browserClient(plain.url).request<{ acceptTeamInvite: { user: { role: string; emailVerified: boolean } } }>(ACCEPT, {
      input: { token, name: 'Vic Viewer', password: 'viewer password' },
    });
    expect(joined.data!.acceptTeamInvite.user).toEqual({
      id: expect.any(String),
      email,
      role: 'VIEWER',
      emailVerified: false,
      organisation: expect.any(Object),
    });
  });
});

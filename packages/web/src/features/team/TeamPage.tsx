import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { isSessionExpired } from '../../app/session-expiry';
import { Link } from '../../app/router';
import { useNow } from '../../app/useNow';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeading } from '../../components/PageHeading';
import { RetryAlert } from '../../components/RetryAlert';
import { Loading } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { Role, TeamPage_InviteFragment, TeamPage_MemberFragment } from '../../gql/graphql';
import type { CurrentUser } from '../accounts/current-user';
import { validateEmail } from '../accounts/validation';
import { CopyLink } from '../../components/CopyLink';
import { formatDate } from '../../components/format-date';
import { inviteExpiryText, ROLE_OPTIONS, roleName } from './team-text';
import './team.css';

graphql(`
  fragment TeamPage_member on TeamMember {
    id
    name
    email
    role
    joinedAt
    isYou
  }
`);

graphql(`
  fragment TeamPage_invite on TeamInvite {
    id
    email
    role
    invitedByName
    lastSentAt
    expiresAt
    expired
    emailed
  }
`);

const TeamMembersQuery = graphql(`
  query TeamMembers {
    teamMembers {
      ...TeamPage_member
    }
  }
`);

const TeamInvitesQuery = graphql(`
  query TeamInvites {
    teamInvites {
      ...TeamPage_invite
    }
  }
`);

const InviteTeammateMutation = graphql(`
  mutation InviteTeammate($input: InviteTeammateInput!) {
    inviteTeammate(input: $input) {
      invite {
        ...TeamPage_invite
      }
      link
    }
  }
`);

const ResendTeamInviteMutation = graphql(`
  mutation ResendTeamInvite($id: ID!) {
    resendTeamInvite(id: $id) {
      invite {
        ...TeamPage_invite
      }
      link
    }
  }
`);

const WithdrawTeamInviteMutation = graphql(`
  mutation WithdrawTeamInvite($id: ID!) {
    withdrawTeamInvite(id: $id) {
      id
    }
  }
`);

const ChangeTeamMemberRoleMutation = graphql(`
  mutation ChangeTeamMemberRole($userId: ID!, $role: Role!) {
    changeTeamMemberRole(userId: $userId, role: $role) {
      ...TeamPage_member
    }
  }
`);

const RemoveTeamMemberMutation = graphql(`
  mutation RemoveTeamMember($userId: ID!) {
    removeTeamMember(userId: $userId) {
      removedUserId
      sessionsEnded
      apiKeysRevoked
    }
  }
`);

type Member = TeamPage_MemberFragment;

/** The same checks as the sign-up form, worded for someone else's address. */
function validateTeammateEmail(value: string): string | null {
  return value.trim() ? validateEmail(value) : 'Enter the email address to invite.';
}
type Invite = TeamPage_InviteFragment;

/** What happened last, said once near the top of the page (and focused, so screen readers hear it). */
interface Outcome {
  text: string;
  /** A link to pass on when the server could not email it. */
  link?: string | null;
  tone?: 'error';
}

/**
 * Settings → Team. Everyone sees who is on the team; ADMINs invite people by email with a role, resend or
 * withdraw invitations, change roles and remove people (signed out at once). The last admin stays.
 */
export function TeamPage({ user }: { user: CurrentUser }) {
  const isAdmin = user.role === 'ADMIN';
  const members = useQuery(TeamMembersQuery, { fetchPolicy: 'cache-and-network' });
  const invites = useQuery(TeamInvitesQuery, { fetchPolicy: 'cache-and-network', skip: !isAdmin });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The session has gone: the app is already switching to sign-in (see app/session-expiry.ts), so no error shows.
  const expired = [members.error, invites.error].some((e) => e && isSessionExpired(e));

  const announce = (next: Outcome) => {
    setOutcome(next);
    window.setTimeout(() => outcomeRef.current?.focus(), 0);
  };
  const refresh = () => {
    void members.refetch().catch(() => undefined);
    if (isAdmin) void invites.refetch().catch(() => undefined);
  };

  return (
    <>
      <div className="page-header">
        <p className="breadcrumb">
          <Link to="/settings">Settings</Link> <span aria-hidden="true">/</span> Team
        </p>
        <PageHeading title="Team">Team</PageHeading>
        <p className="page-header__lead">
          {isAdmin
            ? `Who can use Vouch for ${user.organisation.name}. Invite people, choose what they can do, and remove access at once.`
            : `Who can use Vouch for ${user.organisation.name}. Admins invite people and change roles.`}
        </p>
      </div>

      {outcome ? (
        <div className={`notice team__outcome${outcome.tone === 'error' ? ' notice--warning' : ''}`} role="status" ref={outcomeRef} tabIndex={-1}>
          <p>{outcome.text}</p>
          {outcome.link ? (
            <>
              <CopyLink link={outcome.link} label="Invitation link" />
              <p className="muted">This server can’t send email, so send this link to them yourself. It works once, for 7 days, and is shown only now.</p>
            </>
          ) : null}
        </div>
      ) : null}

      <section className="card" aria-labelledby="team-members">
        <h2 id="team-members" className="card__title">
          Members
        </h2>
        {!members.data && members.loading ? <Loading label="Loading the team…" /> : null}
        {!members.data && members.error && !expired ? <RetryAlert error={members.error} onRetry={members.refetch} /> : null}
        {members.data ? (
          <MemberList members={members.data.teamMembers} isAdmin={isAdmin} onOutcome={announce} onChanged={refresh} />
        ) : null}
      </section>

      {isAdmin ? (
        <>
          <InviteForm onOutcome={announce} onChanged={refresh} />
          <section className="card" aria-labelledby="team-invites">
            <h2 id="team-invites" className="card__title">
              Invitations
            </h2>
            {!invites.data && invites.loading ? <Loading label="Loading invitations…" /> : null}
            {!invites.data && invites.error && !expired ? <RetryAlert error={invites.error} onRetry={invites.refetch} /> : null}
            {invites.data && invites.data.teamInvites.length === 0 ? <p className="muted">No invitations waiting to be accepted.</p> : null}
            {invites.data && invites.data.teamInvites.length > 0 ? (
              <InviteList invites={invites.data.teamInvites} onOutcome={announce} onChanged={refresh} />
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}

function MemberList({
  members,
  isAdmin,
  onOutcome,
  onChanged,
}: {
  members: Member[];
  isAdmin: boolean;
  onOutcome: (o: Outcome) => void;
  onChanged: () => void;
}) {
  const [changeRole, { loading: changing }] = useMutation(ChangeTeamMemberRoleMutation);
  const [remove, { loading: removing }] = useMutation(RemoveTeamMemberMutation);
  const [removingMember, setRemovingMember] = useState<Member | null>(null);
  const [selfDemotion, setSelfDemotion] = useState<{ member: Member; role: Role } | null>(null);
  const admins = members.filter((m) => m.role === 'ADMIN').length;

  const applyRole = async (member: Member, role: Role) => {
    try {
      await changeRole({ variables: { userId: member.id, role } });
      onOutcome({ text: `${member.name} is now ${/^[AEIOU]/.test(roleName(role)) ? 'an' : 'a'} ${roleName(role).toLowerCase()}.` });
      onChanged();
    } catch (caught) {
      onOutcome({ text: toUserFacingError(caught).message, tone: 'error' });
    }
  };

  const onRemove = async () => {
    if (!removingMember) return;
    const member = removingMember;
    try {
      const result = await remove({ variables: { userId: member.id } });
      const keys = result.data?.removeTeamMember.apiKeysRevoked ?? 0;
      onOutcome({ text: `Removed ${member.name}. They were signed out everywhere${keys ? ` and ${keys} API ${keys === 1 ? 'key' : 'keys'} they created stopped working` : ''}.` });
      onChanged();
    } catch (caught) {
      onOutcome({ text: toUserFacingError(caught).message, tone: 'error' });
    } finally {
      setRemovingMember(null);
    }
  };

  return (
    <>
      <ul className="team__list" aria-label="Team members">
        {members.map((member) => {
          const lastAdmin = member.role === 'ADMIN' && admins <= 1;
          return (
            <li key={member.id} className="team__row">
              <div className="team__who">
                <span className="team__name">
                  {member.name}
                  {member.isYou ? <span className="badge badge--neutral">You</span> : null}
                </span>
                <span className="team__email">{member.email}</span>
                <span className="muted team__meta">
                  Joined <time dateTime={member.joinedAt}>{formatDate(member.joinedAt)}</time>
                </span>
              </div>
              <div className="team__controls">
                {isAdmin ? (
                  <label className="team__role">
                    <span className="visually-hidden">Role for {member.name}</span>
                    <select
                      className="field__input"
                      value={member.role}
                      aria-disabled={changing || undefined}
                      title={lastAdmin ? 'The only admin: make someone else an admin first' : undefined}
                      onChange={(event) => {
                        const role = event.target.value as Role;
                        if (changing || role === member.role) return;
                        if (member.isYou && member.role === 'ADMIN') setSelfDemotion({ member, role });
                        else void applyRole(member, role);
                      }}
                    >
                      {ROLE_OPTIONS.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  <span className="badge">{roleName(member.role)}</span>
                )}
                {isAdmin && !member.isYou ? (
                  <button type="button" className="button button--small button--quiet" aria-label={`Remove ${member.name}`} onClick={() => setRemovingMember(member)}>
                    Remove
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {isAdmin ? (
        <p className="muted team__hint">
          {ROLE_OPTIONS.map((o) => (
            <span key={o.value} className="team__hint-item">
              <strong>{o.label}:</strong> {o.hint}{' '}
            </span>
          ))}
        </p>
      ) : null}

      <ConfirmDialog
        open={removingMember !== null}
        title={removingMember ? `Remove ${removingMember.name}?` : 'Remove member?'}
        confirmLabel="Remove from team"
        busyLabel="Removing…"
        tone="danger"
        busy={removing}
        onConfirm={() => void onRemove()}
        onCancel={() => setRemovingMember(null)}
      >
        <p>
          {removingMember?.name} ({removingMember?.email}) is signed out at once, everywhere, and any API keys they created
          stop working. What they did stays in the history. You can invite them again later.
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={selfDemotion !== null}
        title="Change your own role?"
        confirmLabel={selfDemotion ? `Become ${roleName(selfDemotion.role).toLowerCase()}` : 'Change role'}
        busyLabel="Changing…"
        busy={changing}
        onConfirm={() => {
          const pending = selfDemotion;
          setSelfDemotion(null);
          if (pending) void applyRole(pending.member, pending.role);
        }}
        onCancel={() => setSelfDemotion(null)}
      >
        <p>You will no longer be an admin: you won’t be able to manage the team, settings or API keys. Another admin can make you an admin again.</p>
      </ConfirmDialog>
    </>
  );
}

function InviteForm({ onOutcome, onChanged }: { onOutcome: (o: Outcome) => void; onChanged: () => void }) {
  const [invite, { loading }] = useMutation(InviteTeammateMutation, { fetchPolicy: 'no-cache' });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('APPROVER');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setProblem(null);
    const invalid = validateTeammateEmail(email);
    setEmailError(invalid);
    if (invalid) {
      emailRef.current?.focus();
      return;
    }
    try {
      const result = await invite({ variables: { input: { email: email.trim(), role } } });
      const payload = result.data?.inviteTeammate;
      if (payload) {
        onOutcome(
          payload.link
            ? { text: `Invitation for ${payload.invite.email} (${roleName(payload.invite.role).toLowerCase()}) is ready.`, link: payload.link }
            : { text: `Invitation sent to ${payload.invite.email} as ${roleName(payload.invite.role).toLowerCase()}. The link works for 7 days.` },
        );
      }
      setEmail('');
      setRole('APPROVER');
      onChanged();
    } catch (caught) {
      const error = toUserFacingError(caught);
      if (error.fields.email) {
        setEmailError(error.fields.email);
        emailRef.current?.focus();
      } else setProblem(error.message);
    }
  };

  return (
    <section className="card" aria-labelledby="team-invite">
      <h2 id="team-invite" className="card__title">
        Invite a teammate
      </h2>
      <p className="card__lead">They get an email with a link to choose their name and password. It works once, for 7 days.</p>
      <form className="form team__form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          ref={emailRef}
          label="Email"
          type="email"
          name="email"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          maxLength={254}
          value={email}
          error={emailError}
          onChange={(event) => {
            setEmail(event.target.value);
            if (emailError) setEmailError(validateTeammateEmail(event.target.value));
          }}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Role</legend>
          {ROLE_OPTIONS.map((option) => (
            <label key={option.value} className="checkbox">
              <input type="radio" name="role" value={option.value} checked={role === option.value} onChange={() => setRole(option.value)} />
              <span>
                {option.label}
                <span className="checkbox__hint">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {problem ? <Alert>{problem}</Alert> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={loading || undefined}>
            {loading ? 'Sending…' : 'Send invitation'}
          </button>
        </div>
      </form>
    </section>
  );
}

function InviteList({ invites, onOutcome, onChanged }: { invites: Invite[]; onOutcome: (o: Outcome) => void; onChanged: () => void }) {
  const now = useNow();
  const [resend, { loading: resending }] = useMutation(ResendTeamInviteMutation, { fetchPolicy: 'no-cache' });
  const [withdraw, { loading: withdrawing }] = useMutation(WithdrawTeamInviteMutation);
  const [withdrawingInvite, setWithdrawingInvite] = useState<Invite | null>(null);

  const onResend = async (invite: Invite) => {
    if (resending) return;
    try {
      const result = await resend({ variables: { id: invite.id } });
      const link = result.data?.resendTeamInvite.link ?? null;
      onOutcome(link ? { text: `A new link for ${invite.email} is ready; the old one no longer works.`, link } : { text: `Sent a new link to ${invite.email}; the old one no longer works.` });
      onChanged();
    } catch (caught) {
      onOutcome({ text: toUserFacingError(caught).message, tone: 'error' });
    }
  };

  const onWithdraw = async () => {
    if (!withdrawingInvite) return;
    const invite = withdrawingInvite;
    try {
      await withdraw({ variables: { id: invite.id } });
      onOutcome({ text: `Withdrew the invitation to ${invite.email}. Its link no longer works.` });
      onChanged();
    } catch (caught) {
      onOutcome({ text: toUserFacingError(caught).message, tone: 'error' });
    } finally {
      setWithdrawingInvite(null);
    }
  };

  return (
    <>
      <ul className="team__list" aria-label="Invitations">
        {invites.map((invite) => (
          <li key={invite.id} className="team__row">
            <div className="team__who">
              <span className="team__name">{invite.email}</span>
              <span className="muted team__meta">
                {roleName(invite.role)} · sent <time dateTime={invite.lastSentAt}>{formatDate(invite.lastSentAt)}</time> by {invite.invitedByName}
              </span>
              <span className={invite.expired ? 'badge badge--warning team__expiry' : 'muted team__meta'}>{inviteExpiryText(invite.expiresAt, invite.expired, now)}</span>
            </div>
            <div className="team__controls">
              <button type="button" className="button button--small" aria-label={`Resend invitation to ${invite.email}`} aria-disabled={resending || undefined} onClick={() => void onResend(invite)}>
                Resend
              </button>
              <button type="button" className="button button--small button--quiet" aria-label={`Withdraw invitation to ${invite.email}`} onClick={() => setWithdrawingInvite(invite)}>
                Withdraw
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={withdrawingInvite !== null}
        title={withdrawingInvite ? `Withdraw the invitation to ${withdrawingInvite.email}?` : 'Withdraw invitation?'}
        confirmLabel="Withdraw invitation"
        busyLabel="Withdrawing…"
        tone="danger"
        busy={withdrawing}
        onConfirm={() => void onWithdraw()}
        onCancel={() => setWithdrawingInvite(null)}
      >
        <p>The link they were sent stops working. You can invite them again later.</p>
      </ConfirmDialog>
    </>
  );
}

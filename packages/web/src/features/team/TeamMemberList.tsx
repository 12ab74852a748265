import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../components/format-date';
import { graphql } from '../../gql';
import type { Role, TeamPage_MemberFragment } from '../../gql/graphql';
import { useStepUp } from '../security/useStepUp';
import { ROLE_OPTIONS, roleName } from './team-text';
import type { Outcome } from './TeamPage';
import './team.css';

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

const ResetTeamMemberTwoFactorMutation = graphql(`
  mutation ResetTeamMemberTwoFactor($userId: ID!) {
    resetTeamMemberTwoFactor(userId: $userId) {
      userId
      sessionsEnded
    }
  }
`);

type Member = TeamPage_MemberFragment;

/** The team: each person's role (ADMINs change it; their own after a confirmation) and Remove (signed out at once). */
export function TeamMemberList({
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
  const [resetTwoFactor, { loading: resetting }] = useMutation(ResetTeamMemberTwoFactorMutation);
  const [resettingMember, setResettingMember] = useState<Member | null>(null);
  // Resetting someone's second factor asks for a fresh one of your own first.
  const stepUp = useStepUp();
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
      onOutcome({
        text: `Removed ${member.name}. They were signed out everywhere${keys ? ` and ${keys} API ${keys === 1 ? 'key' : 'keys'} they created stopped working` : ''}.`,
      });
      onChanged();
    } catch (caught) {
      onOutcome({ text: toUserFacingError(caught).message, tone: 'error' });
    } finally {
      setRemovingMember(null);
    }
  };

  const onResetTwoFactor = async () => {
    if (!resettingMember) return;
    const member = resettingMember;
    setResettingMember(null);
    try {
      await stepUp.run(() => resetTwoFactor({ variables: { userId: member.id } }));
      onOutcome({
        text: `Reset ${member.name}’s two-factor sign-in. They were signed out everywhere and emailed; they sign in with their password and set up a new one.`,
      });
      onChanged();
    } catch (caught) {
      onOutcome({ text: toUserFacingError(caught).message, tone: 'error' });
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
                  {' · '}
                  {member.twoFactorEnabled ? 'Two-factor on' : 'No two-factor'}
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
                {isAdmin && !member.isYou && member.twoFactorEnabled ? (
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Reset two-factor for ${member.name}`}
                    aria-disabled={resetting || undefined}
                    onClick={() => !resetting && setResettingMember(member)}
                  >
                    Reset two-factor
                  </button>
                ) : null}
                {isAdmin && !member.isYou ? (
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Remove ${member.name}`}
                    onClick={() => setRemovingMember(member)}
                  >
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
          {removingMember?.name} ({removingMember?.email}) is signed out at once, everywhere, and any API keys they created stop working. What they did stays in
          the history. You can invite them again later.
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={resettingMember !== null}
        title={resettingMember ? `Reset ${resettingMember.name}’s two-factor sign-in?` : 'Reset two-factor sign-in?'}
        confirmLabel="Reset two-factor"
        busyLabel="Resetting…"
        tone="danger"
        busy={resetting}
        onConfirm={() => void onResetTwoFactor()}
        onCancel={() => setResettingMember(null)}
      >
        <p>
          For a lost phone or security key. {resettingMember?.name}’s authenticator app, passkeys and recovery codes stop working, they are signed out
          everywhere and emailed. They sign in with their password and set up a new second factor. Check it is really them asking, on a number you already have.
        </p>
      </ConfirmDialog>
      {stepUp.dialog}

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

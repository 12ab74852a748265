import { useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { isSessionExpired } from '../../app/session-expiry';
import { Link } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { RetryAlert } from '../../components/RetryAlert';
import { Loading } from '../../components/Spinner';
import { graphql } from '../../gql';
import type { CurrentUser } from '../accounts/current-user';
import { CopyLink } from '../../components/CopyLink';
import { TeamInviteForm } from './TeamInviteForm';
import { TeamInviteList } from './TeamInviteList';
import { TeamMemberList } from './TeamMemberList';
import './team.css';

graphql(`
  fragment TeamPage_member on TeamMember {
    id
    name
    email
    role
    joinedAt
    isYou
    twoFactorEnabled
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

/** What happened last, said once near the top of the page (and focused, so screen readers hear it). */
export interface Outcome {
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
        {members.data ? <TeamMemberList members={members.data.teamMembers} isAdmin={isAdmin} onOutcome={announce} onChanged={refresh} /> : null}
      </section>

      {isAdmin ? (
        <>
          <TeamInviteForm onOutcome={announce} onChanged={refresh} />
          <section className="card" aria-labelledby="team-invites">
            <h2 id="team-invites" className="card__title">
              Invitations
            </h2>
            {!invites.data && invites.loading ? <Loading label="Loading invitations…" /> : null}
            {!invites.data && invites.error && !expired ? <RetryAlert error={invites.error} onRetry={invites.refetch} /> : null}
            {invites.data && invites.data.teamInvites.length === 0 ? <p className="muted">No invitations waiting to be accepted.</p> : null}
            {invites.data && invites.data.teamInvites.length > 0 ? (
              <TeamInviteList invites={invites.data.teamInvites} onOutcome={announce} onChanged={refresh} />
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}

import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Link, useRouter } from '../../app/router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import { AuthLayout } from '../accounts/AuthLayout';
import { forgetCurrentUser, writeCurrentUser, type CurrentUser } from '../accounts/current-user';
import { useAuthForm } from '../accounts/useAuthForm';
import { validateName, validateNewPassword } from '../accounts/validation';
import { joinTokenFromHash, roleName } from './team-text';

const TeamInvitePreviewQuery = graphql(`
  query TeamInvitePreview($token: String!) {
    teamInvitePreview(token: $token) {
      organisationName
      email
      role
      invitedByName
    }
  }
`);

const AcceptTeamInviteMutation = graphql(`
  mutation AcceptTeamInvite($input: AcceptTeamInviteInput!) {
    acceptTeamInvite(input: $input) {
      user {
        ...CurrentUser_user
      }
    }
  }
`);

const SignOutToJoinMutation = graphql(`
  mutation SignOutToJoin {
    signOut
  }
`);

const FIELDS = ['name', 'password'] as const;

/**
 * `/join#token=…`, the link in a team invitation: shows who invited whom to what, then the invitee chooses a
 * name and password and is signed in. The token stays in the fragment (never sent to a server or a log).
 */
export function JoinTeamPage({ signedInAs }: { signedInAs: CurrentUser | null }) {
  const [token] = useState(() => joinTokenFromHash(window.location.hash));
  if (!token) {
    return (
      <AuthLayout title="Join your team" intro="This invitation link is not complete." footer={<Link to="/sign-in">Sign in</Link>}>
        <Alert>Copy the whole link from the invitation email, or ask whoever invited you to send a new one.</Alert>
      </AuthLayout>
    );
  }
  return signedInAs ? <SignedInElsewhere user={signedInAs} /> : <JoinForm token={token} />;
}

function SignedInElsewhere({ user }: { user: CurrentUser }) {
  const client = useApolloClient();
  const [signOut, { loading }] = useMutation(SignOutToJoinMutation);
  return (
    <AuthLayout title="Join your team" intro={`You’re signed in as ${user.name} (${user.email}).`} footer={<Link to="/suppliers">Back to Vouch</Link>}>
      <p>To accept this invitation as a new person, sign out first. The invitation stays open.</p>
      <button
        type="button"
        className="button button--primary button--block"
        aria-disabled={loading || undefined}
        onClick={() =>
          void signOut()
            .catch(() => undefined)
            .then(() => forgetCurrentUser(client))
        }
      >
        {loading ? 'Signing out…' : 'Sign out and continue'}
      </button>
    </AuthLayout>
  );
}

function JoinForm({ token }: { token: string }) {
  const client = useApolloClient();
  const { navigate } = useRouter();
  const preview = useQuery(TeamInvitePreviewQuery, { variables: { token }, fetchPolicy: 'network-only' });
  const [accept] = useMutation(AcceptTeamInviteMutation);
  const invite = preview.data?.teamInvitePreview;

  const form = useAuthForm({
    initial: { name: '', password: '' },
    order: FIELDS,
    validators: { name: (v) => validateName(v, 'your name'), password: validateNewPassword },
    submit: async (values) => {
      const result = await accept({ variables: { input: { token, name: values.name.trim(), password: values.password } } });
      if (result.data) {
        // One render: the address and the signed-in user change together.
        navigate('/suppliers', { replace: true });
        writeCurrentUser(client.cache, result.data.acceptTeamInvite.user);
      }
    },
  });

  if (!invite) {
    return (
      <AuthLayout
        title="Join your team"
        intro="Opening your invitation."
        footer={
          <>
            Already have an account? <Link to="/sign-in">Sign in</Link>
          </>
        }
      >
        {preview.error ? <Alert>{toUserFacingError(preview.error).message}</Alert> : <Loading label="Opening your invitation…" />}
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title={`Join ${invite.organisationName}`}
      intro={`${invite.invitedByName} invited you to ${invite.organisationName} on Vouch as ${/^[AEIOU]/.test(roleName(invite.role)) ? 'an' : 'a'} ${roleName(invite.role).toLowerCase()}.`}
      footer={
        <>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <form className="form" noValidate onSubmit={form.onSubmit} aria-label="Join the team">
        {form.formError ? <Alert>{form.formError}</Alert> : null}
        <dl className="details join__email">
          <div className="details__row">
            <dt>Email</dt>
            <dd>{invite.email}</dd>
          </div>
        </dl>
        <TextField label="Your name" autoComplete="name" maxLength={200} {...form.field('name')} />
        <TextField label="Choose a password" type="password" autoComplete="new-password" hint="At least 10 characters." {...form.field('password')} />
        <button type="submit" className="button button--primary button--block" aria-disabled={form.submitting || undefined}>
          {form.submitting ? 'Joining…' : `Join ${invite.organisationName}`}
        </button>
      </form>
    </AuthLayout>
  );
}

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { errorReason } from '../../app/errors';
import { Link, useRouter } from '../../app/router';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import { AuthLayout } from './AuthLayout';
import { forgetCurrentUser } from './current-user';
import { signUpTokenFromHash } from './ConfirmSignUpPage';
import { useAuthForm } from './useAuthForm';
import { validateNewPassword } from './validation';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      email
    }
  }
`);

/** Reasons after which the link is spent: the page offers a new one instead of the form. */
const DEAD_LINK = new Set(['PASSWORD_RESET_LINK_INVALID', 'PASSWORD_RESET_LINK_EXPIRED', 'PASSWORD_RESET_LINK_USED']);

/**
 * `/reset-password#token=…`, the emailed link: choose a new password. Every session of the account ends,
 * and the person signs in again (a second factor may be asked for there).
 */
export function ResetPasswordPage({ signInHref }: { signInHref: string }) {
  const client = useApolloClient();
  const { navigate } = useRouter();
  const [token] = useState(() => signUpTokenFromHash(window.location.hash));
  const [reset] = useMutation(ResetPasswordMutation);
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const [deadLink, setDeadLink] = useState(false);
  const typedPassword = useRef('');
  const form = useAuthForm({
    initial: { password: '', confirm: '' },
    order: ['password', 'confirm'] as const,
    validators: {
      password: validateNewPassword,
      confirm: (value) => (!value ? 'Type the new password again.' : value !== typedPassword.current ? 'The two passwords don’t match.' : null),
    },
    submit: async (values) => {
      try {
        const result = await reset({ variables: { input: { token: token ?? '', password: values.password } } });
        if (result.data) setDoneFor(result.data.resetPassword.email);
      } catch (error) {
        if (DEAD_LINK.has(errorReason(error) ?? '')) setDeadLink(true);
        throw error;
      }
    },
  });
  typedPassword.current = form.values.password;

  if (doneFor) {
    return (
      <AuthLayout title="Password changed" intro="Your new password is set." footer={<>Signed out everywhere for {doneFor}.</>}>
        <div role="status" className="notice">
          <p>You were signed out everywhere, including any browser someone else might have been using. Sign in with your new password.</p>
        </div>
        <button
          type="button"
          className="button button--primary button--block"
          // Every session ended, this browser's too if it was signed in: forget it, then sign in afresh.
          onClick={() => void forgetCurrentUser(client, () => navigate(signInHref))}
        >
          Sign in
        </button>
      </AuthLayout>
    );
  }

  if (!token) {
    return (
      <AuthLayout title="Reset your password" intro="This reset link is not complete." footer={<Link to="/forgot-password">Send a new link</Link>}>
        <Alert>Copy the whole link from the email, or ask for a new one.</Alert>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Choose a new password"
      intro="Setting it signs your account out everywhere."
      footer={deadLink ? <Link to="/forgot-password">Send a new link</Link> : <Link to={signInHref}>Back to sign in</Link>}
    >
      <form className="form" noValidate onSubmit={form.onSubmit} aria-label="Choose a new password">
        {form.formError ? <Alert>{form.formError}</Alert> : null}
        <TextField label="New password" type="password" autoComplete="new-password" hint="At least 10 characters." {...form.field('password')} />
        <TextField label="New password again" type="password" autoComplete="new-password" {...form.field('confirm')} />
        <button type="submit" className="button button--primary button--block" aria-disabled={form.submitting || undefined}>
          {form.submitting ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </AuthLayout>
  );
}

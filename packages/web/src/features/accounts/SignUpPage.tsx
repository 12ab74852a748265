import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { Link } from '../../app/router';
import { graphql } from '../../gql';
import { AuthLayout } from './AuthLayout';
import { writeCurrentUser } from './current-user';
import { useAuthForm } from './useAuthForm';
import { PASSWORD_MIN, validateEmail, validateName, validateNewPassword } from './validation';

const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        ...CurrentUser_user
      }
      confirmationSentTo
    }
  }
`);

const FIELDS = ['organisationName', 'name', 'email', 'password'] as const;

export function SignUpPage({ signInHref }: { signInHref: string }) {
  const client = useApolloClient();
  const [signUp] = useMutation(SignUpMutation);
  // Set when the server emailed a link to finish (it answers this way whether or not the address is new).
  const [sentTo, setSentTo] = useState<string | null>(null);

  const form = useAuthForm({
    initial: { organisationName: '', name: '', email: '', password: '' },
    order: FIELDS,
    validators: {
      organisationName: (v) => validateName(v, 'your organisation’s name'),
      name: (v) => validateName(v, 'your name'),
      email: validateEmail,
      password: validateNewPassword,
    },
    submit: async (values) => {
      const result = await signUp({
        variables: {
          input: {
            organisationName: values.organisationName.trim(),
            name: values.name.trim(),
            email: values.email.trim(),
            password: values.password,
          },
        },
      });
      const payload = result.data?.signUp;
      // Signed in at once: the server has set the session cookie; the app shell re-renders as signed in.
      if (payload?.user) writeCurrentUser(client.cache, payload.user);
      else if (payload?.confirmationSentTo) setSentTo(payload.confirmationSentTo);
    },
  });

  if (sentTo) {
    return (
      <AuthLayout
        title="Check your email"
        intro="One more step: open the link we emailed to finish creating your account."
        footer={
          <>
            Already have an account? <Link to={signInHref}>Sign in</Link>
          </>
        }
      >
        <Alert tone="info">
          We sent an email to <strong>{sentTo}</strong>. The link in it works for 24 hours. Nothing there? Check your spam folder, or start again.
        </Alert>
        <button type="button" className="button button--quiet" onClick={() => setSentTo(null)}>
          Start again
        </button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Create your account"
      intro="Set up Vouch for your organisation. You can invite your team later."
      footer={
        <>
          Already have an account? <Link to={signInHref}>Sign in</Link>
        </>
      }
    >
      <form className="form" noValidate onSubmit={form.onSubmit} aria-label="Create your account">
        {form.formError ? <Alert>{form.formError}</Alert> : null}
        <TextField label="Organisation name" autoComplete="organization" {...form.field('organisationName')} />
        <TextField label="Your name" autoComplete="name" {...form.field('name')} />
        <TextField
          label="Work email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}

          {...form.field('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters.`}

          {...form.field('password')}
        />
        <button type="submit" className="button button--primary button--block" aria-disabled={form.submitting || undefined}>
          {form.submitting ? 'Creating account…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}

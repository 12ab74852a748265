import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { SecondFactorMethod } from '../security/SecondFactorForm';
import { PasskeySignInButton, SignInSecondStep } from '../security/SignInSecondStep';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { Link } from '../../app/router';
import { graphql } from '../../gql';
import { AuthLayout } from './AuthLayout';
import { writeCurrentUser } from './current-user';
import { useAuthForm } from './useAuthForm';
import { validateCurrentPassword, validateEmail } from './validation';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        ...CurrentUser_user
      }
      secondFactor {
        methods
      }
    }
  }
`);

const FIELDS = ['email', 'password'] as const;

export function SignInPage({ signUpHref }: { signUpHref: string }) {
  const client = useApolloClient();
  const [signIn] = useMutation(SignInMutation);
  // The password was right and the account has two-factor: the second step replaces the form.
  const [secondFactor, setSecondFactor] = useState<readonly SecondFactorMethod[] | null>(null);

  const form = useAuthForm({
    initial: { email: '', password: '' },
    order: FIELDS,
    validators: { email: validateEmail, password: validateCurrentPassword },
    submit: async (values) => {
      const result = await signIn({
        variables: { input: { email: values.email.trim(), password: values.password } },
      });
      if (result.data?.signIn.user) writeCurrentUser(client.cache, result.data.signIn.user);
      else if (result.data?.signIn.secondFactor) setSecondFactor(result.data.signIn.secondFactor.methods);
    },
  });

  if (secondFactor) return <SignInSecondStep methods={secondFactor} onStartAgain={() => setSecondFactor(null)} />;

  return (
    <AuthLayout
      title="Sign in"
      intro="Welcome back. Sign in to manage your suppliers."
      footer={
        <>
          New to Vouch? <Link to={signUpHref}>Create an account</Link>
        </>
      }
    >
      <form className="form" noValidate onSubmit={form.onSubmit} aria-label="Sign in">
        {form.formError ? <Alert>{form.formError}</Alert> : null}
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}

          {...form.field('email')}
        />
        <TextField label="Password" type="password" autoComplete="current-password" {...form.field('password')} />
        <p className="muted">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <button type="submit" className="button button--primary button--block" aria-disabled={form.submitting || undefined}>
          {form.submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <PasskeySignInButton />
    </AuthLayout>
  );
}

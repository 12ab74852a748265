import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from '../../app/router';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import { AuthLayout } from './AuthLayout';
import { useAuthForm } from './useAuthForm';
import { validateEmail } from './validation';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      sentTo
    }
  }
`);

/** `/forgot-password`: asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage({ signInHref }: { signInHref: string }) {
  const [request] = useMutation(RequestPasswordResetMutation);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useAuthForm({
    initial: { email: '' },
    order: ['email'] as const,
    validators: { email: validateEmail },
    submit: async (values) => {
      const result = await request({ variables: { input: { email: values.email.trim() } } });
      if (result.data) setSentTo(result.data.requestPasswordReset.sentTo);
    },
  });

  if (sentTo) {
    return (
      <AuthLayout
        title="Check your email"
        intro="If there’s a Vouch account for that address, a reset link is on its way."
        footer={<Link to={signInHref}>Back to sign in</Link>}
      >
        <div role="status" className="notice">
          <p>
            We sent a link to <strong>{sentTo}</strong> if it belongs to an account. It works for 45 minutes, once.
          </p>
          <p className="muted">Nothing arrived? Check spam, or make sure you typed the address you sign in with.</p>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Reset your password"
      intro="Enter the email you sign in with. We’ll send you a link to choose a new password."
      footer={
        <>
          Remembered it? <Link to={signInHref}>Sign in</Link>
        </>
      }
    >
      <form className="form" noValidate onSubmit={form.onSubmit} aria-label="Reset your password">
        {form.formError ? <Alert>{form.formError}</Alert> : null}
        <TextField label="Email" type="email" autoComplete="email" inputMode="email" spellCheck={false} {...form.field('email')} />
        <button type="submit" className="button button--primary button--block" aria-disabled={form.submitting || undefined}>
          {form.submitting ? 'Sending…' : 'Send reset link'}
        </button>
      </form>
    </AuthLayout>
  );
}

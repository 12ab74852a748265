import { useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { Link } from '../../app/router';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import { useAuthForm } from './useAuthForm';
import { validateCurrentPassword, validateNewPassword } from './validation';
import './accounts.css';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      otherSessionsEnded
    }
  }
`);

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;

/** Settings → Password: needs the current one; your other sessions are signed out. */
export function ChangePasswordSection({ onChanged }: { onChanged?: () => void }) {
  const [change] = useMutation(ChangePasswordMutation);
  const [done, setDone] = useState<string | null>(null);
  const typed = useRef('');
  const form = useAuthForm({
    initial: { currentPassword: '', newPassword: '', confirm: '' },
    order: FIELDS,
    validators: {
      currentPassword: validateCurrentPassword,
      newPassword: validateNewPassword,
      confirm: (value) => (!value ? 'Type the new password again.' : value !== typed.current ? 'The two passwords don’t match.' : null),
    },
    submit: async (values) => {
      setDone(null);
      const result = await change({ variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } } });
      const ended = result.data?.changePassword.otherSessionsEnded ?? 0;
      setDone(`Password changed.${ended ? ` ${ended} other ${ended === 1 ? 'session was' : 'sessions were'} signed out.` : ''}`);
      onChanged?.();
    },
  });
  typed.current = form.values.newPassword;

  return (
    <section className="card" aria-labelledby="settings-password">
      <h2 id="settings-password" className="card__title">
        Password
      </h2>
      <p className="card__lead">Changing it needs your current one, and signs out your other sessions.</p>
      {done ? (
        <p role="status" className="notice">
          {done}
        </p>
      ) : null}
      <form className="form password__form" noValidate onSubmit={form.onSubmit} aria-label="Change password">
        {form.formError ? <Alert>{form.formError}</Alert> : null}
        <TextField label="Current password" type="password" autoComplete="current-password" {...form.field('currentPassword')} />
        <TextField label="New password" type="password" autoComplete="new-password" hint="At least 10 characters." {...form.field('newPassword')} />
        <TextField label="New password again" type="password" autoComplete="new-password" {...form.field('confirm')} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={form.submitting || undefined}>
            {form.submitting ? 'Saving…' : 'Change password'}
          </button>
          <Link to="/forgot-password" className="muted">
            Forgot it?
          </Link>
        </div>
      </form>
    </section>
  );
}

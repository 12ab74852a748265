import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { validateEmail } from '../accounts/validation';
import { ROLE_OPTIONS, roleName } from './team-text';
import type { Outcome } from './TeamPage';
import './team.css';

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

/** The same checks as the sign-up form, worded for someone else's address. */
function validateTeammateEmail(value: string): string | null {
  return value.trim() ? validateEmail(value) : 'Enter the email address to invite.';
}

/** "Invite a teammate": an email address and a role; the link is emailed, or shown once without email. */
export function TeamInviteForm({ onOutcome, onChanged }: { onOutcome: (o: Outcome) => void; onChanged: () => void }) {
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

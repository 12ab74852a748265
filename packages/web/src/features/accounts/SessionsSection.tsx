import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { relativeTime } from '../../app/relative-time';
import { useNow } from '../../app/useNow';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RetryAlert } from '../../components/RetryAlert';
import { Loading } from '../../components/Spinner';
import { graphql } from '../../gql';
import type { SessionsSection_SessionFragment } from '../../gql/graphql';
import { formatDateTime } from '../../components/format-date';
import './accounts.css';

graphql(`
  fragment SessionsSection_session on ActiveSession {
    id
    browser
    ip
    signedInAt
    lastSeenAt
    current
  }
`);

const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      ...SessionsSection_session
    }
  }
`);

const EndSessionMutation = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id)
  }
`);

const EndOtherSessionsMutation = graphql(`
  mutation EndOtherSessions {
    endOtherSessions
  }
`);

type Session = SessionsSection_SessionFragment;

/**
 * Settings → Sessions: the browsers signed in to your account (this one first), each with where and when;
 * sign any other out at once, or all of them.
 */
export function SessionsSection() {
  const now = useNow();
  const { data, error, loading, refetch } = useQuery(MySessionsQuery, { fetchPolicy: 'cache-and-network' });
  const [endSession, { loading: ending }] = useMutation(EndSessionMutation);
  const [endOthers, { loading: endingOthers }] = useMutation(EndOtherSessionsMutation);
  const [confirmAll, setConfirmAll] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const sessions = data?.mySessions ?? [];
  const others = sessions.filter((s) => !s.current);

  const onEnd = async (session: Session) => {
    if (ending) return;
    setProblem(null);
    try {
      await endSession({ variables: { id: session.id } });
      setOutcome(`Signed out ${session.browser}${session.ip ? ` (${session.ip})` : ''}.`);
    } catch (caught) {
      setProblem(toUserFacingError(caught).message);
    }
    void refetch().catch(() => undefined);
  };

  const onEndOthers = async () => {
    setProblem(null);
    try {
      const result = await endOthers();
      const count = result.data?.endOtherSessions ?? 0;
      setOutcome(count ? `Signed out ${count} other ${count === 1 ? 'session' : 'sessions'}.` : 'There were no other sessions.');
    } catch (caught) {
      setProblem(toUserFacingError(caught).message);
    } finally {
      setConfirmAll(false);
    }
    void refetch().catch(() => undefined);
  };

  return (
    <section className="card" id="sessions" aria-labelledby="settings-sessions">
      <h2 id="settings-sessions" className="card__title">
        Sessions
      </h2>
      <p className="card__lead">Browsers signed in to your account. If you don’t recognise one, sign it out and change your password.</p>
      {outcome ? (
        <p role="status" className="notice">
          {outcome}
        </p>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}
      {!data && loading ? <Loading label="Loading sessions…" /> : null}
      {!data && error ? <RetryAlert error={error} onRetry={refetch} /> : null}
      {sessions.length > 0 ? (
        <ul className="sessions__list" aria-label="Your sessions">
          {sessions.map((session) => (
            <li key={session.id} className="sessions__row">
              <div className="sessions__who">
                <span className="sessions__browser">
                  {session.browser}
                  {session.current ? <span className="badge badge--success">This browser</span> : null}
                </span>
                <span className="muted sessions__meta">
                  {session.ip ? <>IP {session.ip} · </> : null}
                  Signed in <time dateTime={session.signedInAt}>{formatDateTime(session.signedInAt)}</time>
                  {' · '}
                  {session.current ? (
                    'Active now'
                  ) : (
                    <>
                      Last seen{' '}
                      <time dateTime={session.lastSeenAt} title={formatDateTime(session.lastSeenAt)}>
                        {relativeTime(session.lastSeenAt, now) ?? formatDateTime(session.lastSeenAt)}
                      </time>
                    </>
                  )}
                </span>
              </div>
              {!session.current ? (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={`Sign out ${session.browser}${session.ip ? ` at ${session.ip}` : ''}`}
                  aria-disabled={ending || undefined}
                  onClick={() => void onEnd(session)}
                >
                  Sign out
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <div className="card__actions">
          <button type="button" className="button" onClick={() => setConfirmAll(true)}>
            Sign out all other sessions
          </button>
        </div>
      ) : data ? (
        <p className="muted">You’re signed in only here.</p>
      ) : null}
      <ConfirmDialog
        open={confirmAll}
        title="Sign out all other sessions?"
        confirmLabel="Sign them out"
        busyLabel="Signing out…"
        tone="danger"
        busy={endingOthers}
        onConfirm={() => void onEndOthers()}
        onCancel={() => setConfirmAll(false)}
      >
        <p>{others.length === 1 ? 'The other browser' : `The other ${others.length} browsers`} will be signed out at once. This browser stays signed in.</p>
      </ConfirmDialog>
    </section>
  );
}

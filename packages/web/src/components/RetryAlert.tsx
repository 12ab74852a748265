import { toUserFacingError } from '../app/errors';
import { Alert } from './Alert';

/** A failed load: the error in words and a Try again button. */
export function RetryAlert({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  return (
    <Alert>
      <p>{toUserFacingError(error).message}</p>
      <button type="button" className="button button--small" onClick={() => void Promise.resolve(onRetry()).catch(() => undefined)}>
        Try again
      </button>
    </Alert>
  );
}

import { CombinedGraphQLErrors } from '@apollo/client';

/** The API asks for a fresh second factor (FORBIDDEN, reason STEP_UP_REQUIRED) before a sensitive action. */
export function isStepUpRequired(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.reason === 'STEP_UP_REQUIRED');
}

/** The browser's passkey prompt was dismissed or timed out: not an error worth a red alert. */
export function isPasskeyCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}

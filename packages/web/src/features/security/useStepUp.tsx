import { useCallback, useRef, useState, type ReactNode } from 'react';
import { isStepUpRequired } from './step-up-error';
import { StepUpDialog } from './StepUpDialog';

/**
 * Runs a sensitive mutation; when the API answers STEP_UP_REQUIRED, asks for a fresh second factor in a
 * dialog and runs it once more. Cancelling rethrows the original error (its message says what is needed).
 *
 *   const stepUp = useStepUp();
 *   await stepUp.run(() => accept({ variables }));
 *   …{stepUp.dialog}
 */
export function useStepUp(): { run: <T>(action: () => Promise<T>) => Promise<T>; dialog: ReactNode } {
  const [open, setOpen] = useState(false);
  const resolver = useRef<((verified: boolean) => void) | null>(null);

  const ask = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setOpen(true);
      }),
    [],
  );

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T> => {
      try {
        return await action();
      } catch (error) {
        if (!isStepUpRequired(error)) throw error;
        if (!(await ask())) throw error;
        return await action();
      }
    },
    [ask],
  );

  const onDone = useCallback((verified: boolean) => {
    setOpen(false);
    resolver.current?.(verified);
    resolver.current = null;
  }, []);

  return { run, dialog: <StepUpDialog open={open} onDone={onDone} /> };
}

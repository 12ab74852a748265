import { forwardRef, type InputHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby' | 'aria-invalid'> & {
  label: string;
  /** Persistent help text, announced with the input. */
  hint?: string;
  /** Validation message; marks the input invalid and is announced with it. */
  error?: string | null;
};

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField({ label, hint, error, className, ...inputProps }, ref) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => <input ref={ref} {...control} {...inputProps} />}
    </FieldFrame>
  );
});

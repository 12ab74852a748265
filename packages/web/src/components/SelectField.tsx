import { forwardRef, type ReactNode, type SelectHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame';

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-describedby' | 'aria-invalid'> & {
  label: string;
  hint?: string;
  error?: string | null;
  children: ReactNode;
};

/** A labelled <select> with hint and error tied to it, like TextField. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, hint, error, className, children, ...selectProps },
  ref,
) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select ref={ref} {...control} {...selectProps}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
});

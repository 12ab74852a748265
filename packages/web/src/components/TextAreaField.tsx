import { forwardRef, type TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame';

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-describedby' | 'aria-invalid'> & {
  label: string;
  hint?: string;
  error?: string | null;
};

/** A labelled <textarea> with hint and error tied to it, like TextField (3 rows unless told). */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, hint, error, className, rows = 3, ...textareaProps },
  ref,
) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => <textarea ref={ref} {...control} className={`${control.className} field__input--textarea`} rows={rows} {...textareaProps} />}
    </FieldFrame>
  );
});

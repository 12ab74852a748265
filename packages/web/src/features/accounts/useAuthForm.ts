import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';

type Validators<F extends string> = Record<F, (value: string) => string | null>;

/**
 * Form state for the auth pages: validate on submit, then re-validate a field as it is edited so a
 * fixed mistake clears immediately. Server field errors (extensions.fields) land next to their inputs;
 * anything else becomes the form's alert. Focus moves to the first invalid input.
 */
export function useAuthForm<F extends string>(options: {
  initial: Record<F, string>;
  validators: Validators<F>;
  order: readonly F[];
  submit: (values: Record<F, string>) => Promise<void>;
}) {
  const { initial, validators, order, submit } = options;
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const inputs = useRef<Partial<Record<F, HTMLInputElement | null>>>({});

  const validateAll = (next: Record<F, string>) => {
    const errors: Partial<Record<F, string>> = {};
    for (const field of order) {
      const message = validators[field](next[field]);
      if (message) errors[field] = message;
    }
    return errors;
  };

  const focusFirst = (errors: Partial<Record<F, string>>) => {
    const first = order.find((field) => errors[field]);
    if (first) inputs.current[first]?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setAttempted(true);
    setFormError(null);
    const errors = validateAll(values);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirst(errors);
      return;
    }
    setSubmitting(true);
    try {
      await submit(values);
    } catch (error) {
      const problem = toUserFacingError(error);
      const serverFieldErrors: Partial<Record<F, string>> = {};
      for (const field of order) {
        const message = problem.fields[field];
        if (message) serverFieldErrors[field] = message;
      }
      setFieldErrors(serverFieldErrors);
      setFormError(problem.message);
      focusFirst(serverFieldErrors);
    } finally {
      setSubmitting(false);
    }
  };

  const field = (name: F) => ({
    name,
    value: values[name],
    error: fieldErrors[name] ?? null,
    ref: (element: HTMLInputElement | null) => {
      inputs.current[name] = element;
    },
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.target.value;
      setValues((previous) => ({ ...previous, [name]: value }));
      if (attempted) {
        setFieldErrors((previous) => ({ ...previous, [name]: validators[name](value) ?? undefined }));
      }
    },
  });

  return { values, field, formError, submitting, onSubmit };
}

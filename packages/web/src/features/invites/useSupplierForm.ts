import { useMemo, useState } from 'react';
import {
  emptyPayment,
  newPerson,
  validateSupplierForm,
  type AddressState,
  type FormErrors,
  type PaymentState,
  type PersonState,
  type PhoneState,
  type SupplierFormState,
} from './supplier-form';

/** What a text input bound to one path of the form takes (spread into TextField). */
export interface FieldBinding {
  name: string;
  value: string;
  error: string | null;
  onChange: (event: { target: { value: string } }) => void;
  onBlur: () => void;
}

/** Binds an input to `path` (the server's field path, e.g. `phones[0].number`). */
export type Bind = (path: string, value: string, update: (value: string) => void) => FieldBinding;

/** The changes a section can make to the form. */
export interface SupplierFormEdits {
  setTop: <K extends keyof SupplierFormState>(key: K, value: SupplierFormState[K]) => void;
  setPhone: (index: number, key: keyof PhoneState, value: string) => void;
  setAddress: (index: number, key: keyof AddressState, value: string) => void;
  setPerson: (index: number, key: keyof PersonState, value: string) => void;
  addPerson: () => void;
  removePerson: (index: number) => void;
  setPayment: (key: keyof PaymentState, value: string) => void;
  /** Ticking or unticking "Update my bank details" starts the numbers afresh. */
  setUpdatePayment: (on: boolean) => void;
}

/**
 * The supplier details form's state: the values, which inputs were left (their client messages show from
 * then on, or after a first submit), and the server's messages per path until that input changes.
 */
export function useSupplierForm(initial: () => SupplierFormState) {
  const [form, setForm] = useState<SupplierFormState>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>({});

  const clientErrors = useMemo(() => validateSupplierForm(form), [form]);
  const errorFor = (path: string): string | null => serverErrors[path] ?? (submitAttempted || touched.has(path) ? (clientErrors[path] ?? null) : null);

  const clearServer = (path: string) => {
    if (serverErrors[path]) {
      setServerErrors(({ [path]: _gone, ...rest }) => rest);
    }
  };
  const touch = (path: string) => setTouched((prev) => (prev.has(path) ? prev : new Set(prev).add(path)));

  const bind: Bind = (path, value, update) => ({
    name: path,
    value,
    error: errorFor(path),
    onChange: (event) => {
      update(event.target.value);
      clearServer(path);
    },
    onBlur: () => touch(path),
  });

  const edits: SupplierFormEdits = {
    setTop: (key, value) => setForm((prev) => ({ ...prev, [key]: value })),
    setPhone: (index, key, value) => setForm((prev) => ({ ...prev, phones: prev.phones.map((p, i) => (i === index ? { ...p, [key]: value } : p)) })),
    setAddress: (index, key, value) =>
      setForm((prev) => ({
        ...prev,
        addresses: prev.addresses.map((a, i) => (i === index ? { ...a, [key]: value } : a)),
      })),
    setPerson: (index, key, value) =>
      setForm((prev) => ({
        ...prev,
        contactPersons: prev.contactPersons.map((p, i) => (i === index ? { ...p, [key]: value } : p)),
      })),
    addPerson: () => setForm((prev) => ({ ...prev, contactPersons: [...prev.contactPersons, newPerson()] })),
    removePerson: (index) => {
      setForm((prev) => ({ ...prev, contactPersons: prev.contactPersons.filter((_, j) => j !== index) }));
      // Paths shift after a removal; stale server messages would point at the wrong person.
      setServerErrors({});
    },
    setPayment: (key, value) => setForm((prev) => ({ ...prev, payment: { ...prev.payment, [key]: value } })),
    setUpdatePayment: (on) => setForm((prev) => ({ ...prev, updatePayment: on, payment: emptyPayment(prev.payment.country) })),
  };

  return {
    form,
    bind,
    edits,
    /** Every client-side problem, whether shown yet or not ({} when the form can be sent). */
    clientErrors,
    /** After a first submit, every client message shows. */
    markSubmitAttempted: () => setSubmitAttempted(true),
    /** The server's per-path messages (BAD_USER_INPUT), shown until their input changes. */
    setServerErrors,
  };
}

/** What every section of the form gets. */
export interface SectionProps {
  form: SupplierFormState;
  bind: Bind;
  edits: SupplierFormEdits;
}

import { TextField } from '../../components/TextField';
import { FormSection } from './FormSection';
import type { PhoneState } from './supplier-form';
import type { Bind, SectionProps } from './useSupplierForm';
import './invites.css';

/** The phones shown; any other kind the business holds is kept as it is, unseen. */
const PHONE_LABELS: Record<string, string> = { DEFAULT: 'Phone', MOBILE: 'Mobile', DDI: 'Direct line', FAX: 'Fax' };

/** The main contact: name, business email, and phone numbers. */
export function ContactSection({ form, bind, edits }: SectionProps) {
  const { setTop, setPhone } = edits;
  return (
    <FormSection title="Main contact">
      <div className="field-row">
        <TextField label="First name" autoComplete="given-name" {...bind('firstName', form.firstName, (v) => setTop('firstName', v))} />
        <TextField label="Last name" autoComplete="family-name" {...bind('lastName', form.lastName, (v) => setTop('lastName', v))} />
      </div>
      <TextField
        label="Business email"
        type="email"
        autoComplete="email"
        hint="Where remittances and questions about payments go."
        {...bind('email', form.email, (v) => setTop('email', v))}
      />
      {form.phones.map((phone, i) =>
        PHONE_LABELS[phone.type] ? (
          <PhoneFields
            key={`${phone.type}-${i}`}
            legend={PHONE_LABELS[phone.type]!}
            phone={phone}
            path={`phones[${i}]`}
            bind={bind}
            set={(key, value) => setPhone(i, key, value)}
          />
        ) : null,
      )}
    </FormSection>
  );
}

function PhoneFields({
  legend,
  phone,
  path,
  bind,
  set,
}: {
  legend: string;
  phone: PhoneState;
  path: string;
  bind: Bind;
  set: (key: keyof PhoneState, value: string) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{legend}</legend>
      <div className="field-row field-row--phone">
        <TextField
          label="Country code"
          inputMode="tel"
          autoComplete="tel-country-code"
          {...bind(`${path}.countryCode`, phone.countryCode, (v) => set('countryCode', v))}
        />
        <TextField label="Area code" inputMode="tel" {...bind(`${path}.areaCode`, phone.areaCode, (v) => set('areaCode', v))} />
        <TextField label="Number" inputMode="tel" autoComplete="tel-national" {...bind(`${path}.number`, phone.number, (v) => set('number', v))} />
      </div>
    </fieldset>
  );
}

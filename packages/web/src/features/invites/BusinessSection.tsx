import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { FormSection } from './FormSection';
import type { SectionProps } from './useSupplierForm';

const BUSINESS_COUNTRIES: [string, string][] = [
  ['GB', 'United Kingdom'],
  ['IE', 'Ireland'],
  ['AU', 'Australia'],
  ['NZ', 'New Zealand'],
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['NL', 'Netherlands'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
];

/** Name, country (which decides how the VAT and company numbers are checked), VAT and company numbers. */
export function BusinessSection({ form, bind, edits: { setTop } }: SectionProps) {
  return (
    <FormSection title="Business">
      <TextField label="Business name" autoComplete="organization" {...bind('name', form.name, (v) => setTop('name', v))} />
      <SelectField
        label="Country of your business"
        hint="Used to check your VAT and company numbers."
        name="countryCode"
        value={form.countryCode}
        onChange={(event) => setTop('countryCode', event.target.value)}
      >
        <option value="">Another country</option>
        {BUSINESS_COUNTRIES.map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <TextField
          label={form.countryCode === 'GB' ? 'VAT number' : 'Tax or VAT number'}
          {...bind('taxNumber', form.taxNumber, (v) => setTop('taxNumber', v))}
        />
        <TextField label="Company number" {...bind('companyNumber', form.companyNumber, (v) => setTop('companyNumber', v))} />
      </div>
    </FormSection>
  );
}

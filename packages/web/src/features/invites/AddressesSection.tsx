import { TextField } from '../../components/TextField';
import { FormSection } from './FormSection';
import type { SectionProps } from './useSupplierForm';

const ADDRESS_LABELS: Record<string, string> = { POBOX: 'Postal address', STREET: 'Street address' };

/** The postal and street addresses (Xero's POBOX and STREET). */
export function AddressesSection({ form, bind, edits: { setAddress } }: SectionProps) {
  return (
    <FormSection title="Addresses">
      {form.addresses.map((address, i) => {
        const at = (key: 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'country' | 'attentionTo') =>
          bind(`addresses[${i}].${key}`, address[key], (v) => setAddress(i, key, v));
        return (
          <fieldset key={address.type} className="fieldset">
            <legend className="fieldset__legend">{ADDRESS_LABELS[address.type] ?? address.type}</legend>
            <TextField label="Address line 1" {...at('line1')} />
            <TextField label="Address line 2" {...at('line2')} />
            <div className="field-row">
              <TextField label="Town or city" {...at('city')} />
              <TextField label="Region" {...at('region')} />
            </div>
            <div className="field-row">
              <TextField label="Postal code" {...at('postalCode')} />
              <TextField label="Country" {...at('country')} />
            </div>
            {address.type === 'POBOX' ? <TextField label="For the attention of" {...at('attentionTo')} /> : null}
          </fieldset>
        );
      })}
    </FormSection>
  );
}

import { TextField } from '../../components/TextField';
import { FormSection } from './FormSection';
import { MAX_CONTACT_PERSONS } from './supplier-form';
import type { SectionProps } from './useSupplierForm';

/** Other contact people (up to Xero's five): add, edit, remove. */
export function PeopleSection({ form, bind, edits, organisationName }: SectionProps & { organisationName: string }) {
  const { setPerson, addPerson, removePerson } = edits;
  return (
    <FormSection title="Other contact people" lead={`Up to ${MAX_CONTACT_PERSONS} people ${organisationName} may contact.`}>
      {form.contactPersons.map((person, i) => (
        <fieldset key={person.key} className="fieldset">
          <legend className="fieldset__legend">Contact person {i + 1}</legend>
          <div className="field-row">
            <TextField label="First name" {...bind(`contactPersons[${i}].firstName`, person.firstName, (v) => setPerson(i, 'firstName', v))} />
            <TextField label="Last name" {...bind(`contactPersons[${i}].lastName`, person.lastName, (v) => setPerson(i, 'lastName', v))} />
          </div>
          <TextField label="Email" type="email" {...bind(`contactPersons[${i}].email`, person.email, (v) => setPerson(i, 'email', v))} />
          <button type="button" className="button button--quiet button--small" onClick={() => removePerson(i)}>
            Remove contact person {i + 1}
          </button>
        </fieldset>
      ))}
      {form.contactPersons.length < MAX_CONTACT_PERSONS ? (
        <button type="button" className="button button--small" onClick={addPerson}>
          Add a contact person
        </button>
      ) : (
        <p className="muted">You’ve added the most people Xero can hold ({MAX_CONTACT_PERSONS}).</p>
      )}
    </FormSection>
  );
}

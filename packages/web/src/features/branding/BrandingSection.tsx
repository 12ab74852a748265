import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { FieldFrame } from '../../components/FieldFrame';
import { Loading } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { CurrentUser } from '../accounts/current-user';
import { ContactLine, SupplierBrand, type Branding } from './SupplierBrand';
import { prepareLogo } from './prepare-logo';
import './branding.css';

const SupplierPageSettingsQuery = graphql(`
  query SupplierPageSettings {
    me {
      id
      organisation {
        id
        branding {
          ...SupplierBrand_branding
        }
      }
    }
  }
`);

const UpdateSupplierContactMutation = graphql(`
  mutation UpdateSupplierContact($input: SupplierContactInput!) {
    updateSupplierContact(input: $input) {
      id
      branding {
        ...SupplierBrand_branding
      }
    }
  }
`);

const SetOrganisationLogoMutation = graphql(`
  mutation SetOrganisationLogo($image: String!) {
    setOrganisationLogo(image: $image) {
      id
      branding {
        ...SupplierBrand_branding
      }
    }
  }
`);

const RemoveOrganisationLogoMutation = graphql(`
  mutation RemoveOrganisationLogo {
    removeOrganisationLogo {
      id
      branding {
        ...SupplierBrand_branding
      }
    }
  }
`);

/**
 * Settings → What suppliers see: the logo and contact person shown, with the organisation's name, on the
 * pages where suppliers confirm their details. ADMIN changes them; everyone else sees them.
 */
export function BrandingSection({ user }: { user: CurrentUser }) {
  const { data, error, loading } = useQuery(SupplierPageSettingsQuery, { fetchPolicy: 'cache-and-network' });
  const branding = data?.me?.organisation.branding;
  const isAdmin = user.role === 'ADMIN';
  return (
    <section className="card" aria-labelledby="settings-supplier-page">
      <h2 id="settings-supplier-page" className="card__title">
        What suppliers see
      </h2>
      <p className="card__lead">
        Suppliers see your organisation’s name, logo and contact person on the page where they confirm their details, so they know the request is from you and
        whom to ask.
      </p>
      {!branding && loading ? <Loading /> : null}
      {!branding && error ? <Alert>{toUserFacingError(error).message}</Alert> : null}
      {branding ? (
        <>
          <div className="branding__preview">
            <span className="branding__preview-label">Preview</span>
            <SupplierBrand branding={branding} />
            <span className="muted">
              <ContactLine branding={branding} />
            </span>
          </div>
          {isAdmin ? (
            <>
              <LogoSetting branding={branding} />
              <ContactSetting branding={branding} />
            </>
          ) : (
            <dl className="details">
              <div className="details__row">
                <dt>Logo</dt>
                <dd>{branding.logoUrl ? 'Set' : 'None'}</dd>
              </div>
              <div className="details__row">
                <dt>Contact person</dt>
                <dd>{branding.contactName || branding.contactPhone || branding.contactEmail ? <ContactLine branding={branding} /> : 'None'}</dd>
              </div>
            </dl>
          )}
        </>
      ) : null}
    </section>
  );
}

function LogoSetting({ branding }: { branding: Branding }) {
  const titleId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ dataUrl: string; resized: boolean } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [setLogo, { loading: saving }] = useMutation(SetOrganisationLogoMutation);
  const [removeLogo, { loading: removing }] = useMutation(RemoveOrganisationLogoMutation);

  const reset = () => {
    setChosen(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const onChoose = async (file: File | undefined) => {
    setSaved(null);
    setProblem(null);
    setFileError(null);
    setChosen(null);
    if (!file) return;
    setPreparing(true);
    const prepared = await prepareLogo(file);
    setPreparing(false);
    if ('error' in prepared) {
      setFileError(prepared.error);
      fileRef.current?.focus();
      return;
    }
    setChosen(prepared);
  };

  const onSave = async () => {
    if (!chosen || saving) return;
    setProblem(null);
    try {
      await setLogo({ variables: { image: chosen.dataUrl } });
      reset();
      setSaved('Saved: suppliers now see this logo.');
    } catch (err) {
      const p = toUserFacingError(err);
      if (p.fields.image) {
        setFileError(p.fields.image);
        reset();
        fileRef.current?.focus();
      } else {
        setProblem(p.message);
      }
    }
  };

  const onRemove = async () => {
    if (removing) return;
    setSaved(null);
    setProblem(null);
    try {
      await removeLogo();
      reset();
      setSaved('Removed: suppliers see your organisation’s name only.');
    } catch (err) {
      setProblem(toUserFacingError(err).message);
    }
  };

  return (
    <div className="branding__part" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="branding__part-title">
        Logo
      </h3>
      <div className="branding__logo-row">
        {chosen ? (
          <img className="branding__logo" src={chosen.dataUrl} alt="The logo you chose" />
        ) : branding.logoUrl ? (
          <img className="branding__logo" src={branding.logoUrl} alt="Your current logo" />
        ) : (
          <p className="muted">No logo yet.</p>
        )}
      </div>
      <FieldFrame
        label={branding.logoUrl ? 'Choose a new logo' : 'Choose a logo'}
        hint="PNG, JPEG or WebP. A picture over 128 KB is scaled down for you. SVG isn’t accepted."
        error={fileError}
      >
        {(control) => (
          <input
            ref={fileRef}
            {...control}
            className="branding__file"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            onChange={(event) => void onChoose(event.target.files?.[0])}
          />
        )}
      </FieldFrame>
      {preparing ? <Loading label="Reading the picture…" /> : null}
      {chosen?.resized ? <p className="muted">We scaled the picture down to fit. Check the preview before saving.</p> : null}
      <div className="branding__actions">
        {chosen ? (
          <>
            <button type="button" className="button button--primary" onClick={() => void onSave()} aria-disabled={saving || undefined}>
              {saving ? 'Saving…' : 'Save logo'}
            </button>
            <button type="button" className="button button--quiet" onClick={reset}>
              Cancel
            </button>
          </>
        ) : branding.logoUrl ? (
          <button type="button" className="button" onClick={() => void onRemove()} aria-disabled={removing || undefined}>
            {removing ? 'Removing…' : 'Remove logo'}
          </button>
        ) : null}
      </div>
      {saved ? (
        <p role="status" className="muted">
          {saved}
        </p>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}
    </div>
  );
}

type ContactField = 'name' | 'phone' | 'email';

function ContactSetting({ branding }: { branding: Branding }) {
  const titleId = useId();
  const [draft, setDraft] = useState<Partial<Record<ContactField, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<ContactField, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [update, { loading: saving }] = useMutation(UpdateSupplierContactMutation);
  const refs = { name: useRef<HTMLInputElement>(null), phone: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null) };
  const held: Record<ContactField, string> = { name: branding.contactName ?? '', phone: branding.contactPhone ?? '', email: branding.contactEmail ?? '' };
  const value = (field: ContactField) => draft[field] ?? held[field];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaved(null);
    setProblem(null);
    setErrors({});
    try {
      await update({ variables: { input: { name: value('name'), phone: value('phone'), email: value('email') } } });
      setDraft({});
      setSaved('Saved: suppliers see this contact on their invite page.');
    } catch (err) {
      const p = toUserFacingError(err);
      const fieldErrors = Object.fromEntries((['name', 'phone', 'email'] as const).filter((f) => p.fields[f]).map((f) => [f, p.fields[f]]));
      if (Object.keys(fieldErrors).length) {
        setErrors(fieldErrors);
        const first = (['name', 'phone', 'email'] as const).find((f) => fieldErrors[f]);
        if (first) refs[first].current?.focus();
      } else {
        setProblem(p.message);
      }
    }
  };

  const bind = (field: ContactField) => ({
    ref: refs[field],
    name: field,
    value: value(field),
    error: errors[field] ?? null,
    onChange: (event: { target: { value: string } }) => {
      setDraft((prev) => ({ ...prev, [field]: event.target.value }));
      setErrors((prev) => ({ ...prev, [field]: undefined }));
      setSaved(null);
    },
  });

  return (
    <form className="branding__part" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={titleId}>
      <h3 id={titleId} className="branding__part-title">
        Contact person
      </h3>
      <p className="muted">
        Whom suppliers can ask about a request. Leave a field empty to hide it. Suppliers are also told to check a request by calling you on a number they
        already have.
      </p>
      <div className="branding__contact">
        <TextField label="Name" autoComplete="off" maxLength={100} {...bind('name')} />
        <TextField label="Phone" type="tel" autoComplete="off" maxLength={40} {...bind('phone')} />
        <TextField label="Email" type="email" autoComplete="off" maxLength={254} {...bind('email')} />
      </div>
      <div className="branding__actions">
        <button type="submit" className="button" aria-disabled={saving || undefined}>
          {saving ? 'Saving…' : 'Save contact'}
        </button>
      </div>
      {saved ? (
        <p role="status" className="muted">
          {saved}
        </p>
      ) : null}
      {problem ? <Alert>{problem}</Alert> : null}
    </form>
  );
}

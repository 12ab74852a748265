import { graphql } from '../../gql';
import type { SupplierBrand_BrandingFragment } from '../../gql/graphql';
import './branding.css';

graphql(`
  fragment SupplierBrand_branding on OrganisationBranding {
    name
    logoUrl
    contactName
    contactPhone
    contactEmail
  }
`);

export type Branding = SupplierBrand_BrandingFragment;

/** The organisation as suppliers see it: its logo (when set) and its name. The logo is decorative (the name follows). */
export function SupplierBrand({ branding }: { branding: Pick<Branding, 'name' | 'logoUrl'> }) {
  return (
    <span className="supplier-brand">
      {branding.logoUrl ? <img className="supplier-brand__logo" src={branding.logoUrl} alt="" /> : null}
      <span className="supplier-brand__name">{branding.name}</span>
    </span>
  );
}

/** `tel:` keeps only what dials: digits and a leading +. */
export const telHref = (phone: string): string => `tel:${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;

/** The contact's phone and email as links that call or write ("020 7946 0000 · jo@acme.example"); null when neither is set. */
export function ContactMeans({ branding }: { branding: Pick<Branding, 'contactPhone' | 'contactEmail'> }) {
  const parts = [
    branding.contactPhone ? (
      <a key="phone" className="contact-line__phone" href={telHref(branding.contactPhone)}>
        {branding.contactPhone}
      </a>
    ) : null,
    branding.contactEmail ? (
      <a key="email" href={`mailto:${branding.contactEmail}`}>
        {branding.contactEmail}
      </a>
    ) : null,
  ].filter(Boolean);
  if (!parts.length) return null;
  return (
    <span className="contact-line">
      {parts.map((part, i) => (
        <span key={i} className="contact-line__part">
          {part}
        </span>
      ))}
    </span>
  );
}

/** "Jo Bloggs: 020 7946 0000 · jo@acme.example", or as much of it as is set; null when nothing is. */
export function ContactLine({ branding }: { branding: Branding }) {
  const means = branding.contactPhone || branding.contactEmail ? <ContactMeans branding={branding} /> : null;
  if (!branding.contactName) return means;
  return (
    <span className="contact-line">
      {branding.contactName}
      {means ? <>: {means}</> : null}
    </span>
  );
}

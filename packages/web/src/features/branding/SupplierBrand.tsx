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

/**
 * The contact person, with links that call or write: "Jo Bloggs · 020 7946 0000 · accounts@acme.example".
 * Null when none is set.
 */
export function ContactLine({ branding }: { branding: Branding }) {
  const parts = [
    branding.contactName ? <span key="name">{branding.contactName}</span> : null,
    branding.contactPhone ? (
      <a key="phone" href={telHref(branding.contactPhone)}>
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

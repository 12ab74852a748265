import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../accounts/organisation.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { LogoTooLarge, LogoTooManyPixels, LogoTypeNotAllowed } from './branding.errors.js';
import type { SupplierContactInput } from './branding.input.js';
import { OrganisationBranding } from './branding.types.js';
import { MAX_LOGO_BYTES, MAX_LOGO_SIDE, sniffImage } from './image-type.js';

export { MAX_LOGO_BYTES, MAX_LOGO_SIDE };

export interface Actor {
  id: string;
  label: string;
}

/** The logo's address: same origin (the CSP's img-src 'self'), versioned by its hash so it can be cached for good. */
export function logoUrl(organisation: Pick<Organisation, 'id' | 'logoSha256'>): string | null {
  return organisation.logoSha256 ? `/api/organisations/${organisation.id}/logo?v=${organisation.logoSha256.slice(0, 16)}` : null;
}

export function brandingOf(organisation: Organisation): OrganisationBranding {
  return Object.assign(new OrganisationBranding(), {
    name: organisation.name,
    logoUrl: logoUrl(organisation),
    contactName: organisation.supplierContactName,
    contactPhone: organisation.supplierContactPhone,
    contactEmail: organisation.supplierContactEmail,
  });
}

/**
 * An uploaded logo (base64; a `data:` URL is accepted and its stated type ignored), checked before anything
 * is stored: at most MAX_LOGO_BYTES, a PNG, JPEG or WebP by its own bytes, at most MAX_LOGO_SIDE pixels a side.
 */
export function decodeLogo(input: string): { bytes: Buffer; contentType: string; sha256: string } {
  const base64 = input.replace(/^data:[\w.+/-]*(;[\w=.+-]+)*;base64,/, '');
  if (base64.length > Math.ceil(MAX_LOGO_BYTES / 3) * 4) throw new LogoTooLarge(Math.floor((base64.length * 3) / 4));
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) throw new LogoTypeNotAllowed();
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_LOGO_BYTES) throw new LogoTooLarge(bytes.length);
  const image = sniffImage(bytes);
  if (!image) throw new LogoTypeNotAllowed();
  if (image.width > MAX_LOGO_SIDE || image.height > MAX_LOGO_SIDE) throw new LogoTooManyPixels(image.width, image.height);
  return { bytes, contentType: image.contentType, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const settingsChanged = (em: EntityManager, organisation: Organisation, actor: Actor, what: string, after: Record<string, unknown>) =>
  recordAudit(em, {
    organisationId: organisation.id,
    actor: { type: 'USER', id: actor.id, label: actor.label },
    kind: 'SETTINGS_CHANGED',
    summary: `${actor.label} changed what suppliers see — ${what}`,
    after,
  });

export async function setLogo(em: EntityManager, organisationId: string, actor: Actor, image: string): Promise<Organisation> {
  const logo = decodeLogo(image);
  const organisation = await em.findOneOrFail(Organisation, { id: organisationId });
  if (organisation.logoSha256 === logo.sha256) return organisation;
  Object.assign(organisation, { logo: logo.bytes, logoContentType: logo.contentType, logoSha256: logo.sha256 });
  settingsChanged(em, organisation, actor, `logo: new ${logo.contentType.replace('image/', '').toUpperCase()}, ${Math.ceil(logo.bytes.length / 1024)} KB`, {
    logoContentType: logo.contentType,
    logoBytes: logo.bytes.length,
    logoSha256: logo.sha256,
  });
  await em.flush();
  return organisation;
}

export async function removeLogo(em: EntityManager, organisationId: string, actor: Actor): Promise<Organisation> {
  const organisation = await em.findOneOrFail(Organisation, { id: organisationId });
  if (!organisation.logoSha256) return organisation;
  Object.assign(organisation, { logo: null, logoContentType: null, logoSha256: null });
  settingsChanged(em, organisation, actor, 'logo removed', { logoSha256: null });
  await em.flush();
  return organisation;
}

const CONTACT_FIELDS = {
  name: ['supplierContactName', 'contact name'],
  phone: ['supplierContactPhone', 'contact phone'],
  email: ['supplierContactEmail', 'contact email'],
} as const;

/** Sets the contact person suppliers see; a field left out stays, an empty or null one is cleared. */
export async function updateSupplierContact(em: EntityManager, organisationId: string, actor: Actor, input: SupplierContactInput): Promise<Organisation> {
  const organisation = await em.findOneOrFail(Organisation, { id: organisationId });
  const changed: Record<string, string | null> = {};
  const words: string[] = [];
  for (const [key, [property, label]] of Object.entries(CONTACT_FIELDS) as [
    keyof typeof CONTACT_FIELDS,
    (typeof CONTACT_FIELDS)[keyof typeof CONTACT_FIELDS],
  ][]) {
    const raw = input[key];
    if (raw === undefined) continue;
    const value = raw?.trim().replace(/\s+/g, ' ') || null;
    if (organisation[property] === value) continue;
    organisation[property] = value;
    changed[property] = value;
    words.push(value ? `${label}: ${value}` : `${label} cleared`);
  }
  if (words.length) {
    settingsChanged(em, organisation, actor, words.join('; '), changed);
    await em.flush();
  }
  return organisation;
}

/** The stored logo, for GET /api/organisations/:id/logo (no organisation filter: the id is the key). */
export async function readLogo(em: EntityManager, organisationId: string): Promise<{ bytes: Buffer; contentType: string; sha256: string } | null> {
  const [row] = await em
    .getConnection()
    .execute<{ logo: Buffer | null; logo_content_type: string | null; logo_sha256: string | null }[]>(
      'select logo, logo_content_type, logo_sha256 from organisations where id = ?',
      [organisationId],
    );
  if (!row?.logo || !row.logo_content_type || !row.logo_sha256) return null;
  return { bytes: row.logo, contentType: row.logo_content_type, sha256: row.logo_sha256 };
}

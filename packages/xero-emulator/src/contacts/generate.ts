import type { Prng } from '../ids.js';
import type { Contact } from '../types.js';

const FIRST = [
  'Olivia',
  'Liam',
  'Ava',
  'Noah',
  'Isla',
  'Jack',
  'Mia',
  'Oliver',
  'Amelia',
  'Leo',
  'Grace',
  'Lucas',
  'Ruby',
  'Hugo',
  'Zoe',
  'Arjun',
  'Mei',
  'Tane',
  'Aroha',
  'Sofia',
  'Mateo',
  'Priya',
  'Kenji',
  'Fatima',
  'Tom',
  'Ella',
  'Sam',
  'Chloe',
  'Ben',
  'Hannah',
];
const LAST = [
  'Smith',
  'Wilson',
  'Brown',
  'Taylor',
  'Nguyen',
  'Patel',
  'Williams',
  'Jones',
  'Walker',
  'Harris',
  'Clarke',
  'Te Rangi',
  'Kumar',
  'Chen',
  'Martin',
  'Thompson',
  'White',
  'Young',
  'King',
  'Lee',
  'Murphy',
  'Ngata',
  'Singh',
  'Roberts',
  'Campbell',
];
const ADJ = [
  'Northern',
  'Coastal',
  'Summit',
  'Harbour',
  'Golden',
  'Silver Fern',
  'Evergreen',
  'Pacific',
  'Redwood',
  'Bluebird',
  'Ironbark',
  'Kauri',
  'Riverbend',
  'Sunrise',
  'Highland',
  'Pioneer',
  'Capital',
  'Metro',
  'Alpine',
  'Westside',
  'Eastgate',
  'Southern Cross',
  'Crown',
  'Orchard',
  'Lakeside',
];
const NOUN = [
  'Packaging',
  'Flour Mills',
  'Dairy',
  'Logistics',
  'Plumbing',
  'Electrical',
  'Print',
  'Coffee Roasters',
  'Hardware',
  'Cleaning',
  'Freight',
  'Produce',
  'Timber',
  'Office Supplies',
  'Security',
  'Catering',
  'Signs',
  'Engineering',
  'IT Services',
  'Accounting',
  'Legal',
  'Uniforms',
  'Refrigeration',
  'Glass',
  'Paper Co',
];
const SUFFIX = ['Ltd', 'Limited', 'Co', '& Sons', 'Group', 'Pty Ltd', 'Trading', 'Partners', 'Holdings', 'Services'];
const CITIES: Array<[string, string, string, string]> = [
  ['Auckland', 'Auckland', '1010', 'New Zealand'],
  ['Wellington', 'Wellington', '6011', 'New Zealand'],
  ['Christchurch', 'Canterbury', '8011', 'New Zealand'],
  ['Sydney', 'NSW', '2000', 'Australia'],
  ['Melbourne', 'VIC', '3000', 'Australia'],
  ['Brisbane', 'QLD', '4000', 'Australia'],
  ['London', '', 'EC1A 1BB', 'United Kingdom'],
  ['Manchester', '', 'M1 1AE', 'United Kingdom'],
  ['Palo Alto', 'CA', '94020', 'United States'],
  ['Austin', 'TX', '73301', 'United States'],
];
const STREETS = [
  'Queen Street',
  'High Street',
  'Station Road',
  'Victoria Avenue',
  'Harbour Drive',
  'Church Lane',
  'Mill Road',
  'King Street',
  'Park Terrace',
  'Market Square',
];

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Generates one realistic contact. Roles are mixed: ~35% supplier-only, ~25% customer-only, ~15% both,
 * ~25% neither; ~8% are ARCHIVED. Names are unique given a unique `index`.
 */
export function generateContact(prng: Prng, index: number, updatedMs: number): Omit<Contact, 'UpdatedDateUTC'> & { updatedMs: number } {
  const isCompany = prng.chance(0.75);
  const first = prng.pick(FIRST);
  const last = prng.pick(LAST);
  const baseName = isCompany ? `${prng.pick(ADJ)} ${prng.pick(NOUN)} ${prng.pick(SUFFIX)}` : `${first} ${last}`;
  const name = index === 0 ? baseName : `${baseName} ${index + 1}`;
  const domain = isCompany ? `${slug(baseName).slice(0, 18)}${index + 1}.example.com` : `mail${(index % 7) + 1}.example.net`;
  const email = isCompany ? `accounts@${domain}` : `${slug(first)}.${slug(last)}${index + 1}@${domain}`;
  const roll = prng.next();
  const isSupplier = roll < 0.35 || (roll >= 0.6 && roll < 0.75);
  const isCustomer = roll >= 0.35 && roll < 0.75;
  const [city, region, postal, country] = prng.pick(CITIES);
  const hasPersons = isCompany && prng.chance(0.4);
  const contact: Omit<Contact, 'UpdatedDateUTC'> & { updatedMs: number } = {
    ContactID: prng.uuid(),
    ContactStatus: prng.chance(0.08) ? 'ARCHIVED' : 'ACTIVE',
    Name: name,
    FirstName: first,
    LastName: last,
    EmailAddress: email,
    Addresses: [
      { AddressType: 'STREET', AddressLine1: `${prng.int(1, 400)} ${prng.pick(STREETS)}`, City: city, Region: region, PostalCode: postal, Country: country },
      { AddressType: 'POBOX', AddressLine1: `PO Box ${prng.int(100, 9999)}`, City: city, Region: region, PostalCode: postal, Country: country },
    ],
    Phones: [
      { PhoneType: 'DEFAULT', PhoneNumber: `${prng.int(200, 999)}-${prng.int(1000, 9999)}`, PhoneAreaCode: `0${prng.int(2, 9)}`, PhoneCountryCode: '64' },
      ...(prng.chance(0.5)
        ? [{ PhoneType: 'MOBILE' as const, PhoneNumber: `${prng.int(200, 999)} ${prng.int(1000, 9999)}`, PhoneAreaCode: '021', PhoneCountryCode: '64' }]
        : []),
    ],
    IsSupplier: isSupplier,
    IsCustomer: isCustomer,
    ContactPersons: hasPersons
      ? Array.from({ length: prng.int(1, 3) }, () => {
          const pf = prng.pick(FIRST);
          const pl = prng.pick(LAST);
          return { FirstName: pf, LastName: pl, EmailAddress: `${slug(pf)}.${slug(pl)}@${domain}`, IncludeInEmails: prng.chance(0.5) };
        })
      : [],
    updatedMs,
  };
  if (prng.chance(0.5)) contact.AccountNumber = `ACC-${String(index + 1).padStart(5, '0')}`;
  if (prng.chance(0.3)) contact.ContactNumber = `CN${String(index + 1).padStart(6, '0')}`;
  if (isCompany && prng.chance(0.4)) contact.CompanyNumber = String(prng.int(1000000, 9999999));
  if (isSupplier && prng.chance(0.6)) contact.BankAccountDetails = `12-${prng.int(1000, 3999)}-${prng.int(1000000, 9999999)}-00`;
  if (prng.chance(0.3)) contact.TaxNumber = `${prng.int(100, 999)}-${prng.int(100, 999)}-${prng.int(100, 999)}`;
  if (isSupplier && prng.chance(0.5))
    contact.PaymentTerms = { Bills: { Day: prng.pick([7, 14, 20, 30]), Type: prng.pick(['DAYSAFTERBILLDATE', 'OFFOLLOWINGMONTH'] as const) } };
  if (isSupplier || isCustomer) {
    contact.Balances = {
      AccountsReceivable: { Outstanding: isCustomer ? prng.int(0, 500000) / 100 : 0, Overdue: isCustomer ? prng.int(0, 100000) / 100 : 0 },
      AccountsPayable: { Outstanding: isSupplier ? prng.int(0, 500000) / 100 : 0, Overdue: isSupplier ? prng.int(0, 100000) / 100 : 0 },
    };
  }
  return contact;
}

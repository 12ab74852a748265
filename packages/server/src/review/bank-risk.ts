/**
 * Risk signals on a bank-detail change: pure rules over facts gathered when a submission arrives
 * (review.service.ts gathers them; the results are stored on the change request and shown at the top of the
 * review). Each signal carries a plain explanation; HIGH ones cannot be accepted by one person alone.
 */

export enum BankRiskCode {
  /** Another supplier of this organisation holds the same account. */
  DUPLICATE_ACCOUNT = 'DUPLICATE_ACCOUNT',
  /** The bank is in another country than the supplier's address, or than its previous bank. */
  COUNTRY_MISMATCH = 'COUNTRY_MISMATCH',
  /** The email changes in the same submission as the bank details, or changed shortly before. */
  EMAIL_CHANGED = 'EMAIL_CHANGED',
  /** The account holder's name does not resemble the supplier's name. */
  HOLDER_NAME_MISMATCH = 'HOLDER_NAME_MISMATCH',
  /** The bank details changed recently, or the supplier record is new. */
  RECENT_CHANGE = 'RECENT_CHANGE',
  /** The invite went to an address the buyer typed, not the one Xero held. */
  INVITE_TO_TYPED_ADDRESS = 'INVITE_TO_TYPED_ADDRESS',
}

export type RiskLevel = 'HIGH' | 'MEDIUM';

export interface BankRiskSignal {
  code: BankRiskCode;
  level: RiskLevel;
  /** One sentence a buyer understands at a glance. */
  message: string;
}

export interface BankRiskFacts {
  supplierName: string;
  /** The supplier's contact person (sole traders hold accounts in their own name). */
  personName: string | null;
  /** Account holder named in the submission. */
  holderName: string | null;
  /** ISO-2 country of the new bank (null for free-text accounts we cannot place). */
  newBankCountry: string | null;
  /** ISO-2 country of the previous bank, when known. */
  previousBankCountry: string | null;
  /** ISO-2 countries of the supplier's addresses (street first), as known before this submission. */
  addressCountries: string[];
  /** Other suppliers of the organisation holding the same account (names). */
  duplicateOf: string[];
  /** The submission also changes the email address. */
  emailChangedInSubmission: boolean;
  /** When the email was last changed before this submission, if ever. */
  emailChangedAt: Date | null;
  /** When the bank details last changed before this submission, if ever. */
  bankChangedAt: Date | null;
  /** When Vouch first knew the supplier. */
  supplierCreatedAt: Date;
  /** The invite was sent to an address the buyer typed rather than the supplier's email on file. */
  inviteToTypedAddress: boolean;
  now: Date;
}

export const RECENT_DAYS = 90;
export const EMAIL_CHANGE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

const COUNTRY_NAMES: Record<string, string> = {
  GB: 'the UK',
  NZ: 'New Zealand',
  AU: 'Australia',
  US: 'the United States',
  IE: 'Ireland',
  DE: 'Germany',
  FR: 'France',
  NL: 'the Netherlands',
  ES: 'Spain',
  IT: 'Italy',
  CA: 'Canada',
};
export const countryName = (code: string): string => COUNTRY_NAMES[code] ?? code;

/** Words that say what kind of company it is, not which one. */
const LEGAL_WORDS = new Set([
  'ltd',
  'limited',
  'plc',
  'llc',
  'llp',
  'lp',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'pty',
  'gmbh',
  'ag',
  'sa',
  'sarl',
  'bv',
  'nv',
  'srl',
  'the',
  'and',
  'trading',
  'as',
  't/a',
]);

/** Lower-case words without punctuation or legal-form words; '&' reads as 'and'. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !LEGAL_WORDS.has(w));
}

/**
 * Tolerant "is this the same name": case, punctuation, accents, Ltd/Limited and other legal-form words, and
 * word order do not matter; initials match their word ("J Smith" ~ "John Smith"); one name holding all the
 * other's words matches ("Acme" ~ "Acme Widgets").
 */
export function namesResemble(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (!x.length || !y.length) return false;
  if (x.join('') === y.join('')) return true;
  const covers = (small: string[], big: string[]) =>
    small.every((w) => big.some((v) => v === w || (w.length === 1 && v.startsWith(w)) || (v.length === 1 && w.startsWith(v))));
  return covers(x, y) || covers(y, x);
}

export function assessBankChange(f: BankRiskFacts): BankRiskSignal[] {
  const signals: BankRiskSignal[] = [];
  if (f.duplicateOf.length) {
    signals.push({
      code: BankRiskCode.DUPLICATE_ACCOUNT,
      level: 'HIGH',
      message: `This account is already held by ${f.duplicateOf.slice(0, 3).join(', ')}${f.duplicateOf.length > 3 ? ` and ${f.duplicateOf.length - 3} more` : ''}. Fraudsters often reuse one account across suppliers.`,
    });
  }
  if (f.emailChangedInSubmission) {
    signals.push({
      code: BankRiskCode.EMAIL_CHANGED,
      level: 'HIGH',
      message: 'The email address changes in the same submission as the bank details: someone who took over the mailbox would do exactly this.',
    });
  } else if (f.emailChangedAt && f.now.getTime() - f.emailChangedAt.getTime() < EMAIL_CHANGE_WINDOW_DAYS * DAY_MS) {
    signals.push({
      code: BankRiskCode.EMAIL_CHANGED,
      level: 'HIGH',
      message: `The email address was changed ${daysAgo(f.emailChangedAt, f.now)}, and now the bank details change too.`,
    });
  }
  if (f.newBankCountry) {
    const addressCountry = f.addressCountries[0];
    if (addressCountry && addressCountry !== f.newBankCountry) {
      signals.push({
        code: BankRiskCode.COUNTRY_MISMATCH,
        level: 'MEDIUM',
        message: `The new bank is in ${countryName(f.newBankCountry)}, but the supplier's address is in ${countryName(addressCountry)}.`,
      });
    } else if (f.previousBankCountry && f.previousBankCountry !== f.newBankCountry) {
      signals.push({
        code: BankRiskCode.COUNTRY_MISMATCH,
        level: 'MEDIUM',
        message: `The bank moves from ${countryName(f.previousBankCountry)} to ${countryName(f.newBankCountry)}.`,
      });
    }
  }
  if (f.holderName && !namesResemble(f.holderName, f.supplierName) && !(f.personName && namesResemble(f.holderName, f.personName))) {
    signals.push({
      code: BankRiskCode.HOLDER_NAME_MISMATCH,
      level: 'MEDIUM',
      message: `The account is in the name of “${f.holderName}”, which does not look like “${f.supplierName}”.`,
    });
  }
  if (f.bankChangedAt && f.now.getTime() - f.bankChangedAt.getTime() < RECENT_DAYS * DAY_MS) {
    signals.push({ code: BankRiskCode.RECENT_CHANGE, level: 'MEDIUM', message: `The bank details were already changed ${daysAgo(f.bankChangedAt, f.now)}.` });
  } else if (f.now.getTime() - f.supplierCreatedAt.getTime() < RECENT_DAYS * DAY_MS) {
    signals.push({
      code: BankRiskCode.RECENT_CHANGE,
      level: 'MEDIUM',
      message: `This supplier is new (added ${daysAgo(f.supplierCreatedAt, f.now)}): there is no payment history to compare with.`,
    });
  }
  if (f.inviteToTypedAddress) {
    signals.push({
      code: BankRiskCode.INVITE_TO_TYPED_ADDRESS,
      level: 'MEDIUM',
      message: 'The invite went to an address typed by your team, not the email Xero held for this supplier.',
    });
  }
  return signals;
}

export const isHighRisk = (signals: readonly Pick<BankRiskSignal, 'level'>[]): boolean => signals.some((s) => s.level === 'HIGH');

function daysAgo(then: Date, now: Date): string {
  const days = Math.floor((now.getTime() - then.getTime()) / DAY_MS);
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/**
 * One key per bank account, whatever the notation: Xero's one-line form (or the structured details turned
 * into it) without separators, labels or the BIC. "12-34-56 12345678" and "123456 12345678" give the same key;
 * "GB82 WEST 1234 5698 7654 32 BIC NWBKGB2L" and "GB82WEST12345698765432" too. Null when there is no number.
 */
export function bankAccountKey(xeroBankAccountDetails: string | null | undefined): string | null {
  const raw = (xeroBankAccountDetails ?? '').trim();
  // New Zealand's bank-branch-account-suffix, written with or without leading zeros.
  const nz = /^(\d{1,2})[- ](\d{1,4})[- ](\d{1,8})[- ](\d{1,4})$/.exec(raw);
  if (nz) return `NZ${nz[1]!.padStart(2, '0')}${nz[2]!.padStart(4, '0')}${nz[3]!.padStart(8, '0')}${nz[4]!.padStart(4, '0')}`;
  const text = raw
    .toUpperCase()
    .replace(/\bBIC\b.*$/, '')
    .replace(/\b(BSB|ABA|ACCT|ACCOUNT|SORT CODE|IBAN)\b/g, '');
  const key = text.replace(/[^A-Z0-9]/g, '');
  return /\d{6,}/.test(key.replace(/[A-Z]/g, '')) ? key : null;
}

/** ISO-2 country of structured payment details (IBAN: its first two letters); null when unknown. */
export function bankCountryOf(payment: { country?: unknown; iban?: unknown } | null | undefined): string | null {
  if (!payment) return null;
  if (payment.country === 'IBAN') return typeof payment.iban === 'string' && /^[A-Z]{2}/.test(payment.iban) ? payment.iban.slice(0, 2) : null;
  return payment.country === 'GB' || payment.country === 'NZ' || payment.country === 'AU' || payment.country === 'US' ? payment.country : null;
}

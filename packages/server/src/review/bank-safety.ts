import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../accounts/organisation.entity.js';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { ValidationFailed } from '../common/app-error.js';
import type { Logger } from '../common/logger.js';
import type { Mailer } from '../common/mailer.js';
import type { Viewer } from '../accounts/viewer.js';
import type { Invite } from '../invites/invite.entity.js';
import { addressCountries, maskAccount, validatePhoneNumber } from '@vouch/validation';
import { SupplierDrift } from '../suppliers/supplier-drift.entity.js';
import type { PhoneData } from '../suppliers/supplier-details.types.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { supplierLoaders } from '../suppliers/supplier.loaders.js';
import { assessBankChange, bankAccountKey, bankCountryOf, type BankRiskSignal } from './bank-risk.js';
import { BankConfirmation, CallbackNumberSource } from './bank-confirmation.entity.js';
import { ChangeRequest } from './change-request.entity.js';
import { BankChangeNotPending } from './review.errors.js';
import type { ProposedDetails } from './supplier-details.js';
import { unscoped } from '../common/unscoped.js';
import { formatDay, formatDayTime } from '../common/format-date.js';

/**
 * Bank-change safety around a review: risk signals when a submission arrives, the numbers a buyer may call
 * back on, the call-back record itself, and the notices sent once new bank details are accepted.
 */

export interface CallbackNumber {
  number: string;
  label: string;
}

const PHONE_WORDS: Record<string, string> = { DEFAULT: 'Phone', MOBILE: 'Mobile', DDI: 'Direct line' };
const digits = (v: string) => v.replace(/\D/g, '');
/** "+64 (08) 819-7894", as the rest of Vouch writes a phone. */
const phoneText = (p: PhoneData) =>
  [p.countryCode ? `+${digits(p.countryCode)}` : '', p.areaCode ? `(${p.areaCode.trim()})` : '', p.number?.trim() ?? ''].filter(Boolean).join(' ');

/**
 * Two numbers are the same line when their last 9 digits agree (all of them for shorter numbers): a country
 * code, a trunk 0 (Xero often holds both, "+44 020 …") and spacing do not matter.
 */
function sameLine(a: string, b: string): boolean {
  const x = digits(a);
  const y = digits(b);
  if (!x || !y) return false;
  const n = Math.min(9, x.length, y.length);
  return n >= 7 ? x.slice(-n) === y.slice(-n) : x === y;
}

/** Risk signals for a submission that changes bank details, from facts Vouch held before it arrived. */
export async function riskOfSubmission(tx: EntityManager, supplier: Supplier, proposed: ProposedDetails, invite: Invite, now: Date): Promise<BankRiskSignal[]> {
  const key = bankAccountKey(proposed.bankAccountDetails);
  let duplicateOf: string[] = [];
  if (key) {
    // A coarse filter in SQL (the account's last digits), then the exact key here.
    const tail = digits(key).slice(-6);
    const rows = await tx.getConnection().execute<{ name: string; bank_account_details: string }[]>(
      `select name, bank_account_details from suppliers
        where organisation_id = ? and id <> ? and bank_account_details is not null
          and regexp_replace(bank_account_details, '\\D', '', 'g') like ?`,
      [supplier.organisation.id, supplier.id, `%${tail}%`],
      'all',
      tx.getTransactionContext(),
    );
    duplicateOf = rows.filter((r) => bankAccountKey(r.bank_account_details) === key).map((r) => r.name);
  }
  const [imported] = await tx
    .getConnection()
    .execute<{ n: number }[]>(
      `select count(*)::int as n from audit_events where supplier_id = ? and kind = 'SUPPLIER_IMPORTED'`,
      [supplier.id],
      'all',
      tx.getTransactionContext(),
    );
  const payment = proposed.payment as { accountHolderName?: string } | undefined;
  return assessBankChange({
    supplierName: supplier.name,
    personName: [supplier.firstName, supplier.lastName].filter(Boolean).join(' ') || null,
    holderName: payment?.accountHolderName ?? null,
    newBankCountry: bankCountryOf(proposed.payment as { country?: unknown; iban?: unknown } | undefined),
    previousBankCountry: bankCountryOf(supplier.paymentDetails as { country?: unknown; iban?: unknown } | null),
    addressCountries: addressCountries(supplier.addresses),
    duplicateOf,
    emailChangedInSubmission: (proposed.email ?? '').toLowerCase() !== (supplier.email ?? '').toLowerCase(),
    emailChangedAt: supplier.emailChangedAt,
    bankChangedAt: supplier.bankDetailsChangedAt,
    // A contact imported from Xero has a history there; only suppliers first made in Vouch can be "new".
    supplierCreatedAt: imported!.n > 0 ? new Date(0) : supplier.createdAt,
    inviteToTypedAddress: invite.email.toLowerCase() !== (supplier.email ?? '').toLowerCase(),
    now,
  });
}

/**
 * Where the numbers Vouch holds for a supplier came from: a supplier linked to a Xero contact got its phones
 * from Xero, unless one of its accepted submissions brought a number in (buyers never type phones in Vouch).
 */
export interface PhoneHistory {
  linkedToXero: boolean;
  /** The supplier's accepted submissions: when decided, and the phones before and after each. */
  accepted: { decidedAt: Date | null; baseline: PhoneData[]; proposed: PhoneData[] }[];
}

/**
 * Numbers a buyer may call back on: those Vouch held before this submission — the supplier's phones as they
 * were when it arrived — and Xero's current phones where they differ. Never a number from the submission
 * itself. Each says where Vouch got it: "Phone held in Xero", "Phone from a previous submission" (a number
 * the supplier sent through Vouch earlier, weaker evidence than one Xero already held), "Mobile in Xero"
 * (Xero's current number), or "Phone on file" (a supplier not linked to Xero).
 */
export async function callbackNumbers(em: EntityManager, request: ChangeRequest): Promise<CallbackNumber[]> {
  const loaders = supplierLoaders(em);
  const [drift, history] = await Promise.all([
    em.findOne(SupplierDrift, { supplier: request.supplier.id, field: 'phones', resolvedAt: null }),
    loaders.phoneHistory.load(request.supplier.id),
  ]);
  return callbackNumbersFrom(request, drift, history);
}

/** The same, given the supplier's open drift of its phones (null: none) and phone history, so a list can load those in one query each. */
export function callbackNumbersFrom(request: ChangeRequest, drift: Pick<SupplierDrift, 'xeroValue'> | null, history: PhoneHistory): CallbackNumber[] {
  const earlier = history.accepted.filter((a) => a.decidedAt && a.decidedAt.getTime() <= request.submittedAt.getTime());
  const heldWhere = (number: string) => {
    const broughtBySupplier = earlier.some(
      (a) => a.proposed.some((p) => sameLine(phoneText(p), number)) && !a.baseline.some((p) => sameLine(phoneText(p), number)),
    );
    if (broughtBySupplier) return 'from a previous submission';
    return history.linkedToXero ? 'held in Xero' : 'on file';
  };
  const held = ((request.baseline.phones ?? []) as PhoneData[]).map((p) => ({ p, where: heldWhere(phoneText(p)) }));
  const xero = ((drift?.xeroValue ?? []) as PhoneData[]).map((p) => ({ p, where: 'in Xero' }));
  const out: CallbackNumber[] = [];
  for (const { p, where } of [...held, ...xero]) {
    const number = phoneText(p);
    if (!digits(number) || !PHONE_WORDS[p.type] || out.some((o) => sameLine(o.number, number))) continue;
    out.push({ number, label: `${PHONE_WORDS[p.type]} ${where}` });
  }
  return out;
}

/** Records the call-back. The number is classed HELD only if it is one Vouch held before the submission. */
export async function recordConfirmation(
  em: EntityManager,
  viewer: Viewer,
  requestId: string,
  input: { phoneNumber: string; note: string },
): Promise<BankConfirmation> {
  const problems = [];
  const phone = validatePhoneNumber(input.phoneNumber);
  if (!phone.ok) problems.push({ field: 'phoneNumber', message: phone.message });
  else if (!phone.normalised) problems.push({ field: 'phoneNumber', message: 'Say which number you called.' });
  const note = input.note.trim();
  if (!note)
    problems.push({ field: 'note', message: 'Say what the supplier confirmed, e.g. “Spoke to Jo in accounts; confirmed sort code and last four digits.”' });
  if (note.length > 1000) problems.push({ field: 'note', message: 'Keep the note under 1,000 characters.' });
  if (problems.length) throw new ValidationFailed(problems);
  return await em.transactional(async (tx) => {
    const request = await tx.findOne(ChangeRequest, { id: requestId }, { populate: ['supplier'] });
    if (!request || request.status !== 'PENDING' || !request.changesBankDetails) throw new BankChangeNotPending();
    const user = await tx.findOneOrFail(User, { id: viewer.userId });
    const number = phone.ok ? phone.normalised : '';
    const match = (await callbackNumbers(tx, request)).find((n) => sameLine(n.number, number));
    const fromSubmission = !match && ((request.proposed.phones ?? []) as PhoneData[]).some((p) => sameLine(phoneText(p), number));
    const confirmation = tx.create(BankConfirmation, {
      organisation: viewer.organisationId,
      supplier: request.supplier,
      changeRequest: request,
      confirmedById: user.id,
      confirmedByName: user.name,
      confirmedAt: new Date(),
      phoneNumber: number,
      phoneSource: match ? CallbackNumberSource.HELD : CallbackNumberSource.TYPED,
      phoneLabel: match?.label ?? (fromSubmission ? 'Typed: a number from this very submission' : 'Typed by the caller (not from Vouch’s records)'),
      note,
    });
    recordAudit(tx, {
      organisationId: viewer.organisationId,
      supplierId: request.supplier.id,
      actor: { type: 'USER', id: user.id, label: user.name },
      kind: 'BANK_CALLBACK_RECORDED',
      summary: `${user.name} phoned the supplier on ${number} (${match ? match.label.toLowerCase() : fromSubmission ? 'a number from the submission itself, not one Vouch held' : 'a number typed in, not one Vouch held'}) and recorded that they confirmed the new bank details: ${note}`,
    });
    await tx.flush();
    return confirmation;
  });
}

/**
 * After new bank details were accepted: tell the people who would notice a fraud — the supplier at the email
 * held before (and the new one, if different), and the organisation's admins. Only the last 4 digits.
 */
export async function notifyBankChange(
  em: EntityManager,
  mailer: Mailer,
  log: Logger,
  input: {
    organisationId: string;
    supplierName: string;
    previousEmail: string | null;
    newEmail: string | null;
    bankAccountDetails: string | null;
    at: Date;
    holdUntil: Date | null;
  },
): Promise<void> {
  if (!mailer.enabled) return;
  const organisation = await em.findOneOrFail(Organisation, { id: input.organisationId }, unscoped('named organisation'));
  const admins = await em.find(User, { organisation: input.organisationId, role: Role.ADMIN }, unscoped('named organisation'));
  const ending = maskAccount(input.bankAccountDetails).replace('••••', 'ending').trim();
  const when = formatDayTime(input.at);
  const supplierText =
    `The bank details that ${organisation.name} holds for ${input.supplierName} were changed on ${when} to an account ${ending}.\n\n` +
    `If you made this change, there is nothing to do.\n\nIf this wasn't you, contact ${organisation.name} straight away on a phone number you already have for them ` +
    `(not one from this email), so no payment goes to the new account.`;
  const to = [...new Set([input.previousEmail, input.newEmail].filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase()))];
  const mails = [
    ...to.map((address) => ({ to: address, subject: `Your bank details with ${organisation.name} were changed`, text: supplierText })),
    ...admins.map((admin) => ({
      to: admin.email,
      subject: `Bank details changed: ${input.supplierName}`,
      text:
        `The bank details of ${input.supplierName} were changed on ${when} to an account ${ending}, after a call-back was recorded in Vouch.` +
        (input.holdUntil ? `\n\nHold payments to this supplier until ${formatDay(input.holdUntil)}.` : '') +
        `\n\nThe supplier was told at ${to.join(' and ') || 'no email address on file'}.`,
    })),
  ];
  for (const mail of mails) {
    await mailer.send(mail).catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : 'error' }, 'bank change notice failed'));
  }
}

import { msDateWithOffset } from '../dates.js';
import type { Address, AddressType, Phone, PhoneType } from '../types.js';
import type { StoredContact } from './contact-store.js';

/** How much detail a response carries (FACTS §6.3). */
export type ContactDetail = 'full' | 'unpaged' | 'summary';

const PHONE_ORDER: readonly PhoneType[] = ['DDI', 'DEFAULT', 'FAX', 'MOBILE'];
const ADDRESS_ORDER: readonly AddressType[] = ['STREET', 'POBOX'];

/** Xero always returns the 4 phone types and both address types, blank when unset. */
function renderPhones(phones: Phone[]): Phone[] {
  const out: Phone[] = PHONE_ORDER.map((type): Phone => {
    const phone = phones.find((p) => p.PhoneType === type);
    return {
      PhoneType: type,
      PhoneNumber: phone?.PhoneNumber ?? '',
      PhoneAreaCode: phone?.PhoneAreaCode ?? '',
      PhoneCountryCode: phone?.PhoneCountryCode ?? '',
    };
  });
  for (const phone of phones) {
    if (!PHONE_ORDER.includes(phone.PhoneType)) out.push({ ...phone });
  }
  return out;
}

function renderAddresses(addresses: Address[]): Address[] {
  return ADDRESS_ORDER.map((type): Address => {
    const address = addresses.find((a) => a.AddressType === type);
    const out: Address = { AddressType: type };
    if (address?.AddressLine1 !== undefined) out.AddressLine1 = address.AddressLine1;
    if (address?.AddressLine2 !== undefined) out.AddressLine2 = address.AddressLine2;
    if (address?.AddressLine3 !== undefined) out.AddressLine3 = address.AddressLine3;
    if (address?.AddressLine4 !== undefined) out.AddressLine4 = address.AddressLine4;
    out.City = address?.City ?? '';
    out.Region = address?.Region ?? '';
    out.PostalCode = address?.PostalCode ?? '';
    out.Country = address?.Country ?? '';
    if (address?.AttentionTo !== undefined) out.AttentionTo = address.AttentionTo;
    return out;
  });
}

/** Renders a stored contact in Xero's field order and with Xero's detail rules. */
export function renderContact(stored: StoredContact, detail: ContactDetail): Record<string, unknown> {
  const c = stored.data;
  const out: Record<string, unknown> = { ContactID: c.ContactID };
  if (c.MergedToContactID !== undefined && detail !== 'unpaged') out.MergedToContactID = c.MergedToContactID;
  if (c.ContactNumber !== undefined) out.ContactNumber = c.ContactNumber;
  if (c.AccountNumber !== undefined) out.AccountNumber = c.AccountNumber;
  out.ContactStatus = c.ContactStatus;
  out.Name = c.Name;
  if (c.FirstName !== undefined) out.FirstName = c.FirstName;
  if (c.LastName !== undefined) out.LastName = c.LastName;
  if (c.CompanyNumber !== undefined) out.CompanyNumber = c.CompanyNumber;
  if (c.EmailAddress !== undefined) out.EmailAddress = c.EmailAddress;
  if (detail !== 'summary') out.BankAccountDetails = c.BankAccountDetails ?? '';
  if (c.TaxNumber !== undefined) out.TaxNumber = c.TaxNumber;
  if (c.TaxNumberType !== undefined) out.TaxNumberType = c.TaxNumberType;
  if (detail !== 'summary') {
    if (c.AccountsReceivableTaxType !== undefined) out.AccountsReceivableTaxType = c.AccountsReceivableTaxType;
    if (c.AccountsPayableTaxType !== undefined) out.AccountsPayableTaxType = c.AccountsPayableTaxType;
    out.Addresses = renderAddresses(c.Addresses);
    out.Phones = renderPhones(c.Phones);
  }
  out.UpdatedDateUTC = msDateWithOffset(stored.updatedMs);
  if (detail !== 'summary') out.ContactGroups = [];
  out.IsSupplier = c.IsSupplier;
  out.IsCustomer = c.IsCustomer;
  if (c.DefaultCurrency !== undefined) out.DefaultCurrency = c.DefaultCurrency;
  if (detail === 'full') {
    if (c.XeroNetworkKey !== undefined) out.XeroNetworkKey = c.XeroNetworkKey;
    if (c.SalesDefaultAccountCode !== undefined) out.SalesDefaultAccountCode = c.SalesDefaultAccountCode;
    if (c.PurchasesDefaultAccountCode !== undefined) out.PurchasesDefaultAccountCode = c.PurchasesDefaultAccountCode;
  }
  if (detail !== 'unpaged') {
    out.SalesDefaultLineAmountType = c.SalesDefaultLineAmountType ?? 'INCLUSIVE';
    out.PurchasesDefaultLineAmountType = c.PurchasesDefaultLineAmountType ?? 'INCLUSIVE';
  }
  if (detail === 'full') {
    out.SalesTrackingCategories = (c.SalesTrackingCategories ?? []).map((t) => ({ ...t }));
    out.PurchasesTrackingCategories = (c.PurchasesTrackingCategories ?? []).map((t) => ({ ...t }));
    if (c.PaymentTerms !== undefined) out.PaymentTerms = structuredClone(c.PaymentTerms);
    if (c.BatchPayments !== undefined) out.BatchPayments = { ...c.BatchPayments };
  }
  if (detail !== 'summary') {
    if (c.Website !== undefined) out.Website = c.Website;
    if (c.Discount !== undefined) out.Discount = c.Discount;
    if (c.Balances !== undefined) out.Balances = structuredClone(c.Balances);
    out.ContactPersons = detail === 'full' ? c.ContactPersons.map((p) => ({ ...p })) : [];
  }
  out.HasAttachments = false;
  out.HasValidationErrors = false;
  return out;
}

/**
 * A contact's JSON as `renderContact` gives it, kept until the contact is next written. A stored contact is never
 * changed in place (a write stores a new one), so the cache is keyed by the stored object itself. A page of
 * 1,000 contacts is then mostly string joining: the emulator stands in for a remote service, and the CPU it
 * would spend rendering the same contacts again and again is not Xero's to spend on the caller's machine.
 */
const renderedJson: Record<ContactDetail, WeakMap<StoredContact, string>> = { full: new WeakMap(), unpaged: new WeakMap(), summary: new WeakMap() };

export function renderContactJson(stored: StoredContact, detail: ContactDetail): string {
  const cache = renderedJson[detail];
  let json = cache.get(stored);
  if (json === undefined) {
    json = JSON.stringify(renderContact(stored, detail));
    cache.set(stored, json);
  }
  return json;
}

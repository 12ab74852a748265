import { describe, expect, it } from 'vitest';
import { assessBankChange, bankAccountKey, bankCountryOf, BankRiskCode, isHighRisk, namesResemble, type BankRiskFacts } from './bank-risk.js';

const NOW = new Date('2026-12-02T10:00:00Z');
const daysBefore = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

const calm: BankRiskFacts = {
  supplierName: 'Acme Widgets Ltd',
  personName: 'Jo Bloggs',
  holderName: 'Acme Widgets Limited',
  newBankCountry: 'GB',
  previousBankCountry: 'GB',
  addressCountries: ['GB'],
  duplicateOf: [],
  emailChangedInSubmission: false,
  emailChangedAt: null,
  bankChangedAt: daysBefore(400),
  supplierCreatedAt: daysBefore(700),
  inviteToTypedAddress: false,
  now: NOW,
};
const codes = (f: Partial<BankRiskFacts>) => assessBankChange({ ...calm, ...f }).map((s) => s.code);

describe('bank-change risk signals', () => {
  it('a routine change by a long-standing supplier raises nothing', () => {
    expect(assessBankChange(calm)).toEqual([]);
  });

  it('an account another supplier holds is HIGH and names them', () => {
    const [signal] = assessBankChange({ ...calm, duplicateOf: ['Globex Ltd'] });
    expect(signal).toMatchObject({ code: BankRiskCode.DUPLICATE_ACCOUNT, level: 'HIGH' });
    expect(signal!.message).toContain('Globex Ltd');
  });

  it('an email change in the same submission, or in the last 30 days, is HIGH', () => {
    expect(codes({ emailChangedInSubmission: true })).toEqual([BankRiskCode.EMAIL_CHANGED]);
    expect(codes({ emailChangedAt: daysBefore(3) })).toEqual([BankRiskCode.EMAIL_CHANGED]);
    expect(codes({ emailChangedAt: daysBefore(45) })).toEqual([]);
    expect(isHighRisk(assessBankChange({ ...calm, emailChangedAt: daysBefore(3) }))).toBe(true);
  });

  it('a bank abroad from the address, or moving country, is flagged', () => {
    expect(codes({ newBankCountry: 'DE' })).toEqual([BankRiskCode.COUNTRY_MISMATCH]);
    expect(assessBankChange({ ...calm, newBankCountry: 'DE' })[0]!.message).toBe("The new bank is in Germany, but the supplier's address is in the UK.");
    expect(codes({ addressCountries: [], previousBankCountry: 'GB', newBankCountry: 'IE' })).toEqual([BankRiskCode.COUNTRY_MISMATCH]);
    expect(codes({ addressCountries: [], previousBankCountry: null, newBankCountry: 'IE' })).toEqual([]);
    expect(codes({ newBankCountry: null })).toEqual([]);
  });

  it('a holder name unlike the supplier (and unlike its contact person) is flagged', () => {
    expect(codes({ holderName: 'Quick Cash Services' })).toEqual([BankRiskCode.HOLDER_NAME_MISMATCH]);
    expect(codes({ holderName: 'J. Bloggs' })).toEqual([]);
    expect(codes({ holderName: 'WIDGETS, ACME' })).toEqual([]);
  });

  it('a recent bank change or a new supplier is flagged', () => {
    expect(codes({ bankChangedAt: daysBefore(20) })).toEqual([BankRiskCode.RECENT_CHANGE]);
    expect(codes({ bankChangedAt: null, supplierCreatedAt: daysBefore(10) })).toEqual([BankRiskCode.RECENT_CHANGE]);
    expect(codes({ bankChangedAt: null })).toEqual([]);
  });

  it('an invite sent to a typed address is flagged', () => {
    expect(codes({ inviteToTypedAddress: true })).toEqual([BankRiskCode.INVITE_TO_TYPED_ADDRESS]);
  });

  it('several signals come together, HIGH first', () => {
    const signals = assessBankChange({ ...calm, duplicateOf: ['Globex Ltd'], emailChangedInSubmission: true, holderName: 'Someone Else' });
    expect(signals.map((s) => s.level)).toEqual(['HIGH', 'HIGH', 'MEDIUM']);
  });
});

describe('names that resemble each other', () => {
  it.each([
    ['Acme Widgets Ltd', 'ACME WIDGETS LIMITED'],
    ['Acme Widgets Ltd', 'Widgets Acme'],
    ['Smith & Sons Ltd', 'Smith and Sons Limited'],
    ['Café Ōtautahi Ltd', 'Cafe Otautahi'],
    ['Acme', 'Acme Widgets Ltd'],
    ['John Smith', 'J Smith'],
    ['O’Brien Plumbing', "O'Brien Plumbing Pty Ltd"],
  ])('%s ~ %s', (a, b) => expect(namesResemble(a, b)).toBe(true));

  it.each([
    ['Acme Widgets Ltd', 'Globex Corporation'],
    ['Acme Widgets Ltd', 'Ltd'],
    ['Smith Plumbing', 'Jones Plumbing'],
  ])('%s ≁ %s', (a, b) => expect(namesResemble(a, b)).toBe(false));
});

describe('one key per account', () => {
  it('ignores notation, labels and the BIC', () => {
    expect(bankAccountKey('12-34-56 12345678')).toBe(bankAccountKey('123456 12345678'));
    expect(bankAccountKey('GB82 WEST 1234 5698 7654 32 BIC NWBKGB2L')).toBe(bankAccountKey('GB82WEST12345698765432'));
    expect(bankAccountKey('BSB 062-000 12345678')).toBe(bankAccountKey('062000 12345678'));
    expect(bankAccountKey('01-902-0068389-00')).toBe(bankAccountKey('01-0902-0068389-00'));
    expect(bankAccountKey('12-34-56 12345678')).not.toBe(bankAccountKey('12-34-56 12345679'));
  });

  it('has no key without a number', () => {
    expect(bankAccountKey('')).toBeNull();
    expect(bankAccountKey('Pay by cheque')).toBeNull();
  });

  it('places structured details in a country', () => {
    expect(bankCountryOf({ country: 'IBAN', iban: 'DE89370400440532013000' })).toBe('DE');
    expect(bankCountryOf({ country: 'NZ' })).toBe('NZ');
    expect(bankCountryOf({ country: 'OTHER' })).toBeNull();
  });
});

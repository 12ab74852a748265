import { describe, expect, it } from 'vitest';
import { formatIban, IBAN_LENGTHS, ibanMod97, normaliseIban, validateIban } from './iban.js';

/** Example IBANs as published in the SWIFT IBAN registry / by national banks. */
const EXAMPLES: readonly [country: string, iban: string][] = [
  ['GB', 'GB82WEST12345698765432'],
  ['DE', 'DE89370400440532013000'],
  ['FR', 'FR1420041010050500013M02606'],
  ['NL', 'NL91ABNA0417164300'],
  ['IE', 'IE29AIBK93115212345678'],
  ['ES', 'ES9121000418450200051332'],
  ['IT', 'IT60X0542811101000000123456'],
  ['BE', 'BE68539007547034'],
  ['CH', 'CH9300762011623852957'],
  ['AT', 'AT611904300234573201'],
  ['DK', 'DK5000400440116243'],
  ['NO', 'NO9386011117947'],
  ['SE', 'SE4550000000058398257466'],
  ['PL', 'PL61109010140000071219812874'],
  ['PT', 'PT50000201231234567890154'],
  ['FI', 'FI2112345600000785'],
  ['LU', 'LU280019400644750000'],
  ['MT', 'MT84MALT011000012345MTLCAST001S'],
  ['GR', 'GR1601101250000000012300695'],
  ['CY', 'CY17002001280000001200527600'],
  ['SA', 'SA0380000000608010167519'],
  ['AE', 'AE070331234567890123456'],
  ['BR', 'BR1800360305000010009795493C1'],
  ['TR', 'TR330006100519786457841326'],
  ['LI', 'LI21088100002324013AA'],
  ['IS', 'IS140159260076545510730339'],
  ['EE', 'EE382200221020145685'],
  ['HR', 'HR1210010051863000160'],
  ['CZ', 'CZ6508000000192000145399'],
  ['HU', 'HU42117730161111101800000000'],
  ['RO', 'RO49AAAA1B31007593840000'],
  ['SI', 'SI56263300012039086'],
  ['SK', 'SK3112000000198742637541'],
  ['BG', 'BG80BNBG96611020345678'],
  ['LT', 'LT121000011101001000'],
  ['LV', 'LV80BANK0000435195001'],
  ['MC', 'MC5811222000010123456789030'],
  ['SM', 'SM86U0322509800000000270100'],
  ['GI', 'GI75NWBK000000007099453'],
];

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Every single-character substitution after the country code, keeping digits digits and letters letters. */
function corruptions(iban: string): string[] {
  const out: string[] = [];
  for (let i = 2; i < iban.length; i++) {
    const pool = DIGITS.includes(iban[i]!) ? DIGITS : LETTERS;
    for (const ch of pool) if (ch !== iban[i]) out.push(iban.slice(0, i) + ch + iban.slice(i + 1));
  }
  return out;
}

describe('validateIban: official examples pass', () => {
  it.each(EXAMPLES)('%s %s', (country, iban) => {
    expect(IBAN_LENGTHS[country]).toBe(iban.length);
    expect(validateIban(iban)).toEqual({ ok: true, normalised: iban });
  });
});

describe('validateIban: every single-character corruption fails the check digits', () => {
  it.each(EXAMPLES)('%s %s', (_country, iban) => {
    const bad = corruptions(iban);
    expect(bad.length).toBeGreaterThan(100);
    for (const corrupted of bad) {
      const r = validateIban(corrupted);
      expect(r.ok ? `${corrupted} passed` : r.code).toBe('IBAN_CHECKSUM');
    }
  });
});

describe('validateIban: normalisation and errors', () => {
  it('accepts spaces and lower case and normalises them away', () => {
    expect(validateIban(' gb82 west 1234 5698 7654 32 ')).toEqual({ ok: true, normalised: 'GB82WEST12345698765432' });
    expect(normaliseIban('de89-3704-0044-0532-0130-00')).toBe('DE89370400440532013000');
  });

  it('requires a value', () => {
    expect(validateIban('  ')).toMatchObject({ ok: false, code: 'IBAN_REQUIRED' });
    expect(validateIban(undefined)).toMatchObject({ ok: false, code: 'IBAN_REQUIRED' });
  });

  it('rejects punctuation', () => {
    expect(validateIban('GB82WEST1234569876543/')).toMatchObject({ ok: false, code: 'IBAN_INVALID_CHARACTERS' });
  });

  it('rejects a value without country and check digits', () => {
    expect(validateIban('8200WEST12345698765432')).toMatchObject({ ok: false, code: 'IBAN_FORMAT' });
    expect(validateIban('GBXXWEST12345698765432')).toMatchObject({ ok: false, code: 'IBAN_FORMAT' });
  });

  it('rejects countries without IBANs (AU, US) with a kind message', () => {
    const au = validateIban('AU12062000123456789');
    expect(au).toMatchObject({ ok: false, code: 'IBAN_UNKNOWN_COUNTRY' });
    expect(au.ok ? '' : au.message).toMatch(/^AU does not use IBANs\./);
    expect(validateIban('US12345678901234567890')).toMatchObject({ ok: false, code: 'IBAN_UNKNOWN_COUNTRY' });
  });

  it('rejects a wrong length for the country, saying the expected length', () => {
    const r = validateIban('GB82WEST1234569876543');
    expect(r).toEqual({ ok: false, code: 'IBAN_LENGTH', message: 'An IBAN from GB has 22 characters; this one has 21.' });
    expect(validateIban('NL91ABNA04171643000')).toMatchObject({ ok: false, code: 'IBAN_LENGTH' });
  });

  it('rejects swapped adjacent digits', () => {
    expect(validateIban('GB82WEST12345698765423')).toMatchObject({ ok: false, code: 'IBAN_CHECKSUM' });
    expect(validateIban('DE98370400440532013000')).toMatchObject({ ok: false, code: 'IBAN_CHECKSUM' });
  });

  it('computes ISO 7064 MOD 97-10 remainders', () => {
    expect(ibanMod97('GB82WEST12345698765432')).toBe(1);
    expect(ibanMod97('GB00WEST12345698765432')).toBe((1 - 82 + 97 * 10) % 97);
  });

  it('knows the 89 registry countries and not territories that use a parent code', () => {
    expect(Object.keys(IBAN_LENGTHS)).toHaveLength(89);
    expect(IBAN_LENGTHS.JE).toBeUndefined();
    expect(IBAN_LENGTHS.AU).toBeUndefined();
  });

  it('checks each country’s structure, not just the length and check digits (ibantools’ registry data)', () => {
    // Right length and a valid mod-97, but a German account number has no letters.
    expect(ibanMod97('DE0537040044053201300A')).toBe(1);
    expect(validateIban('DE05 3704 0044 0532 0130 0A')).toMatchObject({ ok: false, code: 'IBAN_FORMAT' });
  });

  it('formats in blocks of four', () => {
    expect(formatIban('GB82WEST12345698765432')).toBe('GB82 WEST 1234 5698 7654 32');
  });
});

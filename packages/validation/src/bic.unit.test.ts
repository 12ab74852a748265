import { describe, expect, it } from 'vitest';
import { bicCountry, bicMatchesIbanCountry, validateBic } from './bic.js';
import { isCountryCode } from './countries.js';

describe('validateBic', () => {
  it.each(['NWBKGB2L', 'DEUTDEFF', 'DEUTDEFF500', 'BNPAFRPP', 'ABNANL2A', 'CHASUS33', 'AIBKIE2D', 'UBSWCHZH80A', 'BKAUATWW'])('accepts %s', (bic) => {
    expect(validateBic(bic)).toEqual({ ok: true, normalised: bic });
  });

  it('normalises spaces and case', () => {
    expect(validateBic(' nwbk gb 2l ')).toEqual({ ok: true, normalised: 'NWBKGB2L' });
  });

  it.each([
    ['', 'BIC_REQUIRED'],
    ['NWBKGB2', 'BIC_LENGTH'],
    ['NWBKGB2LX', 'BIC_LENGTH'],
    ['NWBKGB2L12', 'BIC_LENGTH'],
    ['NWBKGB2L1234', 'BIC_LENGTH'],
    ['NWB1GB2L', 'BIC_FORMAT'],
    ['NWBK1B2L', 'BIC_FORMAT'],
    ['NWBKGB2_', 'BIC_FORMAT'],
    ['NWBKGB2L12-', 'BIC_FORMAT'],
    ['NWBKZZ2L', 'BIC_COUNTRY'],
    ['NWBKUK2L', 'BIC_COUNTRY'],
  ])('rejects %j with %s', (bic, code) => {
    expect(validateBic(bic)).toMatchObject({ ok: false, code });
  });

  it('explains an unknown country', () => {
    const r = validateBic('NWBKUK2L');
    expect(r.ok ? '' : r.message).toBe('Letters 5 and 6 of a BIC are the country, and UK is not a country code.');
  });
});

describe('bicMatchesIbanCountry', () => {
  it('matches same-country pairs', () => {
    expect(bicMatchesIbanCountry('NWBKGB2L', 'GB82WEST12345698765432')).toBe(true);
    expect(bicMatchesIbanCountry('deutdeff', 'de89 3704 0044 0532 0130 00')).toBe(true);
  });

  it('rejects a BIC from another country', () => {
    expect(bicMatchesIbanCountry('DEUTDEFF', 'GB82WEST12345698765432')).toBe(false);
    expect(bicMatchesIbanCountry('NWBKGB2L', 'IE29AIBK93115212345678')).toBe(false);
  });

  it('accepts territories that use the parent country IBAN (Jersey → GB, Guadeloupe → FR)', () => {
    expect(bicMatchesIbanCountry('ABCDJESH', 'GB82WEST12345698765432')).toBe(true);
    expect(bicMatchesIbanCountry('ABCDGPGP', 'FR1420041010050500013M02606')).toBe(true);
    expect(bicMatchesIbanCountry('ABCDJESH', 'FR1420041010050500013M02606')).toBe(false);
  });

  it('is false for empty input', () => {
    expect(bicMatchesIbanCountry('', 'GB82WEST12345698765432')).toBe(false);
    expect(bicMatchesIbanCountry('NWBKGB2L', '')).toBe(false);
  });

  it('reads the country from a BIC', () => {
    expect(bicCountry('nwbkgb2l')).toBe('GB');
  });
});

describe('isCountryCode', () => {
  it('knows ISO 3166 alpha-2 codes and XK, not UK or lower case', () => {
    for (const c of ['GB', 'US', 'AU', 'DE', 'XK', 'JE', 'SS', 'BQ']) expect(isCountryCode(c)).toBe(true);
    for (const c of ['UK', 'EU', 'ZZ', 'gb', 'G']) expect(isCountryCode(c)).toBe(false);
  });
});

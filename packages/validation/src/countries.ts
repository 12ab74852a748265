/**
 * ISO 3166-1 alpha-2 country codes (all 249 officially assigned codes), plus XK (Kosovo), which is
 * user-assigned in ISO 3166 but used by SWIFT for BICs and IBANs.
 */
const ISO_3166_ALPHA2 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

/** Every accepted two-letter country code (ISO 3166-1 alpha-2 plus XK). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set([...ISO_3166_ALPHA2.split(' '), 'XK']);

/** True if `code` is an upper-case ISO 3166-1 alpha-2 code (or XK). */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/** Country names and codes as Xero addresses hold them → ISO 3166 alpha-2 (the countries Vouch places). */
const COUNTRY_NAMES: readonly (readonly [RegExp, string])[] = [
  [/^(gb|gbr|uk|united kingdom|great britain|england|scotland|wales|northern ireland)$/i, 'GB'],
  [/^(nz|nzl|new zealand|aotearoa)$/i, 'NZ'],
  [/^(au|aus|australia)$/i, 'AU'],
  [/^(us|usa|united states|united states of america)$/i, 'US'],
  [/^(ie|irl|ireland)$/i, 'IE'],
  [/^(ca|can|canada)$/i, 'CA'],
  [/^(de|deu|germany|deutschland)$/i, 'DE'],
  [/^(fr|fra|france)$/i, 'FR'],
  [/^(nl|nld|netherlands|the netherlands|holland)$/i, 'NL'],
  [/^(es|esp|spain|españa)$/i, 'ES'],
  [/^(it|ita|italy|italia)$/i, 'IT'],
];

/** The ISO-2 code of a country as written in an address ("United Kingdom", "NZ"); '' when not recognised. */
export function countryCodeOf(name: string | null | undefined): string {
  const text = (name ?? '').trim();
  return COUNTRY_NAMES.find(([pattern]) => pattern.test(text))?.[1] ?? '';
}

/** The countries of a supplier's addresses, street address first; unrecognised ones left out. */
export function addressCountries(addresses: readonly { type?: unknown; country?: unknown }[]): string[] {
  const ordered = [...addresses].sort((a, b) => (a.type === 'STREET' ? -1 : 0) - (b.type === 'STREET' ? -1 : 0));
  return ordered.map((a) => countryCodeOf(typeof a.country === 'string' ? a.country : '')).filter(Boolean);
}

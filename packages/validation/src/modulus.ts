/**
 * VocaLink (Pay.UK) UK modulus checking — "Validating account numbers: UK modulus checking", chapter 2.
 * Pure functions over the weight table in ./valacdos.ts. Inputs must already be standardised:
 * a 6-digit sort code and an 8-digit account number.
 *
 * Notation (spec §1.3): sort code digits u v w x y z (indexes 0–5), account digits a b c d e f g h (6–13).
 */
import { SCSUBTAB, VALACDOS, type ModulusWeights, type WeightRow } from './valacdos.js';

/** Why the check gave its answer. NO_RULE and FOREIGN_CURRENCY are passes where no check is possible. */
export type ModulusReason = 'PASSED' | 'FAILED' | 'NO_RULE' | 'FOREIGN_CURRENCY';

export interface ModulusResult {
  readonly valid: boolean;
  readonly reason: ModulusReason;
}

const A = 6;
const B = 7;
const C = 8;
const G = 12;
const H = 13;

/** Exception 2 weights when a ≠ 0 and g ≠ 9. */
const EX2_WEIGHTS: ModulusWeights = [0, 0, 1, 2, 5, 3, 6, 4, 8, 7, 10, 9, 3, 1];
/** Exception 2 weights when a ≠ 0 and g = 9. */
const EX2_WEIGHTS_G9: ModulusWeights = [0, 0, 0, 0, 0, 0, 0, 0, 8, 7, 10, 9, 3, 1];
/** Exception 8 substitute sort code. */
const EX8_SORT_CODE = '090126';
/** Exception 9: Lloyds euro accounts are all held at this sort code. */
const EX9_SORT_CODE = '309634';

/**
 * The weight-table rows for a sort code, in table order: none (no check possible), one or two checks.
 * Binary search: the table is sorted by start and ranges do not overlap (a range may have two rows).
 */
export function findWeightRows(sortCode: string, table: readonly WeightRow[] = VALACDOS): WeightRow[] {
  const sc = Number(sortCode);
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table[mid]![0] <= sc) lo = mid + 1;
    else hi = mid;
  }
  const rows: WeightRow[] = [];
  for (let i = lo - 1; i >= 0 && rows.length < 2; i--) {
    const row = table[i]!;
    if (row[1] < sc) break;
    if (rows.length > 0 && row[0] !== rows[0]![0]) break;
    rows.unshift(row);
  }
  return rows;
}

/** Full modulus check of a 6-digit sort code and an 8-digit account number. */
export function modulusCheck(sortCode: string, accountNumber: string): ModulusResult {
  if (!/^\d{6}$/.test(sortCode) || !/^\d{8}$/.test(accountNumber)) {
    throw new RangeError('modulusCheck needs a 6-digit sort code and an 8-digit account number');
  }
  const rows = findWeightRows(sortCode);
  const [first, second] = rows;
  if (!first) return { valid: true, reason: 'NO_RULE' };
  const digits = toDigits(sortCode + accountNumber);
  if (rows.some((r) => r[4] === 6) && isForeignCurrency(digits)) return { valid: true, reason: 'FOREIGN_CURRENCY' };
  return result(second ? twoChecks(first, second, digits) : singleCheck(first, digits));
}

function result(valid: boolean): ModulusResult {
  return { valid, reason: valid ? 'PASSED' : 'FAILED' };
}

/** One row only. Exception 14 (Coutts) gets a second try with a shifted account number. */
function singleCheck(row: WeightRow, digits: readonly number[]): boolean {
  if (runCheck(row, digits)) return true;
  if (row[4] !== 14) return false;
  return exception14Retry(row, digits);
}

/**
 * Exception 14 second check: h must be 0, 1 or 9; drop h, shift the account right and put 0 first,
 * then run the same MOD11 check again.
 */
function exception14Retry(row: WeightRow, digits: readonly number[]): boolean {
  if (![0, 1, 9].includes(digits[H]!)) return false;
  const shifted = [...digits.slice(0, A), 0, ...digits.slice(A, H)];
  return runCheck(row, shifted);
}

/** Two rows: how they combine depends on the exceptions (spec §2.2.2 and the flow in §1.2). */
function twoChecks(first: WeightRow, second: WeightRow, digits: readonly number[]): boolean {
  const ex = first[4];
  // 2 & 9, 10 & 11, 12 & 13: either check passing is enough (the second is only run when the first fails).
  if (ex === 2 || ex === 10 || ex === 12) return runCheck(first, digits) || runCheck(second, digits);
  if (ex === 14) return singleCheck(first, digits);
  // Exception 3: if c = 6 or 9 the double alternate (second) check is not carried out.
  if (second[4] === 3 && (digits[C] === 6 || digits[C] === 9)) return runCheck(first, digits);
  // Everything else, including exception 5: both checks must pass.
  return runCheck(first, digits) && runCheck(second, digits);
}

/** Exception 6: a = 4–8 and g = h marks a foreign currency account, which cannot be checked. */
function isForeignCurrency(digits: readonly number[]): boolean {
  const a = digits[A]!;
  return a >= 4 && a <= 8 && digits[G] === digits[H];
}

/** Run one row's check, applying that row's exception. */
function runCheck(row: WeightRow, original: readonly number[]): boolean {
  const [, , algorithm, , ex] = row;
  const digits = substituteSortCode(ex, original);
  const weights = weightsFor(row, digits);
  let total = algorithm === 'DBLAL' ? doubleAlternateTotal(digits, weights) : standardTotal(digits, weights);
  if (ex === 1) total += 27;
  if (ex === 4) return mod(total, 11) === digits[G]! * 10 + digits[H]!;
  if (ex === 5) return algorithm === 'DBLAL' ? exception5Dblal(total, digits[H]!) : exception5Mod11(total, digits[G]!);
  return mod(total, algorithm === 'MOD11' ? 11 : 10) === 0;
}

/** Exceptions 5, 8 and 9 check against a different sort code (for check purposes only). */
function substituteSortCode(ex: number, digits: readonly number[]): readonly number[] {
  let replacement: string | undefined;
  if (ex === 8) replacement = EX8_SORT_CODE;
  else if (ex === 9) replacement = EX9_SORT_CODE;
  else if (ex === 5) replacement = SCSUBTAB.get(digits.slice(0, A).join(''));
  return replacement ? [...toDigits(replacement), ...digits.slice(A)] : digits;
}

/** The row's weights, adjusted by exceptions 2, 7 and 10. */
function weightsFor(row: WeightRow, digits: readonly number[]): readonly number[] {
  const [, , , weights, ex] = row;
  const a = digits[A]!;
  const g = digits[G]!;
  if (ex === 2 && a !== 0) return g === 9 ? EX2_WEIGHTS_G9 : EX2_WEIGHTS;
  const ab = a * 10 + digits[B]!;
  const zeroUtoB = (ex === 7 && g === 9) || (ex === 10 && (ab === 9 || ab === 99) && g === 9);
  return zeroUtoB ? weights.map((w, i) => (i <= B ? 0 : w)) : weights;
}

/** Standard modulus 10/11: sum of digit × weight. */
function standardTotal(digits: readonly number[], weights: readonly number[]): number {
  return digits.reduce((sum, d, i) => sum + d * weights[i]!, 0);
}

/** Double alternate: sum of the individual digits of each digit × weight product. */
function doubleAlternateTotal(digits: readonly number[], weights: readonly number[]): number {
  return digits.reduce((sum, d, i) => sum + digitSum(d * weights[i]!), 0);
}

/** Exception 5 standard check: the check digit is g. */
function exception5Mod11(total: number, g: number): boolean {
  const remainder = mod(total, 11);
  if (remainder === 0) return g === 0;
  if (remainder === 1) return false;
  return 11 - remainder === g;
}

/** Exception 5 double alternate check: the check digit is h. */
function exception5Dblal(total: number, h: number): boolean {
  const remainder = mod(total, 10);
  if (remainder === 0) return h === 0;
  return 10 - remainder === h;
}

function digitSum(n: number): number {
  let sum = 0;
  for (let v = Math.abs(n); v > 0; v = Math.floor(v / 10)) sum += v % 10;
  return sum;
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

function toDigits(s: string): number[] {
  return Array.from(s, (ch) => ch.charCodeAt(0) - 48);
}

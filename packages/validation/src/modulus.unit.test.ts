import { describe, expect, it } from 'vitest';
import { findWeightRows, modulusCheck } from './modulus.js';
import { SCSUBTAB, VALACDOS, VALACDOS_VERSION } from './valacdos.js';

/**
 * The test cases of chapter 3 ("Test data and expected results") of VocaLink's "Validating account numbers —
 * UK modulus checking" (identical in v6.40 and v8.50), in the spec's order and numbering.
 */
const VOCALINK_VECTORS: readonly [no: number, description: string, sortCode: string, account: string, valid: boolean][] = [
  [1, 'Pass modulus 10 check', '089999', '66374958', true],
  [2, 'Pass modulus 11 check', '107999', '88837491', true],
  [3, 'Pass modulus 11 and double alternate checks', '202959', '63748472', true],
  [4, 'Exception 10 & 11 where first check passes and second check fails', '871427', '46238510', true],
  [5, 'Exception 10 & 11 where first check fails and second check passes', '872427', '46238510', true],
  [6, 'Exception 10 where ab=09 and g=9; first check passes, second fails', '871427', '09123496', true],
  [7, 'Exception 10 where ab=99 and g=9; first check passes, second fails', '871427', '99123496', true],
  [8, 'Exception 3, sort code at start of range; c=6 so second check ignored', '820000', '73688637', true],
  [9, 'Exception 3, sort code at end of range; c=9 so second check ignored', '827999', '73988638', true],
  [10, 'Exception 3; c<>6 or 9, both checks pass', '827101', '28748352', true],
  [11, 'Exception 4 where the remainder equals the check digit', '134020', '63849203', true],
  [12, 'Exception 1: 27 added to the total, passes double alternate', '118765', '64371389', true],
  [13, 'Exception 6: fails standard check but is a foreign currency account', '200915', '41011166', true],
  [14, 'Exception 5 where the check passes', '938611', '07806039', true],
  [15, 'Exception 5 where the check passes with substitution', '938600', '42368003', true],
  [16, 'Exception 5 where both checks produce a remainder of 0 and pass', '938063', '55065200', true],
  [17, 'Exception 7 where passes but would fail the standard check', '772798', '99345694', true],
  [18, 'Exception 8 where the check passes', '086090', '06774744', true],
  [19, 'Exception 2 & 9 where the first check passes', '309070', '02355688', true],
  [20, 'Exception 2 & 9 where the first check fails and second passes with substitution', '309070', '12345668', true],
  [21, 'Exception 2 & 9 where a≠0 and g≠9 and passes', '309070', '12345677', true],
  [22, 'Exception 2 & 9 where a≠0 and g=9 and passes', '309070', '99345694', true],
  [23, 'Exception 5 where the first check digit is correct and the second incorrect', '938063', '15764273', false],
  [24, 'Exception 5 where the first check digit is incorrect and the second correct', '938063', '15764264', false],
  [25, 'Exception 5 where the first check digit is incorrect with a remainder of 1', '938063', '15763217', false],
  [26, 'Exception 1 where it fails double alternate check', '118765', '64371388', false],
  [27, 'Pass modulus 11 check and fail double alternate check', '203099', '66831036', false],
  [28, 'Fail modulus 11 check and pass double alternate check', '203099', '58716970', false],
  [29, 'Fail modulus 10 check', '089999', '66374959', false],
  [30, 'Fail modulus 11 check', '107999', '88837493', false],
  [31, 'Exception 12/13 where passes modulus 11 check (modulus 10 would fail)', '074456', '12345112', true],
  [32, 'Exception 12/13 where passes modulus 11 check (modulus 10 passes too)', '070116', '34012583', true],
  [33, 'Exception 12/13 where fails modulus 11 check but passes modulus 10', '074456', '11104102', true],
  [34, 'Exception 14 where the first check fails and the second check passes', '180002', '00000190', true],
];

describe('VocaLink modulus check: published test vectors (spec chapter 3)', () => {
  it('has all 34 published vectors', () => {
    expect(VOCALINK_VECTORS.map((v) => v[0])).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
  });

  it.each(VOCALINK_VECTORS)('#%i %s: %s %s → valid=%s', (_no, _desc, sortCode, account, valid) => {
    expect(modulusCheck(sortCode, account).valid).toBe(valid);
  });
});

describe('modulusCheck: reasons and spec worked examples', () => {
  it('passes a sort code that is not in the table, with reason NO_RULE (spec §2.2.1 step 1)', () => {
    expect(findWeightRows('000000')).toEqual([]);
    expect(modulusCheck('000000', '58177632')).toEqual({ valid: true, reason: 'NO_RULE' });
    expect(modulusCheck('000000', '12345678')).toEqual({ valid: true, reason: 'NO_RULE' });
  });

  it('reports vector 13 as FOREIGN_CURRENCY (exception 6), not as a pass', () => {
    expect(modulusCheck('200915', '41011166')).toEqual({ valid: true, reason: 'FOREIGN_CURRENCY' });
  });

  it('exception 6 only skips the check when a is 4–8 and g = h', () => {
    // Same sort code, a = 3: the checks run and this number fails them.
    expect(modulusCheck('200915', '31011166')).toEqual({ valid: false, reason: 'FAILED' });
  });

  it('reports PASSED and FAILED for ordinary checks', () => {
    expect(modulusCheck('089999', '66374958')).toEqual({ valid: true, reason: 'PASSED' });
    expect(modulusCheck('089999', '66374959')).toEqual({ valid: false, reason: 'FAILED' });
  });

  it('exception 14 example 1: 180002 98093517 passes the first check', () => {
    expect(modulusCheck('180002', '98093517').valid).toBe(true);
  });

  it('exception 14: the retry needs h to be 0, 1 or 9', () => {
    expect(modulusCheck('180002', '12345678').valid).toBe(false);
    expect(modulusCheck('180002', '09747109').valid).toBe(true);
  });

  it('exception 3 vector 8 still fails when c is not 6 or 9 and the double alternate check fails', () => {
    // 73588637: c = 5, so both checks run; changing a digit breaks them.
    expect(modulusCheck('820000', '73588637').valid).toBe(false);
  });

  // The cases below are derived from the exception rules' text (spec §2.2.2), not from the published appendix;
  // each pins a branch that the 34 published vectors leave open.
  it('exception 4 compares the remainder with gh as a two-digit number, not g + h', () => {
    expect(modulusCheck('134020', '10079190').valid).toBe(false); // remainder 9 = g + h, but gh = 90
    expect(modulusCheck('134020', '10712710').valid).toBe(true); // remainder 10 = gh
  });

  it('exception 10 zeroises u–b only when g = 9 (ab = 09 with g ≠ 9 is checked normally)', () => {
    // 09345687 would pass with u–b zeroised; g = 8 so it must not be, and both checks fail.
    expect(modulusCheck('871427', '09345687').valid).toBe(false);
  });

  it('exception 14 retry is not done when h is not 0, 1 or 9', () => {
    // The shifted number 01000004 passes MOD11, but h = 2 so the account is not a Coutts number.
    expect(modulusCheck('180002', '10000042').valid).toBe(false);
    expect(modulusCheck('180002', '10000041').valid).toBe(true); // h = 1: shifted 01000004 passes
  });

  it('rejects inputs that are not standardised', () => {
    expect(() => modulusCheck('12345', '12345678')).toThrow(RangeError);
    expect(() => modulusCheck('123456', '1234567')).toThrow(RangeError);
  });
});

describe('weight table data', () => {
  it('is VALACDOS v8.50 with 1151 rows and the 21 substitutions', () => {
    expect(VALACDOS_VERSION).toMatch(/^v8\.50/);
    expect(VALACDOS).toHaveLength(1151);
    expect(VALACDOS[0]).toEqual([10004, 16715, 'MOD11', [0, 0, 0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1], 0]);
    expect(VALACDOS.at(-1)).toEqual([987004, 989999, 'DBLAL', [2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1], 0]);
    expect(SCSUBTAB.size).toBe(21);
    expect(SCSUBTAB.get('938600')).toBe('938611');
  });

  it('is sorted, ranges are well-formed and do not overlap (a range has at most two rows)', () => {
    let prev: (typeof VALACDOS)[number] | undefined;
    let sameRange = 0;
    for (const row of VALACDOS) {
      expect(row[0]).toBeLessThanOrEqual(row[1]);
      expect(row[3]).toHaveLength(14);
      if (prev && prev[0] === row[0] && prev[1] === row[1]) {
        sameRange++;
        expect(sameRange).toBe(1);
      } else {
        sameRange = 0;
        if (prev) expect(row[0]).toBeGreaterThan(prev[1]);
      }
      prev = row;
    }
  });

  it('finds both rows of a two-check range, at its start, inside and at its end', () => {
    for (const sc of ['820000', '823456', '826097']) {
      expect(findWeightRows(sc).map((r) => r[2])).toEqual(['MOD11', 'DBLAL']);
    }
    expect(findWeightRows('826098').map((r) => [r[0], r[1]])).not.toContainEqual([820000, 826097]);
  });

  it('finds the single row of a one-check range and nothing just outside the table', () => {
    expect(findWeightRows('180002')).toHaveLength(1);
    expect(findWeightRows('010003')).toEqual([]);
    expect(findWeightRows('990000')).toEqual([]);
  });
});

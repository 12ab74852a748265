import { describe, expect, it } from 'vitest';
import { unchangedSummary } from './review-text';

describe('the fields a submission leaves alone', () => {
  it('are summed up in one line', () => {
    expect(unchangedSummary(1)).toBe('1 field unchanged');
    expect(unchangedSummary(6)).toBe('6 fields unchanged');
  });
});

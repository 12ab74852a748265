import { describe, expect, it } from 'vitest';
import { rejectedText, unchangedSummary } from './review-text';

describe('the fields a submission leaves alone', () => {
  it('are summed up in one line', () => {
    expect(unchangedSummary(1)).toBe('1 field unchanged');
    expect(unchangedSummary(6)).toBe('6 fields unchanged');
  });
});

describe('after a rejection', () => {
  it('says the reason was emailed only when it was', () => {
    expect(rejectedText(true)).toBe('Changes rejected. The supplier has been emailed your reason.');
    expect(rejectedText(false)).not.toMatch(/has been emailed/);
    expect(rejectedText(false)).toMatch(/No email could be sent/);
  });
});

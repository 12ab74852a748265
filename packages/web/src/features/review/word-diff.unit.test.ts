import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff';

const marked = (pieces: { text: string; changed: boolean }[]) => pieces.filter((p) => p.changed).map((p) => p.text);

describe('wordDiff', () => {
  it('marks only the words that changed', () => {
    const d = wordDiff('Street: 1 High Street, London', 'Street: 1 Market Street, London');
    expect(marked(d.before)).toEqual(['High']);
    expect(marked(d.after)).toEqual(['Market']);
    expect(d.after.map((p) => p.text).join('')).toBe('Street: 1 Market Street, London');
  });

  it('marks a changed phrase as one piece, and additions on one side only', () => {
    const d = wordDiff('Acme Widgets Ltd', 'Acme Widgets and Gadgets Ltd');
    expect(marked(d.before)).toEqual([]);
    expect(marked(d.after)).toEqual(['and Gadgets ']);
  });

  it('handles empty values and identical ones', () => {
    expect(wordDiff('', 'new@example.com')).toEqual({ before: [], after: [{ text: 'new@example.com', changed: true }] });
    expect(marked(wordDiff('same text', 'same text').after)).toEqual([]);
  });

  it('marks very long values as a whole rather than diffing them', () => {
    const long = 'word '.repeat(500);
    expect(wordDiff(long, `${long}more`).after).toEqual([{ text: `${long}more`, changed: true }]);
  });
});

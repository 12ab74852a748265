import { describe, expect, it } from 'vitest';
import { apiKeyErrorMessage, bankAccessText, lastUsedText, maskedKey, scopeLabel, SCOPE_OPTIONS } from './api-key-text';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('API key wording', () => {
  it('names each scope in words', () => {
    expect(scopeLabel('READ')).toBe('Read only');
    expect(scopeLabel('READ_WRITE')).toBe('Read and write');
    expect(SCOPE_OPTIONS.map((o) => o.label)).toEqual(['Read only', 'Read and write (invite, accept, reject)']);
  });

  it('says whether the key sees bank numbers', () => {
    expect(bankAccessText(true)).toBe('Full bank details');
    expect(bankAccessText(false)).toBe('Masked (last 4 digits)');
  });

  it('says when a key was last used, or that it never was', () => {
    expect(lastUsedText(null, NOW)).toBe('Never used');
    expect(lastUsedText('nonsense', NOW)).toBe('Never used');
    expect(lastUsedText('2026-11-23T11:57:00Z', NOW)).toBe('Used 3 minutes ago');
    expect(lastUsedText('2026-11-23T12:00:20Z', NOW)).toBe('Used just now');
  });

  it('shows only the start of a key', () => {
    expect(maskedKey('vch_AbCdEfGh')).toBe('vch_AbCdEfGh…');
  });
});

describe('apiKeyErrorMessage', () => {
  it('has its own wording for permission and a missing key', () => {
    expect(apiKeyErrorMessage({ code: 'FORBIDDEN', message: 'Forbidden' })).toBe('Only an admin can manage API keys.');
    expect(apiKeyErrorMessage({ code: 'NOT_FOUND', message: 'That API key does not exist.' })).toContain('no longer exists');
  });

  it('shows the server’s message otherwise', () => {
    expect(apiKeyErrorMessage({ code: 'RATE_LIMITED', message: 'Slow down.' })).toBe('Slow down.');
  });
});

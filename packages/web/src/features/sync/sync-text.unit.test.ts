import { describe, expect, it } from 'vitest';
import {
  errorSourceLabel,
  failedAtText,
  emptyInboxText,
  failuresText,
  lastSuccessText,
  oldestPendingText,
  queueText,
  retryErrorMessage,
  syncStatusLabel,
  syncStatusTone,
} from './sync-text';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('sync status wording', () => {
  it('says each state in words (never colour alone)', () => {
    expect(syncStatusLabel('PENDING')).toBe('Waiting to sync to Xero');
    expect(syncStatusLabel('SYNCING')).toBe('Syncing to Xero');
    expect(syncStatusLabel('SYNCED')).toBe('Synced to Xero');
    expect(syncStatusLabel('FAILED')).toBe('Xero sync failed');
  });

  it('treats a superseded push as waiting: the later change goes next', () => {
    expect(syncStatusLabel('SUPERSEDED')).toBe(syncStatusLabel('PENDING'));
  });

  it('marks success and failure with their tones', () => {
    expect(syncStatusTone('SYNCED')).toBe('success');
    expect(syncStatusTone('FAILED')).toBe('warning');
    expect(syncStatusTone('PENDING')).toBe('neutral');
  });
});

describe('queue and failures', () => {
  it('counts waiting changes', () => {
    expect(queueText(0)).toBe('Nothing waiting');
    expect(queueText(1)).toBe('1 change waiting');
    expect(queueText(1204)).toBe('1,204 changes waiting');
  });

  it('counts refused changes', () => {
    expect(failuresText(0)).toBe('None');
    expect(failuresText(1)).toBe('1 change Xero refused');
    expect(failuresText(4)).toBe('4 changes Xero refused');
  });
});

describe('times', () => {
  it('says how long the oldest change has waited', () => {
    expect(oldestPendingText('2026-11-23T11:48:00Z', NOW)).toBe('oldest accepted 12 minutes ago');
    expect(oldestPendingText(null, NOW)).toBeNull();
  });

  it('reads a success stamp slightly in the future (clock skew) as just now', () => {
    expect(lastSuccessText('2026-11-23T12:02:00Z', NOW)).toBe('just now');
    expect(lastSuccessText('2026-11-23T09:00:00Z', NOW)).toBe('3 hours ago');
    expect(lastSuccessText(null, NOW)).toBe('Nothing sent yet');
    expect(lastSuccessText('not a date', NOW)).toBe('Nothing sent yet');
  });

  it('never says nothing was sent when Xero refused what was (regression: "Nothing sent yet" after writes)', () => {
    expect(lastSuccessText(null, NOW, 3)).toBe('None yet: Xero refused what was sent');
    expect(lastSuccessText('2026-11-23T11:00:00Z', NOW, 3)).toBe('1 hour ago');
  });

  it('keeps the empty inbox true to Xero’s state', () => {
    expect(emptyInboxText(null, 0).title).toBe('Nothing failed — Xero isn’t connected yet');
    expect(emptyInboxText('NEEDS_RECONNECT', 0).title).toBe('Nothing failed — but Xero isn’t syncing');
    expect(emptyInboxText('CONNECTED', 2).title).toBe('Nothing failed — 2 changes on the way to Xero');
    expect(emptyInboxText('CONNECTED', 0).title).toBe('Nothing failed — every accepted change is in Xero.');
  });

  it('says when a push failed', () => {
    expect(failedAtText('2026-11-23T11:55:00Z', NOW)).toBe('Failed 5 minutes ago');
    expect(failedAtText(null, NOW)).toBe('Failed');
  });
});

describe('retryErrorMessage', () => {
  it('explains who may retry, and a supplier that is gone', () => {
    expect(retryErrorMessage({ code: 'FORBIDDEN', message: 'Forbidden' })).toContain('admin or an approver');
    expect(retryErrorMessage({ code: 'NOT_FOUND', message: 'That supplier does not exist.' })).toBe('That supplier no longer exists.');
  });

  it('shows the server’s message otherwise', () => {
    expect(retryErrorMessage({ code: 'CONFLICT', message: 'Reconnect Xero first.' })).toBe('Reconnect Xero first.');
  });
});

describe('whose words a sync problem is', () => {
  it('labels Vouch’s read-back finding differently from Xero’s message', () => {
    expect(errorSourceLabel('XERO')).toBe('Xero’s message');
    expect(errorSourceLabel('VOUCH')).toBe('What Vouch found');
    expect(errorSourceLabel('VOUCH')).not.toMatch(/Xero/);
  });
});

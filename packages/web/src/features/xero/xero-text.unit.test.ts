import { describe, expect, it } from 'vitest';
import {
  ATTEMPT_EXPIRED_MESSAGE,
  callbackErrorMessage,
  confirmErrorMessage,
  connectionStatusLabel,
  headroomText,
  importedText,
  importProgressText,
  lockedTenantNote,
  reconnectReason,
} from './xero-text';

describe('callbackErrorMessage', () => {
  it('has its own message for each code the callback can send', () => {
    const codes = ['ACCESS_DENIED', 'STATE_INVALID', 'EXPIRED', 'EXCHANGE_FAILED', 'NO_TENANTS'];
    const messages = codes.map(callbackErrorMessage);
    expect(new Set(messages).size).toBe(codes.length);
    for (const message of messages) expect(message).not.toBe(callbackErrorMessage('SOMETHING_NEW'));
    expect(callbackErrorMessage('ACCESS_DENIED')).toContain('cancelled');
    expect(callbackErrorMessage('NO_TENANTS')).toContain('select the organisation');
  });

  it('falls back to a generic message for unknown codes, including prototype names', () => {
    expect(callbackErrorMessage('SOMETHING_NEW')).toBe('Vouch couldn’t connect to Xero. Please try again.');
    expect(callbackErrorMessage('toString')).toBe('Vouch couldn’t connect to Xero. Please try again.');
  });
});

describe('confirmErrorMessage', () => {
  it('shows the server’s explanation for a conflicting organisation', () => {
    expect(
      confirmErrorMessage({ code: 'CONFLICT', message: 'This Vouch organisation is connected to Demo Trading Ltd.' }),
    ).toEqual({ message: 'This Vouch organisation is connected to Demo Trading Ltd.', startAgain: false });
  });

  it('asks to start again when the attempt is unknown, expired or used', () => {
    for (const code of ['NOT_FOUND', 'BAD_USER_INPUT'] as const) {
      expect(confirmErrorMessage({ code, message: 'Attempt 123 not found' })).toEqual({
        message: ATTEMPT_EXPIRED_MESSAGE,
        startAgain: true,
      });
    }
  });

  it('explains that only admins can connect', () => {
    expect(confirmErrorMessage({ code: 'FORBIDDEN', message: 'Forbidden' }).message).toContain('Only an admin');
  });
});

describe('importProgressText', () => {
  it('counts what the import has done so far', () => {
    expect(importProgressText({ seen: 1240, created: 980, skipped: 260 })).toBe(
      '1,240 contacts read · 980 suppliers created · 260 customers skipped',
    );
  });

  it('uses the singular for one, and zeros before anything arrives', () => {
    expect(importProgressText({ seen: 1, created: 1, skipped: 1 })).toBe(
      '1 contact read · 1 supplier created · 1 customer skipped',
    );
    expect(importProgressText(null)).toBe('0 contacts read · 0 suppliers created · 0 customers skipped');
  });
});

describe('importedText', () => {
  it('says how many suppliers were imported', () => {
    expect(importedText(240)).toBe('Imported: 240 suppliers');
    expect(importedText(1)).toBe('Imported: 1 supplier');
    expect(importedText(1, 0)).toBe('Imported: 1 supplier');
  });

  it('counts archived Xero contacts separately', () => {
    expect(importedText(211, 11)).toBe('Imported: 211 suppliers · 11 archived');
  });
});

describe('headroomText', () => {
  it('shows calls left this minute and today', () => {
    expect(headroomText({ minuteRemaining: 58, dayRemaining: 4990 })).toBe('58 calls left this minute · 4,990 today');
  });

  it('copes with partial or missing headroom', () => {
    expect(headroomText({ minuteRemaining: 1, dayRemaining: null })).toBe('1 call left this minute');
    expect(headroomText({ minuteRemaining: null, dayRemaining: 12 })).toBe('12 calls left today');
    expect(headroomText({ minuteRemaining: null, dayRemaining: null })).toBeNull();
    expect(headroomText(null)).toBeNull();
  });
});

describe('status wording', () => {
  it('labels each connection status', () => {
    expect(connectionStatusLabel('CONNECTED')).toBe('Connected');
    expect(connectionStatusLabel('NEEDS_RECONNECT')).toBe('Needs reconnect');
    expect(connectionStatusLabel('DISCONNECTED')).toBe('Disconnected');
  });

  it('explains lost access only when a reconnect is needed', () => {
    expect(reconnectReason('NEEDS_RECONNECT')).toBe(
      'Xero no longer accepts Vouch’s access — it may have been disconnected in Xero. Reconnect to resume syncing.',
    );
    expect(reconnectReason('DISCONNECTED')).toContain('Reconnect');
    expect(reconnectReason('CONNECTED')).toBeNull();
  });

  it('names the locked organisation', () => {
    expect(lockedTenantNote('Demo Trading Ltd')).toBe(
      'This Vouch organisation is connected to Demo Trading Ltd; it can only reconnect that one.',
    );
  });
});

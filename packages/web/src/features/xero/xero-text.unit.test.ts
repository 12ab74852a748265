import { describe, expect, it } from 'vitest';
import {
  ATTEMPT_EXPIRED_MESSAGE,
  callbackErrorMessage,
  callbackOriginNotice,
  confirmErrorMessage,
  connectionStatusLabel,
  headroomText,
  importedText,
  importProgressText,
  lockedTenantNote,
  reconnectReason,
  xeroBannerText,
} from './xero-text';

describe('callbackErrorMessage', () => {
  it('has its own message for each code the callback can send', () => {
    const codes = ['ACCESS_DENIED', 'STATE_INVALID', 'WRONG_HOST', 'EXPIRED', 'EXCHANGE_FAILED', 'NO_TENANTS'];
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

describe('callbackOriginNotice', () => {
  const xero = 'http://localhost:4000';
  const here = 'http://127.0.0.1:4000';

  it('says nothing on the callback origin or while checking', () => {
    expect(callbackOriginNotice('here', xero, here)).toBeNull();
    expect(callbackOriginNotice('checking', xero, here)).toBeNull();
  });

  it('says Connect continues on the callback origin when it can be reached', () => {
    expect(callbackOriginNotice('reachable', xero, here)).toEqual({
      tone: 'info',
      text: 'Xero sends you back to http://localhost:4000, so Connect to Xero continues there (you may be asked to sign in again).',
    });
  });

  it('names the settings that make this address work when the callback origin cannot be used', () => {
    for (const state of ['unreachable', 'mismatched'] as const) {
      const notice = callbackOriginNotice(state, xero, here)!;
      expect(notice.tone).toBe('warning');
      expect(notice.text).toContain('PUBLIC_URL=http://127.0.0.1:4000');
      expect(notice.text).toContain('XERO_REDIRECT_URI=http://127.0.0.1:4000/xero/callback');
      expect(notice.text).toContain('Open Vouch at http://localhost:4000');
    }
    expect(callbackOriginNotice('unreachable', xero, here)!.text).toContain('can’t reach Vouch there');
    expect(callbackOriginNotice('mismatched', xero, here)!.text).toContain('something other than this Vouch answers there');
  });
});

describe('confirmErrorMessage', () => {
  it('shows the server’s explanation for a conflicting organisation', () => {
    expect(confirmErrorMessage({ code: 'CONFLICT', message: 'This Vouch organisation is connected to Demo Trading Ltd.' })).toEqual({
      message: 'This Vouch organisation is connected to Demo Trading Ltd.',
      startAgain: false,
    });
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
    expect(importProgressText({ seen: 1240, created: 980, skipped: 260 })).toBe('1,240 contacts read · 980 suppliers created · 260 customers skipped');
  });

  it('uses the singular for one, and zeros before anything arrives', () => {
    expect(importProgressText({ seen: 1, created: 1, skipped: 1 })).toBe('1 contact read · 1 supplier created · 1 customer skipped');
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
    expect(lockedTenantNote('Demo Trading Ltd')).toBe('This Vouch organisation is connected to Demo Trading Ltd; it can only reconnect that one.');
  });
});

describe('the Xero banner', () => {
  it('uses the card’s own words for a connection that needs attention', () => {
    expect(xeroBannerText('NEEDS_RECONNECT', true)).toEqual({ message: reconnectReason('NEEDS_RECONNECT'), action: 'Reconnect Xero' });
    expect(xeroBannerText('DISCONNECTED', false).message).toBe(`${reconnectReason('DISCONNECTED')} An admin can reconnect it.`);
    expect(xeroBannerText(null, true)).toMatchObject({ action: 'Connect Xero' });
    expect(xeroBannerText(null, true).message).toMatch(/isn’t connected yet/);
  });
});

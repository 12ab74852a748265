import { describe, expect, it } from 'vitest';
import { parsePaymentHoldDays, validateCurrentPassword, validateEmail, validateName, validateNewPassword } from './validation';

describe('account validation (mirrors the server)', () => {
  it('accepts a normal email and rejects malformed or over-long ones', () => {
    expect(validateEmail('ada@example.com')).toBeNull();
    expect(validateEmail('  ada@example.com  ')).toBeNull();
    expect(validateEmail('')).toBe('Enter your email address.');
    expect(validateEmail('ada@example')).not.toBeNull();
    expect(validateEmail('ada example@x.com')).not.toBeNull();
    expect(validateEmail(`${'a'.repeat(243)}@example.com`)).not.toBeNull(); // 255 characters
    expect(validateEmail(`${'a'.repeat(242)}@example.com`)).toBeNull(); // 254 characters
  });

  it('requires new passwords of 10 to 128 characters', () => {
    expect(validateNewPassword('a'.repeat(9))).toBe('Password must be at least 10 characters.');
    expect(validateNewPassword('a'.repeat(10))).toBeNull();
    expect(validateNewPassword('a'.repeat(128))).toBeNull();
    expect(validateNewPassword('a'.repeat(129))).toBe('Password must be 128 characters or fewer.');
  });

  it('only requires presence for the sign-in password', () => {
    expect(validateCurrentPassword('')).not.toBeNull();
    expect(validateCurrentPassword('short')).toBeNull();
  });

  it('trims names and keeps them to 1–200 characters', () => {
    expect(validateName('   ', 'your name')).toBe('Enter your name.');
    expect(validateName(` ${'a'.repeat(200)} `, 'your name')).toBeNull();
    expect(validateName('a'.repeat(201), 'your name')).toBe('Your name must be 200 characters or fewer.');
  });

  it('reads a payment hold of 0 to 30 whole days, and refuses anything else', () => {
    expect(parsePaymentHoldDays('0')).toEqual({ days: 0, error: null });
    expect(parsePaymentHoldDays(' 5 ')).toEqual({ days: 5, error: null });
    expect(parsePaymentHoldDays('30')).toEqual({ days: 30, error: null });
    for (const bad of ['31', '', '-1', '2.5', 'three', '1e1']) {
      expect(parsePaymentHoldDays(bad)).toEqual({ days: null, error: 'Enter a whole number of days from 0 to 30 (0 = no hold).' });
    }
  });
});

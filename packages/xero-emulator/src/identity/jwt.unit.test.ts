import { describe, expect, it } from 'vitest';
import { SigningKey, atHash, webhookSignature } from './jwt.js';

describe('jwt helpers', () => {
  it('signs and verifies RS256 JWTs and rejects tampering', () => {
    const key = new SigningKey();
    const token = key.sign({ sub: 'x', n: 1 });
    expect(key.verify(token)).toEqual({ sub: 'x', n: 1 });
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from('{"sub":"y"}').toString('base64url')}.${s}`;
    expect(key.verify(forged)).toBeUndefined();
    expect(key.jwk()).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: key.kid });
  });

  it('computes at_hash and the FACTS webhook test vector', () => {
    expect(atHash('abc')).toBe('ungWv48Bz-pBQUDeXa4iIw');
    const body = '{"events":[],"firstEventSequence": 0,"lastEventSequence": 0, "entropy": "S0m3r4Nd0mt3xt"}';
    expect(webhookSignature(body, 'TEST_WEBHOOK_KEY_0123456789')).toBe('Ex7mRuLxbB0nLFvacN2xy8L0qRi8HWZdkSKBuz3JVvk=');
  });
});

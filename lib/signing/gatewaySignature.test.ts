import { describe, expect, it } from 'vitest';
import { isValidSignature, sign, type SignedParts } from './gatewaySignature.ts';

const secret = 'a-secret-that-is-long-enough-for-hmac-1234';
const now = () => new Date('2026-11-26T08:00:00Z');
const parts: SignedParts = {
  timestamp: String(Math.floor(now().getTime() / 1000)),
  callId: 'call-1',
  authorization: 'Bearer abc',
  query: '{ me { ident } }',
  variables: { a: 1 },
};

describe('the gateway signature', () => {
  it('accepts what the gateway signed', () => {
    expect(isValidSignature(secret, parts, sign(secret, parts), { now })).toBe(true);
  });

  it('refuses another query, other variables, another token or another call id under the same signature', () => {
    const signature = sign(secret, parts);
    for (const changed of [{ query: '{ me { ident followUp { startedAt } } }' }, { variables: { a: 2 } }, { authorization: 'Bearer xyz' }, { callId: 'call-2' }]) {
      expect(isValidSignature(secret, { ...parts, ...changed }, signature, { now })).toBe(false);
    }
  });

  it('refuses another secret, a missing signature and an old timestamp', () => {
    expect(isValidSignature(secret, parts, sign(`${secret}x`, parts), { now })).toBe(false);
    expect(isValidSignature(secret, parts, undefined, { now })).toBe(false);
    const old = { ...parts, timestamp: String(Number(parts.timestamp) - 120) };
    expect(isValidSignature(secret, old, sign(secret, old), { now })).toBe(false);
  });
});

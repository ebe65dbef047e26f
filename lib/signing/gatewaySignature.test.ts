import { describe, expect, it } from 'vitest';
import { isValidSignature, NONCE_HEADER, sign, signatureHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER, type SignedParts } from './gatewaySignature.ts';

const secret = 'a-secret-that-is-long-enough-for-hmac-1234';
const now = () => new Date('2026-11-26T08:00:00Z');
const body = JSON.stringify({ query: '{ me { ident } }', variables: { a: 1 }, extensions: { x: 1 } });
const parts: SignedParts = {
  timestamp: String(Math.floor(now().getTime() / 1000)),
  nonce: 'nonce-0123456789abcdef',
  subgraph: 'nav',
  callId: 'call-1',
  authorization: 'Bearer abc',
  body,
};

describe('the gateway signature', () => {
  it('accepts what the gateway signed', () => {
    expect(isValidSignature(secret, parts, sign(secret, parts), { now })).toBe(true);
  });

  it('refuses any other body byte, another subgraph, token, call id or nonce under the same signature', () => {
    const signature = sign(secret, parts);
    const changes: Partial<SignedParts>[] = [
      { body: body.replace('"x":1', '"x":2') },
      { body: `${body} ` },
      { subgraph: 'career' },
      { authorization: 'Bearer xyz' },
      { callId: 'call-2' },
      { nonce: 'nonce-fedcba9876543210' },
    ];
    for (const changed of changes) expect(isValidSignature(secret, { ...parts, ...changed }, signature, { now })).toBe(false);
  });

  it('refuses another secret, a missing signature, a missing nonce and an old timestamp', () => {
    expect(isValidSignature(secret, parts, sign(`${secret}x`, parts), { now })).toBe(false);
    expect(isValidSignature(secret, parts, undefined, { now })).toBe(false);
    const noNonce = { ...parts, nonce: '' };
    expect(isValidSignature(secret, noNonce, sign(secret, noNonce), { now })).toBe(false);
    const old = { ...parts, timestamp: String(Number(parts.timestamp) - 120) };
    expect(isValidSignature(secret, old, sign(secret, old), { now })).toBe(false);
  });

  it('makes a fresh nonce for every request it signs', () => {
    const request = { subgraph: 'nav', callId: 'c', authorization: 'Bearer abc', body };
    const [a, b] = [signatureHeaders(secret, request, now), signatureHeaders(secret, request, now)];
    expect(a[NONCE_HEADER]).not.toBe(b[NONCE_HEADER]);
    const signed = { ...request, timestamp: a[TIMESTAMP_HEADER]!, nonce: a[NONCE_HEADER]! };
    expect(isValidSignature(secret, signed, a[SIGNATURE_HEADER], { now })).toBe(true);
  });
});

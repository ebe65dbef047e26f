import { describe, expect, it } from 'vitest';
import { memoryNonceStore } from './nonces.ts';

describe('the memory nonce store', () => {
  it('lets a nonce through once and refuses it again until its signature has expired', () => {
    let time = 1_000;
    const store = memoryNonceStore(() => time);
    expect(store.claim('a', 61_000)).toBe(true);
    expect(store.claim('a', 61_000)).toBe(false);
    expect(store.claim('b', 62_000)).toBe(true);
    time = 61_500; // 'a' has expired (its signature would be refused as too old), 'b' still counts
    expect(store.claim('b', 62_000)).toBe(false);
    expect(store.claim('a', 121_500)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { BoundedExpiringMap } from './boundedExpiringMap.ts';

describe('BoundedExpiringMap', () => {
  it('returns a value while it is valid past the asked time', () => {
    const cache = new BoundedExpiringMap(10);
    cache.set('k', 't', 1000);
    expect(cache.get('k', 969)).toBe('t');
    expect(cache.get('k', 1000)).toBeUndefined();
  });

  it('drops a stale entry when it is read', () => {
    const cache = new BoundedExpiringMap(10);
    cache.set('k', 't', 1000);
    cache.get('k', 2000);
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry when full, never growing past its bound', () => {
    const cache = new BoundedExpiringMap(2);
    cache.set('a', '1', 1000);
    cache.set('b', '2', 1000);
    cache.set('c', '3', 1000);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('b', 0)).toBe('2');
    expect(cache.get('c', 0)).toBe('3');
  });

  it('counts a replaced entry as new', () => {
    const cache = new BoundedExpiringMap(2);
    cache.set('a', '1', 1000);
    cache.set('b', '2', 1000);
    cache.set('a', '1b', 1000);
    cache.set('c', '3', 1000);
    expect(cache.get('a', 0)).toBe('1b');
    expect(cache.get('b', 0)).toBeUndefined();
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new BoundedExpiringMap(0)).toThrow(/positive integer/);
  });
});

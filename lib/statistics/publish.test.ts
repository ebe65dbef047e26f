import { describe, expect, it } from 'vitest';
import { createStatisticsPublisher } from './publish.ts';

const KEY = 'a test key of thirty-two characters!';
const table = { total: 23, breakdowns: { mode: [12, 3, 8], referral: [17, 6] } };
const values = (cells: Array<{ value: number }>) => cells.map((c) => c.value);

describe('publishing a table of counts', () => {
  it('rounds the total once and every breakdown to add up to it', () => {
    const published = createStatisticsPublisher(KEY).publish('2026-Q3|bookings', table);
    expect([20, 25]).toContain(published.total.value);
    for (const cells of Object.values(published.breakdowns)) expect(values(cells).reduce((a, b) => a + b, 0)).toBe(published.total.value);
  });

  it('answers the same counts the same way every time, so asking again tells nothing new', () => {
    const a = createStatisticsPublisher(KEY).publish('2026-Q3|bookings', table);
    const b = createStatisticsPublisher(KEY).publish('2026-Q3|bookings', { total: 23, breakdowns: { mode: [12, 3, 8], referral: [17, 6] } });
    expect(b).toEqual(a);
  });

  it('draws from the key: without it, which way a count went cannot be redone', () => {
    const roundings = (key: string) =>
      Array.from({ length: 40 }, (_, q) => createStatisticsPublisher(key).publish(`q${q}|bookings`, table)).map((p) => [p.total.value, ...values(p.breakdowns.mode)].join());
    expect(roundings(KEY)).toEqual(roundings(KEY));
    expect(roundings(`${KEY}-other`)).not.toEqual(roundings(KEY));
  });

  it('refuses a key shorter than 32 characters', () => {
    expect(() => createStatisticsPublisher('short')).toThrow(/32/);
  });
});

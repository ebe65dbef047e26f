import { describe, expect, it } from 'vitest';
import { callIdFrom, freshCallId } from './callId.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('callIdFrom', () => {
  it('keeps a client\'s call id of safe characters', () => {
    expect(callIdFrom({ 'nav-call-id': 'frontend-1f3a:42' })).toBe('frontend-1f3a:42');
    expect(callIdFrom({ 'x-correlation-id': '6f1d3c1e-2b7a-4c3e-9a0f-990001000001' })).toBe('6f1d3c1e-2b7a-4c3e-9a0f-990001000001');
  });

  it.each(['23869823562', '238698-23562', '238698 23562', '23.86.98.23562', 'call-238698_23562', '23869823563'])(
    'refuses %s, which carries an identity number, and makes a fresh one',
    (id) => {
      for (const header of ['nav-call-id', 'x-correlation-id']) {
        const callId = callIdFrom({ [header]: id });
        expect(callId).toMatch(UUID);
        expect(callId.replace(/\D/g, '')).not.toContain(id.replace(/\D/g, ''));
      }
    },
  );

  it('takes the next header when the first holds an unusable id', () => {
    expect(callIdFrom({ 'nav-call-id': '23869823562', 'x-correlation-id': 'county-7' })).toBe('county-7');
  });

  it('makes a fresh one for unsafe characters, an overlong id or none', () => {
    for (const headers of [{ 'nav-call-id': 'a b' }, { 'nav-call-id': 'x'.repeat(101) }, {}]) expect(callIdFrom(headers)).toMatch(UUID);
  });
});

describe('freshCallId', () => {
  it('draws again when a UUID holds a fødselsnummer, so the graph\'s own call ids are never masked', () => {
    const draws = ['00000000-0000-4000-8000-23869823562a', '6f1d3c1e-2b7a-4c3e-9a0f-990001000001'];
    expect(freshCallId(() => draws.shift()!)).toBe('6f1d3c1e-2b7a-4c3e-9a0f-990001000001');
  });

  it('is a random UUID', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => freshCallId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(UUID);
  });
});

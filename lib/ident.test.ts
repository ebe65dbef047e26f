import { describe, expect, it } from 'vitest';
import { containsIdent, maskIdents } from './ident.ts';

const P02 = '23869823562';

describe('maskIdents', () => {
  it.each([
    ['straight', P02],
    ['with a dash', '238698-23562'],
    ['with a space', '238698 23562'],
    ['with dots between birth date parts', '23.86.98.23562'],
    ['with spaced dashes', '238698 - 23562'],
    ['with an underscore (as in a GraphQL name)', '238698_23562'],
    ['with a slash', '238698/23562'],
    ['with a no-break space', '238698\u00a023562'],
    ['with an en dash', '238698\u201323562'],
    ['with a zero-width space', '2386\u200b9823562'],
    ['in fullwidth digits', '２３８６９８２３５６２'],
    ['with invalid check digits (a mistyped number is still one)', '23869823563'],
  ])('masks an identity number %s', (_, form) => {
    expect(maskIdents(`call ${form} end`)).toBe('call *********** end');
    expect(containsIdent(form)).toBe(true);
  });

  it('masks one that touches letters (an operation or alias name)', () => {
    expect(maskIdents(`Q${P02}`)).toBe('Q***********');
    expect(maskIdents(`nav-${P02}-x`)).toBe('nav-***********-x');
  });

  it('masks the whole of overlapping groups that hold 11 digits either way', () => {
    expect(maskIdents('x 12345-123456-12345 y')).toBe('x *********** y');
  });

  it('reads a UUID inside a text as a UUID, and still masks a number joined to it from outside', () => {
    for (const id of ['probe-8869e883-3056-4775-87e5-f094ba1f379c', 'call 12345678-1234-4123-8123-123456789abc done']) expect(maskIdents(id)).toBe(id);
    expect(maskIdents('238698-23562abc-1234-4123-8123-123456789abc')).toBe('***********abc-1234-4123-8123-123456789abc');
  });

  it('masks a fødselsnummer in a row inside a UUID, but reads the UUID\'s own dashes and other digits as a UUID\'s', () => {
    expect(maskIdents(`00000000-0000-4000-8000-${P02}a`)).toBe('00000000-0000-4000-8000-***********a');
    expect(maskIdents('00000000-0000-4000-8000-12345678901a')).toBe('00000000-0000-4000-8000-12345678901a');
    const uuid = '6f1d3c1e-2b7a-4c3e-9a0f-990001000001';
    expect(maskIdents(uuid)).toBe(uuid);
    // 1234-5678-9012 joins to 12 digits; 8000-1234-5678 to 12: as a UUID, neither is read as a number.
    expect(maskIdents('12345678-1234-4123-8123-123456789012')).toBe('12345678-1234-4123-8123-123456789012');
  });

  it.each([
    ['a 13-digit millisecond timestamp', '1732608000000'],
    ['a 10-digit epoch second', '1732608000'],
    ['an ISO time', '2026-11-26T08:00:00.000+01:00'],
    ['a 12-digit number', '238698235620'],
    ['a phone number', '+47 912 34 567'],
    ['a NAV ident and an activity id', 'Z990001 4100101'],
    ['a clock time with seconds', '11-26 08:00:00.000'],
  ])('leaves %s alone', (_, text) => {
    expect(maskIdents(text)).toBe(text);
  });
});

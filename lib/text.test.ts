import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTROL_CHARACTERS_MESSAGE, MALFORMED_TEXT_MESSAGE, plainText } from './text.ts';

const message = plainText(z.string().max(100));
const problems = (text: string) => message.safeParse(text).error?.issues.map((i) => i.message) ?? [];

describe('plainText', () => {
  it.each([
    ['NUL', '\u0000'],
    ['ESC (a terminal escape sequence)', '\u001b[2J'],
    ['BEL', '\u0007'],
    ['vertical tab', '\u000b'],
    ['DEL', '\u007f'],
    ['a C1 control (NEL)', '\u0085'],
  ])('refuses %s', (_, control) => {
    expect(problems(`Hei ${control} der`)).toEqual([CONTROL_CHARACTERS_MESSAGE]);
  });

  it('refuses a lone surrogate', () => {
    expect(problems('Hei \ud800 der')).toEqual([MALFORMED_TEXT_MESSAGE]);
    expect(problems('Hei \udc00')).toEqual([MALFORMED_TEXT_MESSAGE]);
  });

  it('accepts tabs, line breaks, Norwegian letters, emoji and no-break spaces', () => {
    expect(problems('Første linje\r\n\tandre: æøå ÆØÅ 👍\u00a0ok')).toEqual([]);
  });
});

import { z } from 'zod';

/**
 * Free text people write (notes, dialogue messages, activity descriptions) as the graph accepts it, before it goes
 * to a system that stores it and shows it to someone else: no control characters but tab and line breaks — NUL
 * (U+0000) cuts strings short in C-based stores, ESC (U+001B) starts terminal escape sequences, the C1 range
 * (U+0080–U+009F) hides in text copied between encodings — and well-formed Unicode (a lone surrogate from a JSON
 * `\ud800` cannot be stored as UTF-8). One rule, used by every subgraph that takes free text.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const CONTROL_CHARACTERS_MESSAGE = 'Must not contain control characters.';
export const MALFORMED_TEXT_MESSAGE = 'Must be well-formed Unicode text.';

/** Whether a text holds a character the rule refuses (a control character but tab and line breaks). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/** A string schema refined with the rule; bounds (length, trimming) stay with each field. */
export function plainText<S extends z.ZodType<string>>(schema: S) {
  return schema
    .refine((s) => !hasControlCharacters(s), CONTROL_CHARACTERS_MESSAGE)
    .refine((s) => !LONE_SURROGATE.test(s), MALFORMED_TEXT_MESSAGE);
}

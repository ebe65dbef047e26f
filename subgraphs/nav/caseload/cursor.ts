import { badInput } from '../../../lib/errors.ts';

const PREFIX = 'caseload:v1:';

/**
 * Opaque caseload cursors: the position after a page, so no ident or name ever travels in one. A caseload that
 * changes between two pages may shift by the change, as any offset paging does.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64url');
}

/** The position a cursor stands for; BAD_USER_INPUT for anything this subgraph did not make. */
export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  const match = /^caseload:v1:(0|[1-9][0-9]{0,6})$/.exec(text);
  if (!match) throw badInput('after is not a cursor of this caseload.', 'after');
  return Number(match[1]);
}

import { z } from 'zod';

/** Building blocks the NAV applications' contracts share (stand-ins/contracts/nav.openapi.yaml, components). */

/** NavDateTime: ISO-8601 with an offset (`+00:00`, `Z` or the Oslo offset). */
export const navDateTime = z.iso.datetime({ offset: true });
/** Technical ids: numbers as strings. */
export const numericId = z.string().regex(/^[0-9]+$/);
/** format: uuid (any 8-4-4-4-12 hex, as the contract's validator reads it). */
export const uuid = z.guid();
export const fnr = z.string().regex(/^[0-9]{11}$/);
export const navIdent = z.string().regex(/^[A-Z][0-9]{6}$/);
export const enhetId = z.string().regex(/^[0-9]{4}$/);

import { UpstreamHttpError } from '../../../lib/upstream/errors.ts';

/** The status of a 4xx answer from NAV (UpstreamHttpError), or undefined for anything else (rethrown by callers). */
export function refusalStatus(error: unknown): number | undefined {
  return error instanceof UpstreamHttpError ? error.status : undefined;
}

/**
 * veilarbdialog answers a functional error as plain text naming the exception
 * ("Funksjonell feil under behandling: KanIkkeVarsleBrukerException - null "); the name is its stable code.
 */
export function dialogException(error: unknown): string | undefined {
  if (!(error instanceof UpstreamHttpError) || typeof error.body !== 'string') return undefined;
  return /([A-Za-zÆØÅæøå]+Exception)/.exec(error.body)?.[1];
}

import { isValidIdent } from '../../lib/ident.ts';
import type { DigipostState } from './state.ts';
import type { IdentificationResult } from './types.ts';

/**
 * What Digipost knows about a person: INVALID when the number fails its check digits, the fixture's result when the
 * person is listed, otherwise UNIDENTIFIED (NOT_FOUND).
 */
export function identify(state: DigipostState, pin: string): IdentificationResult {
  if (!isValidIdent(pin)) return { result: 'INVALID', invalidReason: 'INVALID_PERSONAL_IDENTIFICATION_NUMBER' };
  return state.recipients.get(pin) ?? { result: 'UNIDENTIFIED', unidentifiedReason: 'NOT_FOUND' };
}

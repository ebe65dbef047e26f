import type { Actor } from './access.ts';
import type { Aktivitet } from './types.ts';

/** An activity as the actor may see it: the person sees `referat` only once it is published. */
export function aktivitetView(actor: Actor, aktivitet: Aktivitet): Aktivitet {
  if (actor.kind === 'NAV' || aktivitet.erReferatPublisert || aktivitet.referat == null) return aktivitet;
  const { referat: _hidden, ...rest } = aktivitet;
  return rest as Aktivitet;
}

/** Final statuses: an activity in one of them cannot change. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['FULLFORT', 'AVBRUTT']);

export const FERDIG_STATUS_MESSAGE = 'Kan ikke endre aktivitet i en ferdig status';

import type { Request, Response } from 'express';
import { callerOf } from '../common/app.ts';
import { actorOf, mayAccess, type Actor } from './access.ts';
import { springError } from './errors.ts';
import { fnrRequestSchema } from './schemas.ts';
import type { NavState } from './state.ts';
import type { NavPerson } from './types.ts';

/**
 * The common start of the Spring applications' person endpoints (`{"fnr"}` in the body): the caller must be an
 * actor (403), the body valid (400) and the person within the actor's access (403). `person` is undefined when
 * NAV does not know the fnr; each endpoint answers that case its own way.
 */
export function personRequest(
  state: NavState,
  req: Request,
  res: Response,
): { actor: Actor; fnr: string; person: NavPerson | undefined } | undefined {
  const actor = actorOf(state, callerOf(res));
  if (!actor) return void springError(req, res, state.now, 403, 'Ikke tilgang');
  const parsed = fnrRequestSchema.safeParse(req.body);
  if (!parsed.success) return void springError(req, res, state.now, 400, 'Mangler eller ugyldig fnr');
  const { fnr } = parsed.data;
  if (!mayAccess(state, actor, fnr)) return void springError(req, res, state.now, 403, 'Ikke tilgang til bruker');
  return { actor, fnr, person: state.person(fnr) };
}

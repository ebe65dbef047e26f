import { actorId, type Role } from '../../../lib/auth/caller.ts';
import { forbidden } from '../../../lib/errors.ts';
import type { NavContext } from '../context.ts';

/** The person a write is about: a citizen's own ident when they leave it out, otherwise what the input says. */
export function subjectOfInput(context: NavContext, ident: string | null | undefined): string | undefined {
  return ident ?? (context.caller.role === 'citizen' ? context.caller.ident : undefined);
}

/** Refuses a role the mutation is not for before anything else, so the answer does not depend on the input. */
export function requireRole(context: NavContext, roles: readonly Role[]): void {
  if (!roles.includes(context.caller.role)) throw forbidden('This change is not open to your role.');
}

/**
 * May the caller write in this person's NAV data? Asked before any upstream write, with the answer on the audit
 * trail: a citizen only in their own plan, a NAV advisor where poao-tilgang permits writing (SKRIVE), the roles
 * the mutation allows and no one else. A refusal is FORBIDDEN and says nothing about the person.
 */
export async function requireWriteAccess(context: NavContext, ident: string, coordinate: string, roles: readonly Role[]): Promise<void> {
  const caller = context.caller;
  let reason: string | undefined;
  if (!roles.includes(caller.role)) reason = 'ROLE_MAY_NOT_WRITE';
  else if (caller.role === 'citizen') reason = caller.ident === ident ? undefined : 'NOT_DATA_SUBJECT';
  else if (caller.role === 'nav-advisor' && context.poaoTilgangWrite) {
    const decision = await context.poaoTilgangWrite.load(ident);
    reason = decision.permit ? undefined : decision.reason;
  } else reason = 'NO_RULE';

  // The person's own writes are no disclosure to someone else: only others' writes are audited.
  if (caller.role !== 'citizen' || reason) {
    context.audit.record({
      actor: actorId(caller),
      subject: ident,
      coordinate,
      callId: context.callId,
      source: 'nav',
      at: context.now().getTime(),
      decision: reason ? 'Deny' : 'Permit',
      ...(reason ? { reason: `FORBIDDEN:${reason}` } : {}),
    });
  }
  if (reason) throw forbidden();
}

import { z } from 'zod';
import type { Caller } from '../../lib/auth/caller.ts';
import { ROLES } from '../../lib/auth/caller.ts';
import { NAV_IDENT } from '../../lib/auth/claims.ts';
import { isValidIdent } from '../../lib/ident.ts';
import type { StaffDirectory } from './directory.ts';
import { OAuthError } from './oauthError.ts';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/);

const form = z.object({
  role: z.enum(ROLES as [Caller['role'], ...Caller['role'][]]),
  subject: z.string().min(1),
  centre: id.optional(),
});

/**
 * The caller a dev token (client_credentials at the local issuer) is for, from the form fields role, subject and
 * centre. Subjects are checked as the real identity providers would guarantee them; descriptions never echo
 * the subject, which may be a fødselsnummer.
 */
export function devCallerFromForm(body: Record<string, unknown>, directory: StaffDirectory): Caller {
  const parsed = form.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    throw new OAuthError('invalid_request', field === 'role' ? `role must be one of ${ROLES.join(', ')}` : `missing or invalid ${String(field)}`);
  }
  const { role, subject, centre } = parsed.data;
  if (centre !== undefined && role !== 'career-counsellor') throw new OAuthError('invalid_request', 'centre is only for career-counsellor');
  switch (role) {
    case 'citizen':
      if (!isValidIdent(subject)) throw new OAuthError('invalid_request', 'subject must be a valid fødselsnummer or D-number');
      return { role, ident: subject };
    case 'nav-advisor': {
      const azureId = NAV_IDENT.test(subject) ? directory.azureIdOf(subject) : undefined;
      if (!azureId) throw new OAuthError('invalid_request', 'unknown NAVident: not among the fixtures\' veiledere');
      return { role, navIdent: subject, azureId };
    }
    case 'career-counsellor': {
      if (!id.safeParse(subject).success) throw new OAuthError('invalid_request', 'invalid counsellor id');
      // The centre defaults to the counsellor's own; a different one may be asked for, to test cross-centre access.
      const centreId = centre ?? directory.centreOf(subject);
      if (!centreId) throw new OAuthError('invalid_request', 'centre is required for a counsellor not in the fixtures');
      return { role, counsellorId: subject, centreId };
    }
    case 'training-advisor':
      if (!id.safeParse(subject).success) throw new OAuthError('invalid_request', 'invalid advisor id');
      return { role, advisorId: subject };
    case 'partner-reporting':
      if (!id.safeParse(subject).success) throw new OAuthError('invalid_request', 'invalid client id');
      return { role, clientId: subject };
  }
}

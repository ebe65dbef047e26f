import type { Caller } from '../../lib/auth/caller.ts';
import type { UpstreamCaller } from '../common/app.ts';

/**
 * The claims an upstream stand-in reads from an exchanged token (shared/upstreams/README.md, "Authentication
 * and headers"): the upstream's role name and the identity attributes it needs for its access rules.
 */
export function upstreamClaimsFor(caller: Caller): UpstreamCaller & { sub: string } {
  switch (caller.role) {
    case 'citizen':
      return { role: 'PERSON', sub: caller.ident, pid: caller.ident };
    case 'nav-advisor':
      return { role: 'NAV', sub: caller.azureId, NAVident: caller.navIdent, oid: caller.azureId };
    case 'career-counsellor':
      return { role: 'KARRIERESENTER', sub: caller.counsellorId, counsellorId: caller.counsellorId, centreId: caller.centreId };
    case 'training-advisor':
      return { role: 'FAGOPPLAERING', sub: caller.advisorId, advisorId: caller.advisorId };
    case 'partner-reporting':
      return { role: 'PARTNER', sub: caller.clientId };
  }
}

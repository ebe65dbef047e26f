import { personal } from '../../../lib/consent/subject.ts';
import type { UpstreamHttp } from '../../../lib/upstream/http.ts';
import type { Decision14a } from '../model.ts';
import { siste14aVedtakDto } from './veilarbvedtaksstotte.schemas.ts';

/** veilarbvedtaksstotte: § 14 a decisions. */
export interface VeilarbvedtaksstotteClient {
  /** The latest § 14 a decision (innsatsgruppe, main goal); null when none was made. */
  latestDecisionOf(ident: string): Promise<Decision14a | null>;
}

export function createVeilarbvedtaksstotteClient(http: UpstreamHttp): VeilarbvedtaksstotteClient {
  return {
    async latestDecisionOf(ident) {
      // 204 and the real service's empty 200 both mean "no decision"; the plumbing parses both as null.
      const { data } = await http({
        operation: 'hentSiste14aVedtak',
        method: 'POST',
        path: '/veilarbvedtaksstotte/api/v2/hent-siste-14a-vedtak',
        body: { fnr: ident },
        schema: siste14aVedtakDto,
      });
      if (!data) return null;
      return personal(ident, { innsatsgruppe: data.innsatsgruppe, mainGoal: data.hovedmal ?? null, decidedAt: new Date(data.fattetDato) });
    },
  };
}

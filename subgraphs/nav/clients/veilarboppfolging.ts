import { personal } from '../../../lib/consent/subject.ts';
import { UpstreamHttpError } from '../../../lib/upstream/errors.ts';
import type { UpstreamHttp } from '../../../lib/upstream/http.ts';
import type { FollowUp, OfficeAndAdvisor } from '../model.ts';
import { oppfolgingEnhetMedVeilederDto, oppfolgingStatusDto } from './veilarboppfolging.schemas.ts';

/** veilarboppfolging: whether and how NAV follows the person up. */
export interface VeilarboppfolgingClient {
  /** The open follow-up period with its status flags; null when the person is not under follow-up. */
  followUpOf(ident: string): Promise<FollowUp | null>;
  /** The person's office and assigned advisor; both null when NAV knows neither. */
  officeAndAdvisorOf(ident: string): Promise<OfficeAndAdvisor>;
}

export function createVeilarboppfolgingClient(http: UpstreamHttp): VeilarboppfolgingClient {
  return {
    async followUpOf(ident) {
      const { data } = await http({
        operation: 'hentOppfolgingsstatus',
        method: 'POST',
        path: '/veilarboppfolging/api/v3/oppfolging/hent-status',
        body: { fnr: ident },
        schema: oppfolgingStatusDto,
      });
      // At most one period is open (no sluttDato); without one the person is not followed up now.
      const open = data.oppfolgingsPerioder.find((p) => !p.sluttDato);
      if (!data.underOppfolging || !open) return null;
      return personal(ident, {
        ident,
        periodId: open.uuid,
        startedAt: new Date(open.startDato),
        canBeNotified: data.kanVarsles,
        manualFollowUp: data.manuell,
        reservedAgainstDigitalContact: data.reservasjonKRR,
      });
    },

    async officeAndAdvisorOf(ident) {
      try {
        const { data } = await http({
          operation: 'hentOppfolgingsenhetOgVeileder',
          method: 'POST',
          path: '/veilarboppfolging/api/v2/person/hent-oppfolgingsstatus',
          body: { fnr: ident },
          schema: oppfolgingEnhetMedVeilederDto,
        });
        const office = data.oppfolgingsenhet ? { id: data.oppfolgingsenhet.enhetId, name: data.oppfolgingsenhet.navn } : null;
        const advisor = data.veilederId ? personal(ident, { navIdent: data.veilederId }) : null;
        return personal(ident, { office, advisor });
      } catch (error) {
        // 404: NAV does not know the person's office or advisor, which the schema says with nulls.
        if (error instanceof UpstreamHttpError && error.status === 404) return personal(ident, { office: null, advisor: null });
        throw error;
      }
    },
  };
}

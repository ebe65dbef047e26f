import { personal } from '../../../lib/consent/subject.ts';
import { osloDate } from '../../../lib/time.ts';
import type { UpstreamHttp } from '../../../lib/upstream/http.ts';
import type { Activity, MeetingSummaryRecord } from '../model.ts';
import { aktivitetsplanDto, type AktivitetDto } from './veilarbaktivitet.schemas.ts';

/** veilarbaktivitet: the person's activity plan. */
export interface VeilarbaktivitetClient {
  /** Every activity of the person in every follow-up period, historic ones included. */
  activitiesOf(ident: string): Promise<Activity[]>;
}

export function createVeilarbaktivitetClient(http: UpstreamHttp): VeilarbaktivitetClient {
  return {
    async activitiesOf(ident) {
      const { data } = await http({
        operation: 'hentAktivitetsplan',
        method: 'GET',
        path: '/veilarbaktivitet/api/aktivitet',
        query: { fnr: ident },
        schema: aktivitetsplanDto,
      });
      return data.aktiviteter.map((dto) => toActivity(ident, dto));
    },
  };
}

/** Only meetings and conversation summaries carry a summary (referat). */
const WITH_SUMMARY = new Set(['MOTE', 'SAMTALEREFERAT']);

function toActivity(ident: string, dto: AktivitetDto): Activity {
  const meetingSummary: MeetingSummaryRecord | null = WITH_SUMMARY.has(dto.type)
    ? personal(ident, { channel: dto.kanal ?? null, text: dto.referat ?? null, published: dto.erReferatPublisert })
    : null;
  return personal(ident, {
    ownerIdent: ident,
    id: dto.id,
    version: dto.versjon,
    title: dto.tittel,
    description: dto.beskrivelse ?? null,
    type: dto.type,
    status: dto.status,
    // NAV sends dates as midnight instants; the day is the Oslo calendar day of that instant.
    fromDate: dto.fraDato ? osloDate(new Date(dto.fraDato)) : null,
    toDate: dto.tilDato ? osloDate(new Date(dto.tilDato)) : null,
    agreedWithNav: dto.avtalt,
    historic: dto.historisk,
    changedAt: new Date(dto.endretDato),
    periodId: dto.oppfolgingsperiodeId,
    meetingSummary,
  });
}

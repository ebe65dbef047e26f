import { personal } from '../../../lib/consent/subject.ts';
import { fromOsloWallClock, osloDate, toOsloIso } from '../../../lib/time.ts';
import type { UpstreamHttp } from '../../../lib/upstream/http.ts';
import type { Activity, ActivityStatus, MeetingChannel, MeetingSummaryRecord } from '../model.ts';
import { aktivitetDto, aktivitetsplanDto, type AktivitetDto } from './veilarbaktivitet.schemas.ts';

/** A new activity of the types this graph creates (EGEN and SAMTALEREFERAT). */
export interface NewActivity {
  title: string;
  type: 'EGEN' | 'SAMTALEREFERAT';
  status: ActivityStatus;
  description?: string;
  /** EGEN: what the activity is for (hensikt). */
  purpose?: string;
  /** Oslo calendar dates (YYYY-MM-DD). */
  fromDate?: string;
  toDate?: string;
  agreedWithNav: boolean;
  channel?: MeetingChannel;
  summary?: string;
}

/**
 * veilarbaktivitet: the person's activity plan. Writes are not idempotent at NAV (a POST creates on every call), so
 * they are never retried here; 4xx answers reach the caller as UpstreamHttpError for the mutation to map.
 */
export interface VeilarbaktivitetClient {
  /** Every activity of the person in every follow-up period, historic ones included. */
  activitiesOf(ident: string): Promise<Activity[]>;
  /** Creates an activity in the follow-up period `periodId` of `ident` (409: not the current, open period). */
  create(ident: string, periodId: string, activity: NewActivity): Promise<Activity>;
  /** Changes the status, sending the version last read (409: stale; 400: final status or historic). */
  updateStatus(ident: string, change: { id: string; version: string; status: ActivityStatus; comment?: string }): Promise<Activity>;
  /** Writes the summary (referat) of a MOTE or SAMTALEREFERAT; `publish` also shares it with the person. */
  writeSummary(ident: string, change: { id: string; version: string; text: string; publish: boolean }): Promise<Activity>;
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

    async create(ident, periodId, activity) {
      const { data } = await http({
        operation: 'opprettAktivitet',
        method: 'POST',
        path: `/veilarbaktivitet/api/aktivitet/${encodeURIComponent(periodId)}/ny`,
        body: {
          tittel: activity.title,
          type: activity.type,
          status: activity.status,
          beskrivelse: activity.description,
          hensikt: activity.purpose,
          fraDato: activity.fromDate && osloMidnight(activity.fromDate),
          tilDato: activity.toDate && osloMidnight(activity.toDate),
          avtalt: activity.agreedWithNav,
          kanal: activity.channel,
          referat: activity.summary,
        },
        schema: aktivitetDto,
      });
      return toActivity(ident, data);
    },

    async updateStatus(ident, change) {
      const { data } = await http({
        operation: 'oppdaterAktivitetStatus',
        method: 'PUT',
        path: `/veilarbaktivitet/api/aktivitet/${encodeURIComponent(change.id)}/status`,
        body: { id: change.id, versjon: change.version, status: change.status, avsluttetKommentar: change.comment },
        schema: aktivitetDto,
      });
      return toActivity(ident, data);
    },

    async writeSummary(ident, change) {
      const { data } = await http({
        operation: change.publish ? 'publiserReferat' : 'oppdaterReferat',
        method: 'PUT',
        path: `/veilarbaktivitet/api/aktivitet/${encodeURIComponent(change.id)}/referat${change.publish ? '/publiser' : ''}`,
        body: { id: change.id, versjon: change.version, referat: change.text },
        schema: aktivitetDto,
      });
      return toActivity(ident, data);
    },
  };
}

/** NAV sends a day as the instant of its Oslo midnight. */
function osloMidnight(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return toOsloIso(fromOsloWallClock({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }));
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

import type { z } from 'zod';
import { createUpstreamHttp, type UpstreamHttp, type UpstreamRequestScope } from '../../../lib/upstream/http.ts';
import {
  kartleggingsforesporsel,
  listLaerefagResponse,
  opplaeringsplan,
  sokKartleggingerResponse,
  sokOpplaeringsdataResponse,
  type KartleggingStatus,
  type Kartleggingsforesporsel,
  type Laerefag,
  type Omfang,
  type Opplaeringsplan,
  type PlanFag,
} from './fagopplaering.schemas.ts';
import { fagopplaeringStatistics, type FagopplaeringStatistics } from './fagopplaering.statistics.ts';

/** The record kinds of sokOpplaeringsdata (`inkluder`). */
export type RecordKind = 'FAG' | 'PRAKSIS' | 'LAEREKONTRAKTER';

/** The contract's limit on fnr per sokOpplaeringsdata call. */
export const MAX_PERSONS_PER_SEARCH = 200;

export interface FagopplaeringClientOptions {
  /** Base URL of the fagopplæring API (…/api/v1). */
  baseUrl: string;
  /** @default 5000 */
  timeoutMs?: number;
}

/** Records of many persons: found, not found in the county, or not accessible for this caller. */
export type RecordSearch = z.output<typeof sokOpplaeringsdataResponse>;

/** NyKartleggingsforesporsel: what NAV sends (opprettKartleggingsforesporsel). */
export interface NewRequest {
  fnr: string;
  henvisendeVeileder: { navIdent: string; navn: string; enhetId: string; enhetNavn: string };
  onsketLaerefag: string[];
  beskrivelse: string;
  karrierenotatId?: string;
  /** MUNTLIG/SKRIFTLIG with gittTidspunkt: the consent NAV registers; DIGITAL without it: NAV asks the person. */
  samtykke: { gittTidspunkt?: string; metode: 'MUNTLIG' | 'SKRIFTLIG' | 'DIGITAL'; omfang: Omfang[] };
}

/** What opprettKartleggingsforesporsel answered: the request, and whether it replays an earlier call's answer. */
export interface CreatedRequest {
  request: Kartleggingsforesporsel;
  /** Idempotent-Replayed: the body is the first call's, as it was then (the request may have moved on since). */
  replayed: boolean;
}

/** OpplaeringsplanInnhold: the content of a plan (opprett/endre). */
export interface PlanContentBody {
  laerefagkode: string;
  rute: Opplaeringsplan['rute'];
  godkjenteFag: PlanFag[];
  gjenstaendeFag: PlanFag[];
  godkjentPraksisManeder: number | null;
  estimertVarighetManeder: number;
  merknader: string;
}

/**
 * The county's fagopplæring API (fagopplaering.openapi.yaml) for one request: every call carries the caller's
 * exchanged token and X-Correlation-ID; every body is checked against the contract.
 */
export interface FagopplaeringClient extends FagopplaeringStatistics {
  /** sokOpplaeringsdata: records of up to 200 persons in one call, only the kinds asked for. */
  searchRecords(idents: readonly string[], kinds: readonly RecordKind[]): Promise<RecordSearch>;
  /** sokKartleggingsforesporsler: a person's skills-mapping requests, newest first. */
  findRequestsOfPerson(ident: string): Promise<Kartleggingsforesporsel[]>;
  /** hentOpplaeringsplan: one training plan. */
  getTrainingPlan(planId: string): Promise<Opplaeringsplan>;
  /** listLaerefag: the trade catalogue. */
  listTrades(): Promise<Laerefag[]>;
  /** hentKartleggingsforesporsel: one request (also TRUKKET). */
  getRequest(requestId: string): Promise<Kartleggingsforesporsel>;
  /** sokKartleggingsforesporsler by status: the worklist, newest first. */
  findRequestsByStatus(status: readonly KartleggingStatus[]): Promise<Kartleggingsforesporsel[]>;
  /** opprettKartleggingsforesporsel, idempotent by `idempotencyKey` (a replay answers the first request). */
  createRequest(body: NewRequest, idempotencyKey: string): Promise<CreatedRequest>;
  /** giSamtykke: the person gives the digital consent NAV asked for (their own token only), at most what was asked. */
  giveConsent(requestId: string, omfang: Omfang[]): Promise<Kartleggingsforesporsel>;
  /**
   * endreKartleggingStatus (UNDER_BEHANDLING, AVSLUTTET) with the version last read; the referring NAV advisor may
   * close their own request before fagopplæringen takes it on.
   */
  changeStatus(requestId: string, body: { status: 'UNDER_BEHANDLING' | 'AVSLUTTET'; versjon: number; tildeltRadgiverId?: string }): Promise<Kartleggingsforesporsel>;
  /** trekkSamtykke: the person withdrew consent; the request becomes TRUKKET. */
  withdrawConsent(requestId: string, body: { metode: 'MUNTLIG' | 'SKRIFTLIG' | 'DIGITAL'; registrertAv: { type: 'BRUKER' | 'NAV' | 'FAGOPPLAERING'; id: string } }): Promise<Kartleggingsforesporsel>;
  /** opprettOpplaeringsplan: a draft plan for a request (one per request). */
  createPlan(requestId: string, content: PlanContentBody): Promise<Opplaeringsplan>;
  /** endreOpplaeringsplan: a draft's new content, with the version last read. */
  updatePlan(planId: string, content: PlanContentBody, versjon: number): Promise<Opplaeringsplan>;
  /**
   * sendOpplaeringsplan: the county system sends the plan through Digipost (print for non-users). It stores the
   * Digipost messageId on the plan before sending, so a retry sends no second letter; a sent plan is answered as is.
   */
  sendPlan(planId: string, versjon: number): Promise<Opplaeringsplan>;
}

export function createFagopplaeringClient(options: FagopplaeringClientOptions, scope: UpstreamRequestScope): FagopplaeringClient {
  const http: UpstreamHttp = createUpstreamHttp(
    { system: 'fagopplaering', baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, correlationHeader: 'X-Correlation-ID' },
    scope,
  );
  return {
    ...fagopplaeringStatistics(http),
    async searchRecords(idents, kinds) {
      const { data } = await http({
        operation: 'sokOpplaeringsdata',
        method: 'POST',
        path: '/personer/opplaeringsdata/sok',
        body: { fnr: idents, inkluder: kinds },
        schema: sokOpplaeringsdataResponse,
      });
      return data;
    },
    async findRequestsOfPerson(ident) {
      const { data } = await http({
        operation: 'sokKartleggingsforesporsler',
        method: 'POST',
        path: '/kartlegginger/sok',
        body: { fnr: ident },
        schema: sokKartleggingerResponse,
      });
      return data.kartlegginger;
    },
    async getTrainingPlan(planId) {
      const { data } = await http({
        operation: 'hentOpplaeringsplan',
        method: 'GET',
        path: `/opplaeringsplaner/${encodeURIComponent(planId)}`,
        schema: opplaeringsplan,
      });
      return data;
    },
    async listTrades() {
      const { data } = await http({ operation: 'listLaerefag', method: 'GET', path: '/laereplan/laerefag', schema: listLaerefagResponse });
      return data;
    },
    async getRequest(requestId) {
      const path = `/kartlegginger/${encodeURIComponent(requestId)}`;
      return (await http({ operation: 'hentKartleggingsforesporsel', method: 'GET', path, schema: kartleggingsforesporsel })).data;
    },
    async findRequestsByStatus(status) {
      const body = { status: [...status] };
      return (await http({ operation: 'sokKartleggingsforesporsler', method: 'POST', path: '/kartlegginger/sok', body, schema: sokKartleggingerResponse })).data
        .kartlegginger;
    },
    async createRequest(body, idempotencyKey) {
      const headers = { 'Idempotency-Key': idempotencyKey };
      const response = await http({ operation: 'opprettKartleggingsforesporsel', method: 'POST', path: '/kartlegginger', body, headers, schema: kartleggingsforesporsel });
      return { request: response.data, replayed: response.headers.get('idempotent-replayed') === 'true' };
    },
    async giveConsent(requestId, omfang) {
      const path = `/kartlegginger/${encodeURIComponent(requestId)}/samtykke`;
      return (await http({ operation: 'giSamtykke', method: 'POST', path, body: { omfang }, schema: kartleggingsforesporsel })).data;
    },
    async changeStatus(requestId, body) {
      const path = `/kartlegginger/${encodeURIComponent(requestId)}/status`;
      return (await http({ operation: 'endreKartleggingStatus', method: 'POST', path, body, schema: kartleggingsforesporsel })).data;
    },
    async withdrawConsent(requestId, body) {
      const path = `/kartlegginger/${encodeURIComponent(requestId)}/trekk-samtykke`;
      return (await http({ operation: 'trekkSamtykke', method: 'POST', path, body, schema: kartleggingsforesporsel })).data;
    },
    async createPlan(requestId, content) {
      const path = `/kartlegginger/${encodeURIComponent(requestId)}/opplaeringsplan`;
      return (await http({ operation: 'opprettOpplaeringsplan', method: 'POST', path, body: content, schema: opplaeringsplan })).data;
    },
    async updatePlan(planId, content, versjon) {
      const path = `/opplaeringsplaner/${encodeURIComponent(planId)}`;
      return (await http({ operation: 'endreOpplaeringsplan', method: 'PUT', path, body: { ...content, versjon }, schema: opplaeringsplan })).data;
    },
    async sendPlan(planId, versjon) {
      const path = `/opplaeringsplaner/${encodeURIComponent(planId)}/send`;
      // 502 DIGIPOST_FEILET is the contract's answer for a letter that could not be delivered: the caller maps it.
      return (await http({ operation: 'sendOpplaeringsplan', method: 'POST', path, body: { versjon }, schema: opplaeringsplan, clientHandles: [502] })).data;
    },
  };
}

import type { z } from 'zod';
import { createUpstreamHttp, type UpstreamHttp, type UpstreamRequestScope } from '../../../lib/upstream/http.ts';
import {
  listLaerefagResponse,
  opplaeringsplan,
  sokKartleggingerResponse,
  sokOpplaeringsdataResponse,
  type Kartleggingsforesporsel,
  type Laerefag,
  type Opplaeringsplan,
} from './fagopplaering.schemas.ts';

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

/**
 * The county's fagopplæring API (fagopplaering.openapi.yaml) for one request: every call carries the caller's
 * exchanged token and X-Correlation-ID; every body is checked against the contract.
 */
export interface FagopplaeringClient {
  /** sokOpplaeringsdata: records of up to 200 persons in one call, only the kinds asked for. */
  searchRecords(idents: readonly string[], kinds: readonly RecordKind[]): Promise<RecordSearch>;
  /** sokKartleggingsforesporsler: a person's skills-mapping requests, newest first. */
  findRequestsOfPerson(ident: string): Promise<Kartleggingsforesporsel[]>;
  /** hentOpplaeringsplan: one training plan. */
  getTrainingPlan(planId: string): Promise<Opplaeringsplan>;
  /** listLaerefag: the trade catalogue. */
  listTrades(): Promise<Laerefag[]>;
}

export function createFagopplaeringClient(options: FagopplaeringClientOptions, scope: UpstreamRequestScope): FagopplaeringClient {
  const http: UpstreamHttp = createUpstreamHttp(
    { system: 'fagopplaering', baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, correlationHeader: 'X-Correlation-ID' },
    scope,
  );
  return {
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
  };
}

import DataLoader from 'dataloader';
import { perKeyLoader } from '../../lib/upstream/perKeyLoader.ts';
import { ErrorCode, graphError } from '../../lib/errors.ts';
import { upstreamContractViolation } from '../../lib/upstream/errors.ts';
import type { Logger } from '../../lib/log.ts';
import type { DigipostClient } from './clients/digipost.ts';
import type { MessageDelivery } from './clients/digipost.schemas.ts';
import { MAX_PERSONS_PER_SEARCH, type FagopplaeringClient, type RecordKind } from './clients/fagopplaering.ts';
import type { PersonOpplaeringsdata } from './clients/fagopplaering.schemas.ts';
import { toSkillsMappingRequest, toTrade, toTrainingPlan } from './mapping.ts';
import { OPEN_STATUSES, type SkillsMappingRequestModel, type TradeModel, type TrainingPlanModel } from './model.ts';

/** One person's records of one kind, as a resolver asks for them. */
export interface RecordRequest {
  ident: string;
  kind: RecordKind;
}

/** The per-request DataLoaders of the training subgraph. Created per request, never shared across requests. */
export interface TrainingLoaders {
  /** sokOpplaeringsdata: all persons and kinds asked for on one request level in one call (≤ 200 persons each). */
  records: DataLoader<RecordRequest, PersonOpplaeringsdata>;
  /** A person's skills-mapping requests (with their consent), newest first. */
  requestsOfPerson: DataLoader<string, SkillsMappingRequestModel[]>;
  /**
   * The person's open request (MOTTATT, UNDER_BEHANDLING, PLAN_SENDT), if any: the contract allows at most one per
   * person, so the worklist primes it for every person on its page and the access rule needs no call per person.
   */
  openRequestOf: DataLoader<string, SkillsMappingRequestModel | null>;
  trainingPlans: DataLoader<string, TrainingPlanModel>;
  /** The trade catalogue by code (null: not in the catalogue); one listLaerefag call per request. */
  trades: DataLoader<string, TradeModel | null>;
  /** The whole catalogue, in the catalogue's order (the same single listLaerefag call). */
  catalogue(): Promise<TradeModel[]>;
  /** Digipost's delivery of a letter by message id. */
  deliveries: DataLoader<string, MessageDelivery>;
}

const KIND_ORDER: readonly RecordKind[] = ['FAG', 'PRAKSIS', 'LAEREKONTRAKTER'];
export function createTrainingLoaders(client: FagopplaeringClient, digipost: DigipostClient, log: Logger): TrainingLoaders {
  let catalogue: Promise<Map<string, TradeModel>> | undefined;
  const loadCatalogue = () => (catalogue ??= client.listTrades().then((list) => new Map(list.map((l) => [l.programomradekode, toTrade(l)]))));
  // The contract has no batch endpoint for requests, plans or deliveries: one call per key (perKeyLoader).
  const requestsOfPerson = perKeyLoader(async (ident: string) => (await client.findRequestsOfPerson(ident)).map(toSkillsMappingRequest));
  return {
    records: new DataLoader(async (keys) => searchRecords(client, log, keys), { cacheKeyFn: (key) => `${key.kind}:${key.ident}` }),
    requestsOfPerson,
    openRequestOf: perKeyLoader(async (ident: string) => (await requestsOfPerson.load(ident)).find((r) => OPEN_STATUSES.has(r.status)) ?? null),
    trainingPlans: perKeyLoader(async (id: string) => toTrainingPlan(await client.getTrainingPlan(id))),
    trades: new DataLoader(async (codes) => {
      const byCode = await loadCatalogue();
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    catalogue: async () => [...(await loadCatalogue()).values()],
    deliveries: perKeyLoader((id: string) => digipost.getMessageDelivery(id)),
  };
}

/**
 * One sokOpplaeringsdata call per 200 persons, asking only for the kinds some resolver needs (data minimisation:
 * a query for subjects does not fetch practice). Not found in the county → empty records; refused for this caller
 * (no open request with consent covering the kind) → CONSENT_REQUIRED on that person's field.
 */
async function searchRecords(
  client: FagopplaeringClient,
  log: Logger,
  keys: readonly RecordRequest[],
): Promise<Array<PersonOpplaeringsdata | Error>> {
  const idents = [...new Set(keys.map((k) => k.ident))];
  const kinds = KIND_ORDER.filter((kind) => keys.some((k) => k.kind === kind));
  const chunks: string[][] = [];
  for (let i = 0; i < idents.length; i += MAX_PERSONS_PER_SEARCH) chunks.push(idents.slice(i, i + MAX_PERSONS_PER_SEARCH));
  const found = new Map<string, PersonOpplaeringsdata | Error>();
  for (const result of await Promise.all(chunks.map((chunk) => client.searchRecords(chunk, kinds)))) {
    for (const person of result.personer) found.set(person.fnr, person);
    for (const fnr of result.ikkeFunnet) found.set(fnr, { fnr, fag: [], praksis: [], laerekontrakter: [] });
    for (const fnr of result.ikkeTilgang) {
      found.set(fnr, graphError(ErrorCode.CONSENT_REQUIRED, 'The person has not consented to share these records.', { purpose: 'SKILLS_MAPPING' }));
    }
  }
  const missing = idents.filter((ident) => !found.has(ident)).length;
  // The contract answers every person asked for in exactly one list; a missing one is a breach.
  if (missing > 0) log.error({ system: 'fagopplaering', operation: 'sokOpplaeringsdata', missing }, 'upstream contract violation');
  return keys.map((key) => found.get(key.ident) ?? upstreamContractViolation('fagopplaering'));
}

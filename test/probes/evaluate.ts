import { actorId, type Caller } from '../../lib/auth/caller.ts';
import type { Fixtures } from '../support/fixtures.ts';
import type { Verdict } from './consent.ts';
import type { ConsentElement } from './discovery.ts';
import { consentVerdict, lookupVerdict, mayReceive, systemAccessVerdict } from './oracle.ts';
import { MIN_SECRET_LENGTH, RECORD_KINDS, type FixtureRecord } from './records.ts';
import type { Location, RenderedElement, Root } from './render.ts';
import type { Tally } from './tally.ts';

type Path = (string | number)[];
export interface GraphQLError {
  message: string;
  path?: Path;
  extensions?: Record<string, any>;
}
export interface GraphQLResponse {
  data?: Record<string, any> | null;
  errors?: GraphQLError[];
}

/** Everything evaluating one response needs: who asked about whom, and what the schema's consent elements are. */
export interface ProbeSubject {
  fx: Fixtures;
  caller: Caller;
  /** The caller as the report names it (role and id, never an ident). */
  label: string;
  ident: string;
  /** Every consent-bound element (an intermediate type may be one). */
  elements: ConsentElement[];
  /** "Type.field" → owning subgraph. */
  owners: Map<string, string>;
}

const pathKey = (path: Path) => path.join('.');
const dig = (value: unknown, path: Path): unknown => path.reduce<any>((v, k) => (v === null || v === undefined ? v : v[k]), value);
const isEmpty = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

/**
 * Checks one response against the oracle: every element of `rendered` at each of its locations. Disclosed data
 * must equal the fixture truth; withheld data must be null (field) or left out (object) with the right error;
 * no error may be unexplained; and no string anywhere in the response may contain a withheld value.
 */
export function evaluateResponse(
  subject: ProbeSubject,
  probe: { path: string; root: Root; callId: string; rootPath: Path },
  rendered: RenderedElement[],
  response: GraphQLResponse,
  tally: Tally,
): void {
  const owner = subject.caller.role === 'citizen' && subject.caller.ident === subject.ident;
  const expectedErrors = new Map<string, { code: string; purpose?: string }>();
  const withheld = new Set<string>();
  const disclosed = new Set<string>();
  const where = (element: ConsentElement) => `[${probe.path}] ${subject.label} → ${subject.ident} ${element.coordinate}`;
  /**
   * One decision the graph must record (ARCHITECTURE.md §4), as what it finally was; a record's by its id. One
   * operation decides each thing once, however many aliases or fragments ask for it: expected once per response.
   */
  const expectedHere = new Set<string>();
  const audit = (decision: 'Permit' | 'Deny', coordinate: string, recordId?: string) => {
    const key = `${decision}|${coordinate}|${recordId ?? ''}`;
    if (owner || expectedHere.has(key)) return;
    expectedHere.add(key);
    tally.audit.push({ callId: probe.callId, actor: actorId(subject.caller), subject: subject.ident, decision, coordinate, ...(recordId ? { recordId } : {}) });
  };
  const secretsOf = (records: FixtureRecord[], type: string, into: Set<string>) => {
    for (const record of records) for (const s of RECORD_KINDS[type]?.secrets(record) ?? []) if (s.length >= MIN_SECRET_LENGTH) into.add(s);
  };

  for (const { plan, locations } of rendered) {
    const { element, steps } = plan;
    for (const location of locations) {
      tally.probes++;
      const withholdFrom = (depth: number, parent?: FixtureRecord) => {
        for (let d = depth; d < steps.length; d++) {
          const type = steps[d]!.returnType;
          secretsOf(RECORD_KINDS[type]?.records(subject.fx, subject.ident, d === depth ? parent : undefined) ?? [], type, withheld);
        }
      };
      const expectWithheld = (value: unknown, path: Path, verdict: Verdict, what: string) => {
        if (verdict.disclose || verdict.code === 'NOT_VISIBLE') return;
        if (!isEmpty(value)) tally.leaks.push(`${where(element)}: ${what} disclosed at ${pathKey(path)} but must be ${verdict.code}`);
        const purpose = verdict.code === 'CONSENT_REQUIRED' ? verdict.purpose : undefined;
        expectedErrors.set(`${pathKey(path)}|${verdict.code}`, { code: verdict.code, purpose });
        const error = response.errors?.find((e) => e.path && pathKey(e.path) === pathKey(path));
        if (!error) tally.mismatches.push(`${where(element)}: no ${verdict.code} error at ${pathKey(path)}`);
        else if (error.extensions?.code !== verdict.code) tally.mismatches.push(`${where(element)}: ${error.extensions?.code} at ${pathKey(path)}, expected ${verdict.code}`);
        else if (purpose && error.extensions?.purpose !== purpose) tally.mismatches.push(`${where(element)}: CONSENT_REQUIRED at ${pathKey(path)} without extensions.purpose ${purpose}`);
      };

      const walk = (object: any, path: Path, depth: number, parent?: FixtureRecord): void => {
        const step = steps[depth]!;
        const last = depth === steps.length - 1;
        const key = location.stepKeys[depth]!;
        const value = object?.[key];
        const valuePath = [...path, key];
        const kind = RECORD_KINDS[step.returnType];

        const stepCoordinate = `${step.parentType}.${step.field}`;
        // The field's own decision is final when it is the consent-bound field, or refuses the type it returns:
        // then access and consent are one decision, recorded once (below), not a Permit and then a Deny.
        const decidedBelow = last && ((element.kind === 'field' && element.coordinate === stepCoordinate) || (element.kind === 'object' && !mayReceive(element, subject.caller).disclose));
        if (step.parentType === 'Person' && step.field !== 'ident') {
          const coordinate = stepCoordinate;
          const subgraph = subject.owners.get(coordinate);
          if (!subgraph) throw new Error(`no subgraph resolves ${coordinate}`);
          const access = systemAccessVerdict(subject.fx, subgraph, subject.caller, subject.ident);
          if (!access.disclose || !decidedBelow) audit(access.disclose ? 'Permit' : 'Deny', coordinate);
          if (!access.disclose) {
            tally.withholdings++;
            withholdFrom(depth, parent);
            return expectWithheld(value, valuePath, access, coordinate);
          }
        }

        if (last && element.kind === 'field') {
          const verdict = consentVerdict(subject.fx, element, subject.caller, subject.ident, { parent, valueType: step.returnType });
          audit(verdict.disclose ? 'Permit' : 'Deny', element.coordinate);
          if (!verdict.disclose) {
            tally.withholdings++;
            withholdFrom(depth, parent);
            return expectWithheld(value, valuePath, verdict, element.coordinate);
          }
          tally.disclosures++;
          if (!kind) {
            if (value === undefined) tally.mismatches.push(`${where(element)}: no value at ${pathKey(valuePath)}`);
            return;
          }
          const records = kind.records(subject.fx, subject.ident, parent);
          secretsOf(records, step.returnType, disclosed);
          return compareRecords(value, valuePath, records, records, location);
        }

        if (last) {
          // Object-level consent: instances without a grant are left out, silently.
          const receive = mayReceive(element, subject.caller);
          if (!receive.disclose) {
            // Refused before anything is read: a decision about the field that returns the type.
            audit('Deny', stepCoordinate);
            tally.withholdings++;
            withholdFrom(depth, parent);
            return expectWithheld(value, valuePath, receive, element.coordinate);
          }
          const records = kind?.records(subject.fx, subject.ident, parent) ?? [];
          const visible: FixtureRecord[] = [];
          for (const record of records) {
            const verdict = consentVerdict(subject.fx, element, subject.caller, subject.ident, { record, valueType: step.returnType });
            // Each instance is its own decision, named by its id: disclosed, or refused — also when the owning system
            // withheld it from the caller (an unshared note, another centre's): it tells the graph so, for this record.
            audit(verdict.disclose ? 'Permit' : 'Deny', element.coordinate, kind?.key === 'id' ? kind.keyOf(record) : undefined);
            if (verdict.disclose) {
              visible.push(record);
              tally.disclosures++;
            } else {
              tally.withholdings++;
            }
          }
          secretsOf(visible, step.returnType, disclosed);
          secretsOf(records.filter((r) => !visible.includes(r)), step.returnType, withheld);
          if (!step.list && visible.length === 0 && records.length > 0) {
            const verdict = consentVerdict(subject.fx, element, subject.caller, subject.ident, { record: records[0], valueType: step.returnType });
            return expectWithheld(value, valuePath, verdict, element.coordinate);
          }
          return compareRecords(value, valuePath, visible, records, location);
        }

        // On the way: match each item to its record, and make sure no item is one the caller may not have.
        if (value === null || value === undefined) {
          if (kind && kind.records(subject.fx, subject.ident, parent).length) tally.mismatches.push(`${where(element)}: nothing at ${pathKey(valuePath)}`);
          return;
        }
        const items: any[] = step.list ? value : [value];
        const gate = subject.elements.find((e) => e.kind === 'object' && e.typeName === step.returnType);
        if (gate && kind) {
          // Instances of a consent-bound type on the way are decided one by one as well, each recorded by its id.
          for (const record of kind.records(subject.fx, subject.ident, parent)) {
            const verdict = consentVerdict(subject.fx, gate, subject.caller, subject.ident, { record, valueType: step.returnType });
            audit(verdict.disclose ? 'Permit' : 'Deny', gate.coordinate, kind.key === 'id' ? kind.keyOf(record) : undefined);
          }
        }
        items.forEach((item, i) => {
          const keyLeaf = location.recordKeys[depth];
          const record = kind && keyLeaf ? kind.records(subject.fx, subject.ident, parent).find((r) => kind.keyOf(r) === item?.[keyLeaf]) : undefined;
          if (gate && (!record || !consentVerdict(subject.fx, gate, subject.caller, subject.ident, { record, valueType: step.returnType }).disclose)) {
            tally.leaks.push(`${where(element)}: a ${step.returnType} the caller may not have is at ${pathKey([...valuePath, i])}`);
            return;
          }
          walk(item, step.list ? [...valuePath, i] : valuePath, depth + 1, record ?? parent);
        });
      };

      /** Disclosed data against the truth: the same records (by their identifying leaf), nothing more. */
      const compareRecords = (value: unknown, path: Path, expected: FixtureRecord[], all: FixtureRecord[], at: Location) => {
        const kind = RECORD_KINDS[steps.at(-1)!.returnType]!;
        const keyLeaf = at.leafKeys[kind.key];
        const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
        if (steps.at(-1)!.list && !Array.isArray(value)) tally.mismatches.push(`${where(element)}: no list at ${pathKey(path)}`);
        if (!keyLeaf) {
          // Only __typename was asked for: the count must still match, or the list says more than it may.
          if (list.length > expected.length) tally.leaks.push(`${where(element)}: ${list.length} items at ${pathKey(path)}, only ${expected.length} may be disclosed`);
          else if (list.length < expected.length) tally.mismatches.push(`${where(element)}: ${list.length} items at ${pathKey(path)}, expected ${expected.length}`);
          return;
        }
        const got = list.map((item: any) => String(item?.[keyLeaf])).sort();
        const want = expected.map((r) => kind.keyOf(r)).sort();
        const allowed = new Set(want);
        const extra = got.filter((k) => !allowed.has(k));
        if (extra.length) {
          const known = new Set(all.map((r) => kind.keyOf(r)));
          tally.leaks.push(`${where(element)}: ${extra.length} item(s) at ${pathKey(path)} must not be disclosed (${extra.filter((k) => known.has(k)).join(', ') || 'not the person’s'})`);
        }
        if (JSON.stringify(got) !== JSON.stringify(want) && !extra.length) {
          tally.mismatches.push(`${where(element)}: at ${pathKey(path)} got [${got.join(', ')}], expected [${want.join(', ')}]`);
        }
      };

      const rootValue = dig(response.data, probe.rootPath);
      if (probe.root !== 'entities') {
        const lookup: Verdict =
          probe.root === 'me'
            ? subject.caller.role === 'citizen' ? { disclose: true } : { disclose: false, code: 'FORBIDDEN' }
            : lookupVerdict(subject.fx, subject.caller, subject.ident);
        if (!lookup.disclose) {
          audit('Deny', 'Query.person');
          tally.withholdings++;
          withholdFrom(0);
          expectWithheld(rootValue, probe.rootPath, lookup, 'the person');
          continue;
        }
      }
      if (rootValue === null || rootValue === undefined) {
        tally.mismatches.push(`${where(element)}: no person at ${pathKey(probe.rootPath)}`);
        continue;
      }
      walk(rootValue, probe.rootPath, 0);
    }
  }

  for (const error of response.errors ?? []) {
    const code = String(error.extensions?.code);
    if (!error.path || !expectedErrors.has(`${pathKey(error.path)}|${code}`)) {
      tally.mismatches.push(`[${probe.path}] ${subject.label} → ${subject.ident}: unexpected ${code} at ${error.path ? pathKey(error.path) : '(no path)'}`);
    }
  }
  for (const secret of disclosed) withheld.delete(secret);
  const found = scanFor(response, withheld);
  if (found.length) tally.leaks.push(`[${probe.path}] ${subject.label} → ${subject.ident}: the response contains ${found.length} withheld value(s): ${found.map((s) => JSON.stringify(s.slice(0, 40))).join(', ')}`);
}

/** The withheld values that occur in any string of a response (data, error messages, extensions). */
export function scanFor(response: unknown, secrets: Set<string>): string[] {
  if (!secrets.size) return [];
  const strings: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (strings.push(k), collect(x)));
  };
  collect(response);
  return [...secrets].filter((s) => strings.some((t) => t.includes(s)));
}

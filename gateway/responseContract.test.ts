import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSupergraph } from '../schema/compose.ts';
import { checkSubgraphData } from './responseContract.ts';
import { SelectedFields } from './selectedFields.ts';
import { subgraphSchemas } from './subgraphSchemas.ts';

const career = subgraphSchemas(readSupergraph()).get('career')!;
const check = (query: string, data: unknown, variables: Record<string, unknown> = {}) =>
  checkSubgraphData(new SelectedFields(career, parse(query), variables), structuredClone(data));

const centre = { id: 'KS-1', name: 'Trondheim', municipality: 'Trondheim', modes: ['IN_PERSON', 'DIGITAL'], homepageUrl: 'https://k.example' };
const CENTRES = '{ careerCentres { id name municipality modes homepageUrl } }';

describe('a subgraph answer checked against the operation it was sent', () => {
  it('passes an answer that is exactly what was asked', () => {
    expect(check(CENTRES, { careerCentres: [centre] })).toEqual({ data: { careerCentres: [centre] }, violations: [] });
    expect(check(CENTRES, { careerCentres: null })).toEqual({ data: { careerCentres: null }, violations: [] });
  });

  it('accepts only what graphql-js itself would have written for a scalar or an enum', () => {
    const broken: [string, unknown][] = [
      ['id', 42],
      ['name', true],
      ['modes', ['IN_PERSON', 'BY_PIGEON']],
      ['modes', 'IN_PERSON'],
    ];
    for (const [field, value] of broken) {
      const res = check(CENTRES, { careerCentres: [{ ...centre, [field]: value }] });
      // Every field of a centre is non-null and so are the list's items: the list is nulled, the error is at the value.
      expect(res.data).toEqual({ careerCentres: null });
      expect(res.violations.map((v) => v.path.slice(0, 3))).toEqual([['careerCentres', 0, field]]);
    }
  });

  it('checks Int range, DateTime form and nullability in nested objects', () => {
    const slots = '{ availableSlots(centreId: "KS-1", from: "2026-11-01", to: "2026-11-30") { id startsAt durationMinutes } }';
    const slot = { id: 's1', startsAt: '2026-11-27T09:00:00+01:00', durationMinutes: 45 };
    expect(check(slots, { availableSlots: [slot] }).violations).toEqual([]);
    for (const wrong of [{ durationMinutes: 2 ** 31 }, { durationMinutes: 45.5 }, { durationMinutes: '45' }, { startsAt: 'tomorrow' }, { startsAt: null }]) {
      const res = check(slots, { availableSlots: [{ ...slot, ...wrong }] });
      expect(res.data).toEqual({ availableSlots: null });
      expect(res.violations).toHaveLength(1);
    }
  });

  it('refuses a missing key and a key that was not asked, nulling up to the nearest nullable field', () => {
    const { homepageUrl: _h, ...withoutHomepage } = centre;
    expect(check(CENTRES, { careerCentres: [withoutHomepage] }).violations).toEqual([{ path: ['careerCentres', 0, 'homepageUrl'], reason: 'missing' }]);
    const extra = check(CENTRES, { careerCentres: [{ ...centre, secret: 'x' }] });
    expect(extra).toEqual({ data: { careerCentres: null }, violations: [{ path: ['careerCentres', 0], reason: 'a field that was not asked for' }] });
    expect(check(CENTRES, { careerCentres: [centre], availableSlots: [] }).data).toBeUndefined();
  });

  it('follows aliases, fragments and @include/@skip as the subgraph executed them', () => {
    const query = `query($withModes: Boolean!) { list: careerCentres { ...C modes @include(if: $withModes) name @skip(if: true) } }
      fragment C on CareerCentre { key: id }`;
    expect(check(query, { list: [{ key: 'KS-1' }] }, { withModes: false }).violations).toEqual([]);
    expect(check(query, { list: [{ key: 'KS-1', modes: [] }] }, { withModes: true }).violations).toEqual([]);
    expect(check(query, { list: [{ key: 'KS-1', modes: [] }] }, { withModes: false }).violations).toHaveLength(1);
    expect(check(query, { list: [{ key: 'KS-1', name: 'x' }] }, { withModes: false }).violations).toHaveLength(1);
  });

  describe('an _entities answer', () => {
    const ENTITIES = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { careerNotes { id } guidanceBookings { id } } } }';
    const people = (n: number) => ({ representations: Array.from({ length: n }, (_, i) => ({ __typename: 'Person', ident: `p${i}` })) });

    it('keeps good items and null items, and reports a broken item on each field asked of it', () => {
      const res = check(ENTITIES, { _entities: [{ careerNotes: [], guidanceBookings: [{ id: 'b' }] }, null, { careerNotes: [], guidanceBookings: [], followUp: {} }] }, people(3));
      expect(res.data).toEqual({ _entities: [{ careerNotes: [], guidanceBookings: [{ id: 'b' }] }, null, null] });
      expect(res.violations.map((v) => v.path)).toEqual([
        ['_entities', 2, 'careerNotes'],
        ['_entities', 2, 'guidanceBookings'],
      ]);
    });

    it('nulls only the broken field of an item when the field is nullable', () => {
      const res = check(ENTITIES, { _entities: [{ careerNotes: [{ id: 7 }], guidanceBookings: [] }] }, people(1));
      expect(res).toEqual({ data: { _entities: [{ careerNotes: null, guidanceBookings: [] }] }, violations: [{ path: ['_entities', 0, 'careerNotes', 0, 'id'], reason: 'expected ID' }] });
    });

    it('refuses the whole answer when the items do not match the representations one to one', () => {
      for (const data of [{ _entities: [] }, { _entities: {} }, { entities: [] }, { _entities: [null], extra: 1 }]) {
        const res = check(ENTITIES, data, people(1));
        expect(res.data).toBeUndefined();
        expect(res.violations.map((v) => v.path)).toEqual([
          ['_entities', 0, 'careerNotes'],
          ['_entities', 0, 'guidanceBookings'],
        ]);
      }
    });
  });
});

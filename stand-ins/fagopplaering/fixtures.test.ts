import { describe, expect, it } from 'vitest';
import { loadContract } from '../common/contract.ts';
import { createFagopplaeringStandIn } from './index.ts';
import { REFERENCE_NOW } from './testing.ts';

describe('Fagopplæring demo fixture', () => {
  it('holds only records that validate against their component schemas', async () => {
    const { state } = await createFagopplaeringStandIn({ now: () => new Date(REFERENCE_NOW) });
    const contract = loadContract('fagopplaering');
    const errors: string[] = [];
    const check = (schema: string, values: Iterable<unknown>) => {
      for (const v of values) errors.push(...contract.validateSchema(schema, v).map((e) => `${schema}: ${e}`));
    };
    check('Radgiver', state.radgivere.values());
    check('Laerefag', state.laerefag.values());
    check('PersonOpplaeringsdata', state.personer.values());
    check('Kartleggingsforesporsel', state.kartlegginger.values());
    check('Opplaeringsplan', state.opplaeringsplaner.values());
    expect(errors).toEqual([]);
    expect([state.laerefag.size, state.personer.size, state.kartlegginger.size, state.opplaeringsplaner.size]).toEqual([5, 5, 5, 3]);
  });

  it('remembers the Digipost messageId of every plan already sent', async () => {
    const { state } = await createFagopplaeringStandIn({ now: () => new Date(REFERENCE_NOW) });
    for (const plan of state.opplaeringsplaner.values()) {
      expect(state.digipostMessageIds.get(plan.id)).toBe(plan.sendt?.digipostMessageId);
    }
  });
});

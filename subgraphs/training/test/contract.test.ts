import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../stand-ins/common/contract.ts';
import { messageDelivery } from '../clients/digipost.schemas.ts';
import { kartleggingsforesporsel, laerefag, opplaeringsplan, personOpplaeringsdata } from '../clients/fagopplaering.schemas.ts';
import { digipostFixture, fixture } from './support.ts';

describe('the clients\' zod schemas', () => {
  const contract = loadContract('fagopplaering');

  it.each([
    ['PersonOpplaeringsdata', personOpplaeringsdata, () => fixture.personer],
    ['Kartleggingsforesporsel', kartleggingsforesporsel, () => fixture.kartlegginger],
    ['Opplaeringsplan', opplaeringsplan, () => fixture.opplaeringsplaner],
    ['Laerefag', laerefag, () => fixture.laerefag],
  ] as const)('accept every demo %s the contract accepts', (name, schema, records) => {
    for (const record of records()) {
      expect(contract.validateSchema(name, record)).toEqual([]);
      expect(schema.safeParse(record).success).toBe(true);
    }
  });

  it('accept every demo Digipost delivery', () => {
    for (const message of digipostFixture.messages) expect(messageDelivery.safeParse(message.delivery).success).toBe(true);
  });

  it('refuse a record the contract refuses', () => {
    const [person] = fixture.personer;
    const broken = { ...person!, fag: [{ ...person!.fag[0]!, niva: 'VG4' }] };
    expect(contract.validateSchema('PersonOpplaeringsdata', broken)).not.toEqual([]);
    expect(personOpplaeringsdata.safeParse(broken).success).toBe(false);
  });
});

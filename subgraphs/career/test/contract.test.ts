import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadContract } from '../../../stand-ins/common/contract.ts';
import {
  bookingSchema,
  centreSchema,
  noteSchema,
  notificationSchema,
  shareGrantSchema,
  slotSchema,
} from '../clients/karrieresenter.schemas.ts';
import { fixture } from './support.ts';

const contract = loadContract('karrieresenter');
const cases: Array<[string, z.ZodType, unknown[]]> = [
  ['Centre', centreSchema, fixture.centres],
  ['Slot', slotSchema, fixture.slots],
  ['Booking', bookingSchema, fixture.bookings],
  ['Notification', notificationSchema, fixture.notifications],
  ['Note', noteSchema, fixture.notes],
  ['ShareGrant', shareGrantSchema, fixture.shareGrants],
];

describe("the Karrieresenter client's schemas", () => {
  for (const [name, schema, records] of cases) {
    it(`accept every ${name} of the demo fixtures, as the contract does`, () => {
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        expect(contract.validateSchema(name, record)).toEqual([]);
        expect(schema.safeParse(record).error?.issues ?? []).toEqual([]);
      }
    });
  }

  it('refuse what the contract refuses: an unknown mode, a missing owner, a grant to someone else', () => {
    const [booking] = fixture.bookings;
    const [note] = fixture.notes;
    const [grant] = fixture.shareGrants;
    const broken: Array<[string, z.ZodType, unknown]> = [
      ['Booking', bookingSchema, { ...booking, mode: 'VIDEO' }],
      ['Note', noteSchema, { ...note, owner: undefined }],
      ['ShareGrant', shareGrantSchema, { ...grant, grantee: 'FAGOPPLAERING' }],
    ];
    for (const [name, schema, value] of broken) {
      expect(contract.validateSchema(name, value)).not.toEqual([]);
      expect(schema.safeParse(value).success).toBe(false);
    }
  });
});

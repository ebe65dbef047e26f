import { describe, expect, it } from 'vitest';
import { loadContract } from '../common/contract.ts';
import { createDigipostStandIn } from './index.ts';
import { REFERENCE_NOW } from './testing.ts';

describe('Digipost demo fixture', () => {
  it('holds only records that validate against the contract schemas', async () => {
    const { state } = await createDigipostStandIn({ now: () => new Date(REFERENCE_NOW) });
    const contract = loadContract('digipost');
    const errors: string[] = [];
    for (const result of state.recipients.values()) errors.push(...contract.validateSchema('IdentificationResult', result));
    for (const message of state.messages.values()) {
      errors.push(...contract.validateSchema('MessageRecipient', message.recipient));
      errors.push(...contract.validateSchema('MessageDelivery', message.delivery));
    }
    expect(errors).toEqual([]);
    expect(state.recipients.size).toBe(12);
    expect(state.messages.size).toBe(3);
  });
});

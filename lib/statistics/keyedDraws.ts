import { createHmac } from 'node:crypto';

/** The shortest rounding key accepted: 32 characters, as the gateway's signing secret. */
export const MIN_KEY_LENGTH = 32;

/**
 * A stream of numbers in [0, 1) drawn from a secret key and a label (HMAC-SHA256 in counter mode). The same key and
 * label give the same stream, so a figure asked again is answered the same and cannot be averaged over repeated
 * answers; without the key nobody can redo the draws, so nothing can be learnt from which way a count was rounded.
 */
export function keyedDraws(key: string, label: string): () => number {
  let block = Buffer.alloc(0);
  let offset = 0;
  let counter = 0;
  return () => {
    if (offset + 6 > block.length) {
      block = createHmac('sha256', key).update(`${label}\u0000${counter++}`).digest();
      offset = 0;
    }
    const value = block.readUIntBE(offset, 6) / 2 ** 48;
    offset += 6;
    return value;
  };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARK_BYTES, intactBytes, wordSum } from '../../../src/eventstore/pages/checksum.ts';

describe('the page checksum', () => {
  it('changes when any one byte changes, whatever the length and the alignment of the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 2000 }), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.nat(3), (bytes, where, delta, offset) => {
        // The same bytes at an unaligned offset sum alike.
        const shifted = new Uint8Array(bytes.length + offset);
        shifted.set(bytes, offset);
        const sum = wordSum(bytes);
        expect(wordSum(shifted.subarray(offset))).toBe(sum);
        const changed = bytes.slice();
        const at = where % bytes.length;
        changed[at] = (changed[at]! + delta) & 0xff;
        expect(wordSum(changed)).not.toBe(sum);
      }),
      { numRuns: 300 },
    );
  });

  it('changes when two words trade places', () => {
    const bytes = new TextEncoder().encode('{"amount":1234,"note":"rent"}\n{"amount":4321}\n');
    const swapped = bytes.slice();
    swapped.set(bytes.subarray(0, 4), 8);
    swapped.set(bytes.subarray(8, 12), 0);
    expect(wordSum(swapped)).not.toBe(wordSum(bytes));
  });

  it('its marks trace damage to the block it starts in, and a cut keeps the blocks before it', () => {
    const bytes = new TextEncoder().encode('x'.repeat(10 * MARK_BYTES + 100));
    const marks: number[] = [];
    const sum = wordSum(bytes, marks);
    expect(marks).toHaveLength(10);
    expect(marks[9]).not.toBe(sum);
    expect(intactBytes(bytes, marks)).toBe(10 * MARK_BYTES);
    const changed = bytes.slice();
    changed[3 * MARK_BYTES + 7] = 0x79;
    expect(intactBytes(changed, marks)).toBe(3 * MARK_BYTES);
    expect(intactBytes(bytes.subarray(0, 6 * MARK_BYTES + 5), marks)).toBe(6 * MARK_BYTES);
  });
});

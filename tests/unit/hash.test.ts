/**
 * The import signatures are stored with every imported record, so the hash's text must never change:
 * the quick base-36 writer has to agree with `Number.prototype.toString(36)` everywhere below 2^53.
 */
import { describe, expect, it } from 'vitest';
import { base36, hash } from '../../utils/jobname/text';

describe('base36', () => {
  it('writes what toString(36) writes, at the edges of its halves and across the range', () => {
    const six = 36 ** 6;
    const edges = [0, 1, 35, 36, six - 1, six, six + 1, 2 * six - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1];
    for (const v of edges) expect(base36(v)).toBe(v.toString(36));
    let seed = 12345;
    for (let i = 0; i < 20000; i++) {
      seed = Math.imul(seed ^ (seed >>> 15), 2246822507) >>> 0;
      const v = 4294967296 * (seed & 2097151) + (Math.imul(seed, 3266489909) >>> 0);
      // Also the multiples of 36^6 around it, where an inexact division would show.
      for (const w of [v, Math.floor(v / six) * six, Math.floor(v / six) * six - 1]) {
        if (w >= 0) expect(base36(w)).toBe(w.toString(36));
      }
    }
  });

  it('keeps the signatures imported records already carry', () => {
    // The hash as it was written before base36: the same mixing, then toString(36).
    function before(s: string): string {
      let h1 = 0xdeadbeef;
      let h2 = 0x41c6ce57;
      for (let i = 0; i < s.length; i++) {
        h1 = Math.imul(h1 ^ s.charCodeAt(i), 2654435761);
        h2 = Math.imul(h2 ^ s.charCodeAt(i), 1597334677);
      }
      h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
      return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
    }
    const texts = ['', 'a', '## مراحل', '- ✅ ارسال رزومه', '<details>\n\nانتظار\n</details>'];
    for (let i = 0; i < 5000; i++) texts.push(`line ${i} ${'x'.repeat(i % 40)} پرسش ${i * 7}`);
    for (const t of texts) expect(hash(t)).toBe(before(t));
  });
});

/** The source-part keys the importer writes for a set of entries, and the check that each reads back. */
import { expect } from 'vitest';
import { importEntry } from '../../utils/jobname/import';
import { formatKey, parseKey } from '../../utils/jobname/parts';

/** Every distinct part key of the entries' imported records, sorted. */
export function partKeys(entries: readonly string[]): string[] {
  return [...new Set(entries.flatMap((text) => importEntry(text).record.source!.parts.map((p) => p.key)))].sort();
}

/** Each key reads as a known kind (a literal's owner too) and formats back to the same string. */
export function expectKeysRoundTrip(keys: readonly string[]): void {
  for (const key of keys) {
    const parsed = parseKey(key);
    expect(parsed.kind, key).not.toBe('unknown');
    if (parsed.kind === 'literal') expect(parsed.owner.kind, key).not.toBe('unknown');
    expect(formatKey(parsed), key).toBe(key);
    expect(parseKey(formatKey(parsed)), key).toEqual(parsed);
  }
}

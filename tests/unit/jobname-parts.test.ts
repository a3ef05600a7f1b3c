/**
 * The source-part keys: every key the importer gives the parts of the fixtures reads back to a known kind and
 * formats back to the same string (the real entries: tests/conformance/jobname.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatKey, literalOwner, parseKey, type PartKey } from '../../utils/jobname/parts';
import { expectKeysRoundTrip, partKeys } from './part-keys';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/jobname');
const KEYS = partKeys(
  readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8')),
);

describe('source-part keys', () => {
  it('every key the importer writes for the fixtures reads as a known kind and formats back to itself', () => {
    expect(KEYS.length).toBeGreaterThan(30);
    expectKeysRoundTrip(KEYS);
  });

  it('the fixtures alone hold every kind of key but the task deadline', () => {
    const kinds = new Set(KEYS.map((k) => parseKey(k).kind));
    for (const kind of [
      'head',
      'heading',
      'body',
      'role',
      'dates',
      'date',
      'durations',
      'duration',
      'round',
      'intro',
      'question',
      'list',
      'outro',
      'task',
      'review',
      'end',
      'literal',
    ] as const)
      expect(kinds, kind).toContain(kind);
  });

  it('formats the keys the exporter and the importer build', () => {
    const cases: [PartKey, string][] = [
      [{ kind: 'head' }, 'head'],
      [{ kind: 'heading', section: 'status' }, 'status:h'],
      [{ kind: 'body', section: 'applyWay' }, 'applyWay'],
      [{ kind: 'date', id: 's1' }, 'date:s1'],
      [{ kind: 'duration', id: 's2' }, 'dur:s2'],
      [{ kind: 'taskDuration' }, 'dur:task'],
      [{ kind: 'dateItem', line: 12 }, 'date#12'],
      [{ kind: 'durationItem', line: 7 }, 'dur#7'],
      [{ kind: 'empty', id: 'r3' }, 'empty:r3'],
      [{ kind: 'list', id: 'q4' }, 'ul:q4'],
      [{ kind: 'literal', owner: { kind: 'round', id: 'r1' }, n: 9, moved: false }, 'lit:round:r1#9'],
      [{ kind: 'literal', owner: { kind: 'body', section: 'status' }, n: 0, moved: true }, 'lit:status#x0'],
    ];
    for (const [key, text] of cases) {
      expect(formatKey(key)).toBe(text);
      expect(parseKey(text)).toEqual(key);
    }
  });

  it('keeps a key it does not know as it is, and names a literal owner', () => {
    expect(parseKey('lit:durations#dur#12')).toEqual({
      kind: 'literal',
      owner: { kind: 'unknown', text: 'durations#dur' },
      n: 12,
      moved: false,
    });
    expect(formatKey(parseKey('lit:durations#dur#12'))).toBe('lit:durations#dur#12');
    expect(formatKey(parseKey('something:else:h'))).toBe('something:else:h');
    expect(literalOwner('lit:round:r2#x3')).toBe('round:r2');
    expect(literalOwner('q:q1')).toBeNull();
  });
});

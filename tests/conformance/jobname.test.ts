/**
 * Conformance over the real jobname material in ../shared/jobname: real entries and the generator's outputs,
 * which the project does not hold. Its own command, `npm run test:conformance` (vitest.conformance.config.ts),
 * so that `npm test` needs nothing beside the project. Where the corpus is and what happens when it is missing:
 * tests/corpus.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/jobnote';
import { mermaidValidator } from '../../cli/mermaid-node';
import { exportEntry } from '../../utils/jobname/export';
import { importEntry } from '../../utils/jobname/import';
import { lintEntry, type DiagramValidator } from '../../utils/jobname/lint';
import type { ApplicationRecord } from '../../utils/record';
import { parseRecord } from '../../utils/record-validate';
import { CORPUS, corpusPresent, requireCorpus } from '../corpus';
import { expectKeysRoundTrip, partKeys } from '../unit/part-keys';

const SHARED = CORPUS;
const present = corpusPresent;

function entries(dir: string): { name: string; text: string; path: string }[] {
  const path = join(SHARED, dir);
  return readdirSync(path)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => ({ name: `${dir}/${name}`, text: readFileSync(join(path, name), 'utf8'), path: join(path, name) }));
}

requireCorpus('Conformance tests', () => {
  expect(entries('entries').length).toBeGreaterThanOrEqual(15);
  expect(entries('mdgen').length).toBeGreaterThanOrEqual(11);
});

const ALL = present ? [...entries('entries'), ...entries('mdgen')] : [];
const norm = (l: string) =>
  l
    .replace(/<br\s*\/?>/gi, '<br>')
    .replace(/\s+/g, ' ')
    .trim();
const nonBlank = (t: string) => t.split('\n').map(norm).filter(Boolean);
const questionLines = (t: string) => t.split('\n').filter((l) => /^ ?- (?!\*\*)/.test(l) || /<li>/.test(l));
const answerLines = (t: string) => t.split('\n').filter((l) => /<details>|<\/details>|<summary/.test(l));
const withoutSource = (r: ApplicationRecord): ApplicationRecord => ({ ...structuredClone(r), source: null });

describe.runIf(present).each(ALL)('$name', ({ text }) => {
  const { record, warnings } = importEntry(text);
  const exported = exportEntry(record);

  it('imports to a valid record without errors', () => {
    const v = parseRecord(JSON.parse(JSON.stringify(record)));
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });

  it('exports back to the same bytes', () => {
    expect(exported).toBe(text);
  });

  it('keeps at least 99% of the non-blank lines and every question and answer line', () => {
    const out = new Map<string, number>();
    for (const l of nonBlank(exported)) out.set(l, (out.get(l) ?? 0) + 1);
    const lines = nonBlank(text);
    const kept = lines.filter((l) => {
      const n = out.get(l) ?? 0;
      if (n) out.set(l, n - 1);
      return n > 0;
    }).length;
    expect(kept / lines.length).toBeGreaterThanOrEqual(0.99);
    for (const q of questionLines(text)) expect(exported).toContain(q);
    for (const a of answerLines(text)) expect(exported).toContain(a);
  });

  it('is a fixed point: importing and exporting the export gives the same bytes', () => {
    expect(exportEntry(importEntry(exported).record)).toBe(exported);
  });

  it('also round-trips through its structure alone (no kept text): same questions and answers, stable', () => {
    const canonical = exportEntry(withoutSource(record));
    const again = importEntry(canonical).record;
    expect(again.company).toEqual(record.company);
    expect(again.score).toBe(record.score);
    expect(again.outcome.kind).toBe(record.outcome.kind);
    expect(again.stages.map((s) => [s.kind, s.label, s.date, s.dateText, s.duration])).toEqual(
      record.stages.map((s) => [s.kind, s.label, s.date, s.dateText, s.duration]),
    );
    // An empty section (the generator writes one when no question was typed) is kept only with the entry's
    // own text: from the structure alone it is not written, as the repository has none (issue 9).
    const filled = (x: ApplicationRecord['rounds'][number]) =>
      x.questions.length > 0 || x.intro.trim() !== '' || x.outro.trim() !== '';
    const qa = (r: ApplicationRecord) =>
      r.rounds
        .filter(filled)
        .map((x) => [x.title, x.questions.map((q) => [q.text, q.answers, q.answerLabels, q.followUps])]);
    expect(qa(again)).toEqual(qa(record));
    expect(again.rounds.every(filled)).toBe(true);
    expect(exportEntry(withoutSource(again))).toBe(canonical);
  });
});

describe.runIf(present)('the structure read from real entries', () => {
  const byName = new Map(ALL.map((e) => [e.name, importEntry(e.text).record]));
  const get = (n: string) => byName.get(n)!;
  const count = (r: ApplicationRecord, f: (q: ApplicationRecord['rounds'][number]['questions'][number]) => number) =>
    r.rounds.reduce((n, x) => n + x.questions.reduce((m, q) => m + f(q), 0), 0);

  it('finds every <details> answer of the corpus (docs/format.md §12.1 counts)', () => {
    const expected: Record<string, number> = {
      'entries/doctoreto.md': 13,
      'entries/tabdeal__tabdeal.md': 9,
      'entries/metazi.md': 8,
      'entries/visiwise__visiwise.md': 5,
      'entries/zibal__zibal.md': 20,
      'entries/zibal__zibal-2025-11.md': 20,
    };
    for (const [n, c] of Object.entries(expected))
      expect(
        count(get(n), (q) => q.answers.length),
        n,
      ).toBe(c);
  });

  it('reads outcomes from the diagram (docs/format.md §6.4)', () => {
    expect(get('entries/cpol.md').outcome.kind).toBe('declined');
    expect(get('entries/narvan.md').outcome.kind).toBe('accepted');
    expect(get('entries/visiwise__visiwise.md').outcome.kind).toBe('accepted');
    const zibal = get('entries/zibal__zibal.md');
    expect(zibal.outcome.kind).toBe('rejected');
    expect(zibal.stages.find((s) => s.id === zibal.outcome.afterStageId)?.kind).toBe('task');
  });

  it('reads Jalali dates to days and keeps the text as written', () => {
    const zibal = get('entries/zibal__zibal.md');
    expect(zibal.stages[0]).toMatchObject({ label: 'Sent Resume', dateText: '1404/07/15', date: '2025-10-07' });
    expect(zibal.exportPrefs.dateFormat).toBe('jalali-slash');
    const cpol = get('entries/cpol.md');
    expect(cpol.stages.find((s) => s.kind === 'hr-interview')).toMatchObject({ date: '2024-01-17', time: '11 AM' });
    expect(get('mdgen/mdgen-001.md').exportPrefs.dateFormat).toBe('gregorian');
  });

  it('keeps follow-ups, answer labels and li questions', () => {
    const visiwise = get('entries/visiwise__visiwise.md');
    const q = visiwise.rounds.flatMap((r) => r.questions).find((x) => x.followUps.length);
    expect(q?.followUps[0]).toMatch(/^With atomic flows/);
    const narvan = get('entries/narvan.md');
    expect(
      narvan.rounds.find((r) => r.title.startsWith('HR Interview'))?.questions.every((x) => x.style === 'li'),
    ).toBe(true);
  });
});

describe.runIf(present)('source-part keys of the real entries', () => {
  it('each reads as a known kind and formats back to itself', () => {
    expectKeysRoundTrip(partKeys(ALL.map((e) => e.text)));
  });
});

describe.runIf(present)('lint over the corpus', () => {
  let validate: DiagramValidator;
  beforeAll(async () => {
    const v = await mermaidValidator();
    expect(v, 'the mermaid dev dependency must load').not.toBeNull();
    validate = v!;
  });
  it.each(ALL)('$name has 0 errors (real mermaid parser)', async ({ text }) => {
    const errors = (await lintEntry(text, { validateDiagram: validate })).filter((m) => m.severity === 'error');
    expect(errors).toEqual([]);
  });
});

describe.runIf(present)('jobnote lint over the corpus', () => {
  it('0 errors on every file of the shared jobname entries and mdgen outputs', async () => {
    const files = ALL.map((e) => e.path);
    expect(files.length).toBeGreaterThanOrEqual(26);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['lint', ...files], { out: (s) => out.push(s), err: (s) => err.push(s) });
    const errors = out
      .join('')
      .split('\n')
      .filter((l) => l.includes(': error: '));
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(err.at(-1)).toMatch(new RegExp(`^0 errors, \\d+ warnings? in ${files.length} files$`));
  }, 120_000);
});

/**
 * The jobname importer over hand-written fixtures (tests/fixtures/jobname): one small entry per variant that
 * docs/format.md describes for the real entries the project does not hold. Each fixture has an expectation file
 * with the structured facts a correct importer should read; the facts were written from docs/format.md, not copied
 * from the importer's output.
 *
 * Per fixture: the facts, the byte-exact export, the fixed point, no error-severity warnings, a valid record,
 * and the structure-only round trip. Then targeted tests: garbage input, line numbers of warnings, and edits
 * that must change only the lines they are about.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportEntry } from '../../utils/jobname/export';
import { importEntry, type ImportIssue } from '../../utils/jobname/import';
import { plannedAfterRejection, processStages } from '../../utils/jobname/mermaid';
import { newQuestion, newStage, type ApplicationRecord, type Question } from '../../utils/record';
import { parseRecord } from '../../utils/record-validate';

const DIR = resolve(__dirname, '../fixtures/jobname');

interface ExpectedQuestion {
  text?: string;
  style?: 'bullet' | 'li';
  answers?: number;
  answerLabels?: string[];
  answerFirstLines?: string[];
  followUps?: string[];
  /** Substrings that must be somewhere in the question (text, notes, answers). */
  includes?: string[];
  /** Per answer, substrings the answer must contain. */
  answersInclude?: string[][];
}

interface Expected {
  note?: string;
  /** The fixture is not LF/no-BOM: the export must equal the normalised text and a warning must say so. */
  normalized?: 'crlf' | 'bom';
  warning?: string;
  facts: {
    rounds?: { title: string; questions: ExpectedQuestion[] }[];
    [k: string]: unknown;
  };
}

interface Fixture {
  name: string;
  text: string;
  expected: Expected;
}

const FIXTURES: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => {
    const name = f.slice(0, -3);
    return {
      name,
      text: readFileSync(join(DIR, f), 'utf8'),
      expected: JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected,
    };
  });

const fixture = (name: string): Fixture => {
  const f = FIXTURES.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
};

/** The entry as the importer must reproduce it: LF line endings, no BOM. */
const normalise = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

const firstLine = (s: string) => s.split('\n')[0];

/** The facts the expectation files talk about. */
function project(r: ApplicationRecord) {
  const stage = (id: string | null) => (id ? (r.stages.find((s) => s.id === id) ?? null) : null);
  return {
    company: r.company,
    role: r.role,
    applyWays: r.applyWays,
    platform: r.platform,
    score: r.score,
    outcome: {
      kind: r.outcome.kind,
      afterStageKind: stage(r.outcome.afterStageId)?.kind ?? null,
      // The stages drawn after the rejection edge, as the record means them (null = the usual ones).
      remaining:
        r.outcome.kind === 'rejected' || r.outcome.kind === 'ghosted'
          ? plannedAfterRejection(processStages(r.stages), r.outcome).map((p) => p.label)
          : null,
    },
    stages: r.stages.map((s) => ({
      kind: s.kind,
      label: s.label,
      date: s.date,
      dateText: s.dateText,
      time: s.time,
      note: s.note,
      duration: s.duration,
      durationMinutes: s.durationMinutes,
      durationLabel: s.durationLabel,
      diagramLabel: s.diagramLabel,
    })),
    rounds: r.rounds.map((x) => ({
      title: x.title,
      questions: x.questions.map((q) => ({
        text: firstLine(q.text),
        style: q.style,
        answers: q.answers.length,
        answerLabels: q.answerLabels,
        answerFirstLines: q.answers.map(firstLine),
        followUps: q.followUps,
      })),
    })),
    task: r.task ? { duration: r.task.duration, links: r.task.links.map((l) => l.url) } : null,
  };
}

/** The expectation without the substring checks, which `toMatchObject` cannot express. */
function matchable(facts: Expected['facts']) {
  if (!facts.rounds) return facts;
  return {
    ...facts,
    rounds: facts.rounds.map((r) => ({
      ...r,
      questions: r.questions.map(({ includes: _i, answersInclude: _a, ...q }) => q),
    })),
  };
}

const withoutSource = (r: ApplicationRecord): ApplicationRecord => ({ ...structuredClone(r), source: null });
const errors = (ws: ImportIssue[]) => ws.filter((w) => w.severity === 'error');
const qa = (r: ApplicationRecord) =>
  r.rounds.map((x) => [x.title, x.questions.map((q) => [q.text, q.answers, q.answerLabels, q.followUps])]);
const stageFacts = (r: ApplicationRecord) => r.stages.map((s) => [s.kind, s.label, s.date, s.dateText, s.duration]);

describe('fixtures are present', () => {
  it('has one expectation per fixture and covers the variants', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(35);
    for (const f of FIXTURES) {
      const lines = normalise(f.text).split('\n').length;
      expect(lines, f.name).toBeGreaterThanOrEqual(10);
      expect(lines, f.name).toBeLessThanOrEqual(75);
    }
  });
});

describe.each(FIXTURES)('fixture $name', ({ name, text, expected }) => {
  const result = importEntry(text, { id: 'fixture', now: '2026-01-01T00:00:00.000Z' });
  const { record, warnings } = result;
  const want = normalise(text);

  it('reads the expected facts', () => {
    const got = project(record);
    expect(got).toMatchObject(matchable(expected.facts));
    // Substring checks on questions and answers.
    expected.facts.rounds?.forEach((round, ri) => {
      round.questions.forEach((eq, qi) => {
        const q: Question | undefined = record.rounds[ri]?.questions[qi];
        expect(q, `${name}: round ${ri} question ${qi}`).toBeDefined();
        const all = [q!.text, q!.notes, q!.after, ...q!.answers].join('\n');
        for (const s of eq.includes ?? []) expect(all, `${name}: round ${ri} question ${qi}`).toContain(s);
        eq.answersInclude?.forEach((subs, ai) => {
          for (const s of subs)
            expect(q!.answers[ai] ?? '', `${name}: round ${ri} question ${qi} answer ${ai}`).toContain(s);
        });
      });
    });
  });

  it('imports without error-severity warnings to a valid record', () => {
    expect(errors(warnings)).toEqual([]);
    const v = parseRecord(JSON.parse(JSON.stringify(record)));
    expect(v.ok ? [] : v.errors).toEqual([]);
  });

  it('exports back to the same bytes', () => {
    expect(exportEntry(record)).toBe(want);
    if (expected.normalized) {
      expect(want).not.toBe(text);
      const w = warnings.find((x) => x.message.toLowerCase().includes(expected.warning!.toLowerCase()));
      expect(w, `a warning about the ${expected.warning}`).toBeDefined();
      expect(w!.line).toBe(1);
    }
  });

  it('is a fixed point', () => {
    const out = exportEntry(record);
    const again = importEntry(out);
    expect(exportEntry(again.record)).toBe(out);
    expect(project(again.record)).toEqual(project(record));
  });

  it('round-trips through its structure alone (no kept text)', () => {
    const canonical = exportEntry(withoutSource(record));
    const again = importEntry(canonical);
    expect(errors(again.warnings)).toEqual([]);
    expect(again.record.company).toEqual(record.company);
    expect(again.record.role).toEqual(record.role);
    expect(again.record.score).toBe(record.score);
    expect(again.record.outcome.kind).toBe(record.outcome.kind);
    expect(stageFacts(again.record)).toEqual(stageFacts(record));
    expect(qa(again.record)).toEqual(qa(record));
    expect(exportEntry(withoutSource(again.record))).toBe(canonical);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Garbage in: never throws, always a record.

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function survives(input: string) {
  let res: ReturnType<typeof importEntry> | undefined;
  expect(() => {
    res = importEntry(input);
  }).not.toThrow();
  expect(() => exportEntry(res!.record)).not.toThrow();
  const v = parseRecord(JSON.parse(JSON.stringify(res!.record)));
  expect(v.ok ? [] : v.errors).toEqual([]);
  for (const w of res!.warnings) {
    expect(Number.isInteger(w.line)).toBe(true);
    expect(w.line).toBeGreaterThanOrEqual(1);
    expect(w.line).toBeLessThanOrEqual(Math.max(1, normalise(input).split('\n').length));
  }
  return res!;
}

describe('importEntry on garbage', () => {
  it('never throws on random bytes', () => {
    const r = rng(42);
    for (let n = 0; n < 60; n++) {
      const bytes = Buffer.alloc(200 + Math.floor(r() * 3000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
      survives(bytes.toString('utf8'));
      survives(bytes.toString('latin1'));
    }
  });

  it('never throws on random markdown-ish text (and lone surrogates, NULs)', () => {
    const r = rng(7);
    const alphabet = [
      '#',
      '# ',
      '## ',
      '### ',
      '#### ',
      '- ',
      ' - ',
      '  ',
      '    ',
      '\t',
      '\n',
      '\n\n',
      '\r\n',
      '\r',
      '`',
      '```',
      '```mermaid\n',
      '<details>',
      '</details>',
      '<summary>',
      '</summary>',
      '<div>',
      '</div>',
      '<ul dir="rtl">',
      '<li>',
      '</li>',
      '</ul>',
      '**',
      '<br />',
      '<br>',
      '-->',
      '--rejected--x',
      '-.->',
      '(',
      ')',
      '"',
      '[',
      ']',
      'sr(Send Resume)',
      'o(Offer)',
      '<mark style="x">7/10</mark>',
      '1404.02.31',
      '2025/02/30',
      '📜',
      '👱🏻‍♀️',
      '\u200c',
      '\uFEFF',
      '\u0000',
      '\ud800',
      '\udfff',
      'a',
      'Status',
      'Score',
      'Interview Date',
      'x',
    ];
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = Math.floor(r() * 400);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(r() * alphabet.length)];
      survives(s);
    }
  });

  it('reads an entry made only of headings', () => {
    const text = '# A\n## B\n### C\n#### D\n##### E\n###### F\n### Status\n### Score\n## Score\n';
    const res = survives(text);
    expect(res.record.score).toBeNull();
    expect(res.record.rounds.flatMap((r) => r.questions)).toEqual([]);
    expect(exportEntry(res.record)).toBe(text);
  });

  it('reads empty and whitespace-only input', () => {
    for (const t of ['', '\n', '   ', '\n\n\n', '\r\n', '\uFEFF']) {
      const res = survives(t);
      expect(res.warnings.some((w) => w.severity === 'error')).toBe(true); // at least "no # [Company](url) heading"
    }
  });

  it('reports an unclosed <details> as an error on the line that opens it', () => {
    const base = normalise(fixture('crlf-line-endings').text);
    const lines = base.split('\n');
    const at = lines.findIndex((l) => l.trim() === '</details>');
    lines.splice(at, 1); // drop the closing tag
    const text = lines.join('\n');
    const open = text.split('\n').findIndex((l) => l.trim() === '<details>') + 1;
    const res = survives(text);
    const e = errors(res.warnings).find((w) => /details/i.test(w.message));
    expect(e, JSON.stringify(res.warnings)).toBeDefined();
    expect(e!.line).toBe(open);
    expect(exportEntry(res.record)).toBe(text);
  });

  it('reports an unclosed <ul> on the line that opens it', () => {
    const base = fixture('snapp-market-pro-hr-call-section').text;
    const lines = base.split('\n');
    const close = lines.findIndex((l) => l.trim() === '</ul>');
    lines.splice(close, 1);
    const text = lines.join('\n');
    const open = text.split('\n').findIndex((l) => l.startsWith('<ul')) + 1;
    const res = survives(text);
    const w = res.warnings.find((x) => /<ul>|\bul\b/i.test(x.message));
    expect(w, JSON.stringify(res.warnings)).toBeDefined();
    expect(w!.line).toBe(open);
    expect(exportEntry(res.record)).toBe(text);
  });

  it('reads a 2 MB entry without stalling (a hang guard, not a benchmark: ~1 s here)', () => {
    const head = normalise(fixture('crlf-line-endings').text).split('### Technical Interview\n')[0];
    const block = (i: number) =>
      `- Question number ${i}: what is the difference between a process and a thread?\n    <details>\n    <summary style="font-size:14px"><b><em>Answer</em></b></summary>\n    <div>\n\n    Threads share memory; processes do not. See item ${i}.\n\n    </div>\n    </details>\n\n`;
    const parts: string[] = [head, '### Technical Interview\n'];
    let size = head.length;
    for (let i = 0; size < 2 * 1024 * 1024; i++) {
      const b = block(i);
      parts.push(b);
      size += b.length;
    }
    parts.push(
      '## Score\n<h4><mark style="background-color:#ff9800; color:#ffffff; padding:4px 8px; border-radius:4px">5/10</mark></h4>\n',
    );
    const text = parts.join('');
    expect(text.length).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    const t0 = performance.now();
    const res = importEntry(text);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(15_000);
    expect(res.record.rounds[0].questions.length).toBe(parts.length - 3);
    expect(errors(res.warnings)).toEqual([]);
  });

  it('a huge single line (2 MB, no newline) completes without stalling (hang guard)', () => {
    const text = '# [x](y)\n\n### Technical Interview\n- ' + 'a('.repeat(1024 * 1024);
    const t0 = performance.now();
    survives(text);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  it('exports fixture lines shuffled, dropped and repeated back to the same bytes', () => {
    const r = rng(2026);
    const pool = FIXTURES.filter((f) => !f.expected.normalized).map((f) => f.text.split('\n'));
    const failures: string[] = [];
    for (let n = 0; n < 300; n++) {
      const src = pool[Math.floor(r() * pool.length)];
      const lines = src.filter(() => r() > 0.15);
      for (let k = 0; k < 4; k++) {
        const i = Math.floor(r() * lines.length);
        const j = Math.floor(r() * lines.length);
        if (r() < 0.5) [lines[i], lines[j]] = [lines[j], lines[i]];
        else lines.splice(i, 0, lines[j] ?? '');
      }
      const text = lines.join('\n');
      let out: string | null = null;
      try {
        out = exportEntry(importEntry(text).record);
      } catch (e) {
        failures.push(`throws ${(e as Error).message}: ${text}`);
        continue;
      }
      if (out !== text) failures.push(text);
    }
    // Keep the smallest failing case readable in the report.
    failures.sort((a, b) => a.length - b.length);
    expect(failures.length, failures[0]).toBe(0);
  });

  it('keeps warning lines inside the file when a mermaid block is left open at the end', () => {
    const text = '### Interview process\n```mermaid';
    const res = importEntry(text);
    expect(res.warnings.length).toBeGreaterThan(0);
    for (const w of res.warnings) expect(w.line, JSON.stringify(w)).toBeLessThanOrEqual(2);
    expect(exportEntry(res.record)).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Line numbers.

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}`);
  return i + 1;
}

describe('warnings carry 1-based line numbers of the offending line', () => {
  const base = fixture('hermes-blank-before-fence').text;

  it('an unknown status emoji', () => {
    const text = base.replace('#### 📜📞🔧❌', '#### 📜📞🔥❌');
    const res = importEntry(text);
    const w = res.warnings.find((x) => x.message.includes('🔥'));
    expect(w).toBeDefined();
    expect(w!.line).toBe(lineOf(text, '🔥'));
  });

  it('an impossible date (error) and a non-item line in the date list (warning)', () => {
    const text = base
      .replace('- **HR Call**<br /> 1402.01.23', '- **HR Call**<br /> 1402.13.05')
      .replace(
        '- **Technical Interview** <br> 1402.01.28 AT 3 PM',
        'they called twice\n\n- **Technical Interview** <br> 1402.01.28 AT 3 PM',
      );
    const res = importEntry(text);
    const e = errors(res.warnings).find((x) => x.message.includes('1402.13.05'));
    expect(e, JSON.stringify(res.warnings)).toBeDefined();
    expect(e!.line).toBe(lineOf(text, '1402.13.05'));
    const w = res.warnings.find((x) => x.line === lineOf(text, 'they called twice'));
    expect(w, JSON.stringify(res.warnings)).toBeDefined();
    expect(w!.severity).toBe('warning');
    expect(exportEntry(res.record)).toBe(text);
  });

  it('a broken statement inside the diagram', () => {
    const text = base.replace('--> ti(Technical Interview) --rejected--x', '--> ti(Technical Interview --rejected--x');
    const res = importEntry(text);
    const e = errors(res.warnings).find((x) => x.message.startsWith('diagram'));
    expect(e, JSON.stringify(res.warnings)).toBeDefined();
    expect(e!.line).toBe(lineOf(text, 'sr(Send resume)'));
  });

  it('a broken statement on the second line of a two-statement diagram', () => {
    const text = fixture('karnameh-br-note').text.replace(
      '    hr(HR call) --> ti(Technical Interview)',
      '    hr(HR call) ==x ti(Technical Interview)',
    );
    const res = importEntry(text);
    const e = errors(res.warnings).find((x) => x.message.startsWith('diagram'));
    expect(e, JSON.stringify(res.warnings)).toBeDefined();
    expect(e!.line).toBe(lineOf(text, '==x'));
  });

  it('a score out of range', () => {
    const text = base.replace('>7/10<', '>11/10<');
    const res = importEntry(text);
    const e = errors(res.warnings).find((x) => x.message.includes('11'));
    expect(e).toBeDefined();
    expect(e!.line).toBe(lineOf(text, '11/10'));
  });

  it('a stray </details>', () => {
    const text = base.replace('- What is RAII?\n', '- What is RAII?\n</details>\n');
    const res = importEntry(text);
    const w = res.warnings.find((x) => x.message.includes('</details>'));
    expect(w, JSON.stringify(res.warnings)).toBeDefined();
    expect(w!.line).toBe(lineOf(text, '</details>'));
  });

  it('line numbers do not shift in a CRLF file or after a BOM', () => {
    const bad = base.replace('#### 📜📞🔧❌', '#### 📜📞🔥❌');
    const line = lineOf(bad, '🔥');
    for (const text of [bad.replace(/\n/g, '\r\n'), '\uFEFF' + bad, '\uFEFF' + bad.replace(/\n/g, '\r\n')]) {
      const w = importEntry(text).warnings.find((x) => x.message.includes('🔥'));
      expect(w).toBeDefined();
      expect(w!.line).toBe(line);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Small repros of docs/format.md corner cases (the fixtures hold them too; these isolate one fact each).

const mini = (diagram: string, dates: string[], extra = '') =>
  `# [Acme](https://acme.example/)\n\n### Status\n#### 📜📞🔧❌\n\n## Software Engineer\n\n### Interview Process\n\`\`\`mermaid\nflowchart LR\n    ${diagram}\n\`\`\`\n\n### Apply Way\nJobinja\n\n### Interview Date\n\n${dates.map((d) => d + '\n\n').join('')}### Interview Duration\n- **Technical Interview**<br />1 hour\n\n${extra}## Score\n<h4><mark style="background-color:#ff9800; color:#ffffff; padding:4px 8px; border-radius:4px">6/10</mark></h4>\n`;

describe('docs/format.md corner cases, one fact each', () => {
  it('R2 "LAST --rejected--x o(Offer)" with no HR Interview reached keeps the offer as the only planned stage (§6.4)', () => {
    const text = mini('sr(Send Resume) --> hr(HR Call) --> ti(Technical Interview) --rejected--x o(Offer)', [
      '- **Sent Resume**<br />1404.01.10',
      '- **HR Call**<br />1404.01.12',
      '- **Technical Interview**<br />1404.01.15',
      '- **Rejection Email**<br />1404.01.20',
    ]);
    const { record } = importEntry(text);
    expect(plannedAfterRejection(processStages(record.stages), record.outcome).map((p) => p.label)).toEqual(['Offer']);
    const canonical = exportEntry(withoutSource(record));
    expect(canonical).toContain('ti(Technical Interview) --rejected--x o(Offer)\n');
  });

  it('a date list that is not chronological (HR Call before Sent Resume) gives one stage per item, in list order (§8)', () => {
    const text = mini(
      'sr(Send Resume) --> hr(HR Call) --> ti(Technical Interview) --rejected--x hri(HR Interview) -.-> o(Offer)',
      [
        '- **HR Call**<br />1404.01.18',
        '- **Sent Resume**<br />1404.02.03',
        '- **Technical Interview**<br />1404.02.10',
      ],
    );
    const { record } = importEntry(text);
    expect(record.stages.map((s) => [s.kind, s.dateText])).toEqual([
      ['hr-call', '1404.01.18'],
      ['resume', '1404.02.03'],
      ['technical', '1404.02.10'],
    ]);
  });

  it('a paragraph question followed by a 0-indented <details> gets the answer (§12.1, §13, §18.6)', () => {
    const text = mini(
      'sr(Send Resume) --> hr(HR Call) --> ti(Technical Interview) --rejected--x hri(HR Interview) -.-> o(Offer)',
      [],
      [
        '### Technical Interview',
        '- What is a closure?',
        '',
        '#### Live code',
        'Write `pow(x, n)`.',
        '<details>',
        '<summary style="font-size:14px"><b><em>Answer</em></b></summary>',
        '<div>',
        '',
        'Square and multiply.',
        '</div>',
        '</details>',
        '',
        '',
      ].join('\n'),
    );
    const { record } = importEntry(text);
    const qs = record.rounds.flatMap((r) => r.questions);
    const answered = qs.filter((q) => q.answers.length);
    expect(answered.map((q) => [firstLine(q.text), q.answers, q.answerLabels])).toEqual([
      ['Write `pow(x, n)`.', ['Square and multiply.'], ['Answer']],
    ]);
  });

  it('spaces after <br /> in a date item are part of the separator, not of the value (§8 regex)', () => {
    const text = mini(
      'sr(Send Resume) --> hr(HR Call) --> ti(Technical Interview) --rejected--x hri(HR Interview) -.-> o(Offer)',
      ['- **Sent Resume** <br />   1404.01.10', '- **HR Call**<br />  IDK'],
    );
    const { record } = importEntry(text);
    expect(record.stages.slice(0, 2).map((s) => s.dateText)).toEqual(['1404.01.10', 'IDK']);
    expect(exportEntry(record)).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Edits change only what they are about.

/** A line diff (LCS): the lines only in `a` (removed) and only in `b` (added), with 1-based line numbers. */
function lineDiff(a: string, b: string) {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const L: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const removed: { line: number; text: string }[] = [];
  const added: { line: number; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      i++;
      j++;
    } else if (j < m && (i >= n || L[i][j + 1] >= L[i + 1][j])) added.push({ line: ++j, text: y[j - 1] });
    else removed.push({ line: ++i, text: x[i - 1] });
  }
  const nonBlank = (d: { text: string }[]) => d.filter((l) => l.text.trim() !== '').map((l) => l.text);
  return { removed, added, removedText: nonBlank(removed), addedText: nonBlank(added) };
}

const edit = (text: string, change: (r: ApplicationRecord) => void) => {
  const { record } = importEntry(text);
  const copy = structuredClone(record);
  change(copy);
  return exportEntry(copy);
};

describe('indentation: a tab is a tab stop of 4 columns', () => {
  const round = (indent: string) =>
    [
      '# [Acme](https://acme.example)',
      '',
      '### HR Interview',
      `${indent}<ul dir="rtl">`,
      `${indent}    <li>Why this company?</li>`,
      `${indent}</ul>`,
      '',
    ].join('\n');

  it('a <ul> indented 3 spaces is a list of questions; one indented by a tab (4 columns) is not', () => {
    expect(importEntry(round('   ')).record.rounds[0].questions.map((q) => q.text)).toEqual(['Why this company?']);
    for (const indent of ['\t', ' \t', '    ']) {
      const { record } = importEntry(round(indent));
      expect(record.rounds[0].questions, JSON.stringify(indent)).toEqual([]);
      expect(exportEntry(record)).toBe(round(indent));
    }
  });
});

describe('an edited imported record changes only the edited lines', () => {
  const canonical = normalise(fixture('crlf-line-endings').text); // the generator's shapes throughout

  it('score (generator form): only the score line', () => {
    const text = fixture('football360-solid-after-x').text;
    const out = edit(text, (r) => (r.score = 8));
    const d = lineDiff(text, out);
    expect(d.removedText).toEqual([
      '<h4><mark style="background-color:#ff9800; color:#ffffff; padding:4px 8px; border-radius:4px">7/10</mark></h4>',
    ]);
    expect(d.addedText).toEqual([
      '<h4><mark style="background-color:#4caf50; color:#ffffff; padding:4px 8px; border-radius:4px">8/10</mark></h4>',
    ]);
    expect(importEntry(out).record.score).toBe(8);
  });

  it('score (legacy "### Score" + legacy mark): only the score line, the heading stays', () => {
    const text = fixture('quizofkings-two-statements').text;
    const out = edit(text, (r) => (r.score = 6.5));
    const d = lineDiff(text, out);
    expect(d.removedText).toEqual(['<h4><mark style="background-color:#54ca56">7/10</mark></h4>']);
    expect(d.addedText).toHaveLength(1);
    expect(d.addedText[0]).toContain('6.5/10');
    expect(importEntry(out).record.score).toBe(6.5);
  });

  it('one answer (generator-shaped <details>): only the answer line', () => {
    const out = edit(canonical, (r) => (r.rounds[0].questions[0].answers[0] = 'Because I love the product.'));
    const d = lineDiff(canonical, out);
    expect(d.removedText).toEqual(['    Because I like the product.']);
    expect(d.addedText).toEqual(['    Because I love the product.']);
  });

  it('one answer (2-space <details>): only the answer line', () => {
    const text = fixture('snappshop-two-space-details').text;
    const out = edit(text, (r) => (r.rounds[0].questions[1].answers[0] = 'It memoizes a value between renders.'));
    const d = lineDiff(text, out);
    expect(d.removedText).toEqual(['  It caches a computed value between renders.']);
    expect(d.addedText).toEqual(['  It memoizes a value between renders.']);
  });

  it('one answer (text right after <div>, "</details><br />"): only the answer line', () => {
    const text = fixture('cloudzy-broken-quote').text;
    const out = edit(text, (r) => {
      const q = r.rounds[0].questions[0];
      q.answers[0] = q.answers[0].replace('An object with', 'Any object with');
    });
    const d = lineDiff(text, out);
    expect(d.removedText).toEqual(['    An object with `__enter__` and `__exit__`.']);
    expect(d.addedText).toEqual(['    Any object with `__enter__` and `__exit__`.']);
  });

  it('add a question at the end of a round: only its line is added, after the last question', () => {
    const text = fixture('football360-solid-after-x').text;
    const out = edit(text, (r) => r.rounds[0].questions.push(newQuestion('q99', 'What is a covering index?')));
    const d = lineDiff(text, out);
    expect(d.removedText).toEqual([]);
    expect(d.addedText).toEqual(['- What is a covering index?']);
    const lines = out.split('\n');
    const at = lines.indexOf('- What is a covering index?');
    expect(lines.slice(at - 2, at)).toEqual(['- What is a database transaction isolation level?', '']);
    expect(importEntry(out).record.rounds[0].questions.map((q) => q.text)).toEqual([
      "How does Django's ORM build a query lazily?",
      'What is a database transaction isolation level?',
      'What is a covering index?',
    ]);
  });

  it('add a question in the middle of a round with answers', () => {
    const text = fixture('snappshop-two-space-details').text;
    const out = edit(text, (r) => r.rounds[0].questions.splice(1, 0, newQuestion('q99', 'What is a React portal?')));
    const d = lineDiff(text, out);
    expect(d.removedText).toEqual([]);
    expect(d.addedText).toEqual(['- What is a React portal?']);
    const again = importEntry(out).record.rounds[0].questions;
    expect(again.map((q) => [firstLine(q.text), q.answers.length])).toEqual([
      ['What is the virtual DOM?', 1],
      ['What is a React portal?', 0],
      ['What does `useMemo` do?', 1],
    ]);
  });

  it('delete a question: only its lines go', () => {
    const text = fixture('football360-solid-after-x').text;
    const out = edit(text, (r) => r.rounds[0].questions.shift());
    const d = lineDiff(text, out);
    expect(d.removedText).toEqual(["- How does Django's ORM build a query lazily?"]);
    expect(d.addedText).toEqual([]);
  });

  it('delete a question with an answer: only its block goes', () => {
    const text = fixture('snappshop-two-space-details').text;
    const out = edit(text, (r) => r.rounds[0].questions.splice(1, 1));
    const d = lineDiff(text, out);
    expect(d.addedText).toEqual([]);
    expect(d.removedText).toEqual([
      '- What does `useMemo` do?',
      '  <details>',
      '  <summary style="font-size:14px"><b><em>Answer</em></b></summary>',
      '  <div>',
      '  It caches a computed value between renders.',
      '  </div>',
      '  </details>',
    ]);
  });

  it('add a stage: the status line, the diagram chain and one new date item', () => {
    const out = edit(canonical, (r) => {
      const at = r.stages.findIndex((s) => s.kind === 'rejection');
      r.stages.splice(at, 0, newStage('s99', 'hr-interview', 'HR Interview', { date: '2025-11-15', dateText: null }));
    });
    const d = lineDiff(canonical, out);
    expect(d.removedText).toEqual([
      '#### 📜📞🔧❌',
      '    sr(Send Resume) --> hr(HR Call) --> ti(Technical Interview) --rejected--x hri(HR Interview) -.-> o(Offer)',
    ]);
    expect(d.addedText).toEqual([
      '#### 📜📞🔧👱🏻‍♀️❌',
      '    sr(Send Resume) --> hr(HR Call) --> ti(Technical Interview) --> hri(HR Interview) --rejected--x o(Offer)',
      '- **HR Interview**<br />2025/11/15',
    ]);
    const lines = out.split('\n');
    expect(lines[lines.indexOf('- **HR Interview**<br />2025/11/15') - 2]).toBe(
      '- **Technical Interview**<br />2025/11/12',
    );
    const again = importEntry(out).record;
    expect(again.stages.map((s) => s.kind)).toEqual(['resume', 'hr-call', 'technical', 'hr-interview', 'rejection']);
  });

  it('a duration list whose only value belongs to no stage: a logged duration joins that list', () => {
    const text = [
      '# [Acme](https://acme.example)',
      '',
      '### Status',
      '#### 📜',
      '',
      '### Interview Duration',
      '',
      '1 hour',
      '',
      '## Score',
      '<h4><mark style="background-color:#ff9800; color:#ffffff; padding:4px 8px; border-radius:4px">7/10</mark></h4>',
      '',
    ].join('\n');
    const imported = importEntry(text);
    expect(imported.record.stages).toEqual([]);
    expect(exportEntry(imported.record)).toBe(text);
    const out = edit(text, (r) =>
      r.stages.push(newStage('s99', 'technical', 'Technical Interview', { duration: '45 minutes' })),
    );
    expect(out.split('\n').filter((l) => l === '### Interview Duration')).toHaveLength(1);
    const d = lineDiff(text, out);
    // The new step redraws the status line and adds its diagram; the duration list only gains the new item.
    expect(d.removedText).toEqual(['#### 📜']);
    expect(d.addedText).toEqual([
      '#### 🔧',
      '### Interview Process',
      '```mermaid',
      'flowchart LR',
      '    ti(Technical Interview)',
      '```',
      '- **Technical Interview**<br />45 minutes',
    ]);
    const lines = out.split('\n');
    const at = lines.indexOf('### Interview Duration');
    expect(lines.slice(at, at + 5)).toEqual([
      '### Interview Duration',
      '',
      '1 hour',
      '',
      '- **Technical Interview**<br />45 minutes',
    ]);
  });

  it('an unedited record still exports to the same bytes after a no-op clone', () => {
    for (const f of FIXTURES)
      expect(
        edit(f.text, () => {}),
        f.name,
      ).toBe(normalise(f.text));
  });
});

import { describe, expect, it, vi } from 'vitest';
import { makeBackup, parseBackup, parseImportFilesSliced, MAX_BACKUP_ERRORS } from '../../utils/backup';
import { parseImportFiles } from './import-files';
import type { ImportFile, ImportProgress } from '../../utils/backup';
import { createRecord, newStage, RECORD_SCHEMA } from '../../utils/record';

function sample(name = 'دیجی‌کالا', id?: string) {
  return createRecord({
    id,
    company: { name, website: '' },
    role: 'Backend Developer',
    stages: [
      newStage('s1', 'resume', 'Sent Resume', { date: '2023-11-01' }),
      newStage('s2', 'hr-call', 'HR Call', { date: '2023-11-11', time: '11:30 AM' }),
    ],
    score: 7.5,
  });
}

describe('makeBackup', () => {
  it('wraps records with format, version and the export time', () => {
    const r = sample();
    const b = makeBackup([r], new Date('2024-01-02T03:04:05.000Z'));
    expect(b).toEqual({ format: 'jobnote-backup', version: 1, exportedAt: '2024-01-02T03:04:05.000Z', records: [r] });
  });

  it('copies the list (later changes to the input do not leak in)', () => {
    const list = [sample()];
    const b = makeBackup(list);
    list.push(sample('other'));
    expect(b.records).toHaveLength(1);
  });

  it('round-trips through JSON and parseBackup', () => {
    const records = [sample('a'), sample('b')];
    const parsed = parseBackup(JSON.parse(JSON.stringify(makeBackup(records))));
    expect(parsed).toEqual({ ok: true, records, damaged: [] });
  });
});

describe('parseBackup', () => {
  it('accepts an empty backup', () => {
    expect(parseBackup(makeBackup([]))).toEqual({ ok: true, records: [], damaged: [] });
  });

  it('accepts a bare array of records', () => {
    const records = [sample('a'), sample('b')];
    expect(parseBackup(JSON.parse(JSON.stringify(records)))).toEqual({ ok: true, records, damaged: [] });
  });

  it('accepts a single record as the CLI prints it', () => {
    const r = sample();
    expect(parseBackup(JSON.parse(JSON.stringify(r, null, 2)))).toEqual({ ok: true, records: [r], damaged: [] });
  });

  it('prefixes record errors with records[i].', () => {
    const good = sample('a');
    const bad = { ...sample('b'), stages: [{ ...newStage('s1', 'resume', 'Sent Resume'), date: '1402-08-20x' }] };
    const res = parseBackup(makeBackup([good, sample('c'), bad]));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors).toEqual(['records[2].stages[0].date: expected a date YYYY-MM-DD or null']);
  });

  it('reports every bad record, not just the first', () => {
    const a = { ...sample('a'), score: 11 };
    const b = { ...sample('b'), role: 42 };
    const res = parseBackup([a, sample('ok'), b]);
    expect(res).toEqual({
      ok: false,
      errors: ['records[0].score: expected 0 to 10 in steps of 0.5', 'records[2].role: expected a string'],
    });
  });

  it('reports a non-object entry as records[i]: …', () => {
    const res = parseBackup([sample(), 'nope']);
    expect(res).toEqual({ ok: false, errors: ['records[1]: expected an object'] });
  });

  it('reports errors of a single record without a records[] prefix', () => {
    const res = parseBackup({ ...sample(), company: { name: 'x' } });
    expect(res).toEqual({ ok: false, errors: ['company.website: expected a string'] });
  });

  it('refuses duplicate ids', () => {
    const r = sample('a', 'same');
    const res = parseBackup([r, { ...sample('b'), id: 'same' }]);
    expect(res).toEqual({ ok: false, errors: ['records[1].id: duplicate id same (also records[0])'] });
  });

  it('refuses records of a newer schema', () => {
    const res = parseBackup([{ ...sample(), schema: RECORD_SCHEMA + 1 }]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]).toMatch(/^records\[0\]\.schema: \d+ is newer/);
  });

  it('refuses a foreign format, a newer backup version and missing records', () => {
    expect(parseBackup({ format: 'other', version: 1, records: [] })).toEqual({
      ok: false,
      errors: ['format: expected "jobnote-backup", got "other"'],
    });
    const newer = parseBackup({ format: 'jobnote-backup', version: 2, records: [] });
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.errors[0]).toMatch(/^version: 2 is newer/);
    expect(parseBackup({ format: 'jobnote-backup', version: 1 })).toEqual({
      ok: false,
      errors: ['records: expected a list'],
    });
    expect(parseBackup({ format: 'jobnote-backup', version: '1', records: [] })).toEqual({
      ok: false,
      errors: ['version: expected a whole number'],
    });
  });

  it('refuses values that are no backup at all', () => {
    for (const v of [null, 42, 'text', true]) {
      expect(parseBackup(v)).toEqual({
        ok: false,
        errors: ['expected a Jobnote backup, a list of records or a single record'],
      });
    }
  });

  it('caps the error list', () => {
    const many = Array.from({ length: MAX_BACKUP_ERRORS + 10 }, () => 'x');
    const res = parseBackup(many);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.errors).toHaveLength(MAX_BACKUP_ERRORS + 1);
      expect(res.errors.at(-1)).toBe('… and 10 more');
    }
  });
});

describe('a backup file read by the import', () => {
  it('parses the text of an exported file, with or without a byte order mark', async () => {
    const records = [sample()];
    const text = JSON.stringify(makeBackup(records), null, 2) + '\n';
    const read = { ok: true, records, damaged: [], warnings: [] };
    expect(await parseImportFiles([{ name: 'b.json', text }])).toEqual(read);
    expect(await parseImportFiles([{ name: 'b.json', text: '\uFEFF' + text }])).toEqual(read);
  });

  it('reports broken JSON as an error, not an exception', async () => {
    const res = await parseImportFiles([{ name: 'b.json', text: '{"format": "jobnote-backup",' }]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]).toMatch(/^b\.json: not valid JSON: /);
  });
});

describe('parseImportFiles', () => {
  const entry =
    '# [Acme](https://acme.example)\n\n### Status\n#### 📜📞🔧❌\n\n### Interview Date\n\n- **Sent Resume**<br />1404.07.15\n\n## Score\n<h4><mark style="background-color:#ff9800">6/10</mark></h4>\n';

  it('reads jobname entries and JSON together, reporting entry warnings', async () => {
    const record = createRecord({ company: { name: 'Snapp' } });
    const r = await parseImportFiles([
      { name: 'acme.md', text: entry },
      { name: 'backup.json', text: JSON.stringify([record]) },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records.map((x) => x.company.name)).toEqual(['Acme', 'Snapp']);
    expect(r.records[0].stages[0]).toMatchObject({ label: 'Sent Resume', date: '2025-10-07' });
    expect(r.warnings.some((w) => w.startsWith('acme.md:1: no "Interview Process" section'))).toBe(true);
  });

  it('fails as a whole, naming the file, when any file is not Jobnote data', async () => {
    const r = await parseImportFiles([
      { name: 'acme.md', text: entry },
      { name: 'notes.md', text: 'just notes\n' },
      { name: 'x.json', text: '{"schema":1}' },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatch(/^notes\.md: not a jobname entry/);
    expect(r.errors.some((e) => e.startsWith('x.json: '))).toBe(true);
  });

  it('refuses the same application twice', async () => {
    const record = createRecord({ company: { name: 'Snapp' } });
    const r = await parseImportFiles([
      { name: 'a.json', text: JSON.stringify(record) },
      { name: 'b.json', text: JSON.stringify(record) },
    ]);
    expect(r.ok ? [] : r.errors).toEqual([`Snapp: the same application (id ${record.id}) is in two files`]);
  });
});

describe('damaged rows in a backup', () => {
  const scored = () => ({ ...sample('Scored'), score: 11 });
  const newer = () => ({ ...sample('Newer'), schema: RECORD_SCHEMA + 1, future: true });
  const damagedOf = (row: { id: string }, reason: string) => ({ id: row.id, reason, row });

  it('are written raw in their own list, and read back kept damaged with a fresh reason', () => {
    const good = sample('Good');
    const rows = [damagedOf(scored(), 'old reason'), damagedOf(newer(), 'schema')];
    const backup = makeBackup([good], new Date('2024-01-02T03:04:05.000Z'), rows);
    expect(backup.damaged).toEqual(rows);
    const parsed = parseBackup(JSON.parse(JSON.stringify(backup)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.records).toEqual([good]);
    expect(parsed.damaged.map((d) => d.row)).toEqual(rows.map((d) => d.row));
    expect(parsed.damaged[0].reason).toMatch(/^score/);
    expect(parsed.damaged[1].reason).toMatch(/is newer than this version of Jobnote/);
  });

  it('become records when they read now (repaired in the file)', () => {
    const fixed = { ...scored(), score: 9 };
    const parsed = parseBackup({ ...makeBackup([]), damaged: [damagedOf(fixed, 'score: 11')] });
    expect(parsed).toEqual({ ok: true, records: [fixed], damaged: [] });
  });

  it('leave a backup without damaged rows as it was', () => {
    expect(makeBackup([sample()])).not.toHaveProperty('damaged');
  });

  it('refuse a malformed list and ids twice', () => {
    const good = sample('Good');
    const bad = parseBackup({ ...makeBackup([good]), damaged: [{ id: 'x', row: 'text' }, damagedOf(good, '')] });
    expect(bad.ok ? [] : bad.errors).toEqual([
      'damaged[0]: expected {id, reason, row} with a row object',
      `damaged: duplicate id ${good.id} (also in records or damaged)`,
    ]);
    expect(parseBackup({ ...makeBackup([]), damaged: {} })).toEqual({
      ok: false,
      errors: ['damaged: expected a list'],
    });
  });

  it('are carried through the dashboard import, and counted against other files', async () => {
    const row = damagedOf(scored(), 'score');
    const text = JSON.stringify(makeBackup([], undefined, [row]));
    const r = await parseImportFiles([{ name: 'a.json', text }]);
    expect(r.ok && r.damaged.map((d) => d.id)).toEqual([row.id]);
    const twice = await parseImportFiles([
      { name: 'a.json', text },
      { name: 'b.json', text },
    ]);
    expect(twice.ok ? [] : twice.errors).toEqual([`${row.id}: the same application (id ${row.id}) is in two files`]);
  });
});

describe('parseImportFilesSliced', () => {
  const entry = '# [Acme](https://acme.example)\n\n### Status\n#### 📜📞🔧❌\n';
  const many = Array.from({ length: 120 }, (_, i) => sample(`Co ${i}`));
  const files: ImportFile[] = [
    { name: 'acme.md', text: entry },
    { name: 'backup.json', bytes: new TextEncoder().encode(JSON.stringify(makeBackup(many))) },
    { name: 'one.json', text: JSON.stringify(sample('Solo')) },
  ];
  /** A clock that moves 10 ms each time it is read: a 25 ms slice is three looks. */
  const ticking = () => {
    let t = 0;
    return () => (t += 10);
  };

  it('gives what parseImportFiles gives, yielding between slices and saying how far it is', async () => {
    const progress: ImportProgress[] = [];
    const yieldNow = vi.fn(() => Promise.resolve());
    const sliced = await parseImportFilesSliced(files, {
      yieldNow,
      onProgress: (p) => progress.push(p),
      now: ticking(),
    });
    // The same, but for what an imported entry is given fresh each time (its id and timestamps).
    const fresh = (r: Awaited<ReturnType<typeof parseImportFiles>>) =>
      r.ok ? { ...r, records: r.records.map(({ id: _, createdAt: _c, updatedAt: _u, ...x }) => x) } : r;
    expect(fresh(sliced)).toEqual(fresh(await parseImportFiles(files)));
    expect(sliced.ok && sliced.records.map((r) => r.company.name)).toEqual([
      'Acme',
      ...many.map((r) => r.company.name),
      'Solo',
    ]);
    expect(yieldNow).toHaveBeenCalledTimes(progress.length);
    expect(progress.length).toBeGreaterThan(10);
    // Files read first, then the records checked: 1 entry + 120 records + 1 single record, never going back.
    const reading = progress.filter((p) => p.phase === 'reading');
    const checking = progress.filter((p) => p.phase === 'checking');
    expect(progress).toEqual([...reading, ...checking]);
    expect(reading.every((p) => p.total === 3)).toBe(true);
    expect(checking.every((p) => p.total === 122)).toBe(true);
    for (const list of [reading, checking])
      for (let i = 1; i < list.length; i++) expect(list[i]!.done).toBeGreaterThan(list[i - 1]!.done);
    expect(checking.at(-1)!.done).toBeLessThanOrEqual(122);
  });

  it('reports the same errors, in the order of the files', async () => {
    const bad = [
      { name: 'notes.md', text: 'just notes\n' },
      { name: 'broken.json', text: '{"format": "jobnote-backup",' },
      { name: 'x.json', text: JSON.stringify(makeBackup([sample('a'), { ...sample('b'), score: 11 }])) },
    ];
    const sliced = await parseImportFilesSliced(bad, { yieldNow: () => Promise.resolve(), now: ticking() });
    expect(sliced).toEqual(await parseImportFiles(bad));
    expect(sliced.ok ? [] : sliced.errors.map((e) => e.split(':')[0])).toEqual(['notes.md', 'broken.json', 'x.json']);
  });

  it('does not yield while a slice has time left', async () => {
    const yieldNow = vi.fn(() => Promise.resolve());
    await parseImportFilesSliced(files, { yieldNow, now: () => 0 });
    // Only where a phase starts.
    expect(yieldNow).toHaveBeenCalledTimes(2);
  });
});

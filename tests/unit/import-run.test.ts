/** The dashboard's whole import (utils/import-run.ts), as its worker runs it, over fake-indexeddb. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackup } from '../../utils/backup';
import { runImport, type ImportRunProgress } from '../../utils/import-run';
import { createRecord } from '../../utils/record';
import { BULK_BATCH, openRepository, type Repository } from '../../utils/repository';
import { summarize } from '../../utils/summary';

const ENTRY = '# [Acme](https://acme.example)\n\n### Status\n#### 📜📞🔧❌\n';
const sample = (name: string) => createRecord({ company: { name, website: '' }, role: 'Backend Developer' });
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

let repo: Repository;
beforeEach(async () => {
  repo = await openRepository(new IDBFactory());
});
afterEach(() => repo.close());

function run(files: Parameters<typeof runImport>[0]) {
  const progress: ImportRunProgress[] = [];
  const result = runImport(files, repo, {
    onProgress: (p) => progress.push(p),
    yieldNow: () => Promise.resolve(),
  });
  return { result, progress };
}

describe('runImport', () => {
  it('reads, checks and writes a backup and an entry, saying how far it is, and returns what the list shows', async () => {
    const many = Array.from({ length: BULK_BATCH + 10 }, (_, i) => sample(`Co ${i}`));
    const { result, progress } = run([
      { name: 'backup.json', bytes: bytes(makeBackup(many)) },
      { name: 'acme__acme.md', text: ENTRY },
    ]);
    const done = await result;
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.summaries.map((s) => s.company)).toEqual([...many.map((r) => r.company.name), 'Acme']);
    // What the list is given is what is stored.
    const stored = await repo.listSummaries();
    expect(new Set(stored.map((s) => JSON.stringify(s)))).toEqual(
      new Set(done.summaries.map((s) => JSON.stringify(s))),
    );
    expect(done.summaries[0]).toEqual(summarize((await repo.get(many[0]!.id))!));
    // Reading, then checking, then writing: each phase once, in order, done never going back.
    const phases = progress.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['reading', 'checking', 'writing']);
    const writing = progress.filter((p) => p.phase === 'writing');
    expect(writing.map((p) => p.done)).toEqual([0, BULK_BATCH, BULK_BATCH + 11]);
    expect(writing.every((p) => p.total === BULK_BATCH + 11)).toBe(true);
    // The entry keeps the path it came from, as it was checked.
    expect((await repo.list()).find((r) => r.company.name === 'Acme')?.source?.file).toBe('acme/acme.md');
  });

  it('writes nothing when a file is not Jobnote data, and names it', async () => {
    await repo.create(sample('Kept'));
    const { result, progress } = run([
      { name: 'good.json', bytes: bytes([sample('Good')]) },
      { name: 'bad.json', text: JSON.stringify([{ ...sample('Bad'), score: 11 }]) },
    ]);
    const done = await result;
    expect(done.ok ? [] : done.errors).toEqual([expect.stringMatching(/^bad\.json: records\[0\]\.score/)]);
    expect(progress.some((p) => p.phase === 'writing')).toBe(false);
    expect((await repo.list()).map((r) => r.company.name)).toEqual(['Kept']);
  });

  it("keeps a backup's damaged rows raw, unless a readable record has the id", async () => {
    const good = sample('Good');
    const scored = { ...sample('Scored'), score: 11 };
    const shadow = { id: good.id, reason: 'old', row: { ...good, score: 12 } };
    const { result } = run([
      { name: 'b.json', bytes: bytes(makeBackup([good], new Date(), [{ id: scored.id, reason: 'x', row: scored }])) },
    ]);
    const done = await result;
    expect(done.ok && done.damagedIds).toEqual([scored.id]);
    expect((await repo.listDamaged()).map((d) => d.id)).toEqual([scored.id]);
    // Imported again beside a damaged row of a stored readable record's id: that one is kept, and said so.
    const again = await run([{ name: 'c.json', bytes: bytes(makeBackup([], new Date(), [shadow])) }]).result;
    expect(again.ok && again.kept).toEqual([good.id]);
    expect(await repo.get(good.id)).toMatchObject({ company: { name: 'Good' } });
  });
});

describe('an entry imported again', () => {
  const entry = (review: string) =>
    `# [Acme](https://acme.example)\n\n## Backend Developer\n\n### Status\n#### 📜📞\n\n### Interview Date\n\n- **Sent Resume**<br />1404.07.15\n\n## Score\n<h4><mark style="background-color:#ff9800">6/10</mark></h4>\n\n${review}\n`;
  const files = (review: string, name = 'acme__interview.md') => [{ name, text: entry(review) }];
  const asked: number[] = [];
  const runWith = (choice: 'update' | 'new' | 'cancel', f: ReturnType<typeof files>) =>
    runImport(f, repo, {
      onProgress: () => {},
      yieldNow: () => Promise.resolve(),
      decide: async (matches) => {
        asked.push(matches.length);
        return choice;
      },
    });

  it('is offered as an update: Update keeps one application, with the new text, its id and creation time', async () => {
    const first = await runWith('update', files('First review.'));
    expect(first.ok && first.updated).toBe(0);
    const [before] = await repo.list();
    const again = await runWith('update', files('Second review.'));
    expect(asked.at(-1)).toBe(1);
    expect(again.ok && again.updated).toBe(1);
    const after = await repo.list();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before!.id, createdAt: before!.createdAt, review: 'Second review.' });
    expect(after[0]!.revision).toBeGreaterThan(before!.revision);
  });

  it('can be added as new, or not imported at all', async () => {
    await runWith('new', files('One.'));
    expect((await runWith('new', files('Two.'))).ok).toBe(true);
    expect((await repo.list()).length).toBe(2);
    const cancelled = await runWith('cancel', files('Three.'));
    expect(cancelled).toEqual({ ok: false, errors: [], cancelled: true });
    expect((await repo.list()).length).toBe(2);
  });
});

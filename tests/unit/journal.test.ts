/**
 * Nothing typed is lost: per-record journals put back with a three-way merge, two pages editing one record,
 * and a full disk (issue 8, "Nothing lost").
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { conflictsOf, CONFLICTS_KEY } from '../../utils/conflicts';
import { EditSession } from '../../utils/edit-session';
import {
  JOURNAL_PREFIX,
  makeJournal,
  pendingJournals,
  readJournal,
  writeJournal,
  type JournalStore,
} from '../../utils/journal';
import { mergeJournal, restoreJournals } from '../../utils/journal-merge';
import type { ApplicationRecord } from '../../utils/record';
import { openRepository, type Repository } from '../../utils/repository';
import { logStep, newApplication } from '../../utils/steps';

/** localStorage as a Map. */
function memoryStore(): JournalStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

async function setup() {
  const repo = await openRepository(new IDBFactory());
  const stored = await repo.create(newApplication('Snapp', { role: 'Go Developer' }));
  return { repo, stored, store: memoryStore() };
}

/** A session whose journal goes to `store`, as the popup's does. */
function session(repo: Repository, record: ApplicationRecord, store: JournalStore, hooks = {}) {
  return new EditSession(
    repo,
    record,
    { onJournal: (j) => writeJournal(store, record.id, j), ...hooks },
    { journal: readJournal(store, record.id), conflicts: store },
  );
}

/** A QuotaExceededError as browsers throw it: no message. */
const quota = () => Object.assign(new Error(''), { name: 'QuotaExceededError' });

describe('journals', () => {
  it('one per record: the revision and the old and new value of each changed field, gone once stored', async () => {
    const { repo, stored, store } = await setup();
    const s = session(repo, stored, store);
    s.edit((d) => {
      d.review = 'f';
    });
    const j = readJournal(store, stored.id)!;
    expect(j).toMatchObject({ id: stored.id, base: stored.revision, fields: { review: { old: '', new: 'f' } } });
    expect(Object.keys(j.fields)).toEqual(['review']);
    expect(pendingJournals(store).ids).toEqual([stored.id]);
    await s.flush();
    expect(store.map.has(JOURNAL_PREFIX + stored.id)).toBe(false);
  });

  it('a stale journal does not undo a restore: the backup’s content stays, the journal’s text is a conflict', async () => {
    const { repo, stored, store } = await setup();
    // The popup typed one character and closed before the save landed: the journal is left behind.
    writeJournal(store, stored.id, makeJournal(stored, { ...stored, review: 'x' }));
    // A backup of the same record is imported, with another review and a stage (same revision as the file).
    const backup = structuredClone(stored);
    backup.review = 'From the backup';
    logStep(backup, { kind: 'hr-call', date: '2025-10-20' });
    await repo.bulkPut([backup]);
    const result = await restoreJournals(repo, store);
    expect(result.kept).toEqual([]);
    const now = (await repo.get(stored.id))!;
    expect(now.review).toBe('From the backup');
    expect(now.stages.map((s) => s.kind)).toEqual(['hr-call']);
    expect(conflictsOf(store, stored.id)).toMatchObject([
      { path: ['review'], kept: 'From the backup', other: 'x', from: 'journal' },
    ]);
    expect(pendingJournals(store).ids).toEqual([]);
  });

  it('a field changed only in the journal is applied over a record changed elsewhere', async () => {
    const { repo, stored, store } = await setup();
    writeJournal(store, stored.id, makeJournal(stored, { ...stored, review: 'mine', score: 7 }));
    await repo.mutate(stored.id, (d) => {
      d.role = 'Backend Engineer';
    });
    await restoreJournals(repo, store);
    expect(await repo.get(stored.id)).toMatchObject({ review: 'mine', score: 7, role: 'Backend Engineer' });
    expect(store.map.get(CONFLICTS_KEY) ?? '[]').toBe('[]');
  });

  it('a journal made from the stored revision is applied as it is', async () => {
    const { repo, stored, store } = await setup();
    const journal = makeJournal(stored, { ...stored, review: 'half a sent' })!;
    expect(mergeJournal(stored, journal)).toMatchObject({ record: { review: 'half a sent' }, conflicts: [] });
    writeJournal(store, stored.id, journal);
    await restoreJournals(repo, store);
    expect((await repo.get(stored.id))?.review).toBe('half a sent');
    expect(store.map.size).toBe(0);
  });

  // Seen in the browser: the popup closed after its save committed and before it heard so, typing on; the
  // journal still named the older revision, and reopening showed the page's own save as a conflict.
  it('a page that closes while its save is committing: the journal builds on that save, no conflict', async () => {
    const { repo, stored, store } = await setup();
    // The save of "so a" is committed by the database, but the page dies before `update` resolves.
    let commit: () => void = () => {};
    const committed = new Promise<void>((r) => {
      commit = r;
    });
    const slow: Repository = {
      ...repo,
      update: (r) =>
        repo.update(r).then(() => {
          commit();
          return new Promise<ApplicationRecord>(() => {}); // never heard back
        }),
    };
    const s = session(slow, stored, store);
    s.edit((d) => {
      d.review = 'so a';
    });
    await committed;
    // More typed while it was in flight: journalled, not saved.
    s.edit((d) => {
      d.review = 'so a cra';
    });
    const journal = readJournal(store, stored.id)!;
    expect(journal).toMatchObject({ base: stored.revision, saving: { revision: stored.revision + 1 } });
    const now = (await repo.get(stored.id))!;
    expect(now.review).toBe('so a');
    expect(mergeJournal(now, journal)).toMatchObject({ record: { review: 'so a cra' }, conflicts: [] });
    // The next page opening: restored, no conflict.
    const result = await restoreJournals(repo, store);
    expect(result.kept).toEqual([]);
    expect((await repo.get(stored.id))?.review).toBe('so a cra');
    expect(conflictsOf(store, stored.id)).toEqual([]);
    // A session opened on the record with that journal starts from it without a conflict too.
    const other = memoryStore();
    writeJournal(other, stored.id, journal);
    const again = session(repo, now, other);
    expect(again.record.review).toBe('so a cra');
    await again.flush();
    expect((await repo.get(stored.id))?.review).toBe('so a cra');
    expect(conflictsOf(other, stored.id)).toEqual([]);
  });

  it('a save in flight that did not land: another write of that revision still makes a conflict', async () => {
    const { repo, stored, store } = await setup();
    const lost: Repository = { ...repo, update: () => new Promise<ApplicationRecord>(() => {}) };
    const s = session(lost, stored, store);
    s.edit((d) => {
      d.review = 'mine';
    });
    const journal = readJournal(store, stored.id)!;
    expect(journal.saving?.revision).toBe(stored.revision + 1);
    // Another page stored the next revision with another review.
    const theirs = await repo.update({ ...stored, review: 'theirs' });
    expect(theirs.revision).toBe(journal.saving?.revision);
    expect(mergeJournal(theirs, journal)).toMatchObject({
      record: { review: 'theirs' },
      conflicts: [{ path: ['review'], kept: 'theirs', other: 'mine' }],
    });
  });

  it('a journal of a deleted record is dropped; one that is not a journal is dropped', async () => {
    const { repo, stored, store } = await setup();
    writeJournal(store, stored.id, makeJournal(stored, { ...stored, review: 'r' }));
    store.setItem(`${JOURNAL_PREFIX}junk`, '{not json');
    await repo.delete(stored.id);
    expect((await restoreJournals(repo, store)).kept).toEqual([]);
    expect(store.map.size).toBe(0);
  });

  it('journals of the older single-journal format are put back too', async () => {
    const { repo, stored, store } = await setup();
    store.setItem(
      'jobnote:journal',
      JSON.stringify({ id: stored.id, base: stored.revision, record: { ...stored, review: 'old format' } }),
    );
    store.setItem('jobnote:journal:unrestored', JSON.stringify(['nonsense']));
    await restoreJournals(repo, store);
    expect((await repo.get(stored.id))?.review).toBe('old format');
    expect(store.map.size).toBe(0);
  });
});

describe('a full disk', () => {
  it('unsaved text survives failed saves and reopenings, later edits build on it, and it is saved once there is room', async () => {
    const { repo, stored, store } = await setup();
    const update = repo.update.bind(repo);
    let full = true;
    repo.update = (r) => (full ? Promise.reject(quota()) : update(r));
    const big = 'متن '.repeat(15_000); // 60 KB
    const errors: unknown[] = [];
    const first = session(repo, stored, store, { onError: (e: unknown) => errors.push(e) });
    first.edit((d) => {
      d.review = big;
    });
    await expect(first.flush()).rejects.toThrow();
    expect((errors[0] as Error).name).toBe('QuotaExceededError');
    // Reopen (the popup closed): restoring fails again and keeps the journal, and the page shows the text.
    const again = await restoreJournals(repo, store);
    expect(again.kept).toEqual([stored.id]);
    expect((again.error as Error).name).toBe('QuotaExceededError');
    const second = session(repo, (await repo.get(stored.id))!, store);
    expect(second.record.review).toBe(big);
    second.edit((d) => {
      d.review += ' +more';
    });
    await expect(second.flush()).rejects.toThrow();
    expect(readJournal(store, stored.id)?.fields.review?.new).toBe(`${big} +more`);
    // Space is freed; the next opening stores it.
    full = false;
    expect((await restoreJournals(repo, store)).kept).toEqual([]);
    expect((await repo.get(stored.id))?.review).toBe(`${big} +more`);
    expect(pendingJournals(store).ids).toEqual([]);
  });
});

describe('two pages editing one record', () => {
  it('edits to different fields merge', async () => {
    const { repo, stored, store } = await setup();
    const popup = session(repo, stored, store);
    const dashboard = session(repo, stored, memoryStore());
    popup.edit((d) => {
      d.review = 'from the popup';
    });
    await popup.flush();
    dashboard.edit((d) => {
      d.company.website = 'https://snapp.ir';
    });
    await dashboard.flush();
    expect(await repo.get(stored.id)).toMatchObject({
      review: 'from the popup',
      company: { website: 'https://snapp.ir' },
    });
    expect(dashboard.record.review).toBe('from the popup');
    expect(conflictsOf(store, stored.id)).toEqual([]);
  });

  it('edits to the same field: the later one is stored and the other kept as a conflict', async () => {
    const { repo, stored, store } = await setup();
    const onConflict = vi.fn();
    const popup = session(repo, stored, store);
    const dashboard = session(repo, stored, store, { onConflict });
    popup.edit((d) => {
      d.review = 'popup text';
    });
    await popup.flush();
    dashboard.edit((d) => {
      d.review = 'dashboard text';
    });
    await dashboard.flush();
    expect((await repo.get(stored.id))?.review).toBe('dashboard text');
    expect(onConflict).toHaveBeenCalledOnce();
    expect(conflictsOf(store, stored.id)).toMatchObject([
      { path: ['review'], kept: 'dashboard text', other: 'popup text', from: 'page' },
    ]);
  });

  it('a page told of a write to its record shows it (rebase)', async () => {
    const { repo, stored, store } = await setup();
    const changes: ApplicationRecord[] = [];
    const idle = session(repo, stored, store, { onChange: (r: ApplicationRecord) => changes.push(r) });
    await repo.mutate(stored.id, (d) => {
      d.review = 'imported';
    });
    await idle.rebase();
    expect(idle.record.review).toBe('imported');
    expect(changes.at(-1)?.review).toBe('imported');
    // Its next edit is made from the new copy: nothing is merged, nothing conflicts.
    idle.edit((d) => {
      d.score = 8;
    });
    await idle.flush();
    expect(await repo.get(stored.id)).toMatchObject({ review: 'imported', score: 8 });
  });
});

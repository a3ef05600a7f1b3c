// idb (used by the repository) checks `instanceof IDBRequest` etc.: the interface globals, as a browser has them.
// Each test still opens its own database through a fresh `IDBFactory`.
import 'fake-indexeddb/auto';
import { summarize } from '../../utils/summary';
import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyPosting, recordFromPosting } from '../../utils/clip/record';
import { identify } from '../../utils/clip/url';
import { createRecord, newQuestion, newRound } from '../../utils/record';
import type { ApplicationRecord, Posting } from '../../utils/record';
import {
  BULK_BATCH,
  DB_NAME,
  DB_VERSION,
  InvalidRecordError,
  RecordNotFoundError,
  RevisionConflictError,
  openRepository,
} from '../../utils/repository';
import type { OpenOptions, Repository } from '../../utils/repository';
import { MIGRATIONS } from '../../utils/repository-upgrade';
import { posting } from './postings';
import { postingIdentity } from '../../utils/boards';
import { recordTerms } from '../../utils/search';
import { parseRecord } from '../../utils/record-validate';

function parseRecordOrThrow(v: unknown): ApplicationRecord {
  const parsed = parseRecord(v);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
}

const rec = (name: string, init: Partial<ApplicationRecord> = {}) =>
  createRecord({ ...init, company: { name, website: '' } });

/** A raw connection, for building old schemas and damaged rows by hand. */
function rawOpen(factory: IDBFactory, version: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, version);
    req.onupgradeneeded = () => upgrade?.(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function rawCount(db: IDBDatabase): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = db.transaction('applications').objectStore('applications').count();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function rawPut(db: IDBDatabase, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('applications', 'readwrite');
    tx.objectStore('applications').put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

let factory: IDBFactory;
let repo: Repository;
const open = (options?: OpenOptions) => openRepository(factory, DB_NAME, options);

beforeEach(async () => {
  factory = new IDBFactory();
  repo = await open();
});
afterEach(() => repo.close());

describe('create / get / list', () => {
  it('stores a new record with revision 1 and reads it back', async () => {
    const r = rec('Acme', { role: 'Backend' });
    const stored = await repo.create(r);
    expect(stored).toEqual({ ...r, revision: 1 });
    expect(await repo.get(r.id)).toEqual(stored);
    expect(await repo.get('nope')).toBeUndefined();
    expect((await repo.list()).length).toBe(1);
  });

  it('refuses an existing id and an invalid record', async () => {
    const r = await repo.create(rec('Acme'));
    await expect(repo.create(rec('Other', { id: r.id }))).rejects.toThrow(/already exists/);
    await expect(repo.create({ ...rec('X'), score: 11 })).rejects.toBeInstanceOf(InvalidRecordError);
    expect((await repo.get(r.id))?.company.name).toBe('Acme');
    expect((await repo.list()).length).toBe(1);
  });

  it('lists newest updatedAt first, with a limit', async () => {
    await repo.create(rec('Old', { updatedAt: '2024-01-01T00:00:00.000Z' }));
    await repo.create(rec('New', { updatedAt: '2024-03-01T00:00:00.000Z' }));
    await repo.create(rec('Mid', { updatedAt: '2024-02-01T00:00:00.000Z' }));
    expect((await repo.list()).map((r) => r.company.name)).toEqual(['New', 'Mid', 'Old']);
    expect((await repo.list({ limit: 2 })).map((r) => r.company.name)).toEqual(['New', 'Mid']);
  });
});

describe('update', () => {
  it('bumps revision and updatedAt', async () => {
    const r = await repo.create(rec('Acme', { updatedAt: '2024-01-01T00:00:00.000Z' }));
    const updated = await repo.update({ ...r, role: 'Frontend' });
    expect(updated.revision).toBe(2);
    expect(updated.updatedAt > r.updatedAt).toBe(true);
    expect(await repo.get(r.id)).toEqual(updated);
    expect((await repo.list())[0]).toEqual(updated);
  });

  it('refuses a stale revision and leaves the stored copy unchanged', async () => {
    const r = await repo.create(rec('Acme'));
    const first = await repo.update({ ...r, role: 'A' });
    const err = await repo.update({ ...r, role: 'B' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RevisionConflictError);
    expect(err).toMatchObject({ id: r.id, expected: 1, actual: 2 });
    expect(await repo.get(r.id)).toEqual(first);
  });

  it('refuses a missing record', async () => {
    await expect(repo.update(rec('Ghost'))).rejects.toBeInstanceOf(RecordNotFoundError);
    expect((await repo.list()).length).toBe(0);
  });
});

describe('mutate', () => {
  it('retries after a concurrent update', async () => {
    const r = await repo.create(rec('Acme'));
    let concurrent: Promise<unknown> | undefined;
    const fn = vi.fn((draft: ApplicationRecord) => {
      // First attempt: another writer stores revision 2 before our update runs.
      concurrent ??= repo.update({ ...r, review: 'from elsewhere' });
      draft.score = 7.5;
    });
    const result = await repo.mutate(r.id, fn);
    await concurrent;
    expect(fn).toHaveBeenCalledTimes(2);
    expect(result).toMatchObject({ revision: 3, score: 7.5, review: 'from elsewhere' });
    expect(await repo.get(r.id)).toEqual(result);
  });

  it('gives up after 3 retries, and reports a missing record', async () => {
    const r = await repo.create(rec('Acme'));
    const fn = vi.fn((draft: ApplicationRecord) => {
      void repo.update({ ...draft, review: draft.review + '!' }); // another writer wins every race
      draft.score = 1;
    });
    await expect(repo.mutate(r.id, fn)).rejects.toBeInstanceOf(RevisionConflictError);
    expect(fn).toHaveBeenCalledTimes(4);
    expect(await repo.get(r.id)).toMatchObject({ revision: 5, review: '!!!!', score: null });
    await expect(repo.mutate('nope', () => {})).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('accepts a returned record and works on a copy', async () => {
    const r = await repo.create(rec('Acme'));
    const result = await repo.mutate(r.id, (d) => ({ ...d, role: 'Lead' }));
    expect(result.role).toBe('Lead');
    expect(r.role).toBeNull();
  });
});

describe('delete / count', () => {
  it('deletes one record', async () => {
    const a = await repo.create(rec('A'));
    const b = await repo.create(rec('B'));
    await repo.delete(a.id);
    await repo.delete('nope');
    expect(await repo.get(a.id)).toBeUndefined();
    expect((await repo.list()).map((r) => r.id)).toEqual([b.id]);
    expect((await repo.list()).length).toBe(1);
  });
});

describe('bulkPut', () => {
  it('writes nothing when a record of a late batch is invalid, and says which', async () => {
    const existing = await repo.create(rec('Kept'));
    const batch = [
      { ...existing, role: 'changed' },
      ...Array.from({ length: BULK_BATCH * 3 }, (_, i) => rec(`Co ${i}`)),
    ];
    batch.splice(BULK_BATCH * 2 + 5, 0, { ...rec('Bad'), score: 11 });
    const progress: number[] = [];
    const err = await repo.bulkPut(batch, { onProgress: (done) => progress.push(done) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidRecordError);
    expect((err as InvalidRecordError).errors).toEqual([
      expect.stringMatching(new RegExp(`^records\\[${BULK_BATCH * 2 + 5}\\]: score`)),
    ]);
    // Batches before it were issued (the first even reported written): none of it was committed.
    expect(progress.length).toBeLessThanOrEqual(2);
    expect(await repo.list()).toEqual([existing]);
    expect((await repo.listSummaries()).map((x) => x.id)).toEqual([existing.id]);
    expect(await repo.termIds('co')).toEqual(new Set());
  });

  it('writes nothing when one record is invalid', async () => {
    const batch = [
      rec('A'),
      { ...rec('B'), outcome: { kind: 'won', afterStageId: null, remaining: null } } as unknown as ApplicationRecord,
      rec('C'),
    ];
    const err = await repo.bulkPut(batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidRecordError);
    expect((err as InvalidRecordError).errors).toEqual([expect.stringMatching(/^records\[1\]: outcome\.kind/)]);
    expect((await repo.list()).length).toBe(0);
  });

  it('rolls back every put when one fails in the database', async () => {
    const existing = await repo.create(rec('Kept'));
    // Valid as a record, but the database refuses to store it (the validator builds every record it
    // passes from known fields only, so no record can carry something uncloneable: the failure is made here).
    const put = IDBObjectStore.prototype.put;
    const refuse = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, v, k) {
      if ((v as ApplicationRecord).company?.name === 'Bad') throw new DOMException('refused', 'DataError');
      return put.call(this, v, k);
    });
    await expect(repo.bulkPut([{ ...existing, role: 'changed' }, rec('New'), rec('Bad')])).rejects.toThrow();
    refuse.mockRestore();
    expect((await repo.list()).length).toBe(1);
    expect(await repo.get(existing.id)).toEqual(existing);
  });

  it('makes a valid batch visible all at once and bumps every revision past the given and the stored one', async () => {
    const stored = await repo.create(rec('Stored'));
    await repo.update({ ...stored, role: 'edited' }); // revision 2 in the database
    const batch = [rec('A', { revision: 5 }), rec('B', { revision: 2 }), rec('C'), { ...stored, revision: 1 }];
    const writing = repo.bulkPut(batch);
    const seen = (await repo.list()).length; // a reader sees all or none, never part
    await writing;
    expect([1, 4]).toContain(seen);
    expect((await repo.list()).length).toBe(4);
    // An import never reuses a revision an open editor may hold: it is always one past both.
    expect((await repo.get(batch[0]!.id))?.revision).toBe(6);
    expect(await repo.get(batch[1]!.id)).toEqual({ ...batch[1], revision: 3 });
    expect((await repo.get(stored.id))?.revision).toBe(3);
    expect(batch[0]!.revision).toBe(5); // the caller's objects are not changed
  });

  it('takes records the validator made as they are, without changing them', async () => {
    const stored = await repo.create(rec('Stored'));
    const given = [
      parseRecordOrThrow({ ...stored, role: 'restored' }),
      parseRecordOrThrow(rec('New', { revision: 4 })),
    ];
    const copy = structuredClone(given);
    await repo.bulkPut(given, { validated: true });
    expect(given).toEqual(copy);
    expect(await repo.get(stored.id)).toEqual({ ...stored, role: 'restored', revision: 2 });
    expect((await repo.get(given[1]!.id))?.revision).toBe(5);
    expect(await repo.termIds('restor')).toEqual(new Set([stored.id]));
  });

  // 1,000 records of 30 questions each were one task of a second on the bench machine (issue 9).
  it('makes a batch of records with many questions smaller, so no batch holds the page long', async () => {
    const heavy = (i: number) =>
      createRecord({
        company: { name: `Heavy ${i}`, website: '' },
        rounds: [
          newRound('r1', 'Technical Interview', {
            questions: Array.from({ length: 30 }, (_, q) => newQuestion(`q${q + 1}`, `Question ${q} of ${i}`)),
          }),
        ],
      });
    const records = Array.from({ length: 400 }, (_, i) => heavy(i));
    const progress: number[] = [];
    await repo.bulkPut(records, { onProgress: (done) => progress.push(done) });
    // 4,000 of weight a batch, each record weighing 31: 130 a batch (the last one takes it past the weight).
    expect(progress).toEqual([130, 260, 390, 400]);
    expect((await repo.listSummaries()).length).toBe(400);
  });

  it('writes in batches, reporting progress once per batch up to the total', async () => {
    const stored = await repo.create(rec('Stored'));
    const total = BULK_BATCH * 2 + 17;
    const batch = [
      ...Array.from({ length: total - 1 }, (_, i) => rec(`Co ${i}`, { revision: 3 })),
      { ...stored, role: 'restored' },
    ];
    const progress: [number, number][] = [];
    await repo.bulkPut(batch, { onProgress: (done, of) => progress.push([done, of]) });
    expect(progress).toEqual([
      [BULK_BATCH, total],
      [BULK_BATCH * 2, total],
      [total, total],
    ]);
    expect((await repo.listSummaries()).length).toBe(total);
    // Revisions bumped as in one batch: a new record gets one past its own, a stored one past the stored.
    expect((await repo.get(batch[0]!.id))?.revision).toBe(4);
    expect(await repo.get(stored.id)).toEqual({ ...stored, role: 'restored', revision: 2 });
  });

  it('writes nothing when a record of a late batch fails in the database', async () => {
    const existing = await repo.create(rec('Kept'));
    const batch = [
      { ...existing, role: 'changed' },
      ...Array.from({ length: BULK_BATCH * 3 }, (_, i) => rec(`Co ${i}`)),
    ];
    batch.splice(BULK_BATCH * 2 + 5, 0, rec('Bad'));
    const put = IDBObjectStore.prototype.put;
    const refuse = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, v, k) {
      if ((v as ApplicationRecord).company?.name === 'Bad') throw new DOMException('refused', 'DataError');
      return put.call(this, v, k);
    });
    const progress: number[] = [];
    await expect(repo.bulkPut(batch, { onProgress: (done) => progress.push(done) })).rejects.toThrow('refused');
    refuse.mockRestore();
    // The first batch was written and reported; the third failed while the second was being written (each
    // batch is issued before the one before it is awaited): none of it was committed.
    expect(progress).toEqual([BULK_BATCH]);
    expect(await repo.list()).toEqual([existing]);
    expect((await repo.listSummaries()).map((x) => x.id)).toEqual([existing.id]);
    expect(await repo.termIds('co')).toEqual(new Set());
  });
});

describe('the search words (a row of ids per word)', () => {
  /** The words' store as it is: word → its ids, sorted. */
  async function stored(): Promise<Record<string, string[]>> {
    const raw = await rawOpen(factory, DB_VERSION);
    const out: Record<string, string[]> = {};
    await new Promise<void>((resolve, reject) => {
      const req = raw.transaction('termIds').objectStore('termIds').openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return resolve();
        out[String(cursor.key)] = [...(cursor.value as string[])].sort();
        cursor.continue();
      };
      req.onerror = () => reject(req.error);
    });
    raw.close();
    return out;
  }

  /** What it should be: the words of each record stored, inverted. */
  async function expected(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const r of await repo.list()) for (const w of recordTerms(r)) out[w] = [...(out[w] ?? []), r.id];
    for (const ids of Object.values(out)) ids.sort();
    return out;
  }

  const asked = (name: string, ...questions: string[]) => {
    const r = rec(name);
    r.rounds = [newRound('r1', 'Technical Interview')];
    r.rounds[0].questions = questions.map((q, i) => newQuestion(`q${i}`, q));
    return r;
  };

  it('are those of the records stored after every kind of write', async () => {
    const a = await repo.create(asked('Acme', 'What is golang?', 'Explain channels'));
    const b = await repo.create(asked('Beta', 'Golang generics', 'Kafka partitions'));
    expect(await stored()).toEqual(await expected());
    expect(await repo.termIds('golang')).toEqual(new Set([a.id, b.id]));

    // An edit that drops a word and adds one: only those two rows change.
    await repo.mutate(a.id, (r) => {
      r.rounds[0].questions[0].text = 'What is a python decorator?';
    });
    expect(await stored()).toEqual(await expected());
    expect(await repo.termIds('golang')).toEqual(new Set([b.id]));
    expect(await repo.termIds('pyth')).toEqual(new Set([a.id]));

    // An import over a stored record, and one record given twice (the second wins).
    const again = { ...(await repo.get(b.id))!, rounds: asked('Beta', 'Redis persistence').rounds };
    const c1 = asked('Gamma', 'Docker layers');
    const c2 = { ...c1, rounds: asked('Gamma', 'Kubernetes pods').rounds };
    await repo.bulkPut([again, c1, c2]);
    expect(await stored()).toEqual(await expected());
    expect(await repo.termIds('docker')).toEqual(new Set());
    expect(await repo.termIds('kafka')).toEqual(new Set());
    expect(await repo.termIds('kube')).toEqual(new Set([c1.id]));

    // A deleted record leaves every word; a word no record has any more has no row.
    await repo.delete(b.id);
    expect(await stored()).toEqual(await expected());
    expect(Object.keys(await stored())).not.toContain('redis');

    // A damaged row written where a record was deleted has no words.
    await repo.putDamaged([{ id: b.id, reason: 'x', row: { ...again, score: 11 } }]);
    expect(await stored()).toEqual(await expected());
  });

  it('are left as they were when a write fails', async () => {
    await repo.create(asked('Acme', 'What is golang?'));
    const before = await stored();
    await expect(repo.bulkPut([asked('Beta', 'Rust lifetimes'), { ...rec('Bad'), score: 11 }])).rejects.toThrow(
      InvalidRecordError,
    );
    expect(await stored()).toEqual(before);
  });
});

describe('findByPosting', () => {
  it('finds by board + jobId, else by URL', async () => {
    const a = await repo.create(rec('Acme', { posting: posting() }));
    const b = await repo.create(
      rec('Beta', { posting: posting({ board: 'linkedin', jobId: null, url: 'https://x.example/job/9' }) }),
    );
    await repo.create(rec('No posting'));

    expect(
      (await repo.findByPosting({ board: 'jobinja', jobId: 'AbC1', url: 'https://jobinja.ir/other-url' }))?.id,
    ).toBe(a.id);
    expect(
      await repo.findByPosting({ board: 'jobvision', jobId: 'AbC1', url: 'https://jobvision.ir/x' }),
    ).toBeUndefined();
    expect((await repo.findByPosting({ board: 'linkedin', jobId: null, url: 'https://x.example/job/9' }))?.id).toBe(
      b.id,
    );
    expect(
      (await repo.findByPosting({ board: 'quera', jobId: '77', url: 'https://jobinja.ir/companies/acme/jobs/AbC1' }))
        ?.id,
    ).toBe(a.id);
    const found = await repo.findByPosting({ board: 'jobinja', jobId: 'AbC1', url: '' });
    expect(found).toEqual(a); // storage-only postingKey is stripped
    expect(found).not.toHaveProperty('postingKey');
  });

  it('follows updates and deletes', async () => {
    const a = await repo.create(rec('Acme', { posting: posting() }));
    await repo.update({ ...a, posting: posting({ jobId: 'Z9', url: 'https://jobinja.ir/z9' }) });
    expect(
      await repo.findByPosting({ board: 'jobinja', jobId: 'AbC1', url: 'https://jobinja.ir/companies/acme/jobs/AbC1' }),
    ).toBeUndefined();
    expect((await repo.findByPosting({ board: 'jobinja', jobId: 'Z9', url: '' }))?.id).toBe(a.id);
    await repo.delete(a.id);
    expect(await repo.findByPosting({ board: 'jobinja', jobId: 'Z9', url: '' })).toBeUndefined();
  });
});

describe('two career sites whose postings have the same id', () => {
  const alpha = posting({ board: 'jsonld', jobId: '12', url: 'https://careers.alpha.example/jobs/12', title: 'A' });
  const beta = posting({ board: 'jsonld', jobId: '12', url: 'https://jobs.beta.example/openings/12', title: 'B' });

  /** What the background does with a clipped posting (entrypoints' clip path). */
  async function clip(p: Posting) {
    const existing = await repo.findByPosting(p);
    return existing ? repo.mutate(existing.id, (r) => applyPosting(r, p)) : repo.create(recordFromPosting(p));
  }

  it('stay two applications, each found again from its own tab', async () => {
    const a = await clip(alpha);
    const b = await clip(beta);
    expect(b.id).not.toBe(a.id);
    expect((await repo.list()).length).toBe(2);
    expect((await repo.get(a.id))?.posting?.url).toBe(alpha.url);
    // The popup's lookup of the current tab's application, from the tab's URL alone.
    for (const [p, id] of [
      [alpha, a.id],
      [beta, b.id],
    ] as const) {
      const tab = identify(p.url)!;
      expect((await repo.findByPosting(tab))?.id).toBe(id);
    }
    // A second clip of the first site still updates the first application.
    expect((await clip({ ...alpha, title: 'A2' })).id).toBe(a.id);
    expect((await repo.get(a.id))?.role).toBe('A');
    expect((await repo.get(a.id))?.posting?.title).toBe('A2');
  });
});

describe('schema', () => {
  it('migrates a v1 database to the current version', async () => {
    repo.close();
    factory = new IDBFactory();
    const old = rec('Acme', { revision: 4, posting: posting() });
    const v1 = await rawOpen(factory, 1, (db) => {
      db.createObjectStore('applications', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      db.createObjectStore('meta');
    });
    await rawPut(v1, old);
    v1.close();

    repo = await open();
    expect(await repo.findByPosting({ board: 'jobinja', jobId: 'AbC1', url: '' })).toEqual(old);
    expect(await repo.get(old.id)).toEqual(old);
    // v3 filled the summary of the row that was already there.
    expect(await repo.listSummaries()).toEqual([summarize(old)]);
    expect(MIGRATIONS.length).toBe(DB_VERSION);
  });

  it('v4 keys a generic page by host and id: a v3 database keeps every record, found by the new keys', async () => {
    repo.close();
    factory = new IDBFactory();
    // A database at version 3, built by the first three migrations, with rows keyed as v3 keyed them.
    await new Promise<void>((resolve, reject) => {
      const req = factory.open(DB_NAME, 3);
      req.onupgradeneeded = async () => {
        const tx = wrap(req.transaction!) as unknown as Parameters<(typeof MIGRATIONS)[number]>[1];
        for (const migrate of MIGRATIONS.slice(0, 3)) await migrate(tx.db, tx);
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const alpha = rec('Alpha', {
      posting: posting({ board: 'jsonld', jobId: '12', url: 'https://careers.alpha.example/jobs/12' }),
    });
    const page = rec('Page', {
      posting: posting({ board: 'readability', jobId: null, url: 'https://blog.example/hiring' }),
    });
    const board = rec('Board', { posting: posting() });
    const none = rec('None');
    const v3 = await rawOpen(factory, 3);
    await rawPut(v3, { ...alpha, postingKey: ['job:jsonld:12', 'url:https://careers.alpha.example/jobs/12'] });
    await rawPut(v3, { ...page, postingKey: ['url:https://blog.example/hiring'] });
    await rawPut(v3, { ...board, postingKey: ['job:jobinja:AbC1', 'url:https://jobinja.ir/companies/acme/jobs/AbC1'] });
    await rawPut(v3, { ...none, postingKey: [] });
    v3.close();

    repo = await open();
    for (const r of [alpha, page, board, none]) expect(await repo.get(r.id)).toEqual(r);
    expect((await repo.list()).length).toBe(4);
    // The same site's job 12 under another URL: found by `job:generic:careers.alpha.example:12`.
    const elsewhere = { board: 'jsonld', jobId: '12', url: 'https://careers.alpha.example/jobs/12?lang=en' };
    expect((await repo.findByPosting(elsewhere))?.id).toBe(alpha.id);
    // Another site's job 12 is not that application (the old `job:jsonld:12` key is gone).
    expect(await repo.findByPosting({ board: 'jsonld', jobId: '12', url: 'https://beta.example/12' })).toBeUndefined();
    expect((await repo.findByPosting({ board: null, jobId: null, url: 'https://blog.example/hiring' }))?.id).toBe(
      page.id,
    );
    expect((await repo.findByPosting({ board: 'jobinja', jobId: 'AbC1', url: '' }))?.id).toBe(board.id);
  });

  it('keeps summaries in step with every write', async () => {
    // Distinct times: two records created in the same millisecond have no order.
    const a = await repo.create(
      rec('Acme', { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }),
    );
    const b = await repo.create(
      rec('Beta', { createdAt: '2025-01-02T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' }),
    );
    expect((await repo.listSummaries()).map((x) => x.company)).toEqual(['Beta', 'Acme']);
    const a2 = await repo.mutate(a.id, (r) => {
      r.score = 7.5;
      r.outcome = { kind: 'rejected', afterStageId: null, remaining: null };
    });
    expect((await repo.listSummaries())[0]).toEqual(summarize(a2));
    expect((await repo.listSummaries())[0]).toMatchObject({
      company: 'Acme',
      score: 7.5,
      status: '❌',
      outcome: 'rejected',
    });
    await repo.delete(b.id);
    expect((await repo.listSummaries()).map((x) => x.id)).toEqual([a.id]);
    await repo.bulkPut([{ ...b, company: { name: 'Beta 2', website: '' } }]);
    expect((await repo.listSummaries({ limit: 5 })).map((x) => x.company).sort()).toEqual(['Acme', 'Beta 2']);
    await expect(repo.bulkPut([{ ...b, score: 42 }])).rejects.toBeInstanceOf(InvalidRecordError);
    expect((await repo.listSummaries()).find((x) => x.id === b.id)?.company).toBe('Beta 2');
  });

  it('skips invalid stored rows in list and reports them', async () => {
    const good = await repo.create(rec('Good', { posting: posting() }));
    const raw = await rawOpen(factory, MIGRATIONS.length);
    await rawPut(raw, {
      id: 'bad',
      schema: 1,
      updatedAt: '2099-01-01T00:00:00.000Z',
      postingKey: ['url:https://bad.example'],
    });
    raw.close();

    const onInvalid = vi.fn();
    repo.close();
    repo = await open({ onInvalid });
    expect(await repo.list()).toEqual([good]);
    expect(onInvalid).toHaveBeenCalledWith('bad', expect.arrayContaining([expect.stringMatching(/^company/)]));
    expect(await repo.findByPosting({ board: 'jobinja', jobId: null, url: 'https://bad.example' })).toBeUndefined();
    await expect(repo.get('bad')).rejects.toBeInstanceOf(InvalidRecordError);
    const rows = await rawOpen(factory, MIGRATIONS.length);
    expect(await rawCount(rows)).toBe(2); // the damaged row is left in place, not deleted
    rows.close();
  });

  it('closes itself when another context upgrades, so the upgrade does not hang', async () => {
    const onVersionChange = vi.fn();
    repo.close();
    repo = await open({ onVersionChange });
    const newer = await rawOpen(factory, MIGRATIONS.length + 1);
    expect(newer.version).toBe(MIGRATIONS.length + 1);
    expect(onVersionChange).toHaveBeenCalledOnce();
    newer.close();
  });
});

describe('meta', () => {
  it('gets, sets and removes small values', async () => {
    expect(await repo.getMeta('draft')).toBeUndefined();
    await repo.setMeta('draft', { text: 'سلام', at: 3 });
    await repo.setMeta('theme', 'dark');
    expect(await repo.getMeta<{ text: string }>('draft')).toEqual({ text: 'سلام', at: 3 });
    expect(await repo.getMeta('theme')).toBe('dark');
    await repo.setMeta('theme', undefined);
    expect(await repo.getMeta('theme')).toBeUndefined();
  });
});

/** A database at `version`, built by the first `version` migrations, as that version of Jobnote left it. */
function buildAt(version: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = factory.open(DB_NAME, version);
    req.onupgradeneeded = async () => {
      const tx = wrap(req.transaction!) as unknown as Parameters<(typeof MIGRATIONS)[number]>[1];
      for (const migrate of MIGRATIONS.slice(0, version)) await migrate(tx.db, tx);
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

function rawPutIn(db: IDBDatabase, store: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

describe('a database written by each earlier schema version', () => {
  const board = () => rec('Board', { role: 'Backend', revision: 3, posting: posting() });
  const generic = () =>
    rec('Generic', { posting: posting({ board: 'jsonld', jobId: '7', url: 'https://jobs.generic.example/7' }) });
  const plain = () => rec('Plain', { score: 8.5 });
  /** The posting keys as versions 2 and 3 wrote them (a generic page's job id without its host). */
  const oldKeys: Record<string, string[]> = {
    Board: ['job:jobinja:AbC1', 'url:https://jobinja.ir/companies/acme/jobs/AbC1'],
    Generic: ['job:jsonld:7', 'url:https://jobs.generic.example/7'],
    Plain: [],
  };

  for (const version of [1, 2, 3, 4, 5, 6]) {
    it(`v${version}: every record intact and findable at version ${MIGRATIONS.length}`, async () => {
      repo.close();
      factory = new IDBFactory();
      await buildAt(version);
      const records = [board(), generic(), plain()];
      const raw = await rawOpen(factory, version);
      for (const r of records) {
        // v1 had no posting keys; v2 and v3 stored them; v4 keyed a generic page by its host; v3 wrote a
        // summary beside each row; v5 a row of search terms too; v6 kept the terms in the record's row.
        const keys = version >= 4 ? postingIdentity(r.posting) : oldKeys[r.company.name];
        const row = version === 1 ? r : { ...r, postingKey: keys };
        await rawPut(raw, version === 6 ? { ...row, terms: recordTerms(r) } : row);
        if (version >= 3) await rawPutIn(raw, 'summaries', summarize(r));
        if (version === 5) await rawPutIn(raw, 'terms', { id: r.id, terms: recordTerms(r) });
      }
      raw.close();

      repo = await open();
      for (const r of records) expect(await repo.get(r.id)).toEqual(r);
      expect((await repo.list()).map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
      expect(await repo.listDamaged()).toEqual([]);
      expect(
        (await repo.listSummaries()).sort((a, b) => a.company.localeCompare(b.company)).map((s) => s.company),
      ).toEqual(['Board', 'Generic', 'Plain']);
      expect((await repo.findByPosting({ board: 'jobinja', jobId: 'AbC1', url: '' }))?.id).toBe(records[0].id);
      const elsewhere = { board: 'jsonld', jobId: '7', url: 'https://jobs.generic.example/7?ref=x' };
      expect((await repo.findByPosting(elsewhere))?.id).toBe(records[1].id);
      expect((await repo.findByPosting({ board: null, jobId: null, url: 'https://jobs.generic.example/7' }))?.id).toBe(
        records[1].id,
      );
      // Search terms filled (v5), kept in the record rows (v6), then a row per word (v7): found by company
      // and role.
      expect(await repo.termIds('gener')).toEqual(new Set([records[1].id]));
      expect(await repo.termIds('backe')).toEqual(new Set([records[0].id]));
      // The storage-only fields never reach a record (compared whole above), nor the v5 terms store; the
      // records' store has lost the v6 words index.
      const now = await rawOpen(factory, MIGRATIONS.length);
      expect([...now.objectStoreNames].sort()).toEqual(['applications', 'meta', 'summaries', 'termIds']);
      expect([...now.transaction('applications').objectStore('applications').indexNames]).toEqual(['postingKey']);
      now.close();
    });
  }
});

describe('damaged rows', () => {
  async function writeDamaged() {
    const good = await repo.create(rec('Good'));
    const raw = await rawOpen(factory, MIGRATIONS.length);
    const scored = { ...rec('Scored'), score: 11, postingKey: [] };
    const newer = { ...rec('Newer'), schema: 99, future: { x: 1 } };
    await rawPut(raw, scored);
    await rawPut(raw, newer);
    raw.close();
    const { postingKey: _, ...scoredRow } = scored;
    return { good, scoredRow, newer };
  }

  it('are listed raw with the reason, apart from the records', async () => {
    const { good, scoredRow, newer } = await writeDamaged();
    expect(await repo.list()).toEqual([good]);
    const damaged = await repo.listDamaged();
    expect(damaged.map((d) => d.id).sort()).toEqual([scoredRow.id, newer.id].sort());
    const byId = Object.fromEntries(damaged.map((d) => [d.id, d]));
    expect(byId[scoredRow.id]).toEqual({ id: scoredRow.id, reason: expect.stringMatching(/^score/), row: scoredRow });
    expect(byId[newer.id]).toEqual({ id: newer.id, reason: expect.stringMatching(/^schema: 99 is newer/), row: newer });
  });

  it('can be deleted, or repaired by storing a valid record under the id', async () => {
    const { scoredRow, newer } = await writeDamaged();
    await repo.delete(newer.id);
    const repaired = parseRecordOrThrow({ ...scoredRow, score: 10 });
    await repo.bulkPut([repaired]);
    expect(await repo.listDamaged()).toEqual([]);
    expect((await repo.get(scoredRow.id))?.score).toBe(10);
    expect((await repo.listSummaries()).map((s) => s.company).sort()).toEqual(['Good', 'Scored']);
  });

  it('are written back raw from a backup, never over a readable record', async () => {
    const { scoredRow, newer } = await writeDamaged();
    const damaged = await repo.listDamaged();
    repo.close();
    factory = new IDBFactory();
    repo = await open();
    const readable = await repo.create(rec('Readable'));
    const clash = { id: readable.id, reason: 'score: …', row: { ...scoredRow, id: readable.id } };
    expect(await repo.putDamaged([...damaged, clash])).toEqual([readable.id]);
    expect((await repo.listDamaged()).map((d) => d.row)).toEqual(
      expect.arrayContaining([scoredRow, newer].map((r) => expect.objectContaining(r))),
    );
    expect(await repo.get(readable.id)).toEqual(readable);
    expect(await repo.list()).toEqual([readable]);
  });
});

describe('an upgrade blocked by an older open page', () => {
  it('reports it, and opens once that page closes', async () => {
    repo.close();
    factory = new IDBFactory();
    await buildAt(MIGRATIONS.length - 1);
    // An older page holds the database open and does not close itself on `versionchange`.
    const older = await rawOpen(factory, MIGRATIONS.length - 1);
    const onBlocked = vi.fn();
    const opening = open({ onBlocked });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalledOnce());
    older.close();
    repo = await opening;
    expect(await repo.list()).toEqual([]);
  });
});

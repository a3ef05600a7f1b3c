/**
 * The record repository: application records and small UI state in IndexedDB.
 *
 * Built on idb. No browser global is read here: the caller passes the `IDBFactory` (the extension passes
 * `indexedDB`, tests a fresh `IDBFactory` from fake-indexeddb). idb's `wrap` does check `instanceof IDBRequest`
 * (and the other interface classes) against the globals: native in browsers, `fake-indexeddb/auto` in tests.
 *
 * Every record read from the database goes through `parseRecord`, so older record schemas are migrated and
 * damaged rows are reported instead of returned.
 *
 * Stored rows are the record plus two storage-only fields: `postingKey`, the posting's identity keys
 * (`postingIdentity` in utils/boards.ts) under a multi-entry index, and `terms`, its search words (`recordTerms`,
 * utils/search.ts). Both are stripped on read and never part of `ApplicationRecord`.
 *
 * Beside each record, in the same transaction, what is derived from it (utils/repository-derived.ts): the list's
 * summary, and its id in the row of each of its words (`TERM_IDS`), which `termIds` reads by prefix (`IDBKeyRange`,
 * like the interface classes above: the global of the browser or of fake-indexeddb).
 */
import { wrap } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { postingIdentity, type PostingRef } from './boards';
import { parseRecord } from './record-validate';
import type { ApplicationRecord } from './record';
import type { Derived } from './repository-derived';
import type { RecordSummary } from './summary';

export type { RecordSummary };

export const DB_NAME = 'jobnote';
export const APPS = 'applications';
export const META = 'meta';
export const SUMMARIES = 'summaries';
/** Schema v5 only: the search terms, a row per record (v6 keeps them in the record's row). */
export const TERMS = 'terms';
/** Since schema v7: the ids of the records that have a search word, under the word (out-of-line key). */
export const TERM_IDS = 'termIds';
/** The schema's version: the number of migrations in utils/repository-upgrade.ts. */
export const DB_VERSION = 7;

export class RevisionConflictError extends Error {
  constructor(
    public id: string,
    public expected: number,
    public actual: number,
  ) {
    super(`record ${id} was changed elsewhere (revision ${actual}, this edit was made from revision ${expected})`);
    this.name = 'RevisionConflictError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(public id: string) {
    super(`no record ${id}`);
    this.name = 'RecordNotFoundError';
  }
}

export class InvalidRecordError extends Error {
  constructor(public errors: string[]) {
    super(
      `invalid record: ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? ` (+${errors.length - 5} more)` : ''}`,
    );
    this.name = 'InvalidRecordError';
  }
}

/** The database upgrade waits for another open page of an older version to close (`onBlocked`). */
export class UpgradeBlockedError extends Error {
  constructor() {
    super('another Jobnote page is open with an older version of the database: close it, or reload it');
    this.name = 'UpgradeBlockedError';
  }
}

export interface ListOptions {
  /** At most this many records (newest `updatedAt` first). */
  limit?: number;
}

export interface OpenOptions {
  /** Called for each stored row that does not parse (skipped by `list` and `findByPosting`). */
  onInvalid?: (id: unknown, errors: string[]) => void;
  /** Our upgrade waits for other open connections (they close themselves on `versionchange`). */
  onBlocked?: () => void;
  /** Another context upgrades or deletes the database: this connection has been closed; reload to continue. */
  onVersionChange?: () => void;
  /**
   * Records were written (created, updated, imported, repaired or deleted) through this repository: called with
   * their ids once the transaction committed, so the pages showing them can be told (services/changes.ts).
   */
  onWrite?: (ids: string[]) => void;
}

/** Records a `bulkPut` writes (and validates) between two looks at the event loop, at most (fewer when they hold many questions). */
export const BULK_BATCH = 1000;

export interface BulkPutOptions {
  /**
   * After each batch is written (in the transaction, not committed yet): how many records of how many.
   * Increases to `total`, once per batch; the write then commits.
   */
  onProgress?: (done: number, total: number) => void;
  /**
   * The records are `parseRecord`'s output, not changed since (as the import's are, utils/import-run.ts): not
   * validated again. Validating 50,000 records takes over a second.
   */
  validated?: boolean;
}

/**
 * A stored row the validator rejects (a score of 11, a record of a newer schema): kept as it is, never
 * dropped, listed by `listDamaged` for the dashboard to show, repair or delete, and put in backups raw.
 */
export interface DamagedRow {
  id: string;
  /** What the validator said, in one line. */
  reason: string;
  /** The stored row as it is (without the storage-only `postingKey` and `terms`). */
  row: unknown;
}

export interface Repository {
  /** Stores a new record (validated); sets revision 1 and createdAt/updatedAt if missing; refuses an existing id. */
  create(record: ApplicationRecord): Promise<ApplicationRecord>;
  /** The record, or undefined; throws InvalidRecordError when the stored row does not parse. */
  get(id: string): Promise<ApplicationRecord | undefined>;
  /** Records by `updatedAt`, newest first; invalid rows are skipped (and reported to `onInvalid`). */
  list(options?: ListOptions): Promise<ApplicationRecord[]>;
  /** The stored rows that do not parse (which `list` and `findByPosting` skip), with the reason, by id. */
  listDamaged(): Promise<DamagedRow[]>;
  /**
   * Writes rows kept damaged (a backup's `damaged` list) as they are, without a summary, in one transaction.
   * A row whose id holds a readable record is not written (the record wins): the ids left out are returned.
   */
  putDamaged(rows: readonly DamagedRow[]): Promise<string[]>;
  /** What lists show, newest first: small rows kept in step with every write (no full record is read). */
  listSummaries(options?: ListOptions): Promise<RecordSummary[]>;
  /**
   * The ids of the records whose company, role or question text has a word starting with `prefix` (a word of
   * a query, normalised: `searchIds` in utils/search.ts asks for each and keeps the ids found for all).
   */
  termIds(prefix: string): Promise<Set<string>>;
  /** Replaces a record made from the stored revision (else RevisionConflictError); stores revision+1, updatedAt now. */
  update(record: ApplicationRecord): Promise<ApplicationRecord>;
  /**
   * Loads, applies `fn` to a copy (edited in place, or replaced by what `fn` returns), updates; retries up to
   * 3 times on RevisionConflictError.
   */
  mutate(
    id: string,
    fn: ((r: ApplicationRecord) => void) | ((r: ApplicationRecord) => ApplicationRecord),
  ): Promise<ApplicationRecord>;
  delete(id: string): Promise<void>;
  /**
   * Writes all in one transaction (all or nothing), in batches of `BULK_BATCH` records, each validated before
   * any of it is issued (an invalid record aborts the whole: `InvalidRecordError` with its batch's errors);
   * the page renders and takes input between batches.
   * Every revision is bumped past the given and the stored one.
   */
  bulkPut(records: ApplicationRecord[], options?: BulkPutOptions): Promise<void>;
  /**
   * The record of the same posting (`postingIdentity`): same board + jobId (a generic page's jobId on the same
   * host), else the same URL.
   */
  findByPosting(ref: PostingRef): Promise<ApplicationRecord | undefined>;
  getMeta<T>(key: string): Promise<T | undefined>;
  /** Stores a small value; `undefined` removes the key. */
  setMeta<T>(key: string, value: T): Promise<void>;
  close(): void;
}

export type StoredRecord = ApplicationRecord & { postingKey?: string[]; terms?: string[] };

export interface JobnoteDB extends DBSchema {
  applications: {
    key: string;
    value: StoredRecord;
    /** `updatedAt` until schema v6, `terms` in v6 only. */
    indexes: { updatedAt: string; postingKey: string; terms: string };
  };
  meta: { key: string; value: unknown };
  summaries: { key: string; value: RecordSummary; indexes: { updatedAt: string } };
  /** Schema v5 only (deleted by v6). */
  terms: { key: string; value: TermsRow; indexes: { terms: string } };
  /** Since schema v7: record ids by search word. */
  termIds: { key: string; value: string[] };
}

/** A record's search words (distinct, normalised), under a multi-entry index. */
interface TermsRow {
  id: string;
  terms: string[];
}
export type UpgradeTransaction = IDBPTransaction<JobnoteDB, StoreNames<JobnoteDB>[], 'versionchange'>;
type Stores = ['applications', 'summaries', 'termIds'];
type AppsStore = IDBPObjectStore<JobnoteDB, Stores, 'applications', 'readwrite'>;

/** What utils/repository-bulk.ts uses of an open repository. */
export interface Internals {
  db: IDBPDatabase<JobnoteDB>;
  /** One readwrite transaction over the records and their derived rows (see `write` in `openRepository`). */
  write<T>(body: (store: AppsStore, derived: Derived) => Promise<T>): Promise<T>;
  /** Tells `onWrite` of the ids written. */
  wrote(ids: string[]): void;
}

/** utils/repository-upgrade.ts's migrations, once an older database has been met. */
let migrations: typeof import('./repository-upgrade').MIGRATIONS | undefined;

/**
 * utils/repository-derived.ts, loaded by `openRepository` before the database opens: the search code is not part
 * of the popup's first view (its JS budget), and every write needs it synchronously, inside its transaction.
 */
let derive: typeof import('./repository-derived');

/** A stored row without its storage-only fields. */
export function withoutKeys(row: StoredRecord): unknown {
  const { postingKey: _, terms: _t, ...rest } = row;
  return rest;
}

export function fromRow(row: StoredRecord) {
  return parseRecord(withoutKeys(row));
}

function valid(record: ApplicationRecord): ApplicationRecord {
  const parsed = parseRecord(record);
  if (!parsed.ok) throw new InvalidRecordError(parsed.errors);
  return parsed.value;
}

/** Aborts a transaction unless it has already finished. */
function abort(tx: { abort(): void }) {
  try {
    tx.abort();
  } catch {
    // already committed or aborted
  }
}

/**
 * idb's `openDB` on the given factory (it would use the global `indexedDB`). A database older than `DB_VERSION`
 * is upgraded by the migrations, which are loaded only then: the first upgrade is aborted (nothing has been
 * written), they load, and the database is opened again.
 */
async function connect(factory: IDBFactory, name: string, options: OpenOptions): Promise<IDBPDatabase<JobnoteDB>> {
  const request = factory.open(name, DB_VERSION);
  let upgradeError: unknown;
  let load = false;
  request.onupgradeneeded = async ({ oldVersion }) => {
    const tx = wrap(request.transaction!) as unknown as UpgradeTransaction; // wrap() types it as readonly
    tx.done.catch(() => {}); // a failed upgrade is reported by the open request
    const steps = migrations;
    if (!steps) {
      load = true;
      abort(tx);
      return;
    }
    try {
      for (let v = oldVersion; v < DB_VERSION; v++) await steps[v]!(tx.db, tx);
    } catch (err) {
      upgradeError = err;
      abort(tx);
    }
  };
  request.onblocked = () => options.onBlocked?.();
  try {
    return (await wrap(request)) as IDBPDatabase<JobnoteDB>;
  } catch (err) {
    if (!load) throw upgradeError ?? err;
  }
  ({ MIGRATIONS: migrations } = await import('./repository-upgrade'));
  return connect(factory, name, options);
}

export async function openRepository(
  factory: IDBFactory,
  name = DB_NAME,
  options: OpenOptions = {},
): Promise<Repository> {
  derive = await import('./repository-derived');
  const db = await connect(factory, name, options);
  // Never hold up another context's upgrade (or deletion).
  db.onversionchange = () => {
    db.close();
    options.onVersionChange?.();
  };

  /**
   * Runs `body` in one readwrite transaction over the records and their derived rows; resolves once
   * committed. If `body` fails, aborts (nothing written).
   */
  async function write<T>(body: (store: AppsStore, derived: Derived) => Promise<T>): Promise<T> {
    const tx = db.transaction([APPS, SUMMARIES, TERM_IDS], 'readwrite');
    const [result, done] = await Promise.allSettled([
      body(tx.objectStore(APPS), derive.derivedRows(tx)).catch((err: unknown) => {
        abort(tx);
        throw err;
      }),
      tx.done,
    ]);
    if (result.status === 'rejected') throw result.reason; // the cause, not the abort it led to
    if (done.status === 'rejected') throw done.reason;
    return result.value;
  }

  const wrote = (ids: string[]) => {
    if (ids.length) options.onWrite?.(ids);
  };

  function parsedOrReport(row: StoredRecord): ApplicationRecord | undefined {
    const parsed = fromRow(row);
    if (parsed.ok) return parsed.value;
    options.onInvalid?.(row?.id, parsed.errors);
    return undefined;
  }

  const internals: Internals = { db, write, wrote };

  const repo: Repository = {
    async create(record) {
      const now = new Date().toISOString();
      const value = valid({
        ...record,
        revision: 1,
        createdAt: record.createdAt || now,
        updatedAt: record.updatedAt || now,
      });
      await write(async (s, derived) => {
        if ((await s.count(value.id)) > 0) throw new Error(`a record with id ${value.id} already exists`);
        const row = derive.toRow(value);
        await Promise.all([s.add(row), derived.put(row, undefined)]);
      });
      wrote([value.id]);
      return value;
    },

    async get(id) {
      const row = await db.get(APPS, id);
      if (row === undefined) return undefined;
      const parsed = fromRow(row);
      if (!parsed.ok) throw new InvalidRecordError(parsed.errors);
      return parsed.value;
    },

    async listSummaries({ limit = Infinity } = {}) {
      if (limit < 200) {
        // The first screen of a long list: the newest few by a cursor, not the whole store read and cut.
        const out: RecordSummary[] = [];
        if (limit <= 0) return out;
        for await (const cursor of db.transaction(SUMMARIES).store.index('updatedAt').iterate(null, 'prev')) {
          out.push(cursor.value);
          if (out.length >= limit) break;
        }
        return out;
      }
      // One getAll (oldest first) is several times faster than a cursor for the popup's list of hundreds.
      const all = await db.getAllFromIndex(SUMMARIES, 'updatedAt');
      return all.reverse().slice(0, limit);
    },

    termIds: async (prefix) =>
      new Set((await db.getAll(TERM_IDS, IDBKeyRange.bound(prefix, `${prefix}\uffff`))).flat()),

    async list({ limit = Infinity } = {}) {
      // Read whole (a backup reads every record) and ordered here: since v6 the records' store has no
      // `updatedAt` index, which every write paid for and only this read used.
      const out: ApplicationRecord[] = [];
      for (const row of await db.getAll(APPS)) {
        const record = parsedOrReport(row);
        if (record) out.push(record);
      }
      out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
      return out.slice(0, limit);
    },

    listDamaged: async () => (await import('./repository-bulk')).listDamaged(internals),

    putDamaged: async (rows) => (await import('./repository-bulk')).putDamaged(internals, rows),

    async update(record) {
      const value = valid(record);
      const next = await write(async (s, derived) => {
        const stored = await s.get(value.id);
        if (!stored) throw new RecordNotFoundError(value.id);
        if (stored.revision !== value.revision)
          throw new RevisionConflictError(value.id, value.revision, stored.revision);
        const next = { ...value, revision: stored.revision + 1, updatedAt: new Date().toISOString() };
        const row = derive.toRow(next);
        await Promise.all([s.put(row), derived.put(row, stored)]);
        return next;
      });
      wrote([next.id]);
      return next;
    },

    async mutate(id, fn) {
      for (let attempt = 0; ; attempt++) {
        const current = await repo.get(id);
        if (!current) throw new RecordNotFoundError(id);
        const draft = structuredClone(current);
        const next = fn(draft) ?? draft;
        if (next.id !== id) throw new Error(`mutate must not change the id (${id} → ${next.id})`);
        try {
          return await repo.update(next);
        } catch (err) {
          if (!(err instanceof RevisionConflictError) || attempt >= 3) throw err;
        }
      }
    },

    async delete(id) {
      await write(async (s, derived) => {
        const before = await s.get(id);
        await Promise.all([s.delete(id), derived.delete(id, before)]);
      });
      wrote([id]);
    },

    bulkPut: async (records, options) => (await import('./repository-bulk')).bulkPut(internals, records, options),

    async findByPosting(ref) {
      const index = db.transaction(APPS).store.index('postingKey');
      for (const key of postingIdentity(ref)) {
        const found = (await index.getAll(key)).map(parsedOrReport).filter((r) => r !== undefined);
        // Several records of one posting: the most recently updated.
        if (found.length) return found.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
      }
      return undefined;
    },

    getMeta: <T>(key: string) => db.get(META, key) as Promise<T | undefined>,

    async setMeta<T>(key: string, value: T) {
      if (value === undefined) await db.delete(META, key);
      else await db.put(META, value, key);
    },

    close: () => db.close(),
  };
  return repo;
}

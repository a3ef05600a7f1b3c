/**
 * What every write derives from a record, in the record's own transaction: its stored row (`toRow`: the posting's
 * identity keys and its search words), its list summary, and its ids under each search word (the `termIds`
 * store, an inverted index: a row per word, holding the ids of the records that have it).
 *
 * Until schema v7 the words were a multi-entry index of the records' store: a key per word and record, 140 for
 * an entry of 30 questions, and 2,000 such entries spent 2.3 of their 3.2 s of writing on those keys. A row per
 * word costs a write per distinct word of the batch instead.
 *
 * Loaded by `openRepository` (utils/repository.ts) before the database opens, so that every write has it
 * synchronously inside its transaction, while the popup's first view does without the search code.
 */
import { type IDBPTransaction, type StoreNames, unwrap } from 'idb';
import { postingIdentity } from './boards';
import type { ApplicationRecord } from './record';
import { type JobnoteDB, SUMMARIES, type StoredRecord, TERM_IDS } from './repository';
import { recordTerms } from './search';
import { summarize } from './summary';

export { recordTerms };

/** The stored row of a record: the record and its storage-only fields (stripped again on read). */
export function toRow(record: ApplicationRecord): StoredRecord {
  return { ...record, postingKey: postingIdentity(record.posting), terms: recordTerms(record) };
}

/**
 * Changes to the search words' rows, gathered over the records of a write and applied at its end: per word,
 * whether each record id has it now. The last change of an id wins (a record written twice in one batch).
 */
export class TermChanges {
  private readonly words = new Map<string, Map<string, boolean>>();
  /** The words each id was last given here: what its next change starts from. */
  private readonly latest = new Map<string, readonly string[]>();

  /** Record `id` had the words `before` (none for a new record) and has `after` (none once deleted). */
  change(id: string, before: readonly string[] = [], after: readonly string[] = []): void {
    const had = this.latest.get(id) ?? before;
    this.latest.set(id, after);
    const now = new Set(after);
    for (const w of had) if (!now.has(w)) this.mark(w, id, false);
    if (had.length) {
      const old = new Set(had);
      for (const w of after) if (!old.has(w)) this.mark(w, id, true);
    } else for (const w of after) this.mark(w, id, true);
  }

  private mark(word: string, id: string, has: boolean) {
    const ids = this.words.get(word) ?? new Map<string, boolean>();
    this.words.set(word, ids);
    ids.set(id, has);
  }

  /**
   * Reads and rewrites the row of every word changed (a row left without ids is deleted), as plain requests
   * of the open transaction; resolves when the last is done, rejects with the first error (which aborts the
   * transaction).
   */
  apply(store: IDBObjectStore): Promise<void> {
    const { words } = this;
    if (!words.size) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let pending = words.size;
      const fail = (r: IDBRequest) => () => reject(r.error);
      for (const [word, changes] of words) {
        const read = store.get(word);
        read.onerror = fail(read);
        read.onsuccess = () => {
          const ids = nextIds(read.result as string[] | undefined, changes);
          const written = ids.length ? store.put(ids, word) : store.delete(word);
          written.onerror = fail(written);
          written.onsuccess = () => {
            if (--pending === 0) resolve();
          };
        };
      }
      words.clear();
    });
  }
}

/** A word's ids after `changes`: the stored ones (none for a new word) with each id added or removed. */
function nextIds(stored: readonly string[] | undefined, changes: ReadonlyMap<string, boolean>): string[] {
  const ids = new Set(stored);
  for (const [id, has] of changes) {
    if (has) ids.add(id);
    else ids.delete(id);
  }
  return [...ids];
}

/** Writes (or, for a damaged or deleted row, removes) what is derived from a record: its summary and words. */
export interface Derived {
  /** The summary and words of `row` (`toRow`'s), in place of those of `before`, the row it replaces. */
  put(row: StoredRecord, before: StoredRecord | undefined): Promise<unknown>;
  /** The record `id` is gone (or its row is now damaged): its summary, and the words of `before`. */
  delete(id: string, before: StoredRecord | undefined): Promise<unknown>;
  /**
   * `put` for `bulkPut`, which awaits only the last request of each batch: the summary's put as a plain
   * request (returned); the words are gathered and written by `flush`.
   */
  request(row: StoredRecord, before: StoredRecord | undefined): IDBRequest;
  /** Writes the words gathered by `request`. */
  flush(): Promise<void>;
}

type DerivedStores = Pick<
  IDBPTransaction<JobnoteDB, StoreNames<JobnoteDB>[], 'readwrite' | 'versionchange'>,
  'objectStore'
>;

/** The derived rows of a readwrite transaction over the summaries and the words (`Repository`'s `write`). */
export function derivedRows(tx: DerivedStores): Derived {
  const sums = unwrap(tx.objectStore(SUMMARIES));
  const words = unwrap(tx.objectStore(TERM_IDS));
  const gathered = new TermChanges();
  const now = (id: string, before: StoredRecord | undefined, after: StoredRecord | undefined) => {
    const changes = new TermChanges();
    changes.change(id, before?.terms, after?.terms);
    return changes.apply(words);
  };
  return {
    put: (row, before) => Promise.all([done(sums.put(summarize(row))), now(row.id, before, row)]),
    delete: (id, before) => Promise.all([done(sums.delete(id)), now(id, before, undefined)]),
    request(row, before) {
      gathered.change(row.id, before?.terms, row.terms);
      return sums.put(summarize(row));
    },
    flush: () => gathered.apply(words),
  };
}

/** Resolves with a request's success, rejects with its error. */
export function done(request: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

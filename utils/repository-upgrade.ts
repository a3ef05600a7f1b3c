/**
 * The database's schema migrations, loaded only when a database older than `DB_VERSION` is opened
 * (`openRepository` aborts the upgrade, loads this module and opens again): every other open, the popup's
 * among them, does without their code.
 */
import { postingIdentity } from './boards';
import { type IDBPDatabase, unwrap } from 'idb';
import { APPS, fromRow, type JobnoteDB, META, SUMMARIES, TERM_IDS, TERMS, type UpgradeTransaction } from './repository';
import { TermChanges } from './repository-derived';
import { recordTerms } from './search';
import { summarize } from './summary';

/**
 * Database schema migrations: `MIGRATIONS[i]` upgrades version i to i+1; `DB_VERSION` (utils/repository.ts) is the
 * length.
 * They run in order inside the upgrade transaction (await only its requests). Append only, never edit.
 */
export const MIGRATIONS: ((db: IDBPDatabase<JobnoteDB>, tx: UpgradeTransaction) => void | Promise<void>)[] = [
  // v1: records by id, ordered by updatedAt; key-value UI state.
  (db) => {
    db.createObjectStore(APPS, { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
    db.createObjectStore(META);
  },
  // v2: find records by posting; fill the key of the rows already there.
  async (_db, tx) => {
    const store = tx.objectStore(APPS);
    store.createIndex('postingKey', 'postingKey', { multiEntry: true });
    for await (const cursor of store)
      await cursor.update({ ...cursor.value, postingKey: postingIdentity(cursor.value.posting) });
  },
  // v3: list summaries beside the records; fill them for the rows already there (damaged rows get none).
  async (db, tx) => {
    db.createObjectStore(SUMMARIES, { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
    const summaries = tx.objectStore(SUMMARIES);
    for await (const cursor of tx.objectStore(APPS)) {
      const parsed = fromRow(cursor.value);
      if (parsed.ok) await summaries.put(summarize(parsed.value));
    }
  },
  // v4: a generic page's job id is keyed with its host (`job:generic:<host>:<id>`, was `job:jsonld:<id>`), so
  // two career sites numbering their jobs alike are two postings; rewrite the keys of the rows already there.
  async (_db, tx) => {
    for await (const cursor of tx.objectStore(APPS))
      await cursor.update({ ...cursor.value, postingKey: postingIdentity(cursor.value.posting) });
  },
  // v5: search terms beside the records (a multi-entry index, read by prefix), and summaries with what the
  // dashboard filters and sorts by; both filled for the rows already there (damaged rows get none).
  async (db, tx) => {
    db.createObjectStore(TERMS, { keyPath: 'id' }).createIndex('terms', 'terms', { multiEntry: true });
    const terms = tx.objectStore(TERMS);
    const summaries = tx.objectStore(SUMMARIES);
    for await (const cursor of tx.objectStore(APPS)) {
      const parsed = fromRow(cursor.value);
      if (parsed.ok)
        await Promise.all([
          summaries.put(summarize(parsed.value)),
          terms.put({ id: parsed.value.id, terms: recordTerms(parsed.value) }),
        ]);
    }
  },
  // v6: the search terms move into the record's row, under a multi-entry index of the records' store: one
  // write less per record (a 50,000-record import spent a third of its time on the terms' store). The records'
  // `updatedAt` index goes: `list` sorts what it reads anyway, and every write paid for the index.
  async (db, tx) => {
    const store = tx.objectStore(APPS);
    store.createIndex('terms', 'terms', { multiEntry: true });
    store.deleteIndex('updatedAt');
    for await (const cursor of store) {
      const parsed = fromRow(cursor.value);
      if (parsed.ok) await cursor.update({ ...cursor.value, terms: recordTerms(parsed.value) });
    }
    db.deleteObjectStore(TERMS);
  },
  // v7: the search words leave the records' multi-entry index (a key per word and record, most of what a write
  // cost) for a row per word holding the ids of the records that have it; filled from the words in the rows.
  async (db, tx) => {
    db.createObjectStore(TERM_IDS);
    const store = tx.objectStore(APPS);
    const changes = new TermChanges();
    for await (const cursor of store) changes.change(cursor.value.id, [], cursor.value.terms ?? []);
    store.deleteIndex('terms');
    await changes.apply(unwrap(tx.objectStore(TERM_IDS)));
  },
];

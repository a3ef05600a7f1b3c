/**
 * The repository's work for the dashboard only: importing in bulk, and the rows the validator rejects. Loaded
 * by the first call of `bulkPut`, `listDamaged` or `putDamaged` (utils/repository.ts), so the popup, which
 * never calls them, does without their code.
 */
import { unwrap } from 'idb';
import { done as requestDone, toRow } from './repository-derived';
import { parseRecord } from './record-validate';
import type { ApplicationRecord } from './record';
import {
  APPS,
  BULK_BATCH,
  type BulkPutOptions,
  type DamagedRow,
  fromRow,
  type Internals,
  InvalidRecordError,
  type StoredRecord,
  SUMMARIES,
  withoutKeys,
} from './repository';

/** `Repository.listDamaged`. */
export async function listDamaged({ db }: Internals): Promise<DamagedRow[]> {
  // Every readable row has a summary (written with it; v3 and v5 filled them for the rows already there) and
  // a damaged one has none (`putDamaged` removes it): only the rows without a summary are read, not 10,000.
  const tx = db.transaction([APPS, SUMMARIES]);
  const apps = tx.objectStore(APPS);
  const [ids, summarized] = await Promise.all([apps.getAllKeys(), tx.objectStore(SUMMARIES).getAllKeys()]);
  const have = new Set(summarized);
  const out: DamagedRow[] = [];
  for (const id of ids) {
    if (have.has(id)) continue;
    const stored = await apps.get(id);
    if (!stored) continue;
    const parsed = fromRow(stored);
    if (parsed.ok) continue;
    out.push({ id: String(id), reason: parsed.errors.join('; '), row: withoutKeys(stored) });
  }
  return out;
}

/** `Repository.putDamaged`. */
export async function putDamaged({ write, wrote }: Internals, rows: readonly DamagedRow[]): Promise<string[]> {
  const kept = await write(async (s, derived) => {
    const kept: string[] = [];
    for (const { id, row } of rows) {
      const stored = await s.get(id);
      if (stored && fromRow(stored).ok) {
        kept.push(id);
        continue;
      }
      // The id is the key path: a row is stored under the id it is listed by.
      const raw = withoutKeys(row as StoredRecord) as StoredRecord;
      await Promise.all([s.put({ ...raw, id }), derived.delete(id, stored)]);
    }
    return kept;
  });
  wrote(rows.map((r) => r.id).filter((id) => !kept.includes(id)));
  return kept;
}

/**
 * What a batch may hold beside its `BULK_BATCH` records: about a record and its questions each (a record's
 * search terms, its row's serialisation and its summary grow with them). 1,000 records of 30 questions were
 * one task of a second; a batch of this weight is one of about 120 ms on the bench machine.
 */
const BULK_WEIGHT = 4000;

/** A record's part of `BULK_WEIGHT`: one, and one per question (what is not a record's shape counts one). */
function recordWeight(r: unknown): number {
  const rounds = (r as { rounds?: unknown } | null)?.rounds;
  if (!Array.isArray(rounds)) return 1;
  let n = 1;
  for (const round of rounds) {
    const qs = (round as { questions?: unknown } | null)?.questions;
    if (Array.isArray(qs)) n += qs.length;
  }
  return n;
}

/** `Repository.bulkPut`. */
export async function bulkPut(
  { write, wrote }: Internals,
  records: ApplicationRecord[],
  { onProgress, validated = false }: BulkPutOptions = {},
): Promise<void> {
  const values: ApplicationRecord[] = [];
  // One transaction: a put that fails aborts them all, and so does a batch with an invalid record (nothing
  // of it is issued; its errors are thrown). Each batch is validated while the one before is being
  // written, so the validation costs no time of its own.
  // Every write bumps the revision past the stored one, so an editor open on an imported record merges.
  await write(async (s, derived) => {
    // The ids stored, in one request: only those rows are read (for their revision), none in a fresh import.
    const stored = new Set(await s.getAllKeys());
    // Batch by batch: tens of thousands of requests issued at once hold the page for seconds. A batch is
    // issued while the one before is still being written (the database never waits for the page), and
    // awaited by its last request (requests complete in order; a failed one aborts the transaction, and
    // the later ones fail too). The success events are tasks, so the page renders and takes input between
    // them; awaiting only requests keeps the transaction open. Plain requests, not idb's promise for each:
    // 100,000 of them cost the page seconds.
    const rawStore = unwrap(s) as IDBObjectStore;
    let previous: { done: Promise<void>; count: number } | null = null;
    for (let start = 0; start < records.length; ) {
      const batch: ApplicationRecord[] = [];
      const errors: string[] = [];
      let weight = 0;
      let end = start;
      for (; end < records.length && end - start < BULK_BATCH && weight < BULK_WEIGHT; end++) {
        weight += recordWeight(records[end]);
        const parsed = validated ? { ok: true as const, value: records[end]! } : parseRecord(records[end]);
        if (parsed.ok) batch.push(parsed.value);
        else errors.push(...parsed.errors.map((e) => `records[${end}]: ${e}`));
      }
      if (errors.length) throw new InvalidRecordError(errors);
      values.push(...batch);
      // The rows replaced: their revisions, and the search words their ids are to leave.
      const again = batch.filter((v) => stored.has(v.id));
      const before = new Map<string, StoredRecord | undefined>();
      if (again.length) await Promise.all(again.map(async (v) => before.set(v.id, await s.get(v.id))));
      let last: IDBRequest | undefined;
      for (const v of batch) {
        const old = before.get(v.id);
        // A new object: the caller's (`validated`) are never changed.
        const row = toRow({ ...v, revision: Math.max(old?.revision ?? 0, v.revision) + 1 });
        rawStore.put(row);
        last = derived.request(row, old);
      }
      const done = requestDone(last!);
      // Awaited below or in the next turn; while the batch before is awaited, its failure is not unhandled.
      done.catch(() => {});
      if (previous) {
        await previous.done;
        onProgress?.(previous.count, records.length);
      }
      previous = { done, count: end };
      start = end;
    }
    if (previous) {
      await previous.done;
      onProgress?.(previous.count, records.length);
    }
    // The words' rows, once for all the batches: a word most records have is read and written once.
    await derived.flush();
  });
  wrote(values.map((v) => v.id));
}

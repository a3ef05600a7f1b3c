/**
 * Putting journals back (utils/journal.ts): loaded only when a page finds one, so the popup's first view does
 * not carry the merge.
 *
 * A journal made from the revision still stored (or whose save in flight is what is stored) is applied as it is. Otherwise each field it changed is
 * merged three-way with the stored record: a field changed only in the journal is applied, a field the
 * database changed too (a restore, another page) keeps the database's value and the journal's text is kept as
 * a conflict (utils/conflicts.ts). A journal that cannot be written back (a full disk) stays, never dropped.
 */
import { addConflicts } from './conflicts-edit';
import {
  journalIsFresh,
  LEGACY_JOURNAL_KEYS,
  pendingJournals,
  readJournal,
  USER_FIELDS,
  writeJournal,
  type Journal,
  type JournalStore,
  type UserField,
} from './journal';
import { deepEqual } from './deep-equal';
import { merge3, type Conflict } from './merge';
import type { ApplicationRecord } from './record';
import { parseRecord } from './record-validate';
import { RevisionConflictError, type Repository } from './repository';

/** The stored record with the journal merged in, and the conflicts (each keeps the journal's value). */
export function mergeJournal(
  stored: ApplicationRecord,
  journal: Journal,
): { record: ApplicationRecord; conflicts: Conflict[] } {
  const record = structuredClone(stored);
  const conflicts: Conflict[] = [];
  const fresh = journalIsFresh(journal, stored);
  for (const k of USER_FIELDS) {
    const change = journal.fields[k];
    if (!change) continue;
    const now = stored[k];
    if (deepEqual(now, change.new)) continue;
    if (fresh) {
      Object.assign(record, { [k]: structuredClone(change.new) });
    } else if (!('old' in change)) {
      // A journal of an older version, without the value it started from: the database's value stays.
      conflicts.push({ path: [k], kept: now, other: change.new });
    } else {
      const m = merge3(change.old, change.new, now, 'theirs');
      Object.assign(record, { [k]: m.value });
      for (const c of m.conflicts) conflicts.push({ ...c, path: [k, ...c.path] });
    }
  }
  // A merge must still be a record (two valid halves can make an invalid whole): else the database's stays.
  const parsed = parseRecord(record);
  if (!parsed.ok) {
    return {
      record: stored,
      conflicts: Object.entries(journal.fields)
        .filter(([k, c]) => !deepEqual(stored[k as UserField], c.new))
        .map(([k, c]) => ({ path: [k], kept: stored[k as UserField], other: c.new })),
    };
  }
  return { record: parsed.value, conflicts };
}

/** Stores the journal's edits; resolves with the conflicts found. Retries when the record changes meanwhile. */
async function putBack(repo: Repository, journal: Journal): Promise<Conflict[]> {
  for (let attempt = 0; ; attempt++) {
    const stored = await repo.get(journal.id);
    if (!stored) return []; // deleted since: the deletion was the user's
    const { record, conflicts } = mergeJournal(stored, journal);
    if (deepEqual(record, stored)) return conflicts;
    try {
      await repo.update(record);
      return conflicts;
    } catch (err) {
      if (!(err instanceof RevisionConflictError) || attempt >= 3) throw err;
    }
  }
}

/** A journal of the versions before per-record journals (`{id, base, record}`), as a per-record one. */
function legacyJournal(raw: unknown): Journal | null {
  const j = raw as { id?: unknown; base?: unknown; record?: unknown } | null;
  if (!j || typeof j.id !== 'string' || typeof j.base !== 'number') return null;
  const parsed = parseRecord(j.record);
  if (!parsed.ok || parsed.value.id !== j.id) return null;
  const fields: Journal['fields'] = {};
  for (const k of USER_FIELDS) fields[k] = { new: parsed.value[k] };
  return { id: j.id, base: j.base, at: 0, fields };
}

function takeLegacy(store: JournalStore): Journal[] {
  const out: Journal[] = [];
  for (const key of LEGACY_JOURNAL_KEYS) {
    try {
      const v = JSON.parse(store.getItem(key) ?? 'null') as unknown;
      for (const raw of Array.isArray(v) ? v : [v]) {
        const j = legacyJournal(raw);
        if (j) out.push(j);
      }
    } catch {
      // not a journal
    }
  }
  return out;
}

export interface RestoreResult {
  /** Records whose journal went back. */
  restored: string[];
  /** Journals kept because they could not be stored, with the last reason. */
  kept: string[];
  error: unknown;
}

/**
 * Puts back every journal earlier pages left (`pendingJournals`). Each journal is removed once its edits are
 * stored and its conflicts kept; one that fails stays for the next opening.
 */
export async function restoreJournals(repo: Repository, store: JournalStore): Promise<RestoreResult> {
  const result: RestoreResult = { restored: [], kept: [], error: null };
  const { ids, legacy } = pendingJournals(store);
  const journals = ids.map((id) => readJournal(store, id) ?? id);
  if (legacy) {
    // Moved into per-record journals first, so they are never read twice.
    for (const j of takeLegacy(store)) {
      const mine = readJournal(store, j.id);
      if (!mine && writeJournal(store, j.id, j)) journals.push(j);
    }
    for (const key of LEGACY_JOURNAL_KEYS) store.removeItem(key);
  }
  for (const j of journals) {
    if (typeof j === 'string') {
      writeJournal(store, j, null); // not a journal at all
      continue;
    }
    try {
      const conflicts = await putBack(repo, j);
      if (!addConflicts(store, j.id, conflicts, 'journal')) throw new Error('the conflicts could not be kept');
      writeJournal(store, j.id, null);
      result.restored.push(j.id);
    } catch (err) {
      result.kept.push(j.id);
      result.error = err;
    }
  }
  return result;
}

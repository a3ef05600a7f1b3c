/**
 * Journals: what a page typed into a record and has not stored yet, kept synchronously (the page's
 * localStorage, shared by every page of the extension) so that a popup closed mid-word, a full disk or a
 * crash loses nothing.
 *
 * One journal per record (`jobnote:journal/<id>`): the stored revision the edits were made from, and for each
 * field they changed its value then (`old`) and now (`new`). Putting one back is a three-way merge with the
 * record as it is stored by then (utils/journal-merge.ts, loaded only when there is something to put back):
 * a field changed only in the journal is applied; one changed since in the database too becomes a conflict with
 * both texts kept (utils/conflicts.ts). This module is what every keystroke runs, kept small.
 */
import { deepEqual } from './deep-equal';
import type { ApplicationRecord } from './record';

/** What the user edits in a record: everything but its identity, times and the clipped posting. */
export const USER_FIELDS = [
  'company',
  'role',
  'applyWays',
  'platform',
  'stages',
  'outcome',
  'rounds',
  'task',
  'score',
  'review',
  'exportPrefs',
  'source',
] as const satisfies readonly (keyof ApplicationRecord)[];
export type UserField = (typeof USER_FIELDS)[number];

/** A field a journal changed: its stored value when the edits began (absent in journals of old versions) and now. */
export interface FieldChange {
  old?: unknown;
  new: unknown;
}

export interface Journal {
  id: string;
  /** The stored revision the edits were made from. */
  base: number;
  /** When it was written (ms since epoch). */
  at: number;
  fields: Partial<Record<UserField, FieldChange>>;
}

/** Where journals are kept: localStorage, or a Map-backed stand-in in tests. */
export type JournalStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export const JOURNAL_PREFIX = 'jobnote:journal/';
/** The single journal of versions before per-record journals, and the ones they failed to restore. */
export const LEGACY_JOURNAL_KEYS = ['jobnote:journal', 'jobnote:journal:unrestored'] as const;

/** The fields `local` changed from `stored`, or null when there are none. */
export function makeJournal(stored: ApplicationRecord, local: ApplicationRecord, at = Date.now()): Journal | null {
  const fields: Journal['fields'] = {};
  let any = false;
  for (const k of USER_FIELDS)
    if (!deepEqual(stored[k], local[k])) {
      fields[k] = { old: stored[k], new: local[k] };
      any = true;
    }
  return any ? { id: local.id, base: stored.revision, at, fields } : null;
}

/** The journal's values over `record` (a copy). */
export function applyJournal(record: ApplicationRecord, journal: Journal): ApplicationRecord {
  const out = structuredClone(record);
  for (const [k, change] of Object.entries(journal.fields)) Object.assign(out, { [k]: structuredClone(change.new) });
  return out;
}

/**
 * Keeps (or, with null, forgets) the journal of record `id`. Returns false when it could not be kept (storage
 * full or disabled): the caller says so, since the text then lives only in the page.
 */
export function writeJournal(store: JournalStore, id: string, journal: Journal | null): boolean {
  try {
    if (journal) store.setItem(JOURNAL_PREFIX + id, JSON.stringify(journal));
    else store.removeItem(JOURNAL_PREFIX + id);
    return true;
  } catch {
    return false;
  }
}

function parseJournal(raw: string | null): Journal | null {
  try {
    const j = JSON.parse(raw ?? 'null') as Partial<Journal> | null;
    if (!j || typeof j.id !== 'string' || typeof j.base !== 'number' || typeof j.fields !== 'object' || !j.fields)
      return null;
    const fields: Journal['fields'] = {};
    for (const k of USER_FIELDS) {
      const f = (j.fields as Record<string, unknown>)[k];
      if (typeof f === 'object' && f !== null && 'new' in f) fields[k] = f as FieldChange;
    }
    return { id: j.id, base: j.base, at: typeof j.at === 'number' ? j.at : 0, fields };
  } catch {
    return null;
  }
}

/** The journal left for record `id`, if any. */
export function readJournal(store: JournalStore, id: string): Journal | null {
  try {
    return parseJournal(store.getItem(JOURNAL_PREFIX + id));
  } catch {
    return null;
  }
}

/** The ids of records with a journal, and whether a journal of an older version is waiting. */
export function pendingJournals(store: JournalStore): { ids: string[]; legacy: boolean } {
  const ids: string[] = [];
  let legacy = false;
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(JOURNAL_PREFIX)) ids.push(key.slice(JOURNAL_PREFIX.length));
      else if ((LEGACY_JOURNAL_KEYS as readonly (string | null)[]).includes(key)) legacy = true;
    }
  } catch {
    // Storage disabled: nothing was journalled either.
  }
  return { ids, legacy };
}

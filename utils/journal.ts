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
  /**
   * The save that was in flight when it was written: the revision it stores and a hash of the values it carries
   * of the journal's fields. A page closed after that save committed but before it heard so (its journal still
   * on the older base) left edits that build on the stored record, not edits to merge with it.
   */
  saving?: { revision: number; hash: string };
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

/** A short hash of `fields` of `record` (53-bit, cyrb53 over their JSON): enough to tell one save from another. */
export function fieldsHash(record: ApplicationRecord, fields: readonly string[]): string {
  const text = JSON.stringify(fields.map((k) => record[k as UserField] ?? null));
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** `journal` with the save in flight (`value`, made from its base: stored as revision `value.revision + 1`). */
export function withSaving(journal: Journal | null, value: ApplicationRecord | null): Journal | null {
  if (!journal || !value) return journal;
  return { ...journal, saving: { revision: value.revision + 1, hash: fieldsHash(value, Object.keys(journal.fields)) } };
}

/**
 * Whether the journal's edits build on `stored` as it is: made from that revision, or from the one before with
 * the save it was waiting for being what is stored now (same revision, same values of its fields).
 */
export function journalIsFresh(journal: Journal, stored: ApplicationRecord): boolean {
  if (journal.base === stored.revision) return true;
  const s = journal.saving;
  return !!s && s.revision === stored.revision && s.hash === fieldsHash(stored, Object.keys(journal.fields));
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
    const s = j.saving;
    const saving =
      s && typeof s.revision === 'number' && typeof s.hash === 'string' ? { revision: s.revision, hash: s.hash } : null;
    return { id: j.id, base: j.base, at: typeof j.at === 'number' ? j.at : 0, fields, ...(saving ? { saving } : {}) };
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

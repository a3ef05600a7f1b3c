/**
 * Conflicts: a value two sides changed differently (two pages editing one record, or a journal put back into a
 * record a restore changed meanwhile). The record holds one side's value; the other side's is kept here, in
 * localStorage (`jobnote:conflicts`, shared by every page of the extension), until the user picks one. Nothing
 * is dropped by a merge. Reading them is here (every page's first view); adding and dropping them in
 * utils/conflicts-edit.ts, loaded with the merge that finds them.
 */
import type { Path } from './merge';
import type { JournalStore } from './journal';

export const CONFLICTS_KEY = 'jobnote:conflicts';

/** Where the value the record does not hold came from. */
export type ConflictSource = 'journal' | 'page';

export interface StoredConflict {
  recordId: string;
  path: Path;
  /** The value the record held when the conflict was found. */
  kept: unknown;
  /** The value it did not keep (undefined: that side deleted the item). */
  other: unknown;
  from: ConflictSource;
  /** When it was found (ms since epoch). */
  at: number;
}

export type ConflictStore = Pick<JournalStore, 'getItem' | 'setItem'>;

export function readConflicts(store: ConflictStore): StoredConflict[] {
  try {
    const list = JSON.parse(store.getItem(CONFLICTS_KEY) ?? '[]') as unknown;
    return Array.isArray(list)
      ? list.filter(
          (c): c is StoredConflict =>
            typeof c === 'object' && c !== null && typeof c.recordId === 'string' && Array.isArray(c.path),
        )
      : [];
  } catch {
    return [];
  }
}

/** The conflicts of one record. */
export function conflictsOf(store: ConflictStore, recordId: string): StoredConflict[] {
  return readConflicts(store).filter((c) => c.recordId === recordId);
}

/**
 * Adding and dropping conflicts (utils/conflicts.ts): loaded with the merge that finds them and by the notice
 * that resolves them, never by a page's first view.
 */
import {
  CONFLICTS_KEY,
  readConflicts,
  type ConflictSource,
  type ConflictStore,
  type StoredConflict,
} from './conflicts';
import type { Conflict, Path } from './merge';

function save(store: ConflictStore, list: StoredConflict[]): boolean {
  try {
    store.setItem(CONFLICTS_KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

/** A stable text for a path (`rounds/#r1/questions/#q3/text`), to tell two conflicts on one value apart. */
const pathKey = (path: Path) => path.map((s) => (typeof s === 'string' ? s : `#${s.id}`)).join('/');

const same = (c: StoredConflict, recordId: string, path: Path) =>
  c.recordId === recordId && pathKey(c.path) === pathKey(path);

/** Whether `later` still holds what `earlier` says (the same value, or a text typed on from it). */
function covers(later: unknown, earlier: unknown): boolean {
  if (typeof later === 'string' && typeof earlier === 'string') return later.startsWith(earlier);
  return JSON.stringify(later) === JSON.stringify(earlier);
}

/**
 * Adds the conflicts a merge found. A new conflict on a value that already has one replaces it, but the text
 * first set aside is never lost: unless one of the new values holds it (the same, or typed on from it), it stays
 * as a conflict of its own.
 */
export function addConflicts(
  store: ConflictStore,
  recordId: string,
  found: readonly Conflict[],
  from: ConflictSource,
  at = Date.now(),
): boolean {
  if (!found.length) return true;
  const list = readConflicts(store);
  for (const c of found) {
    const i = list.findIndex((x) => same(x, recordId, c.path));
    const next: StoredConflict = { recordId, path: c.path, kept: c.kept, other: c.other, from, at };
    if (i < 0) list.push(next);
    else {
      const prev = list[i]!;
      list[i] = next;
      if (prev.other !== undefined && !covers(c.kept, prev.other) && !covers(c.other, prev.other)) list.push(prev);
    }
  }
  return save(store, list);
}

/** Forgets one conflict (the user chose a side); the index is as `readConflicts` returned it. */
export function dropConflict(store: ConflictStore, conflict: StoredConflict): boolean {
  const list = readConflicts(store);
  const i = list.findIndex((c) => same(c, conflict.recordId, conflict.path) && c.at === conflict.at);
  if (i >= 0) list.splice(i, 1);
  return save(store, list);
}

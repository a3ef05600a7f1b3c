/**
 * Three-way merge of record data: what one side changed since a common base, laid over what the other side
 * changed since then. Used when two pages edit one record at once (utils/edit-session.ts) and when the edits a
 * closed page left behind go back into a record that changed meanwhile (utils/journal.ts).
 *
 * Plain JSON values. Objects merge key by key; lists of objects with an `id` (stages, rounds, questions) merge
 * item by item, so two pages adding or editing different items both keep theirs; anything else (a text, a
 * number, a list of texts) is one value. Where both sides changed one value differently, the result takes the
 * preferred side and the other side's value is kept in a `Conflict`, never dropped.
 */

import { deepEqual } from './deep-equal';

export { deepEqual };

/** A step into a value: an object key, or the item with this `id` in a list. */
export type PathSegment = string | { id: string };
export type Path = PathSegment[];

export interface Conflict {
  path: Path;
  /** The value the merge kept (the preferred side's). */
  kept: unknown;
  /** The value it did not keep; `undefined` when that side deleted the item. */
  other: unknown;
}

export type Prefer = 'mine' | 'theirs';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

type Item = Obj & { id: string };

/** A list every item of which is an object with a distinct string `id`. */
function idList(v: unknown): v is Item[] {
  if (!Array.isArray(v)) return false;
  const ids = new Set<string>();
  for (const x of v) {
    if (!isObj(x) || typeof x.id !== 'string' || ids.has(x.id)) return false;
    ids.add(x.id);
  }
  return true;
}

/** An id no item has: the prefix of `id` (`q` of `q7`) and one more than the largest number after it. */
function freshId(id: string, taken: Set<string>): string {
  const prefix = id.replace(/\d+$/, '');
  let n = 0;
  for (const t of taken) if (t.startsWith(prefix)) n = Math.max(n, Number(t.slice(prefix.length)) || 0);
  let next = `${prefix}${n + 1}`;
  while (taken.has(next)) next = `${prefix}${++n + 1}`;
  return next;
}

class Merger {
  readonly conflicts: Conflict[] = [];
  constructor(private readonly prefer: Prefer) {}

  private conflict(path: Path, mine: unknown, theirs: unknown) {
    const [kept, other] = this.prefer === 'mine' ? [mine, theirs] : [theirs, mine];
    this.conflicts.push({ path, kept, other });
    return kept;
  }

  value(base: unknown, mine: unknown, theirs: unknown, path: Path): unknown {
    if (deepEqual(mine, theirs)) return mine;
    if (deepEqual(base, mine)) return theirs;
    if (deepEqual(base, theirs)) return mine;
    if (isObj(mine) && isObj(theirs) && (base === undefined || isObj(base)))
      return this.object((base ?? {}) as Obj, mine, theirs, path);
    if (idList(mine) && idList(theirs) && (base === undefined || idList(base)))
      return this.list((base ?? []) as Item[], mine, theirs, path);
    return this.conflict(path, mine, theirs);
  }

  private object(base: Obj, mine: Obj, theirs: Obj, path: Path): Obj {
    const out: Obj = {};
    for (const k of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
      const v = this.value(base[k], mine[k], theirs[k], [...path, k]);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }

  private list(base: Item[], mine: Item[], theirs: Item[], path: Path): Item[] {
    const byId = (xs: Item[]) => new Map(xs.map((x) => [x.id, x]));
    const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
    const taken = new Set([...b.keys(), ...m.keys(), ...t.keys()]);
    const merged = new Map<string, Item>();
    /** Items both sides added under one id: mine gets a new id (inserted after the same neighbour). */
    const renamed = new Map<string, string>();
    for (const id of [...taken]) {
      const [bi, mi, ti] = [b.get(id), m.get(id), t.get(id)];
      const at = [...path, { id }];
      if (!bi) {
        if (mi && ti && !deepEqual(mi, ti)) {
          const fresh = freshId(id, taken);
          taken.add(fresh);
          renamed.set(id, fresh);
          merged.set(id, ti);
          merged.set(fresh, { ...mi, id: fresh });
        } else merged.set(id, (mi ?? ti)!);
      } else if (mi && ti) merged.set(id, this.value(bi, mi, ti, at) as Item);
      else if (mi || ti) {
        // Deleted on one side: gone, unless the other side changed it (then it stays, and the deletion is noted).
        const left = (mi ?? ti)!;
        if (!deepEqual(bi, left)) {
          merged.set(id, left);
          this.conflicts.push({ path: at, kept: left, other: undefined });
        }
      }
    }
    // The order: the side that reordered (or else theirs), with the other side's new items after their neighbour.
    const order = (xs: Item[]) => xs.map((x) => x.id).filter((id) => b.has(id));
    const mineMoved = order(mine).join('\0') !== order(base).join('\0');
    const [first, second] = mineMoved ? [mine, theirs] : [theirs, mine];
    const ids = first.map((x) => x.id);
    second.forEach((x, i) => {
      const id = second === mine && renamed.has(x.id) ? renamed.get(x.id)! : x.id;
      if (ids.includes(id)) return;
      let j = i - 1;
      while (j >= 0 && !ids.includes(second[j]!.id)) j--;
      ids.splice(j < 0 ? 0 : ids.indexOf(second[j]!.id) + 1, 0, id);
    });
    for (const id of merged.keys()) if (!ids.includes(id)) ids.push(id);
    return ids.filter((id) => merged.has(id)).map((id) => merged.get(id)!);
  }
}

/**
 * `mine` and `theirs` are two versions made from `base`. Returns their merge and, for each value both changed
 * differently, a conflict: the merge holds the `prefer`red side's value and the conflict keeps the other one.
 */
export function merge3<T>(base: T, mine: T, theirs: T, prefer: Prefer = 'mine'): { value: T; conflicts: Conflict[] } {
  const m = new Merger(prefer);
  const value = m.value(base, mine, theirs, []) as T;
  return { value, conflicts: m.conflicts };
}

/** The value at `path` in `root`, or undefined. */
export function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) {
    if (typeof seg === 'string') v = isObj(v) ? v[seg] : undefined;
    else v = Array.isArray(v) ? v.find((x) => isObj(x) && x.id === seg.id) : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/**
 * Sets the value at `path` in `root` (edited in place). A list item that is not there any more is added back
 * at the end when `value` is the whole item; returns false when the path leads nowhere.
 */
export function setAt(root: unknown, path: Path, value: unknown): boolean {
  if (!path.length) return false;
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (typeof last === 'string') {
    if (!isObj(parent)) return false;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
    return true;
  }
  if (!Array.isArray(parent)) return false;
  const i = parent.findIndex((x) => isObj(x) && x.id === last.id);
  if (value === undefined) {
    if (i >= 0) parent.splice(i, 1);
  } else if (i >= 0) parent[i] = value;
  else parent.push(value);
  return true;
}

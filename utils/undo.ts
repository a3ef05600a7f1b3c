/**
 * Undo and redo of a page's edits to one record. Each step keeps the record before and after it; undoing lays
 * "before" over the record as it is now by a three-way merge with "after" as the base (utils/merge.ts), so only
 * what that step changed goes back, and what another page or a later step changed meanwhile stays. Redo is
 * the same the other way. Keystrokes in one field within `groupMs` are one step.
 *
 * Plain TypeScript: the page wraps its edit function with it (components/useUndo.ts).
 */
import { merge3 } from './merge';
import type { ApplicationRecord } from './record';

interface Step {
  before: ApplicationRecord;
  after: ApplicationRecord;
  group: string | null;
  at: number;
}

/** The fields a step must not take back: they are the storage's, not the user's. */
const KEPT = ['revision', 'updatedAt', 'createdAt', 'id', 'schema'] as const;

export class UndoHistory {
  private done: Step[] = [];
  private undone: Step[] = [];

  constructor(
    private readonly limit = 200,
    private readonly groupMs = 1200,
  ) {}

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Records a step; one in the same group as the last, soon after it, joins it. */
  push(before: ApplicationRecord, after: ApplicationRecord, group: string | null = null, now = Date.now()) {
    const last = this.done[this.done.length - 1];
    this.undone = [];
    if (last && group !== null && last.group === group && now - last.at <= this.groupMs) {
      last.after = after;
      last.at = now;
      return;
    }
    this.done.push({ before, after, group, at: now });
    if (this.done.length > this.limit) this.done.shift();
  }

  /**
   * Takes the last step back: returns the change that undoes it, `lay` over a record (null when there is none).
   * The step can then be redone.
   */
  undo(): Change | null {
    const step = this.done.pop();
    if (!step) return null;
    this.undone.push(step);
    return { from: step.after, to: step.before };
  }

  redo(): Change | null {
    const step = this.undone.pop();
    if (!step) return null;
    this.done.push({ ...step, group: null });
    return { from: step.before, to: step.after };
  }
}

/** A step to lay over a record: what changed from `from` to `to`. */
export interface Change {
  from: ApplicationRecord;
  to: ApplicationRecord;
}

/**
 * Lays a change over a record, in place: the record becomes the merge of `to` and itself over `from`, so what
 * the change did not touch stays as the record has it. An edit function, replayed as the edit session replays.
 */
export function lay(change: Change, record: ApplicationRecord) {
  const value = apply(change.from, change.to, record) as unknown as Record<string, unknown>;
  const target = record as unknown as Record<string, unknown>;
  for (const k of Object.keys(target)) if (!(k in value)) delete target[k];
  Object.assign(target, value);
}

function apply(base: ApplicationRecord, want: ApplicationRecord, current: ApplicationRecord): ApplicationRecord {
  const { value } = merge3(base, want, structuredClone(current), 'mine');
  for (const k of KEPT) (value as unknown as Record<string, unknown>)[k] = current[k];
  return value;
}

/**
 * Editing one record from a page that may close at any moment (the popup closes as soon as focus leaves
 * it). Every edit is applied to the page's copy at once and saved right away: one save in flight at a
 * time, edits made meanwhile go in the next one. Edits are functions, applied again on the stored copy
 * inside `mutate`, so a concurrent write (a re-clip in the background) is merged, not overwritten.
 */
import type { ApplicationRecord } from './record';
import type { Repository } from './repository';

export type Edit = (draft: ApplicationRecord) => void;

export interface SessionHooks {
  /** The page's copy changed (an edit, or a save brought newer stored fields). */
  onChange?(record: ApplicationRecord): void;
  /** A save reached the database; `ms` from the first edit it carries to its commit. */
  onSaved?(record: ApplicationRecord, ms: number): void;
  /** A save failed; the edits stay pending and are retried with the next edit or `flush`. */
  onError?(error: unknown): void;
}

export class EditSession {
  private local: ApplicationRecord;
  private pending: { fn: Edit; at: number }[] = [];
  private saving: Promise<void> | null = null;
  private failed = false;

  constructor(
    private readonly repo: Repository,
    record: ApplicationRecord,
    private readonly hooks: SessionHooks = {},
    private readonly now: () => number = () => (globalThis.performance ?? Date).now(),
  ) {
    this.local = record;
  }

  get record(): ApplicationRecord {
    return this.local;
  }

  get id(): string {
    return this.local.id;
  }

  /** Whether edits are waiting to be stored (or failed to be). */
  get dirty(): boolean {
    return this.pending.length > 0 || this.saving !== null;
  }

  /** Applies an edit now and saves it as soon as the previous save is done. */
  edit(fn: Edit): void {
    const next = structuredClone(this.local);
    fn(next);
    this.local = next;
    this.pending.push({ fn, at: this.now() });
    this.hooks.onChange?.(next);
    this.save();
  }

  /** Resolves when every edit made so far is stored (rejects if a save fails). */
  async flush(): Promise<void> {
    for (;;) {
      if (this.saving) {
        await this.saving;
        continue;
      }
      if (!this.pending.length) return;
      if (this.failed) {
        this.failed = false;
        this.save();
        await this.saving;
        if (this.failed) throw new Error('saving failed');
      } else this.save();
    }
  }

  private save() {
    if (this.saving || !this.pending.length) return;
    const batch = this.pending.splice(0);
    this.saving = (async () => {
      try {
        const stored = await this.repo.mutate(this.local.id, (draft) => {
          for (const e of batch) e.fn(draft);
        });
        this.failed = false;
        // The stored copy, plus what was typed while it was being written.
        let local = stored;
        if (this.pending.length) {
          local = structuredClone(stored);
          for (const e of this.pending) e.fn(local);
        }
        this.local = local;
        this.hooks.onChange?.(local);
        this.hooks.onSaved?.(stored, this.now() - batch[0].at);
      } catch (err) {
        this.pending.unshift(...batch);
        this.failed = true;
        this.hooks.onError?.(err);
      } finally {
        this.saving = null;
        if (this.pending.length && !this.failed) this.save();
      }
    })();
  }
}

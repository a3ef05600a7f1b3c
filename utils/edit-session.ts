/**
 * Editing one record from a page that may close at any moment (the popup closes as soon as focus leaves
 * it). Every edit is applied to the page's copy at once and saved right away: one save in flight at a
 * time, edits made meanwhile go in the next one.
 *
 * A save is one readwrite transaction (`update`) from the last stored copy. When the record changed elsewhere
 * meanwhile (another page, a restore, a re-clip in the background: every repository write bumps the revision),
 * the save is a three-way merge (utils/merge.ts, loaded then) of what this page changed since its stored copy
 * with what is stored now: different fields both stay; a value both changed keeps this page's (the later
 * edit) and the other one goes to `onConflict`, never dropped. Pages told of a write to their record call
 * `rebase` to show it.
 *
 * IndexedDB cannot promise that a write issued as the page dies completes, so `onJournal` is called
 * synchronously after every edit with the fields changed since the stored copy and their old values
 * (utils/journal.ts; the pages keep it in localStorage), and with null once everything is stored.
 * A page opening a record whose journal could not be put back (the disk was full) starts from it (`journal`
 * option): the text shows, later edits build on it, and it is saved when there is room.
 */
import type { ConflictStore } from './conflicts';
import { applyJournal, journalIsFresh, makeJournal, withSaving, type Journal } from './journal';
import type { Conflict } from './merge';
import type { ApplicationRecord } from './record';
import { RecordNotFoundError, RevisionConflictError, type Repository } from './repository';

export type Edit = (draft: ApplicationRecord) => void;

export interface SessionHooks {
  /** The page's copy changed (an edit, or a save or rebase brought newer stored fields). */
  onChange?(record: ApplicationRecord): void;
  /** A save reached the database; `ms` from the first edit it carries to its commit. */
  onSaved?(record: ApplicationRecord, ms: number): void;
  /** A save failed; the edits stay pending (and journalled) and are retried with the next edit or `flush`. */
  onError?(error: unknown): void;
  /** Called synchronously: the unsaved changes, or null when everything is stored. */
  onJournal?(journal: Journal | null): void;
  /**
   * A save merged with a change made elsewhere found values both changed: the stored record holds this page's,
   * the other values are in the conflict store (`SessionOptions.conflicts`) by then.
   */
  onConflict?(record: ApplicationRecord, conflicts: Conflict[]): void;
}

export interface SessionOptions {
  /** A journal left for this record that could not be stored yet: the session starts from it and saves it. */
  journal?: Journal | null;
  /** Where the values a merge did not keep go (utils/conflicts.ts), written as soon as the merge is stored. */
  conflicts?: ConflictStore;
  now?: () => number;
}

export class EditSession {
  private local: ApplicationRecord;
  private stored: ApplicationRecord;
  private pending: { fn: Edit; at: number }[] = [];
  private saving: Promise<void> | null = null;
  private failed = false;
  /** A write elsewhere was announced while a save was in flight: rebase after it. */
  private stale = false;
  /** The value being written (made from its revision), named in every journal written meanwhile. */
  private inflight: ApplicationRecord | null = null;
  private readonly now: () => number;
  private readonly conflictStore: ConflictStore | undefined;

  constructor(
    private readonly repo: Repository,
    record: ApplicationRecord,
    private readonly hooks: SessionHooks = {},
    options: SessionOptions = {},
  ) {
    this.now = options.now ?? (() => (globalThis.performance ?? Date).now());
    this.conflictStore = options.conflicts;
    this.local = record;
    this.stored = record;
    const journal = options.journal;
    if (journal && journal.id === record.id) {
      // Made from this stored revision: its values are the edits. From an older one: the save merges them.
      // (The old revision makes the save see the change made since, and merge.)
      const base = journalIsFresh(journal, record)
        ? record
        : { ...record, ...oldValues(journal), revision: journal.base };
      const values = pick(applyJournal(base, journal), journal);
      this.stored = base;
      this.local = applyJournal(base, journal);
      this.pending.push({ fn: (d) => Object.assign(d, structuredClone(values)), at: this.now() });
      this.save();
    }
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
    this.journal();
    this.hooks.onChange?.(next);
    this.save();
  }

  /**
   * The record was written elsewhere: show the stored copy (with this page's unsaved edits on top). While a save
   * is in flight, after it.
   */
  async rebase(): Promise<void> {
    if (this.saving) {
      this.stale = true;
      return;
    }
    if (this.pending.length) {
      // Unsaved edits (a failed save): the next save merges; try it now.
      if (this.failed) await this.flush().catch(() => {});
      return;
    }
    const fresh = await this.repo.get(this.id).catch(() => undefined);
    if (!fresh || fresh.revision === this.stored.revision || this.saving || this.pending.length) return;
    this.stored = fresh;
    this.local = fresh;
    this.hooks.onChange?.(fresh);
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

  /** The unsaved changes, synchronously, with the save in flight they may already be part of. */
  private journal() {
    this.hooks.onJournal?.(withSaving(makeJournal(this.stored, this.local), this.inflight));
  }

  /** Writes `value` (made from its revision), named in the journal first: the page may die before it hears back. */
  private async update(value: ApplicationRecord): Promise<ApplicationRecord> {
    this.inflight = value;
    this.journal();
    try {
      return await this.repo.update(value);
    } finally {
      this.inflight = null;
    }
  }

  private async write(batch: { fn: Edit }[]): Promise<ApplicationRecord> {
    const mine = structuredClone(this.stored);
    for (const e of batch) e.fn(mine);
    try {
      return await this.update(mine);
    } catch (err) {
      if (!(err instanceof RevisionConflictError)) throw err;
    }
    // Changed elsewhere since our stored copy: merge what we changed into what is stored now.
    const [{ merge3 }, { addConflicts }] = await Promise.all([import('./merge'), import('./conflicts-edit')]);
    for (let attempt = 0; ; attempt++) {
      const theirs = await this.repo.get(this.id);
      if (!theirs) throw new RecordNotFoundError(this.id);
      const { value, conflicts } = merge3(this.stored, mine, theirs, 'mine');
      value.revision = theirs.revision;
      try {
        const stored = await this.update(value);
        if (conflicts.length) {
          if (this.conflictStore) addConflicts(this.conflictStore, this.id, conflicts, 'page');
          this.hooks.onConflict?.(stored, conflicts);
        }
        return stored;
      } catch (err) {
        if (!(err instanceof RevisionConflictError) || attempt >= 3) throw err;
      }
    }
  }

  private save() {
    if (this.saving || !this.pending.length) return;
    const batch = this.pending.splice(0);
    this.saving = (async () => {
      try {
        const stored = await this.write(batch);
        this.stored = stored;
        this.failed = false;
        this.stale = false;
        // The stored copy, plus what was typed while it was being written.
        let local = stored;
        if (this.pending.length) {
          local = structuredClone(stored);
          for (const e of this.pending) e.fn(local);
        }
        this.local = local;
        this.hooks.onJournal?.(this.pending.length ? makeJournal(stored, local) : null);
        this.hooks.onChange?.(local);
        this.hooks.onSaved?.(stored, this.now() - batch[0].at);
      } catch (err) {
        this.pending.unshift(...batch);
        this.failed = true;
        this.hooks.onError?.(err);
      } finally {
        this.saving = null;
        if (this.pending.length && !this.failed) this.save();
        else if (this.stale && !this.pending.length) {
          this.stale = false;
          void this.rebase();
        }
      }
    })();
  }
}

/** The stored values the journal's edits were made from (journals of old versions have none). */
function oldValues(journal: Journal): Partial<ApplicationRecord> {
  const out: Record<string, unknown> = {};
  for (const [k, change] of Object.entries(journal.fields)) if ('old' in change) out[k] = structuredClone(change.old);
  return out as Partial<ApplicationRecord>;
}

/** The journal's fields of `record`. */
function pick(record: ApplicationRecord, journal: Journal): Partial<ApplicationRecord> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(journal.fields)) out[k] = structuredClone(record[k as keyof ApplicationRecord]);
  return out as Partial<ApplicationRecord>;
}

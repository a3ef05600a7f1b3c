/**
 * Editing one record from a page that may close at any moment (the popup closes as soon as focus leaves
 * it). Every edit is applied to the page's copy at once and saved right away: one save in flight at a
 * time, edits made meanwhile go in the next one.
 *
 * A save is one readwrite transaction (`update`) from the last stored copy; if the record changed
 * elsewhere meanwhile (a re-clip in the background), the edits are applied again on the stored copy
 * (`mutate`), so nothing is overwritten. Edits are functions for that reason.
 *
 * IndexedDB cannot promise that a write issued as the page dies completes, so `onJournal` is called
 * synchronously after every edit with the page's copy and the revision it was made from (the popup
 * keeps it in localStorage), and with null once everything is stored. `recoverJournal` puts such a copy
 * back on the next opening.
 */
import { RevisionConflictError, type Repository } from './repository';
import type { ApplicationRecord } from './record';
import { parseRecord } from './record-validate';

export type Edit = (draft: ApplicationRecord) => void;

/** The unsaved state of a record, as `onJournal` reports it. */
export interface Journal {
  id: string;
  /** The stored revision the edits were made from. */
  base: number;
  record: ApplicationRecord;
}

export interface SessionHooks {
  /** The page's copy changed (an edit, or a save brought newer stored fields). */
  onChange?(record: ApplicationRecord): void;
  /** A save reached the database; `ms` from the first edit it carries to its commit. */
  onSaved?(record: ApplicationRecord, ms: number): void;
  /** A save failed; the edits stay pending and are retried with the next edit or `flush`. */
  onError?(error: unknown): void;
  /** Called synchronously: the copy with unsaved edits, or null when everything is stored. */
  onJournal?(journal: Journal | null): void;
}

export class EditSession {
  private local: ApplicationRecord;
  private stored: ApplicationRecord;
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
    this.stored = record;
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
    this.hooks.onJournal?.({ id: next.id, base: this.stored.revision, record: next });
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

  private async write(batch: { fn: Edit }[]): Promise<ApplicationRecord> {
    const next = structuredClone(this.stored);
    for (const e of batch) e.fn(next);
    try {
      return await this.repo.update(next);
    } catch (err) {
      if (!(err instanceof RevisionConflictError)) throw err;
      return this.repo.mutate(this.local.id, (draft) => {
        for (const e of batch) e.fn(draft);
      });
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
        // The stored copy, plus what was typed while it was being written.
        let local = stored;
        if (this.pending.length) {
          local = structuredClone(stored);
          for (const e of this.pending) e.fn(local);
        }
        this.local = local;
        this.hooks.onJournal?.(this.pending.length ? { id: local.id, base: stored.revision, record: local } : null);
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

/** What the user edits in a record: everything but its identity, times and the clipped posting. */
const USER_FIELDS = [
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

function userFields(from: ApplicationRecord, into: ApplicationRecord): void {
  for (const key of USER_FIELDS) Object.assign(into, { [key]: from[key] });
}

/**
 * Puts back edits a closed page could not store: the journal's copy of the user's fields over the stored
 * record (the posting stays as stored: only the background writes it). Returns the stored result, or
 * null when there was nothing to recover (record gone, or already stored).
 */
export async function recoverJournal(repo: Repository, journal: Journal): Promise<ApplicationRecord | null> {
  const stored = await repo.get(journal.id).catch(() => undefined);
  if (!stored) return null;
  const mine = structuredClone(stored);
  userFields(journal.record, mine);
  // Already stored (the last save landed but the journal was not cleared in time): nothing to do.
  if (JSON.stringify(mine) === JSON.stringify(stored)) return null;
  return repo.mutate(journal.id, (draft) => userFields(journal.record, draft));
}

/** Where journals are kept: the page's localStorage (synchronous, so it survives a page closed mid-word). */
export type JournalStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const JOURNAL_KEY = 'jobnote:journal';
/** Journals whose restoring failed: kept apart, so the next session's edits cannot overwrite them. */
export const UNRESTORED_KEY = 'jobnote:journal:unrestored';

/** Kept synchronously on every edit (`onJournal`); null once everything is stored. */
export function writeJournal(store: JournalStore, journal: Journal | null): void {
  try {
    if (journal) store.setItem(JOURNAL_KEY, JSON.stringify(journal));
    else store.removeItem(JOURNAL_KEY);
  } catch {
    // Storage full or disabled: the edit is still being saved to IndexedDB.
  }
}

function readJournal(raw: unknown): Journal | null {
  const j = raw as Partial<Journal> | null;
  const parsed = j && typeof j.id === 'string' && typeof j.base === 'number' ? parseRecord(j.record) : null;
  return parsed?.ok ? { id: j!.id!, base: j!.base!, record: parsed.value } : null;
}

/** The journals earlier sessions left: those kept after a failed restore, then the last session's. */
function readJournals(store: JournalStore): Journal[] {
  const read = (key: string, empty: string): unknown => {
    try {
      return JSON.parse(store.getItem(key) ?? empty);
    } catch {
      return JSON.parse(empty);
    }
  };
  const kept = read(UNRESTORED_KEY, '[]');
  return [...(Array.isArray(kept) ? kept : []), read(JOURNAL_KEY, 'null')]
    .map(readJournal)
    .filter((j): j is Journal => j !== null);
}

/**
 * Puts back (recoverJournal) what earlier sessions could not store. A journal that fails to go back is kept
 * for the next opening, never dropped; the last failure's reason is returned so the page can say it.
 */
export async function restoreJournals(repo: Repository, store: JournalStore): Promise<string | null> {
  const journals = readJournals(store);
  const failed: Journal[] = [];
  let error: string | null = null;
  for (const j of journals) {
    try {
      await recoverJournal(repo, j);
    } catch (e) {
      failed.push(j);
      error = e instanceof Error ? e.message : String(e);
    }
  }
  try {
    if (failed.length) store.setItem(UNRESTORED_KEY, JSON.stringify(failed));
    else store.removeItem(UNRESTORED_KEY);
    store.removeItem(JOURNAL_KEY); // restored, kept above, or not a journal at all
  } catch {
    // Storage disabled: then nothing was journalled either.
  }
  return error;
}

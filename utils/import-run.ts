/**
 * A whole import, as the dashboard runs it (in a worker, services/importer.ts): the files read and checked in
 * slices (`parseImportFilesSliced`), the records written in one transaction (`bulkPut`), a backup's damaged
 * rows kept raw (`putDamaged`). Plain TypeScript over a `Repository`: no browser API.
 */
import { parseImportFilesSliced, type ImportFile } from './backup';
import { matchStored, type ImportMatch } from './import-match';
import type { ApplicationRecord } from './record';
import type { Repository } from './repository';
import { summarize, type RecordSummary } from './summary';

/** How far an import is: files read, records checked, records written (of how many). */
export interface ImportRunProgress {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

/** What to do with imported records that are applications already stored (`matchStored`). */
export type MatchChoice = 'update' | 'new' | 'cancel';

export type ImportRunResult =
  | { ok: false; errors: string[]; cancelled?: true }
  | {
      ok: true;
      /** How many of the summaries are stored applications updated (the user's choice). */
      updated: number;
      /** The summaries of the records written, in the order read: what the list shows of them. */
      summaries: RecordSummary[];
      /** The ids of the damaged rows written as they are. */
      damagedIds: string[];
      /** The ids of damaged rows not written: a readable record has the id. */
      kept: string[];
      warnings: string[];
    };

export interface ImportRunOptions {
  onProgress(progress: ImportRunProgress): void;
  /** Lets the thread take other work between slices of the reading (see `SliceOptions.yieldNow`). */
  yieldNow(): Promise<void>;
  sliceMs?: number;
  /**
   * Asked when some imported records are applications already stored (a jobname entry imported again):
   * update those, add them as new ones, or import nothing. Without it they are added as new.
   */
  decide?(matches: ImportMatch[]): Promise<MatchChoice>;
}

export async function runImport(
  files: readonly ImportFile[],
  repo: Repository,
  { onProgress, yieldNow, sliceMs, decide }: ImportRunOptions,
): Promise<ImportRunResult> {
  const parsed = await parseImportFilesSliced(files, { yieldNow, onProgress, sliceMs });
  if (!parsed.ok) return parsed;
  let records: ApplicationRecord[] = parsed.records;
  let updated = 0;
  const matches = decide ? matchStored(records, await repo.listSummaries()) : [];
  if (matches.length) {
    const choice = await decide!(matches);
    if (choice === 'cancel') return { ok: false, errors: [], cancelled: true };
    if (choice === 'update') {
      records = [...records];
      for (const m of matches) {
        const stored = await repo.get(m.id).catch(() => undefined);
        const r = records[m.index]!;
        // The entry as imported, under the stored application's id (bulkPut bumps its revision): its
        // creation time and its clipped posting, which an entry does not carry, are kept. Made of parts
        // the validator passed, so still as `bulkPut({validated})` takes it.
        records[m.index] = {
          ...r,
          id: m.id,
          createdAt: stored?.createdAt ?? r.createdAt,
          posting: r.posting ?? stored?.posting ?? null,
        };
      }
      updated = matches.length;
    }
  }
  const total = records.length;
  onProgress({ phase: 'writing', done: 0, total });
  // Records as `parseImportFilesSliced` made them with `parseRecord`: not validated a second time.
  await repo.bulkPut(records, {
    validated: true,
    onProgress: (done) => onProgress({ phase: 'writing', done, total }),
  });
  const kept = parsed.damaged.length ? await repo.putDamaged(parsed.damaged) : [];
  return {
    ok: true,
    summaries: records.map(summarize),
    updated,
    damagedIds: parsed.damaged.map((d) => d.id).filter((id) => !kept.includes(id)),
    kept,
    warnings: parsed.warnings,
  };
}

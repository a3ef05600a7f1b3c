/**
 * A whole import, as the dashboard runs it (in a worker, services/importer.ts): the files read and checked in
 * slices (`parseImportFilesSliced`), the records written in one transaction (`bulkPut`), a backup's damaged
 * rows kept raw (`putDamaged`). Plain TypeScript over a `Repository`: no browser API.
 */
import { parseImportFilesSliced, type ImportFile } from './backup';
import type { Repository } from './repository';
import { summarize, type RecordSummary } from './summary';

/** How far an import is: files read, records checked, records written (of how many). */
export interface ImportRunProgress {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

export type ImportRunResult =
  | { ok: false; errors: string[] }
  | {
      ok: true;
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
}

export async function runImport(
  files: readonly ImportFile[],
  repo: Repository,
  { onProgress, yieldNow, sliceMs }: ImportRunOptions,
): Promise<ImportRunResult> {
  const parsed = await parseImportFilesSliced(files, { yieldNow, onProgress, sliceMs });
  if (!parsed.ok) return parsed;
  const total = parsed.records.length;
  onProgress({ phase: 'writing', done: 0, total });
  // Records as `parseImportFilesSliced` made them with `parseRecord`: not validated a second time.
  await repo.bulkPut(parsed.records, {
    validated: true,
    onProgress: (done) => onProgress({ phase: 'writing', done, total }),
  });
  const kept = parsed.damaged.length ? await repo.putDamaged(parsed.damaged) : [];
  return {
    ok: true,
    summaries: parsed.records.map(summarize),
    damagedIds: parsed.damaged.map((d) => d.id).filter((id) => !kept.includes(id)),
    kept,
    warnings: parsed.warnings,
  };
}

/**
 * The dashboard's import (`runImport`, utils/import-run.ts) in a worker (services/importer.worker.ts), so the
 * page renders its progress and takes input while it runs; where there is no worker (unit tests), in the page,
 * in slices. Either way the other open pages hear of the records written.
 */
import type { ImportFile } from '@/utils/backup';
import type { ImportMatch } from '@/utils/import-match';
import { runImport, type ImportRunProgress, type ImportRunResult, type MatchChoice } from '@/utils/import-run';
import { InvalidRecordError } from '@/utils/repository';
import type { RecordSummary } from '@/utils/summary';
import { announceWrites } from './changes';
import { getRepository } from './db';

/** Summaries per message from the worker: each is one task for the page to take in. */
export const SUMMARIES_PER_MESSAGE = 2000;

export type WorkerMessage =
  | { kind: 'progress'; progress: ImportRunProgress }
  | { kind: 'summaries'; summaries: RecordSummary[] }
  | { kind: 'matches'; matches: ImportMatch[] }
  | { kind: 'done'; result: ImportRunResult }
  | { kind: 'failed'; name: string; message: string; errors?: string[] };

/** What the page sends the worker: the files, then the answer to its `matches`. */
export type PageMessage = { kind: 'files'; files: ImportFile[] } | { kind: 'decision'; choice: MatchChoice };

/**
 * Lets the page render and take input: `scheduler.yield()` where there is one (it resumes before other queued
 * work), else a new task.
 */
function yieldNow(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?(): Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((done) => setTimeout(done, 0));
}

/** An error from the worker, with the name the page's messages go by (QuotaExceededError, AbortError). */
function workerError({ name, message, errors }: { name: string; message: string; errors?: string[] }): Error {
  if (errors) return new InvalidRecordError(errors);
  const err = new Error(message);
  if (name) err.name = name;
  return err;
}

/**
 * Imports `files` (their bytes are handed over, detached); `onProgress` as it goes; `decide` asked what to do
 * when records are applications already stored.
 */
export async function importFiles(
  files: ImportFile[],
  onProgress: (progress: ImportRunProgress) => void,
  decide: (matches: ImportMatch[]) => Promise<MatchChoice>,
): Promise<ImportRunResult> {
  // In the page, its repository announces its writes itself.
  if (typeof Worker !== 'function') return runImport(files, await getRepository(), { onProgress, yieldNow, decide });
  const worker = new Worker(new URL('./importer.worker.ts', import.meta.url), { type: 'module' });
  const result = await new Promise<ImportRunResult>((resolve, reject) => {
    const summaries: RecordSummary[] = [];
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.kind === 'progress') onProgress(m.progress);
      else if (m.kind === 'matches')
        void decide(m.matches).then((choice) => worker.postMessage({ kind: 'decision', choice } satisfies PageMessage));
      else if (m.kind === 'summaries') summaries.push(...m.summaries);
      else if (m.kind === 'failed') reject(workerError(m));
      else resolve(m.result.ok ? { ...m.result, summaries } : m.result);
    };
    worker.onerror = (e) => reject(new Error(e.message || 'the import stopped'));
    const transfer = files.flatMap((f) => ('bytes' in f ? [f.bytes.buffer as ArrayBuffer] : []));
    worker.postMessage({ kind: 'files', files } satisfies PageMessage, transfer);
  }).finally(() => worker.terminate());
  if (result.ok) announceWrites([...result.summaries.map((s) => s.id), ...result.damagedIds]);
  return result;
}

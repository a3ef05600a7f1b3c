/**
 * The dashboard's import off the page's thread (services/importer.ts): reading and parsing a 30 MB backup is
 * a half-second task, and writing 50,000 records issues 100,000 requests; in the page, both held its clicks.
 *
 * In: `{ files }` (their bytes transferred), and a `decision` when asked. Out, in order: `progress` messages,
 * `matches` when records are applications already stored (it waits for the page's `decision`); when done, the summaries of
 * what was written in `summaries` messages of `SUMMARIES_PER_MESSAGE` (the page takes each in one task), then
 * `done` with the rest of the result; or `failed` with the error's name and message.
 */
import { runImport, type MatchChoice } from '@/utils/import-run';
import { InvalidRecordError, openRepository } from '@/utils/repository';
import { SUMMARIES_PER_MESSAGE, type PageMessage, type WorkerMessage } from './importer';

const post = (m: WorkerMessage) => postMessage(m);
/** The page's answer to the `matches` asked, when one is awaited. */
let answer: ((choice: MatchChoice) => void) | null = null;

addEventListener('message', async (e: MessageEvent<PageMessage>) => {
  if (e.data.kind === 'decision') {
    answer?.(e.data.choice);
    answer = null;
    return;
  }
  try {
    // The extension's database, as the pages open it (services/db.ts); the page announces the writes.
    const repo = await openRepository(indexedDB);
    try {
      const result = await runImport(e.data.files, repo, {
        onProgress: (progress) => post({ kind: 'progress', progress }),
        // Nothing else runs in this thread: slices are only for the progress, which needs no turn of the loop.
        yieldNow: () => Promise.resolve(),
        sliceMs: 50,
        decide: (matches) =>
          new Promise<MatchChoice>((resolve) => {
            answer = resolve;
            post({ kind: 'matches', matches });
          }),
      });
      if (result.ok) {
        for (let i = 0; i < result.summaries.length; i += SUMMARIES_PER_MESSAGE)
          post({ kind: 'summaries', summaries: result.summaries.slice(i, i + SUMMARIES_PER_MESSAGE) });
        post({ kind: 'done', result: { ...result, summaries: [] } });
      } else post({ kind: 'done', result });
    } finally {
      repo.close();
    }
  } catch (err) {
    post({
      kind: 'failed',
      name: err instanceof Error ? err.name : '',
      message: err instanceof Error ? err.message : String(err),
      errors: err instanceof InvalidRecordError ? err.errors : undefined,
    });
  }
});

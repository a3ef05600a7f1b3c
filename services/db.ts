/** The extension pages' repository: opened once per page (they share the extension origin's IndexedDB). */
import { openRepository } from '@/utils/repository';
import type { Repository } from '@/utils/repository';

let pending: Promise<Repository> | undefined;

export function getRepository(): Promise<Repository> {
  pending ??= openRepository(indexedDB, undefined, {
    // Another page upgraded the database: this connection is closed, open a new one next time.
    onVersionChange: () => {
      pending = undefined;
    },
  }).catch((err: unknown) => {
    pending = undefined;
    throw err;
  });
  return pending;
}

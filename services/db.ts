/** The extension pages' repository: opened once per page (they share the extension origin's IndexedDB). */
import { openRepository, UpgradeBlockedError } from '@/utils/repository';
import type { Repository } from '@/utils/repository';
import { announceWrites } from './changes';

let pending: Promise<Repository> | undefined;

/**
 * Rejects with UpgradeBlockedError when the upgrade waits for another page of an older version (which does
 * not close its connection): the page says so instead of staying blank. Once that page is gone, the next
 * call opens the database.
 */
export function getRepository(): Promise<Repository> {
  pending ??= new Promise<Repository>((resolve, reject) => {
    let blocked = false;
    openRepository(indexedDB, undefined, {
      onBlocked: () => {
        blocked = true;
        reject(new UpgradeBlockedError());
      },
      // Another page upgraded the database: this connection is closed, open a new one next time.
      onVersionChange: () => {
        pending = undefined;
      },
      // The other open pages hear of every write (a restore, an edit, a clip) and re-read what they show.
      onWrite: announceWrites,
    }).then((repo) => (blocked ? repo.close() : resolve(repo)), reject);
  }).catch((err: unknown) => {
    pending = undefined;
    throw err;
  });
  return pending;
}

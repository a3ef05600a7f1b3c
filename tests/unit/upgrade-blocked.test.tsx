// @vitest-environment jsdom
// The extension pages' database (services/db) over the global `indexedDB`, as a browser has it.
import 'fake-indexeddb/auto';
import { wrap } from 'idb';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { blockedTranslator, UpgradeBlocked } from '../../components/UpgradeBlocked';
import { getRepository } from '../../services/db';
import { DB_NAME, UpgradeBlockedError } from '../../utils/repository';
import { MIGRATIONS } from '../../utils/repository-upgrade';
import { jsdomRoot } from './locale-helpers';

const dom = jsdomRoot();

/** A page of an older Jobnote: the database at the previous version, held open, never closed on `versionchange`. */
function olderPage(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, MIGRATIONS.length - 1);
    // The real schema of that version: its migrations.
    req.onupgradeneeded = async () => {
      const tx = wrap(req.transaction!) as unknown as Parameters<(typeof MIGRATIONS)[number]>[1];
      for (const migrate of MIGRATIONS.slice(0, -1)) await migrate(tx.db, tx);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('a database upgrade blocked by an older open page', () => {
  it('fails the page’s opening with UpgradeBlockedError (not a promise that never settles), then opens', async () => {
    const older = await olderPage();
    await expect(getRepository()).rejects.toBeInstanceOf(UpgradeBlockedError);
    older.close();
    const repo = await getRepository();
    expect(await repo.list()).toEqual([]);
    repo.close();
  });

  it('is said in the browser’s language, English or Persian', async () => {
    for (const [ui, words, dir] of [
      ['en-US', 'Another Jobnote page is open with an older version: close it, or reload it.', 'ltr'],
      ['fa-IR', 'صفحهٔ دیگری از جاب‌نوت با نسخهٔ قدیمی‌تر باز است: آن را ببندید یا دوباره بارگذاری کنید.', 'rtl'],
    ]) {
      const tr = await blockedTranslator(ui);
      act(() => dom.root.render(<UpgradeBlocked tr={tr} />));
      const shown = dom.container.querySelector('[data-testid="upgrade-blocked"]')!;
      expect(shown.textContent).toBe(words);
      expect(shown.getAttribute('role')).toBe('alert');
      expect(shown.getAttribute('dir')).toBe(dir);
    }
  });
});

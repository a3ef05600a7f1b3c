/**
 * The popup and a dashboard tab editing one record at once (issue 8, "Nothing lost"): edits to different fields
 * merge, edits to the same field keep both texts as a conflict that both pages show.
 *
 * The popup is `popup.html` opened in a tab (the same page and code as the toolbar's; a toolbar popup closes as
 * soon as another page takes focus). For the two saves to meet, as two people typing at once would make them,
 * a readwrite transaction held in the service worker keeps the database busy while both pages type: each page's
 * save waits behind it, so the second to commit finds the record changed by the first and merges.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, type ApplicationRecord } from '../../utils/record';
import { appHash } from '../../utils/dashboard-route';
import { launchExtension, type ExtensionHarness } from './harness';
import { importRecords, POLL, ready, shownRole, storedRows, text } from './popup-helpers';

describe('the popup and a dashboard tab editing one record', () => {
  let ext: ExtensionHarness;
  let record: ApplicationRecord;
  let pages: Page[] = [];

  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    for (const p of pages) await p.close().catch(() => {});
    pages = [];
    await ext.clearData();
    record = createRecord({ company: { name: 'Divar', website: 'https://divar.ir' }, role: 'Backend Developer' });
    await importRecords(ext, [record]);
  });

  /** Both pages open on the record: the dashboard's application page and the popup's Outcome tab. */
  async function openBoth(): Promise<{ popup: Page; dashboard: Page }> {
    const dashboard = await ext.openExtensionPage(`/dashboard.html${appHash(record.id)}`);
    await dashboard.getByTestId('edit-role').waitFor();
    const popup = await ready(await ext.openExtensionPage('/popup.html'));
    await popup.getByTestId('tab-outcome').click();
    await popup.getByTestId('review').waitFor();
    pages.push(dashboard, popup);
    return { popup, dashboard };
  }

  /** Holds a readwrite transaction on the records until `release`: saves made meanwhile wait behind it. */
  async function holdDatabase(): Promise<{ release(): Promise<void> }> {
    await ext.serviceWorker.evaluate(
      () =>
        new Promise<void>((ok, fail) => {
          const req = indexedDB.open('jobnote');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const store = db.transaction('applications', 'readwrite').objectStore('applications');
            const g = globalThis as { __e2eHold?: boolean };
            g.__e2eHold = true;
            const spin = () => {
              if (g.__e2eHold) store.get('-').onsuccess = spin;
              else db.close();
            };
            spin();
            ok();
          };
        }),
    );
    return {
      release: () =>
        ext.serviceWorker.evaluate(() => {
          (globalThis as { __e2eHold?: boolean }).__e2eHold = false;
        }),
    };
  }

  const stored = async () => (await storedRows(ext, { quiet: true })).find((r) => r.id === record.id)!;

  it('edits to different fields merge, and each page shows the other’s', async () => {
    const { popup, dashboard } = await openBoth();
    const hold = await holdDatabase();
    await popup.getByTestId('review').fill('Two rounds, friendly team.');
    await dashboard.getByTestId('edit-role').fill('Senior Backend Developer');
    await hold.release();

    await expect
      .poll(async () => {
        const r = await stored();
        return [r.review, r.role];
      }, POLL)
      .toEqual(['Two rounds, friendly team.', 'Senior Backend Developer']);
    // Each page re-based on the other's write: the popup's title shows the new role, the dashboard the review.
    await expect.poll(() => shownRole(popup), POLL).toBe('Senior Backend Developer');
    await expect.poll(() => dashboard.getByTestId('review').inputValue(), POLL).toBe('Two rounds, friendly team.');
    expect(await popup.getByTestId('review').inputValue()).toBe('Two rounds, friendly team.');
    expect(await popup.getByTestId('conflicts').count()).toBe(0);
    expect(await dashboard.getByTestId('conflicts').count()).toBe(0);
  });

  it('edits to the same field: one is stored, both pages show the conflict with both texts', async () => {
    const { popup, dashboard } = await openBoth();
    const hold = await holdDatabase();
    await popup.getByTestId('review').fill('Written in the popup');
    await dashboard.getByTestId('review').fill('Written in the dashboard');
    await hold.release();

    const both = ['Written in the dashboard', 'Written in the popup'];
    for (const page of [popup, dashboard]) {
      await page.getByTestId('conflict').waitFor({ timeout: POLL.timeout });
      const kept = await text(page.getByTestId('conflict-kept'));
      const other = await text(page.getByTestId('conflict-other'));
      expect([kept, other].sort()).toEqual(both);
      // The record holds the kept one, and both pages show it.
      expect((await stored()).review).toBe(kept);
      await expect.poll(() => page.getByTestId('review').inputValue(), POLL).toBe(kept);
    }

    // Taking the other text in the dashboard stores it, and the conflict is gone from both pages.
    const other = await text(dashboard.getByTestId('conflict-other'));
    await dashboard.getByTestId('conflict-use-other').click();
    await expect.poll(async () => (await stored()).review, POLL).toBe(other);
    await expect.poll(() => dashboard.getByTestId('conflict').count(), POLL).toBe(0);
    await expect.poll(() => popup.getByTestId('conflict').count(), POLL).toBe(0);
    await expect.poll(() => popup.getByTestId('review').inputValue(), POLL).toBe(other);
  });
});

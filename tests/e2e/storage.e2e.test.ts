/**
 * Storage in a real browser.
 *
 * Full storage: the extension origin's quota shrunk to just above its usage with the
 * DevTools command `Storage.overrideQuotaForOrigin`, then 60 KB typed into the popup's review. The text must
 * survive every failed save and reopening, later edits must build on it, the error must say in words what
 * happened, and everything must be stored once there is room.
 *
 * Chromium caches an IndexedDB bucket's free space for about 30 s once it has asked the quota manager, so a
 * quota shrunk after the database's first write is honoured only that much later: the quota is shrunk first,
 * then the record is stored. The override lives as long as the DevTools session that set it, so that
 * session's page stays open throughout.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createRecord } from '../../utils/record';
import { freshExtension } from './fresh-extension';
import { closeNow, importRecords, POLL, ready, storedRows, text } from './popup-helpers';

/** 60 KB of text IndexedDB cannot compress away (Chromium compresses large values). */
function incompressible(bytes: number): string {
  const words = ['quota', 'review', 'هم‌روندی', 'PostgreSQL', 'interview', 'مصاحبه', 'offer', 'رد'];
  let seed = 12345;
  const out: string[] = [];
  let n = 0;
  while (n < bytes) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const w = words[seed % words.length]! + String(seed % 100000);
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ').slice(0, bytes);
}

async function usage(page: Page): Promise<number> {
  return (await page.evaluate(() => navigator.storage.estimate())).usage ?? 0;
}

describe('full storage', () => {
  const ext = freshExtension({ viewport: { width: 380, height: 600 } });

  it('keeps 60 KB typed into a full storage through failed saves and reopenings, and saves it once there is room', async () => {
    const e = ext();
    // A page of the extension's origin that runs none of its code holds the DevTools session.
    const control = await e.openExtensionPage('/manifest.json');
    const cdp: CDPSession = await e.context.newCDPSession(control);
    const setQuota = (quotaSize?: number) =>
      cdp.send('Storage.overrideQuotaForOrigin', { origin: e.baseUrl, ...(quotaSize ? { quotaSize } : {}) });
    // Shrunk before the database's first write (see above): room for the record and the popup's small writes
    // (its draft), not for the review.
    await setQuota((await usage(control)) + 32 * 1024);
    await importRecords(e, [
      createRecord({ company: { name: 'Cafe Bazaar', website: 'https://cafebazaar.ir' }, review: 'Old review.' }),
    ]);
    const { usage: used, quota, overrideActive } = await cdp.send('Storage.getUsageAndQuota', { origin: e.baseUrl });
    expect(overrideActive).toBe(true);
    expect(quota - used).toBeLessThan(60 * 1024);

    const review = incompressible(60 * 1024);
    let popup = await ready(await e.openExtensionPage('/popup.html'));
    await popup.getByTestId('tab-outcome').click();
    await popup.getByTestId('review').fill(review);
    const error = popup.getByTestId('save-error');
    await error.waitFor(POLL);
    const said = await text(error);
    expect(said).not.toMatch(/Not saved: \./);
    expect(said).toMatch(/^Storage is full: .*free some disk space/);
    await closeNow(popup);

    // Reopened while still full: the unsaved 60 KB shows, not the stored review, and the error says why.
    popup = await ready(await e.openExtensionPage('/popup.html'));
    await popup.getByTestId('tab-outcome').click();
    const field = popup.getByTestId('review');
    expect(await field.inputValue()).toBe(review);
    await popup.getByTestId('save-error').waitFor(POLL);
    expect(await text(popup.getByTestId('save-error'))).toMatch(/^Storage is full: /);
    // A later edit builds on it, and fails to save too.
    await field.press('Control+End');
    await field.pressSequentially(' +more');
    expect(await field.inputValue()).toBe(`${review} +more`);
    await popup.getByTestId('save-error').waitFor(POLL);
    await closeNow(popup);
    expect((await storedRows(e))[0]!.review).toBe('Old review.');

    // Reopened a second time, still full: still there.
    popup = await ready(await e.openExtensionPage('/popup.html'));
    await popup.getByTestId('tab-outcome').click();
    expect(await popup.getByTestId('review').inputValue()).toBe(`${review} +more`);
    await closeNow(popup);

    // Room again: reopening stores it.
    await setQuota();
    popup = await ready(await e.openExtensionPage('/popup.html'));
    await popup.getByTestId('tab-outcome').click();
    expect(await popup.getByTestId('review').inputValue()).toBe(`${review} +more`);
    await expect.poll(async () => (await storedRows(e, { quiet: true }))[0]?.review, POLL).toBe(`${review} +more`);
    expect(await popup.getByTestId('save-error').count()).toBe(0);
    await closeNow(popup);
    await control.close();
  }, 90_000);

  // Persistent storage: headless Chromium may answer persist() either way, so what is checked is that the
  // settings say what the browser answered, in words.
  it('shows in the settings whether the data is persistent, how much is used, and the answer to asking', async () => {
    const e = ext();
    const popup = await ready(await e.openExtensionPage('/popup.html'));
    await popup.getByTestId('settings').click();
    const state = popup.getByTestId('storage-persisted');
    await expect.poll(() => state.getAttribute('data-persisted'), POLL).toMatch(/^(true|false)$/);
    const persistent = (await state.getAttribute('data-persisted')) === 'true';
    expect(await text(state)).toMatch(persistent ? /^Persistent: / : /^Not persistent: /);
    expect(await text(popup.getByTestId('storage-usage'))).toMatch(
      /^Jobnote uses \d+(\.\d)? (bytes|KB|MB) of the \d+(\.\d)? (KB|MB|GB|TB) the browser allows it\.$/,
    );
    if (persistent) {
      expect(await popup.getByTestId('storage-persist').count()).toBe(0);
      return;
    }
    await popup.getByTestId('storage-persist').click();
    const answer = popup.getByTestId('storage-answer');
    await expect
      .poll(() => text(answer), POLL)
      .toMatch(/^(The browser agreed: Jobnote’s data is persistent now\.|The browser said no: .+)$/);
    const granted = (await text(answer)).startsWith('The browser agreed');
    expect(await text(state)).toMatch(granted ? /^Persistent: / : /^Not persistent: /);
  });
});

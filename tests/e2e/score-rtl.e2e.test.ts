/**
 * The score control in a right-to-left page (issue 9): its arrow keys do what they say. In the Persian popup,
 * → lowered the score (the range was mirrored) and the export said 4/10 where the user meant 6. The scale reads
 * left to right in both languages, as the number beside it does: → and ↑ raise it, ← and ↓ lower it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appHash } from '../../utils/dashboard-route';
import { createRecord } from '../../utils/record';
import { launchExtension, type ExtensionHarness } from './harness';
import { importRecords, POLL, ready } from './popup-helpers';

describe('the score control in Persian', () => {
  let ext: ExtensionHarness;
  const record = createRecord({ company: { name: 'دیوار', website: '' }, role: 'Backend Developer', score: 5 });

  beforeAll(async () => {
    ext = await launchExtension();
    await importRecords(ext, [record]);
    const popup = await ready(await ext.openExtensionPage('/popup.html'));
    await popup.getByTestId('settings').click();
    await popup.getByTestId('set-lang').selectOption('fa');
    await popup.locator('html[lang="fa"][dir="rtl"]').waitFor();
    await popup.close();
  });
  afterAll(async () => {
    await ext?.close();
  });

  /** The score as the control says it to assistive technology (ASCII digits), after each key. */
  async function pressAndRead(page: Page, keys: string[]): Promise<string[]> {
    const score = page.getByTestId('score');
    await score.focus();
    const out: string[] = [];
    for (const key of keys) {
      await page.keyboard.press(key);
      out.push((await score.getAttribute('aria-valuetext')) ?? '');
    }
    return out;
  }

  it('popup: → and ↑ raise the score, ← and ↓ lower it, and what is stored is what is shown', async () => {
    const popup = await ready(await ext.openExtensionPage('/popup.html'));
    await popup.getByTestId('tab-outcome').click();
    await popup.getByTestId('score').waitFor();
    expect(await popup.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(
      await pressAndRead(popup, ['ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowLeft', 'ArrowDown', 'ArrowRight']),
    ).toEqual(['5.5/10', '6/10', '6.5/10', '6/10', '5.5/10', '6/10']);
    // The scale itself is laid out left to right: 0 at the left end, as the number beside it reads.
    expect(await popup.getByTestId('score').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await popup.getByTestId('tab-export').click();
    await expect
      .poll(
        async () => (await popup.getByTestId('export-markdown').inputValue()).match(/>(\d+(?:\.\d)?)\/10</)?.[1],
        POLL,
      )
      .toBe('6');
    await popup.close();
  });

  it("dashboard's application page: the same keys do the same", async () => {
    const page = await ext.openExtensionPage(`/dashboard.html${appHash(record.id)}`);
    await page.getByTestId('score').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const before = Number((await page.getByTestId('score').getAttribute('aria-valuetext'))?.split('/')[0]);
    const after = await pressAndRead(page, ['ArrowRight', 'ArrowLeft', 'ArrowLeft']);
    expect(after).toEqual([`${before + 0.5}/10`, `${before}/10`, `${before - 0.5}/10`]);
  });
});

/**
 * The dashboard follows the settings chosen in the popup (the same `settings` row of the extension's
 * database): its language, with `<html lang dir>` (Persian right to left), and the user's date format.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord, newStage } from '../../utils/record';
import { launchExtension } from './harness';
import type { ExtensionHarness } from './harness';
import { importRecords, POLL, ready, text } from './popup-helpers';

/** Chooses a language and a date format in the popup's settings, as a user would. */
async function chooseSettings(ext: ExtensionHarness, lang: 'en' | 'fa' | 'auto', dates: string) {
  const popup = await ready(await ext.openExtensionPage('/popup.html'));
  await popup.getByTestId('settings').click();
  await popup.getByTestId('set-lang').selectOption(lang);
  await popup.getByTestId('set-dates').selectOption(dates);
  if (lang !== 'auto') await popup.locator(`html[lang="${lang}"]`).waitFor();
  await popup.close();
}

const htmlAttrs = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('the dashboard in the user’s language and date format', () => {
  let ext: ExtensionHarness;

  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    await ext.clearData();
  });

  it('Persian and Gregorian: right to left, Persian words and digits, dates as 2023/11/11', async () => {
    await importRecords(ext, [
      createRecord({
        company: { name: 'Snapp', website: '' },
        role: 'Backend Developer',
        stages: [newStage('s1', 'technical', 'Technical Interview', { date: '2023-11-11' })],
        score: 7.5,
      }),
    ]);
    await chooseSettings(ext, 'fa', 'gregorian');

    const dashboard = await ext.openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('application').waitFor();
    expect(await htmlAttrs(dashboard)).toEqual({ lang: 'fa', dir: 'rtl' });
    expect(await dashboard.title()).toBe('جاب‌نوت — داشبورد');
    await dashboard.getByRole('heading', { name: 'درخواست‌ها' }).waitFor();
    expect(await text(dashboard.getByTestId('count'))).toBe('۱ درخواست');
    expect(await text(dashboard.getByTestId('last-stage'))).toBe('Technical Interview · 2023/11/11');
    expect(await text(dashboard.getByTestId('score'))).toBe('۷.۵/۱۰');
    // The table reads from the right: the company column is the rightmost.
    const [company, role] = await Promise.all(
      ['company', 'role'].map((id) =>
        dashboard
          .getByTestId(id)
          .first()
          .evaluate((el) => el.closest('th,td')!.getBoundingClientRect().left),
      ),
    );
    expect(company).toBeGreaterThan(role!);

    // Back to English with Jalali slashes: the next dashboard opened follows.
    await chooseSettings(ext, 'en', 'jalali-slash');
    const again = await ext.openExtensionPage('/dashboard.html');
    await again.getByTestId('application').waitFor();
    expect(await htmlAttrs(again)).toEqual({ lang: 'en', dir: 'ltr' });
    await again.getByRole('heading', { name: 'Applications' }).waitFor();
    await expect.poll(() => text(again.getByTestId('last-stage')), POLL).toBe('Technical Interview · 1402/08/20');
    expect(await text(again.getByTestId('score'))).toBe('7.5/10');
  });
});

/**
 * The dashboard's backup import, end to end: a file goes through the real file input, the records land in
 * the extension's IndexedDB, and the popup opens the imported application with its steps in Jalali dates.
 * And the dashboard follows the settings chosen in the popup (the same `settings` row of the database): its
 * language, with `<html lang dir>` (Persian right to left), and the user's date format.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord, newStage } from '../../utils/record';
import type { ApplicationRecord } from '../../utils/record';
import { freshExtension } from './fresh-extension';
import { importRecords, POLL, ready, shownRole, stageTexts, text } from './popup-helpers';

function digikala(): ApplicationRecord {
  return createRecord({
    company: { name: 'دیجی‌کالا', website: 'https://www.digikala.com' },
    role: 'Senior Backend Developer',
    stages: [
      newStage('s1', 'resume', 'Sent Resume', { date: '2023-11-01' }),
      // 2023-11-11 is 20 Aban 1402.
      newStage('s2', 'technical', 'Technical Interview', { date: '2023-11-11', time: '11:30 AM' }),
    ],
    score: 7.5,
  });
}

async function texts(page: Page, testId: string): Promise<string[]> {
  return (await page.getByTestId(testId).allTextContents()).map((t) => t.trim());
}

/** Imports a file through the dashboard's file input; waits for the success or the error notice. */
async function importFile(page: Page, path: string) {
  await page.getByTestId('import-file').setInputFiles(path);
  await page.getByTestId('message-ok').or(page.getByTestId('message-error')).waitFor();
}

/** Chooses a language and a date format in the popup's settings, as a user would. */
async function chooseSettings(lang: 'en' | 'fa' | 'auto', dates: string) {
  const popup = await ready(await ext().openExtensionPage('/popup.html'));
  await popup.getByTestId('settings').click();
  await popup.getByTestId('set-lang').selectOption(lang);
  await popup.getByTestId('set-dates').selectOption(dates);
  if (lang !== 'auto') await popup.locator(`html[lang="${lang}"]`).waitFor();
  await popup.close();
}

const htmlAttrs = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

const ext = freshExtension();

describe('import a backup in the dashboard', () => {
  it('imports a record printed by the CLI and the popup opens it with its Jalali dates', async () => {
    const record = digikala();
    const file = await ext().writeTempFile('record.json', record);

    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    const worker = dashboard.waitForEvent('worker');
    await importFile(dashboard, file);
    expect(await texts(dashboard, 'message-ok')).toEqual(['Imported 1 application']);
    await dashboard.getByTestId('application').waitFor();
    expect(await texts(dashboard, 'count')).toEqual(['1 application']);
    // Read and written by the import's worker, not in the page.
    expect((await worker).url()).toMatch(/\/importer\.worker-[\w-]+\.js$/);

    // The only application is the one the popup opens (none is tied to this tab).
    const popup = await ready(await ext().openExtensionPage('/popup.html'));
    expect(await texts(popup, 'current-company')).toEqual(['دیجی‌کالا']);
    expect(await shownRole(popup)).toBe('Senior Backend Developer');
    // Its steps, with the dates in the user's format (Jalali by default): 2023-11-11 is 20 Aban 1402.
    expect(await stageTexts(popup)).toEqual(['Sent Resume 1402.08.10', 'Technical Interview 1402.08.20 11:30 AM']);
    await popup.getByTestId('tab-outcome').click();
    await popup.getByTestId('score-value').waitFor();
    expect(await texts(popup, 'score-value')).toEqual(['7.5/10']);
  });

  it('a second import into the list shown: the new application added, the one it updates shown once', async () => {
    const first = digikala();
    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    await importFile(dashboard, await ext().writeTempFile('first.json', first));
    await dashboard.getByTestId('application').waitFor();
    // The list shown is then the one written, not read again: it must hold the old rows and the new ones.
    const updated = {
      ...first,
      company: { ...first.company, name: 'Digikala' },
      updatedAt: '2030-01-02T00:00:00.000Z',
    };
    const other = createRecord({ company: { name: 'Snapp', website: '' }, role: 'Frontend Developer' });
    other.updatedAt = '2030-01-01T00:00:00.000Z';
    await importFile(dashboard, await ext().writeTempFile('second.json', [updated, other]));
    expect(await texts(dashboard, 'message-ok')).toEqual(['Imported 2 applications']);
    expect(await texts(dashboard, 'count')).toEqual(['2 applications']);
    expect(await texts(dashboard, 'company')).toEqual(['Digikala', 'Snapp']);
    // And it is what is stored: the page opened again shows the same.
    await dashboard.reload();
    await dashboard.getByTestId('application').first().waitFor();
    expect(await texts(dashboard, 'company')).toEqual(['Digikala', 'Snapp']);
  });

  it('an entry imported again is offered as an update: Enter updates it, or it is added as new, or Escape imports nothing', async () => {
    const entry = (review: string) =>
      '# [Acme](https://acme.example)\n\n## Backend Developer\n\n### Status\n#### 📜📞\n\n### Interview Date\n\n' +
      '- **Sent Resume**<br />1404.07.15\n\n## Score\n<h4><mark style="background-color:#ff9800">6/10</mark></h4>\n\n' +
      `${review}\n`;
    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    await importFile(dashboard, await ext().writeTempFile('acme__interview.md', entry('First.')));
    expect(await texts(dashboard, 'count')).toEqual(['1 application']);

    // Again: the question, with the focus on Update; Enter answers it.
    await dashboard
      .getByTestId('import-file')
      .setInputFiles(await ext().writeTempFile('acme__interview.md', entry('Second.')));
    await dashboard.getByTestId('import-duplicates').waitFor();
    expect(await dashboard.getByTestId('import-duplicates').textContent()).toContain('Acme');
    expect(await dashboard.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-update');
    await dashboard.keyboard.press('Enter');
    await dashboard.getByTestId('message-ok').waitFor();
    expect((await texts(dashboard, 'message-ok'))[0]).toMatch(
      /^Imported 1 application1 of them updated the applications already here\./,
    );
    expect(await texts(dashboard, 'count')).toEqual(['1 application']);

    // Added as new.
    await dashboard
      .getByTestId('import-file')
      .setInputFiles(await ext().writeTempFile('acme__interview.md', entry('Third.')));
    await dashboard.getByTestId('import-as-new').click();
    await dashboard.getByTestId('message-ok').waitFor();
    expect(await texts(dashboard, 'count')).toEqual(['2 applications']);

    // Escape: nothing imported.
    await dashboard
      .getByTestId('import-file')
      .setInputFiles(await ext().writeTempFile('acme__interview.md', entry('Fourth.')));
    await dashboard.getByTestId('import-duplicates').waitFor();
    await dashboard.keyboard.press('Escape');
    await dashboard.getByTestId('message-error').waitFor();
    expect(await texts(dashboard, 'message-error')).toEqual(['Nothing was imported.']);
    await dashboard.reload();
    await dashboard.getByTestId('count').waitFor();
    expect(await texts(dashboard, 'count')).toEqual(['2 applications']);
  });

  it('refuses an invalid backup, lists what is wrong and stores nothing', async () => {
    const good = digikala();
    const bad = createRecord({
      company: { name: 'Snapp', website: '' },
      role: 'Frontend Developer',
      stages: [newStage('s1', 'resume', 'Sent Resume', { date: '1402.08.20' })],
    });
    const file = await ext().writeTempFile('bad-backup.json', {
      format: 'jobnote-backup',
      version: 1,
      exportedAt: new Date().toISOString(),
      records: [good, bad],
    });

    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    await importFile(dashboard, file);
    const error = dashboard.getByTestId('message-error');
    expect(await error.locator('li').allTextContents()).toEqual([
      'bad-backup.json: records[1].stages[0].date: expected a date YYYY-MM-DD or null',
    ]);
    expect(await error.textContent()).toContain('Nothing was imported');
    expect(await texts(dashboard, 'count')).toEqual(['0 applications']);
    expect(await dashboard.getByTestId('empty').isVisible()).toBe(true);

    const popup = await ready(await ext().openExtensionPage('/popup.html'));
    await popup.getByTestId('empty').waitFor();
    expect(await texts(popup, 'empty')).toEqual([
      'No applications yet. Clip a posting, or start one with “New application”.',
    ]);
    expect(await popup.getByTestId('current-company').count()).toBe(0);
  });

  it('exports what it imported, and deletes a record after confirmation', async () => {
    const a = digikala();
    const b = createRecord({ company: { name: 'Cafe Bazaar', website: '' }, role: 'Android Developer' });
    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    await importFile(dashboard, await ext().writeTempFile('two.json', [a, b]));
    expect(await texts(dashboard, 'message-ok')).toEqual(['Imported 2 applications']);
    await dashboard.getByTestId('application').nth(1).waitFor();

    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      dashboard.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^jobnote-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(exported.format).toBe('jobnote-backup');
    expect(exported.records.map((r: ApplicationRecord) => r.id).sort()).toEqual([a.id, b.id].sort());

    await dashboard.getByRole('button', { name: 'Delete Cafe Bazaar' }).click();
    // Nothing is deleted until confirmed; Cancel keeps it.
    await dashboard.getByRole('button', { name: 'Cancel' }).click();
    await dashboard.getByRole('button', { name: 'Delete Cafe Bazaar' }).click();
    await dashboard.getByRole('button', { name: 'Yes, delete' }).click();
    await dashboard.getByText('Deleted Cafe Bazaar').waitFor();
    expect(await texts(dashboard, 'company')).toEqual(['دیجی‌کالا']);
    expect(await texts(dashboard, 'count')).toEqual(['1 application']);
  });
});

describe('damaged records in the dashboard', () => {
  it('shows a stored row the validator rejects, backs it up raw, repairs one and deletes another', async () => {
    const good = digikala();
    const scored = { ...createRecord({ company: { name: 'Scored', website: '' } }), score: 11 };
    const newer = { ...createRecord({ company: { name: 'Newer', website: '' } }), schema: 99, future: [1, 2] };
    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    await importFile(dashboard, await ext().writeTempFile('good.json', good));
    // Rows no version of Jobnote would write, put straight into the extension's database.
    await dashboard.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('jobnote');
          req.onsuccess = () => {
            const tx = req.result.transaction('applications', 'readwrite');
            for (const row of rows) tx.objectStore('applications').put(row);
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
      [scored, newer],
    );
    await dashboard.reload();
    await dashboard.getByTestId('damaged').waitFor();
    expect(await texts(dashboard, 'company')).toEqual(['دیجی‌کالا']);
    const row = (id: string) => dashboard.getByTestId('damaged-row').filter({ hasText: id });
    expect(await text(row(scored.id).getByTestId('damaged-reason'))).toMatch(/^Why: score/);
    expect(await text(row(newer.id).getByTestId('damaged-reason'))).toMatch(/^Why: schema: 99 is newer/);

    // The backup carries them raw, in their own list.
    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      dashboard.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    const backupPath = await download.path();
    const exported = JSON.parse(await readFile(backupPath, 'utf8'));
    expect(exported.records.map((r: ApplicationRecord) => r.id)).toEqual([good.id]);
    expect(exported.damaged.map((d: { row: unknown }) => d.row)).toEqual(
      expect.arrayContaining([expect.objectContaining(scored), expect.objectContaining(newer)]),
    );

    // Repair: an edit that is still invalid is refused with the reason; a valid one is stored.
    await row(scored.id).getByRole('button', { name: 'Repair' }).click();
    const json = row(scored.id).getByTestId('damaged-json');
    await json.fill(JSON.stringify({ ...scored, score: 12 }));
    await row(scored.id).getByRole('button', { name: 'Save' }).click();
    await dashboard.getByText('Not saved: the record is still not valid.').waitFor();
    await json.fill(JSON.stringify({ ...scored, score: 9 }));
    await row(scored.id).getByRole('button', { name: 'Save' }).click();
    await dashboard.getByText('Repaired Scored').waitFor();
    expect((await texts(dashboard, 'company')).sort()).toEqual(['Scored', 'دیجی‌کالا'].sort());

    // Delete, after confirmation.
    await row(newer.id)
      .getByRole('button', { name: `Delete ${newer.id}` })
      .click();
    await row(newer.id).getByRole('button', { name: 'Yes, delete' }).click();
    await dashboard.getByText(`Deleted ${newer.id}`).waitFor();
    expect(await dashboard.getByTestId('damaged').count()).toBe(0);

    // Restoring the backup: the repaired record wins over its damaged copy; the other comes back damaged.
    await importFile(dashboard, backupPath);
    const notes = await dashboard.getByTestId('message-ok').locator('li').allTextContents();
    expect(notes).toEqual([
      'Damaged records kept as they were (see Damaged records): 1',
      `Not restored as damaged, a readable record is stored with its id: ${scored.id}`,
    ]);
    await dashboard.getByTestId('damaged-row').waitFor();
    expect(await dashboard.getByTestId('damaged-row').count()).toBe(1);
    expect(await row(newer.id).count()).toBe(1);
  });
});

describe('the dashboard in the user’s language and date format', () => {
  it('Persian and Gregorian: right to left, Persian words and digits, dates as 2023/11/11', async () => {
    await importRecords(ext(), [
      createRecord({
        company: { name: 'Snapp', website: '' },
        role: 'Backend Developer',
        stages: [newStage('s1', 'technical', 'Technical Interview', { date: '2023-11-11' })],
        score: 7.5,
      }),
    ]);
    await chooseSettings('fa', 'gregorian');

    const dashboard = await ext().openExtensionPage('/dashboard.html');
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

    // Back to English with Jalali slashes: the next dashboard opened follows, and this one once it is shown again.
    await chooseSettings('en', 'jalali-slash');
    const again = await ext().openExtensionPage('/dashboard.html');
    await again.getByTestId('application').waitFor();
    expect(await htmlAttrs(again)).toEqual({ lang: 'en', dir: 'ltr' });
    await again.getByRole('heading', { name: 'Applications' }).waitFor();
    expect(await text(again.getByTestId('last-stage'))).toBe('Technical Interview · 1402/08/20');
    expect(await text(again.getByTestId('score'))).toBe('7.5/10');
    expect(await htmlAttrs(dashboard)).toEqual({ lang: 'fa', dir: 'rtl' });
    await dashboard.bringToFront();
    // Headless tabs are always "visible": the event a tab coming back gets, sent by hand.
    await dashboard.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => htmlAttrs(dashboard), POLL).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await text(dashboard.getByTestId('last-stage'))).toBe('Technical Interview · 1402/08/20');
    expect(await dashboard.title()).toBe('Jobnote — Dashboard');
  });

  it('Persian: the delete question and its answers, in Persian and from the keyboard', async () => {
    await importRecords(ext(), [digikala()]);
    await chooseSettings('fa', 'jalali-dot');
    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('application').waitFor();
    expect(await text(dashboard.getByTestId('last-stage'))).toBe('Technical Interview · 1402.08.20');
    await dashboard.getByRole('button', { name: 'حذف دیجی‌کالا' }).press('Enter');
    const question = dashboard.getByRole('group', { name: 'تأیید حذف دیجی‌کالا' });
    expect(await text(question)).toBe('دیجی‌کالا حذف شود؟بله، حذف شودانصراف');
    // Focus is on «بله، حذف شود»; Escape takes the question back and focus to «حذف».
    await expect.poll(() => dashboard.evaluate(() => document.activeElement?.textContent), POLL).toBe('بله، حذف شود');
    await dashboard.keyboard.press('Escape');
    await expect.poll(() => dashboard.evaluate(() => document.activeElement?.textContent), POLL).toBe('حذف');
    expect(await question.count()).toBe(0);
  });
});

/**
 * jobname entries in the browser: real entries from ../shared/jobname (tests/corpus.ts) go through the dashboard's file input
 * into IndexedDB, the popup's switcher lists them with their status line and its Export tab shows each entry
 * as it was, and the entry downloaded back from the dashboard is byte for byte the file that went in.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusPresent, requireCorpus } from '../corpus';
import { freshExtension } from './fresh-extension';
import { focused, POLL, ready, text } from './popup-helpers';

const ENTRIES = resolve(CORPUS, 'entries');

requireCorpus('Browser tests of real jobname entries');

describe.runIf(corpusPresent)('jobname entries in the dashboard', () => {
  const ext = freshExtension();

  it('imports .md entries, lists them with their status, and downloads each entry back unchanged', async () => {
    const names = ['cpol.md', 'zibal__zibal.md', 'narvan.md'];
    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    await dashboard.getByTestId('import-file').setInputFiles(names.map((n) => resolve(ENTRIES, n)));
    await dashboard.getByTestId('message-ok').waitFor();
    expect((await dashboard.getByTestId('message-ok').textContent())?.trim()).toMatch(/^Imported 3 applications/);
    await expect.poll(() => dashboard.getByTestId('application').count()).toBe(3);

    const originals = new Map<string, string>();
    for (const name of names) {
      const original = await readFile(resolve(ENTRIES, name), 'utf8');
      originals.set(/^# \[([^\]]+)\]/.exec(original)![1]!, original);
    }

    // The popup opens one of them (the newest); its Export tab shows the entry exactly as it was imported.
    const popup = await ready(await ext().openExtensionPage('/popup.html'));
    const current = await text(popup.getByTestId('current-company'));
    expect([...originals.keys()]).toContain(current);
    await popup.getByTestId('tab-export').click();
    const exported = popup.getByTestId('export-markdown');
    await exported.waitFor();
    expect(await exported.inputValue()).toBe(originals.get(current));

    // The switcher lists the other two with their status lines.
    await popup.getByTestId('switcher').click();
    const options = popup.getByRole('listbox').getByRole('option');
    await expect.poll(() => options.count(), POLL).toBe(2);
    const statuses = new Map<string, string>();
    for (const option of await options.all())
      statuses.set(await text(option.locator('.app-company')), await text(option.locator('span[dir="ltr"]')));
    statuses.set(current, /^#### (.*)$/m.exec(originals.get(current)!)![1]!);
    expect(statuses.get('Zibal')).toBe('📜📞🔧📝❌');
    expect(statuses.get('narvan')).toContain('✅');
    expect(statuses.get('cpol')).toBe('📜📞👱🏻‍♀️🔧❎');

    // Opening each of the others from the switcher (a few letters, then its option) shows its entry unchanged too.
    for (const company of [...statuses.keys()].filter((c) => c !== current)) {
      await popup.getByTestId('switcher').click();
      await expect.poll(async () => (await focused(popup)).role, POLL).toBe('combobox');
      await popup.keyboard.type(company.slice(0, 3).toLowerCase());
      await popup.getByRole('listbox').getByRole('option').filter({ hasText: company }).click();
      await expect.poll(() => text(popup.getByTestId('current-company')), POLL).toBe(company);
      await expect.poll(() => exported.inputValue(), POLL).toBe(originals.get(company));
    }
    await popup.close();

    for (const name of names) {
      const original = await readFile(resolve(ENTRIES, name), 'utf8');
      const company = /^# \[([^\]]+)\]/.exec(original)![1];
      const row = dashboard.getByTestId('application').filter({ hasText: company });
      const [download] = await Promise.all([
        dashboard.waitForEvent('download'),
        row.getByTestId('download-entry').click(),
      ]);
      const path = await download.path();
      expect(await readFile(path, 'utf8'), name).toBe(original);
    }
  });

  it('the 15 entries imported twice: the second time is offered as an update of the 15, and the list keeps 15', async () => {
    const files = readdirSync(ENTRIES)
      .filter((n) => n.endsWith('.md'))
      .map((n) => resolve(ENTRIES, n));
    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    await dashboard.getByTestId('import-file').setInputFiles(files);
    await dashboard.getByTestId('message-ok').waitFor();
    expect((await dashboard.getByTestId('count').textContent())?.trim()).toBe(`${files.length} applications`);
    await dashboard.getByTestId('import-file').setInputFiles(files);
    await dashboard.getByTestId('import-duplicates').waitFor();
    expect(await dashboard.getByTestId('import-duplicates').textContent()).toContain(
      `${files.length} of these are already here`,
    );
    await dashboard.getByTestId('import-update').click();
    await dashboard.getByTestId('message-ok').waitFor();
    expect((await dashboard.getByTestId('count').textContent())?.trim()).toBe(`${files.length} applications`);
  });

  it('refuses a file that is not an entry and stores nothing', async () => {
    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    const junk = await ext().writeTempFile('notes.md', 'just some notes\nno heading here\n');
    const good = resolve(ENTRIES, 'cpol.md');
    await dashboard.getByTestId('import-file').setInputFiles([good, junk]);
    await dashboard.getByTestId('message-error').waitFor();
    expect(await dashboard.getByTestId('message-error').textContent()).toContain('notes.md: not a jobname entry');
    expect((await dashboard.getByTestId('count').textContent())?.trim()).toBe('0 applications');
  });
});

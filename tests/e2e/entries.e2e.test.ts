/**
 * jobname entries in the browser: real entries from ../shared/jobname go through the dashboard's file input
 * into IndexedDB, the popup shows them with their status line, and the entry downloaded back from the
 * dashboard is byte for byte the file that went in.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchExtension, ROOT } from './harness';
import type { ExtensionHarness } from './harness';

const ENTRIES = resolve(ROOT, '../shared/jobname/entries');

describe('jobname entries in the dashboard', () => {
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

  it('imports .md entries, lists them with their status, and downloads each entry back unchanged', async () => {
    const names = ['cpol.md', 'zibal__zibal.md', 'narvan.md'];
    const dashboard = await ext.openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    await dashboard.getByTestId('import-file').setInputFiles(names.map((n) => resolve(ENTRIES, n)));
    await dashboard.getByTestId('message-ok').waitFor();
    expect((await dashboard.getByTestId('message-ok').textContent())?.trim()).toMatch(/^Imported 3 applications/);
    await expect.poll(() => dashboard.getByTestId('application').count()).toBe(3);

    const popup = await ext.openExtensionPage('/popup.html');
    await popup.getByTestId('application').first().waitFor();
    const cards = await popup.getByTestId('application').allTextContents();
    expect(cards.find((c) => c.includes('Zibal'))).toContain('📜📞🔧📝❌');
    expect(cards.find((c) => c.includes('narvan'))).toContain('✅');

    for (const name of names) {
      const original = await readFile(resolve(ENTRIES, name), 'utf8');
      const company = /^# \[([^\]]+)\]/.exec(original)![1];
      const row = dashboard.getByTestId('application').filter({ hasText: company });
      const [download] = await Promise.all([dashboard.waitForEvent('download'), row.getByTestId('download-entry').click()]);
      const path = await download.path();
      expect(await readFile(path, 'utf8'), name).toBe(original);
    }
  });

  it('refuses a file that is not an entry and stores nothing', async () => {
    const dashboard = await ext.openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    const junk = await ext.writeTempFile('notes.md', 'just some notes\nno heading here\n');
    const good = resolve(ENTRIES, 'cpol.md');
    await dashboard.getByTestId('import-file').setInputFiles([good, junk]);
    await dashboard.getByTestId('message-error').waitFor();
    expect(await dashboard.getByTestId('message-error').textContent()).toContain('notes.md: not a jobname entry');
    expect((await dashboard.getByTestId('count').textContent())?.trim()).toBe('0 applications');
  });
});

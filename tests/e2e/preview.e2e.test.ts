/**
 * The application page's live preview: the text is `jobnote export` of the stored record byte for byte, the
 * rendered entry draws the process diagram as SVG with the real mermaid and keeps the `<details>` answers, and a
 * lint message focuses the field it names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appHash } from '../../utils/dashboard-route';
import { exportEntry } from '../../utils/jobname/export';
import { createRecord, newQuestion, newRound, newStage } from '../../utils/record';
import { launchExtension, type ExtensionHarness } from './harness';
import { importRecords, POLL, storedRows } from './popup-helpers';

describe("the application page's preview", () => {
  let ext: ExtensionHarness;
  const record = createRecord({ company: { name: 'Acme', website: '' }, role: 'Backend Developer' });
  record.stages.push(
    newStage('s1', 'resume', 'Sent Resume', { date: '2025-10-25', dateText: null }),
    newStage('s2', 'hr-call', 'HR Call', { date: '2025-10-29', dateText: null, duration: '30 minutes' }),
  );
  record.rounds.push(
    newRound('r1', 'HR Interview', {
      stageId: 's2',
      questions: [
        newQuestion('q1', 'چرا این شرکت؟', { answers: ['چون کارش را دوست دارم.'], answerLabels: ['Answer'] }),
      ],
    }),
  );
  const stored = async () => (await storedRows(ext, { quiet: true })).find((r) => r.id === record.id)!;

  beforeAll(async () => {
    ext = await launchExtension({ viewport: { width: 1400, height: 900 } });
    await importRecords(ext, [record]);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the export of the stored record, rendered with its diagram, and lint that focuses the field', async () => {
    const page = await ext.openExtensionPage(`/dashboard.html${appHash(record.id)}`);
    await page.getByTestId('preview').waitFor();
    await page.getByTestId('edit-role').fill('Golang Developer');
    await expect.poll(async () => (await stored()).role, POLL).toBe('Golang Developer');

    // The text is the stored record's export, byte for byte.
    const { postingKey: _, terms: _t, ...saved } = await stored();
    const want = exportEntry(saved);
    expect(want).toContain('## Golang Developer');
    await expect.poll(async () => await page.getByTestId('preview-markdown').textContent(), POLL).toBe(want);

    // Rendered: the diagram drawn by mermaid as SVG, the answer in <details>, the Persian question right to left.
    const rendered = page.getByTestId('preview-rendered');
    await rendered.locator('.preview-diagram svg').first().waitFor({ timeout: 15_000 });
    // Its labels drawn (as SVG text, which the sanitising keeps).
    expect(await rendered.locator('.preview-diagram svg').first().textContent()).toContain('HR Call');
    expect(await rendered.locator('details summary').first().textContent()).toBe('Answer');
    expect(await rendered.locator('h1').textContent()).toBe('Acme');
    expect(await rendered.locator('script').count()).toBe(0);
    const rtl = await rendered.getByText('چرا این شرکت؟').evaluate((el) => getComputedStyle(el).direction);
    expect(rtl).toBe('rtl');

    // The tabs: Markdown shows the text, by keyboard too.
    await page.getByTestId('preview-tab-rendered').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('preview-tab-markdown').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('preview-markdown').isVisible()).toBe(true);

    // Lint: no website, no Apply Way; a click focuses the field it names.
    const website = page
      .getByTestId('preview-lint')
      .locator('[data-testid="lint-message"][data-field="record-website"]');
    await website.first().waitFor();
    await website.first().getByRole('button').click();
    await expect.poll(async () => page.evaluate(() => document.activeElement?.id), POLL).toBe('record-website');
    const applyWay = page.locator('[data-testid="lint-message"][data-field="apply-way-text"]');
    await applyWay.getByRole('button').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('apply-way-text');

    // An edit the lint asked for takes its message away.
    await page.getByTestId('apply-way-quick').filter({ hasText: 'Jobinja' }).click();
    await expect.poll(async () => await applyWay.count(), POLL).toBe(0);
  });
});

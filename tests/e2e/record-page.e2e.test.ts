/**
 * The dashboard's application page, its details (issue 9): the company's heading name (the posting's English
 * name offered), the website (only an http(s) link stored; a `javascript:` one refused in words), and the apply
 * ways (quick choices, free text with Enter, removal), each stored as it is edited and exported as the
 * repository writes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appHash } from '../../utils/dashboard-route';
import { exportEntry } from '../../utils/jobname/export';
import { createRecord } from '../../utils/record';
import { posting } from '../unit/postings';
import { launchExtension, type ExtensionHarness } from './harness';
import { importRecords, POLL, storedRows } from './popup-helpers';

describe("the application page's details", () => {
  let ext: ExtensionHarness;
  const record = createRecord({
    company: { name: 'دیجی‌کالا', website: '' },
    role: 'Backend Developer',
    posting: posting({ company: { name: 'دیجی‌کالا', nameEn: 'Digikala', website: null } }),
  });
  const stored = async () => (await storedRows(ext, { quiet: true })).find((r) => r.id === record.id)!;

  beforeAll(async () => {
    ext = await launchExtension();
    await importRecords(ext, [record]);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('edits the heading name, the website and the apply ways, each stored as typed', async () => {
    const page = await ext.openExtensionPage(`/dashboard.html${appHash(record.id)}`);
    await page.getByTestId('edit-company').waitFor();

    // The posting's English name, offered for the heading as repository entries are written.
    await page.getByTestId('use-english-name').click();
    expect(await page.getByTestId('edit-company').inputValue()).toBe('Digikala');
    await expect.poll(async () => (await stored()).company.name, POLL).toBe('Digikala');
    expect(await page.getByTestId('use-english-name').count()).toBe(0);

    // A javascript: website is refused in words and never stored; an https one is.
    const website = page.getByTestId('edit-website');
    await website.fill('javascript:alert(1)');
    await page.getByRole('alert').filter({ hasText: 'http(s)' }).waitFor();
    expect(await website.getAttribute('aria-invalid')).toBe('true');
    await website.fill('https://www.digikala.com');
    expect(await website.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(async () => (await stored()).company.website, POLL).toBe('https://www.digikala.com');

    // Apply ways: a quick choice, free text with Enter, then the quick one removed.
    await page.getByTestId('apply-way-quick').filter({ hasText: 'Jobinja' }).click();
    await page.getByTestId('apply-way-text').fill('Referral from a friend');
    await page.getByTestId('apply-way-text').press('Enter');
    expect(await page.getByTestId('apply-way').allTextContents()).toEqual(['Jobinja', 'Referral from a friend']);
    await expect.poll(async () => (await stored()).applyWays, POLL).toEqual(['Jobinja', 'Referral from a friend']);
    await page.getByRole('button', { name: 'Remove Jobinja' }).click();
    await expect.poll(async () => (await stored()).applyWays, POLL).toEqual(['Referral from a friend']);

    // The entry exported from what is stored has the heading, link and Apply Way the page shows.
    const { postingKey: _, terms: _t, ...saved } = await stored();
    const entry = exportEntry(saved);
    expect(entry).toMatch(/^# \[Digikala\]\(https:\/\/www\.digikala\.com\)/);
    expect(entry).toContain('### Apply Way\nReferral from a friend\n');
  });

  it('adds the task: its text, the time given and a link, exported as the Task section and its deadline', async () => {
    const page = await ext.openExtensionPage(`/dashboard.html${appHash(record.id)}`);
    await page.getByTestId('task-add').click();
    await page.getByTestId('task-text').fill('یک سرویس کوتاه‌کنندهٔ لینک با Go.');
    await page.getByTestId('task-duration').fill('7 days');
    await page.getByTestId('task-link-add').click();
    await page.getByTestId('task-link').getByLabel('Link text').fill('Task statement');
    await page.getByTestId('task-link-url').fill('javascript:alert(1)');
    await page.getByRole('alert').filter({ hasText: 'http(s)' }).waitFor();
    await page.getByTestId('task-link-url').fill('https://example.com/task.pdf');
    await expect
      .poll(async () => (await stored()).task, POLL)
      .toEqual({
        text: 'یک سرویس کوتاه‌کنندهٔ لینک با Go.',
        duration: '7 days',
        links: [{ text: 'Task statement', url: 'https://example.com/task.pdf' }],
      });
    const { postingKey: _, terms: _t, ...saved } = await stored();
    const entry = exportEntry(saved);
    expect(entry).toContain(
      // A Persian paragraph right to left, as the repository writes them.
      '### Task\n<p dir="rtl">\nیک سرویس کوتاه‌کنندهٔ لینک با Go.\n</p>\n\n- [Task statement](https://example.com/task.pdf)\n',
    );
    expect(entry).toContain('- **Task Deadline**<br />7 days\n');
  });
});

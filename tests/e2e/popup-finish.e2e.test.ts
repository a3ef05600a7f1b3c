/**
 * Finishing an entry from the toolbar popup, in Chromium: the Details tab (company, English name, website,
 * role, platform, apply ways, and the link to this application in the dashboard), a logged step edited in
 * place (date, duration, platform), and what is half-typed there surviving the popup's close.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, newStage } from '../../utils/record';
import type { ExtensionHarness } from './harness';
import {
  closeByBlur,
  focusIs,
  importRecords,
  POLL,
  type PopupSuite,
  ready,
  stageTexts,
  startPopupSuite,
  storedRows,
  text,
} from './popup-helpers';

describe('finishing an entry in the popup', () => {
  let suite: PopupSuite | undefined;
  let ext: ExtensionHarness;
  let blogUrl: string;

  beforeAll(async () => {
    suite = await startPopupSuite();
    ({ ext, blogUrl } = suite);
  });
  afterAll(async () => {
    await suite?.close();
  });
  beforeEach(async () => {
    await ext.clearData();
  });

  async function popupOnTab(): Promise<{ tab: Page; popup: Page }> {
    const tab = await ext.context.newPage();
    await tab.goto(blogUrl, { waitUntil: 'load' });
    return { tab, popup: await ready(await ext.triggerAction(tab)) };
  }

  it('edits the details in the Details tab, each saved as typed, and opens this application in the dashboard', async () => {
    // Clipped from a board that gives the company's Persian and English names.
    const record = createRecord({
      company: { name: 'دیجی‌کالا', website: '' },
      role: 'Backend Developer',
      posting: {
        board: 'jobinja',
        url: 'https://jobinja.ir/companies/digikala/jobs/AbCd/backend',
        jobId: 'AbCd',
        title: 'Backend Developer',
        company: { name: 'دیجی‌کالا', nameEn: 'Digikala', website: null },
        location: 'Tehran',
        employmentType: null,
        seniority: null,
        salary: null,
        skills: [],
        description: null,
        postedAt: null,
        clippedAt: '2025-10-20T08:00:00.000Z',
        sources: {},
        notes: [],
      },
    });
    await importRecords(ext, [record]);
    const { popup } = await popupOnTab();
    await popup.getByTestId('tab-details').click();
    await popup.getByTestId('details').waitFor();
    expect(await popup.getByTestId('edit-company').inputValue()).toBe('دیجی‌کالا');
    expect(await popup.getByTestId('edit-role').inputValue()).toBe('Backend Developer');

    // The repository heads entries with the English name: one click takes it.
    await popup.getByTestId('use-english-name').click();
    await expect.poll(() => popup.getByTestId('edit-company').inputValue(), POLL).toBe('Digikala');

    // A website that is not a link is refused, with a message tied to the field; a link is kept.
    const website = popup.getByTestId('edit-website');
    await website.fill('javascript:alert(1)');
    await expect.poll(() => website.getAttribute('aria-invalid'), POLL).toBe('true');
    await website.fill('https://www.digikala.com');
    await expect.poll(() => website.getAttribute('aria-invalid'), POLL).toBe(null);

    await popup.getByTestId('edit-role').fill('Senior Backend Developer');
    await popup.getByTestId('edit-platform').fill('Google Meet');
    // Apply ways: a quick choice and a typed one.
    await popup.getByTestId('apply-way-quick').filter({ hasText: 'Referral' }).click();
    await popup.getByTestId('apply-way-text').fill('Telegram channel');
    await popup.getByTestId('apply-way-text').press('Enter');
    await expect
      .poll(() => popup.getByTestId('apply-way').allTextContents(), POLL)
      .toEqual(['Referral', 'Telegram channel']);

    await expect
      .poll(async () => {
        const [row] = await storedRows(ext, { quiet: true });
        return row && [row.company.name, row.company.website, row.role, row.platform, row.applyWays];
      }, POLL)
      .toEqual([
        'Digikala',
        'https://www.digikala.com',
        'Senior Backend Developer',
        'Google Meet',
        ['Referral', 'Telegram channel'],
      ]);

    // "Edit in the dashboard" opens this application's page there, and the popup closes.
    const opened = ext.context.waitForEvent('page');
    await popup.getByTestId('details-dashboard').click();
    const dashboard = await opened;
    await dashboard.waitForLoadState('domcontentloaded');
    expect(new URL(dashboard.url()).pathname).toBe('/dashboard.html');
    expect(decodeURIComponent(new URL(dashboard.url()).hash)).toBe(`#/app/${record.id}`);
    await expect.poll(() => popup.isClosed(), POLL).toBe(true);
  });

  it('edits a logged step in place, and keeps a half-typed date and the open editor through a close', async () => {
    await importRecords(ext, [
      createRecord({
        company: { name: 'Cafe Bazaar', website: 'https://cafebazaar.ir' },
        stages: [
          newStage('s1', 'resume', 'Sent Resume', { date: '2025-10-20' }),
          newStage('s2', 'technical', 'Technical Interview', { date: '2025-10-25' }),
        ],
      }),
    ]);
    const { tab, popup } = await popupOnTab();
    expect(await stageTexts(popup)).toEqual(['Sent Resume 1404.07.28', 'Technical Interview 1404.08.03']);

    await popup.locator('#stage-s2-edit').click();
    await focusIs(popup, 'stage-s2-date');
    await popup.keyboard.press('ControlOrMeta+A');
    // Half of «1404/08/25»: closed here, it must come back as typed, not as the complete 1404/08/02.
    await popup.keyboard.type('1404/08/2');
    await closeByBlur(popup, tab);

    let again = await ready(await ext.triggerAction(tab));
    const date = again.locator('#stage-s2-date');
    await date.waitFor();
    expect(await date.inputValue()).toBe('1404/08/2');
    await date.press('End');
    await again.keyboard.type('5');
    await expect.poll(() => text(again.locator('#stage-s2-date-msg')), POLL).toMatch(/25 Aban 1404/);

    // Duration from a quick choice, platform typed.
    await again.getByTestId('step-edit').getByRole('button', { name: '1 hour' }).click();
    await expect.poll(() => again.getByTestId('stage-duration').inputValue(), POLL).toBe('1 hour');
    await again.getByTestId('stage-platform').fill('Skype');

    // Escape closes the editor and gives the focus back to the step's ✎.
    await again.getByTestId('stage-platform').press('Escape');
    await expect.poll(() => again.getByTestId('step-edit').count(), POLL).toBe(0);
    await focusIs(again, 'stage-s2-edit');
    expect(await stageTexts(again)).toEqual([
      'Sent Resume 1404.07.28',
      'Technical Interview 1404.08.25 · 1 hour · Skype',
    ]);

    await expect
      .poll(async () => {
        const s = (await storedRows(ext, { quiet: true }))[0]?.stages[1];
        return s && [s.date, s.duration, s.platform];
      }, POLL)
      .toEqual(['2025-11-16', '1 hour', 'Skype']);

    // Closed and reopened, the editor stays shut.
    await closeByBlur(again, tab);
    again = await ready(await ext.triggerAction(tab));
    expect(await again.getByTestId('step-edit').count()).toBe(0);
    expect(await stageTexts(again)).toEqual([
      'Sent Resume 1404.07.28',
      'Technical Interview 1404.08.25 · 1 hour · Skype',
    ]);
  });

  it('puts the dash between a Persian company and a Persian role in the English UI', async () => {
    await importRecords(ext, [
      createRecord({ company: { name: 'دیجی‌کالا', website: '' }, role: 'برنامه‌نویس ارشد بک‌اند' }),
    ]);
    const { popup } = await popupOnTab();
    const boxes = await popup.locator('.app-title').evaluate((title) => {
      const company = title.querySelector('.app-company')!.getBoundingClientRect();
      const span = title.querySelector('.muted')!;
      const dashNode = [...span.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('—'))!;
      const range = document.createRange();
      const at = dashNode.textContent!.indexOf('—');
      range.setStart(dashNode, at);
      range.setEnd(dashNode, at + 1);
      const dash = range.getBoundingClientRect();
      const role = span.querySelector('bdi')!.getBoundingClientRect();
      return { company: [company.left, company.right], dash: [dash.left, dash.right], role: [role.left, role.right] };
    });
    // Left to right, as the English page runs: the company, the dash, the role (each Persian inside its own box).
    expect(boxes.company[1]).toBeLessThanOrEqual(boxes.dash[0] + 0.5);
    expect(boxes.dash[1]).toBeLessThanOrEqual(boxes.role[0] + 0.5);
  });

  // Tried as a new user would: a half-typed new-section title was lost when the popup closed.
  it('keeps a half-typed new-section title through a close', async () => {
    await importRecords(ext, [createRecord({ company: { name: 'Snapp', website: 'https://snapp.ir' } })]);
    const { tab, popup } = await popupOnTab();
    await popup.getByTestId('tab-questions').click();
    await popup.getByTestId('new-round').click();
    await focusIs(popup, 'round-title');
    await popup.keyboard.type('HR Inter');
    await closeByBlur(popup, tab);

    const again = await ready(await ext.triggerAction(tab));
    const title = again.getByTestId('round-title');
    await title.waitFor();
    expect(await title.inputValue()).toBe('HR Inter');
    await title.press('End');
    await again.keyboard.type('view');
    await again.keyboard.press('Enter');
    await expect
      .poll(async () => (await storedRows(ext, { quiet: true }))[0]?.rounds.map((r) => r.title), POLL)
      .toContain('HR Interview');
  });
});

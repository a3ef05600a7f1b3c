/**
 * The dashboard's list with a few hundred applications: only the rows in view are rendered; search as you type
 * finds a Persian question word typed on an Arabic keyboard (ي, ك); a filter and an order; two rows selected
 * (a click and a shift-click) and deleted, then put back by Undo; the Persian dashboard right to left.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord, newQuestion, newRound, newStage } from '../../utils/record';
import type { ApplicationRecord, OutcomeKind } from '../../utils/record';
import { freshExtension } from './fresh-extension';
import { importRecords, POLL, ready } from './popup-helpers';

const TOTAL = 300;
/** Records 0, 50, 100, … hold the Persian question; of them, the odd multiples of 50 are rejected. */
const PERSIAN_Q = 'چرا می‌خواهید از شرکت فعلی بروید؟';

function records(): ApplicationRecord[] {
  const outcomes: OutcomeKind[] = ['pending', 'rejected', 'offer', 'ghosted'];
  return Array.from({ length: TOTAL }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    const r = createRecord({
      id: `list-${i}`,
      company: { name: `Company ${i}` },
      role: i % 2 ? 'Backend Developer' : 'Frontend Developer',
      stages: [
        newStage('s1', 'resume', 'Sent Resume', { date: day }),
        ...(i % 3 ? [newStage('s2', 'technical', 'Technical Interview', { date: day })] : []),
      ],
      score: i % 7 === 0 ? null : (i % 21) / 2,
      updatedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
    });
    r.outcome = {
      kind: i % 50 === 0 ? (i % 100 ? 'rejected' : 'pending') : outcomes[i % 4]!,
      afterStageId: null,
      remaining: null,
    };
    r.rounds = [
      newRound('r1', 'Technical Interview I', {
        questions: [
          newQuestion('q1', 'How does a B-tree index speed up a query?'),
          newQuestion('q2', i % 50 === 0 ? PERSIAN_Q : 'Design a URL shortener.'),
        ],
      }),
    ];
    r.revision = 1;
    return r;
  });
}

const ext = freshExtension();

const companies = async (page: Page) =>
  (await page.getByTestId('application').getByTestId('company').allTextContents()).map((t) => t.trim());
const shown = (page: Page) => page.getByTestId('applications').getAttribute('data-count').then(Number);

describe('the dashboard list with hundreds of applications', () => {
  it('searches, filters, sorts, deletes two with undo, and is right to left in Persian', async () => {
    await importRecords(ext(), records(), 'list.json');
    const page = await ext().openExtensionPage('/dashboard.html');
    await page.getByTestId('applications').waitFor();
    expect((await page.getByTestId('count').textContent())?.trim()).toBe(`${TOTAL} applications`);
    await expect.poll(() => shown(page), POLL).toBe(TOTAL);
    // Virtualised: far fewer rows in the DOM than applications.
    const rendered = await page.getByTestId('application').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);
    // Last activity first.
    expect((await companies(page))[0]).toBe(`Company ${TOTAL - 1}`);

    // A Persian question word typed with Arabic yeh and kaf, no ZWNJ: «شركت فعلي», «ميخواهيد».
    const search = page.getByLabel('Search');
    await search.pressSequentially('ميخواهيد شركت فعلي', { delay: 20 });
    await expect.poll(() => shown(page), POLL).toBe(TOTAL / 50);
    expect((await companies(page)).sort()).toEqual(
      Array.from({ length: TOTAL / 50 }, (_, k) => `Company ${k * 50}`).sort(),
    );

    // Filter by outcome: the rejected ones among them.
    await page.getByLabel('Outcome', { exact: true }).selectOption('rejected');
    await expect.poll(() => shown(page), POLL).toBe(3);
    expect(await companies(page)).toEqual(['Company 250', 'Company 150', 'Company 50']);
    await page.getByLabel('Outcome', { exact: true }).selectOption('');
    await search.fill('');
    await expect.poll(() => shown(page), POLL).toBe(TOTAL);

    // Stage reached, and order by score (highest first, none last).
    await page.getByLabel('Stage reached').selectOption('technical');
    await expect.poll(() => shown(page), POLL).toBe(TOTAL - Math.ceil(TOTAL / 3));
    await page.getByLabel('Order by').selectOption('score');
    await expect
      .poll(
        async () => (await page.getByTestId('application').first().getByTestId('score').textContent())?.trim(),
        POLL,
      )
      .toBe('10/10');
    await page.getByLabel('Stage reached').selectOption('');
    await page.getByLabel('Order by').selectOption('activity');

    // Select two (a click, then a shift-click on the next row) and delete them.
    await search.fill('Company 12');
    // Company 12 and Company 120-129: newest first.
    await expect.poll(() => shown(page), POLL).toBe(11);
    await page.getByLabel('Select Company 129').check();
    await page.getByLabel('Select Company 128').click({ modifiers: ['Shift'] });
    await expect
      .poll(async () => (await page.getByTestId('shown').textContent())?.trim(), POLL)
      .toBe('11 shown · 2 selected');
    await page.getByTestId('delete-selected').click();
    await page.getByTestId('confirm-delete-selected').click();
    await page.getByText('Deleted 2 applications').waitFor();
    await expect.poll(() => shown(page), POLL).toBe(9);
    expect((await page.getByTestId('count').textContent())?.trim()).toBe(`${TOTAL - 2} applications`);
    expect(await companies(page)).not.toContain('Company 129');

    // Undo: they are back, stored again (a new revision).
    await page.getByTestId('undo').click();
    await page.getByText('Put back 2 applications').waitFor();
    await expect.poll(() => shown(page), POLL).toBe(11);
    expect((await companies(page)).slice(0, 2)).toEqual(['Company 129', 'Company 128']);
    expect((await page.getByTestId('count').textContent())?.trim()).toBe(`${TOTAL} applications`);
    const fresh = await ext().openExtensionPage('/dashboard.html');
    await fresh.getByTestId('applications').waitFor();
    expect((await fresh.getByTestId('count').textContent())?.trim()).toBe(`${TOTAL} applications`);
    await fresh.close();

    // Persian: the page right to left, the list's words in Persian.
    const popup = await ready(await ext().openExtensionPage('/popup.html'));
    await popup.getByTestId('settings').click();
    await popup.getByTestId('set-lang').selectOption('fa');
    await popup.locator('html[lang="fa"]').waitFor();
    await popup.close();
    const fa = await ext().openExtensionPage('/dashboard.html');
    await fa.getByTestId('applications').waitFor();
    expect(await fa.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await fa.getByTestId('applications').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await fa.getByLabel('جست‌وجو').waitFor();
    // The select box (first cell) is on the right of the company in a right-to-left row.
    const row = fa.getByTestId('application').first();
    const box = await row.getByTestId('select').boundingBox();
    const name = await row.getByTestId('company').boundingBox();
    expect(box!.x).toBeGreaterThan(name!.x);
    await fa.getByLabel('جست‌وجو').pressSequentially('شركت', { delay: 20 });
    await expect.poll(() => shown(fa), POLL).toBe(TOTAL / 50);
    await fa.close();
    await page.close();
  });
});

/**
 * The note-taking popup driven as a user drives it, in headless Chromium with the built extension:
 *
 * (a) clip a Jobinja posting from the toolbar popup, log three steps by keyboard with Jalali dates, paste a
 *     Google-Docs-like rich-text block of questions with answers, mark rejected after the technical interview
 *     with a score and a Persian review, copy the markdown and paste it elsewhere: byte for byte
 *     tests/e2e/expected/popup-flow.md (written by hand from docs/format.md §2), which `jobnote lint` accepts;
 *     the downloaded .md and the SUMMARY line too;
 * (b) type into the popup and close it mid-word (as Chrome does when focus leaves it, and by closing the
 *     page), reopen: every character is there;
 * (c) keyboard only: a new application with just a company, a step with `T` + Enter, the switcher;
 * (d) Persian UI (right to left, Persian words, dates still typed and parsed) and dark mode.
 *
 * (e) races a fast typist meets: the last characters of a field typed just before the popup closes, letters
 *     typed into the switcher right after tabbing to it, a date typed right after the step key, step keys
 *     on a Persian keyboard layout.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as jobnote } from '../../cli/jobnote';
import { formatDate, todayIso } from '../../utils/dates';
import { createRecord, newStage } from '../../utils/record';
import type { ApplicationRecord } from '../../utils/record';
import type { BoardsServer } from './boards-server';
import type { ExtensionHarness } from './harness';
import {
  closeByBlur,
  closeNow,
  focused,
  focusIs,
  importRecords,
  luminance,
  POLL,
  ready,
  shownRole,
  stageTexts,
  startPopupSuite,
  storedRows,
  tabTo,
  type PopupSuite,
  text,
} from './popup-helpers';

const EXPECTED = resolve(import.meta.dirname, 'expected/popup-flow.md');

const COMPANY = 'ایده‌پردازان نوین';
const ROLE = 'برنامه‌نویس ارشد PHP (Laravel)';
const REVIEW =
  'مصاحبهٔ فنی یک ساعت و نیم طول کشید و بیشتر دربارهٔ PostgreSQL و هم‌روندی پرسیدند. یک هفته بعد ایمیل رد آمد.';

// What Google Docs puts on the clipboard for a numbered list whose answers are indented paragraphs (one
// with bold and code): everything in a `docs-internal-guid` <b>, styles on spans, one <ol> per item.
const TEXT_STYLE = [
  'font-size:11pt',
  'font-family:Arial,sans-serif',
  'color:#000000',
  'background-color:transparent',
  'font-weight:400',
  'font-style:normal',
  'font-variant:normal',
  'text-decoration:none',
  'vertical-align:baseline',
  'white-space:pre',
  '',
].join(';');
const span = (t: string, style = '') => `<span style="${TEXT_STYLE}white-space:pre-wrap;${style}">${t}</span>`;
const item = (n: number, inner: string) =>
  `<ol style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"${n > 1 ? ` start="${n}"` : ''}>` +
  `<li dir="ltr" style="list-style-type:decimal;${TEXT_STYLE}" aria-level="1">` +
  `<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation">${inner}</p></li></ol>`;
const indented = (inner: string) =>
  `<p dir="ltr" style="line-height:1.38;margin-left:36pt;margin-top:0pt;margin-bottom:0pt;">${inner}</p>`;
const DOCS_HTML =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-7f3c2a1e-7fff-1a2b-3c4d-5e6f7a8b9c0d">' +
  item(1, span('What is the difference between a process and a thread?')) +
  indented(span('Threads share the address space of their process; processes do not.')) +
  item(
    2,
    span('How does ') +
      span('SELECT … FOR UPDATE', "font-family:'Courier New',monospace;") +
      span(' behave in PostgreSQL?'),
  ) +
  indented(
    span('It locks the selected rows', 'font-weight:700;') + span(' until the transaction ends; other writers wait.'),
  ) +
  item(3, span('چرا می‌خواهید از شرکت فعلی بروید؟')) +
  '</b><br class="Apple-interchange-newline">';
const DOCS_TEXT = [
  'What is the difference between a process and a thread?',
  'Threads share the address space of their process; processes do not.',
  'How does SELECT … FOR UPDATE behave in PostgreSQL?',
  'It locks the selected rows until the transaction ends; other writers wait.',
  'چرا می‌خواهید از شرکت فعلی بروید؟',
].join('\n');

/** A page of a secure origin (the boards server on 127.0.0.1) where the copied markdown is pasted. */
const EDITOR_HTML =
  '<!doctype html><meta charset="utf-8"><title>New file · jobname</title>' +
  '<textarea id="editor" rows="20" cols="80"></textarea>';

describe('the note-taking popup', () => {
  let suite: PopupSuite | undefined;
  let ext: ExtensionHarness;
  let server: BoardsServer;
  /** A page that is not a job posting (the popup offers "Clip this page" there, and no application is tied to it). */
  let blogUrl: string;

  beforeAll(async () => {
    suite = await startPopupSuite();
    ({ ext, server, blogUrl } = suite);
  });
  afterAll(async () => {
    await suite?.close();
  });
  beforeEach(async () => {
    await ext.clearData();
  });

  async function open(url: string): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /** Picks a step by its key, types its date over the proposed one, runs `more`, and logs it with Enter. */
  async function logStep(popup: Page, key: string, date: string | null, more?: () => Promise<void>) {
    const before = await popup.getByTestId('stage').count();
    await popup.keyboard.press(key);
    await focusIs(popup, 'step-date');
    if (date !== null) {
      await popup.keyboard.press('ControlOrMeta+A');
      await popup.keyboard.type(date);
    }
    await more?.();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByTestId('stage').count(), POLL).toBe(before + 1);
  }

  it('clips a posting, logs three steps, pastes questions, records the outcome, and exports the entry byte for byte', async () => {
    const expected = await readFile(EXPECTED, 'utf8');
    const fx = server.fixture('jobinja', 'full');
    expect(fx.expected.company?.name).toBe(COMPANY);
    const tab = await open(fx.pageUrl);

    // Clip from the toolbar popup: the popup then shows the new application.
    const popup = await ready(await ext.triggerAction(tab));
    await popup.getByTestId('clip').click();
    await expect.poll(() => text(popup.getByTestId('current-company')), POLL).toBe(COMPANY);
    expect(await shownRole(popup)).toBe(ROLE);
    expect(await popup.getByTestId('tab-steps').getAttribute('aria-selected')).toBe('true');

    // Three steps by keyboard: focus the steps, R + date + Enter, H + date + Enter,
    // T + date + duration + platform + Enter.
    await popup.getByTestId('kind-resume').focus();
    await logStep(popup, 'r', '1404.07.15');
    await logStep(popup, 'h', '1404.07.22');
    await logStep(popup, 't', '1404.08.03', async () => {
      await tabTo(popup, (f) => f.tag === 'button' && f.text === '1.5 hours');
      await popup.keyboard.press('Space');
      await expect.poll(() => popup.getByTestId('step-duration').inputValue(), POLL).toBe('1 hour & 30 minutes');
      await tabTo(popup, (f) => f.id === 'step-platform');
      await popup.keyboard.type('Google Meet');
    });
    expect(await stageTexts(popup)).toEqual([
      'Sent Resume 1404.07.15',
      'HR Call 1404.07.22',
      'Technical Interview 1404.08.03 · 1 hour & 30 minutes',
    ]);

    // Questions: a rich-text paste (a real paste event carrying text/html and text/plain), checked, added.
    await popup.getByTestId('tab-questions').click();
    const paste = popup.getByTestId('paste');
    await paste.waitFor();
    expect(await popup.getByTestId('round').locator('option:checked').textContent()).toBe('Technical Interview (0)');
    await paste.focus();
    await paste.evaluate(
      (el, data) => {
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/html', data.html);
        clipboardData.setData('text/plain', data.text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      },
      { html: DOCS_HTML, text: DOCS_TEXT },
    );
    const preview = popup.getByTestId('split-preview');
    await preview.waitFor();
    expect(await text(preview.getByRole('status'))).toBe('3 questions, 2 with answers');
    expect(await popup.getByTestId('split-item').locator('.split-question').allTextContents()).toEqual([
      'What is the difference between a process and a thread?',
      'How does `SELECT … FOR UPDATE` behave in PostgreSQL?',
      'چرا می‌خواهید از شرکت فعلی بروید؟',
    ]);
    expect(await paste.inputValue()).toBe(
      [
        '1. What is the difference between a process and a thread?',
        'Threads share the address space of their process; processes do not.',
        '2. How does `SELECT … FOR UPDATE` behave in PostgreSQL?',
        '**It locks the selected rows** until the transaction ends; other writers wait.',
        '3. چرا می‌خواهید از شرکت فعلی بروید؟',
      ].join('\n\n'),
    );
    await popup.getByTestId('add-questions').click();
    await expect.poll(() => popup.getByTestId('question').count(), POLL).toBe(3);
    expect(await paste.inputValue()).toBe('');

    // Outcome: rejected after the technical interview, 6.5 with the arrow keys, a review in Persian.
    await popup.getByTestId('tab-outcome').click();
    await popup.getByTestId('outcome-rejected').check();
    const after = popup.getByTestId('outcome-after');
    await after.selectOption({ label: 'Technical Interview' });
    expect(await after.locator('option:checked').textContent()).toBe('Technical Interview');
    await popup.getByTestId('score').focus();
    for (let i = 0; i < 3; i++) await popup.keyboard.press('ArrowRight');
    await expect.poll(() => text(popup.getByTestId('score-value')), POLL).toBe('6.5/10');
    await popup.getByTestId('review').click();
    await popup.keyboard.type(REVIEW);
    expect(await popup.getByTestId('review').inputValue()).toBe(REVIEW);

    // Export: the entry, the SUMMARY.md line, Download .md, Copy markdown.
    await popup.getByTestId('tab-export').click();
    const exported = popup.getByTestId('export-markdown');
    await exported.waitFor();
    expect(await exported.inputValue()).toBe(expected);
    expect(await text(popup.getByTestId('summary-line'))).toBe(`- [${COMPANY}](./idea-pardazan/idea-pardazan.md)`);
    expect(await popup.getByText('src/idea-pardazan/idea-pardazan.md').count()).toBe(1);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('download-md').click()]);
    expect(download.suggestedFilename()).toBe('idea-pardazan.md');
    expect(await readFile(await download.path(), 'utf8')).toBe(expected);
    await popup.getByTestId('copy-markdown').click();
    await expect.poll(() => text(popup.getByTestId('copy-markdown')), POLL).toBe('Copied');
    await expect.poll(async () => (await popup.getByTestId('save-status').textContent())?.trim(), POLL).toBe('Saved');
    // Everything is stored before the popup goes away.
    await expect.poll(async () => (await storedRows(ext, { quiet: true }))[0]?.review, POLL).toBe(REVIEW);

    // Paste it where the entry goes (the popup closes as focus leaves it, as in Chrome).
    const origin = `http://127.0.0.1:${server.port}`;
    server.route(`${origin}/new-file`, EDITOR_HTML);
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const editor = await open(`${origin}/new-file`);
    await editor.bringToFront();
    if (!popup.isClosed()) await popup.waitForEvent('close');
    await editor.locator('#editor').focus();
    await editor.keyboard.press('ControlOrMeta+V');
    const pasted = await editor.locator('#editor').inputValue();
    expect(pasted).toBe(expected);
    expect(await editor.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    // `jobnote lint` accepts the copied entry.
    const file = await ext.writeTempFile('idea-pardazan.md', pasted);
    const lint: string[] = [];
    const lintCode = await jobnote(['lint', file], { out: (s) => lint.push(s), err: (s) => lint.push(s) });
    expect(lint.join('')).not.toMatch(/: (error|warning):/);
    expect(lint.join('')).toMatch(/\b0 errors\b/);
    expect(lintCode).toBe(0);

    // What was stored: the record the popup wrote, and `jobnote export` of it writes the same entry.
    const [row] = await storedRows(ext);
    const { postingKey: _, ...record } = row!;
    expect(record.stages.map((s) => [s.kind, s.label, s.date])).toEqual([
      ['resume', 'Sent Resume', '2025-10-07'],
      ['hr-call', 'HR Call', '2025-10-14'],
      ['technical', 'Technical Interview', '2025-10-25'],
    ]);
    expect(record.outcome).toMatchObject({ kind: 'rejected', afterStageId: record.stages[2]!.id });
    expect(record.score).toBe(6.5);
    expect(record.review).toBe(REVIEW);
    expect(record.posting?.jobId).toBe('AInJ');
    const out: string[] = [];
    const exportCode = await jobnote(['export', await ext.writeTempFile('record.json', record)], {
      out: (s) => out.push(s),
      err: (s) => out.push(s),
    });
    expect(exportCode).toBe(0);
    expect(out.join('')).toBe(expected);

    // Reopened, the popup shows the same application on the tab it was left on, with the same entry.
    const again = await ready(await ext.openExtensionPage('/popup.html'));
    expect(await text(again.getByTestId('current-company'))).toBe(COMPANY);
    expect(await again.getByTestId('tab-export').getAttribute('aria-selected')).toBe('true');
    await again.getByTestId('export-markdown').waitFor();
    expect(await again.getByTestId('export-markdown').inputValue()).toBe(expected);
  });

  describe('closing the popup mid-word', () => {
    // Mixed Persian and English over several lines, as notes are written right after an interview.
    const NOTES = [
      '۱. تفاوت process و thread چیست؟',
      '   Threads share one address space; processes don’t, so a crash stays inside its process.',
      '۲. چرا Go برای هم‌روندی مناسب است؟',
      '   goroutine‌ها ارزان‌اند و channel ها hand-off را صریح می‌کنند.',
      'Q3: How would you shard a 2 TB PostgreSQL table? — با hash روی user_id شروع کردم.',
    ].join('\n');
    /** Cut points inside words (the character before and after are both letters), spread over the text. */
    const CUTS = (() => {
      const inWord = (i: number) => /\p{L}/u.test(NOTES[i - 1]!) && /\p{L}/u.test(NOTES[i]!);
      const cuts: number[] = [];
      for (const f of [0.04, 0.17, 0.31, 0.46, 0.6, 0.74, 0.88]) {
        let i = Math.floor(NOTES.length * f);
        while (!inWord(i)) i++;
        cuts.push(i);
      }
      return [...cuts, NOTES.length];
    })();
    /** How each cut closes the popup: Chrome on blur, then the page closed with and without its beforeunload. */
    const CLOSES = ['blur', 'page', 'blur', 'page-unload', 'blur', 'page', 'blur', 'page-unload'] as const;

    /**
     * Opens the one application's popup on `tab`, on the field's tab, and types NOTES into the field cut by
     * cut, closing the popup right after the last keystroke of each cut; after each reopening the field
     * must hold everything typed so far.
     */
    async function typeAndClose(field: 'paste' | 'review') {
      await importRecords(ext, [
        createRecord({ company: { name: 'Cafe Bazaar', website: 'https://cafebazaar.ir' }, role: 'Backend Developer' }),
      ]);
      const tab = await open(blogUrl);
      let popup = await ready(await ext.triggerAction(tab));
      await popup.getByTestId(field === 'paste' ? 'tab-questions' : 'tab-outcome').click();
      let typed = '';
      for (const [i, cut] of CUTS.entries()) {
        const input = popup.getByTestId(field);
        await input.waitFor();
        expect(await input.inputValue(), `after cut ${i - 1} (${CLOSES[i - 1]})`).toBe(typed);
        await input.focus();
        await popup.keyboard.press('ControlOrMeta+End');
        await popup.keyboard.type(NOTES.slice(typed.length, cut));
        typed = NOTES.slice(0, cut);
        const how = CLOSES[i % CLOSES.length]!;
        if (how === 'blur') await closeByBlur(popup, tab);
        else if (how === 'page-unload') await closeNow(popup);
        else await popup.close();
        popup = await ready(await ext.triggerAction(tab));
      }
      const input = popup.getByTestId(field);
      await input.waitFor();
      expect(await input.inputValue(), `after the last cut (${CLOSES[(CUTS.length - 1) % CLOSES.length]})`).toBe(NOTES);
      return popup;
    }

    // Tried as a new user would: a half-typed company in New application was lost when the popup closed.
    it('keeps a half-typed New application, open, with its company and role', async () => {
      await importRecords(ext, [createRecord({ company: { name: 'Cafe Bazaar', website: '' } })]);
      const tab = await open(blogUrl);
      let popup = await ready(await ext.triggerAction(tab));
      await popup.getByTestId('new-application').click();
      await focusIs(popup, 'new-company');
      await popup.keyboard.type('دیجی‌کا');
      await closeByBlur(popup, tab);
      popup = await ready(await ext.triggerAction(tab));
      await popup.getByTestId('new-company').waitFor();
      expect(await popup.getByTestId('new-company').inputValue()).toBe('دیجی‌کا');
      await popup.getByTestId('new-company').press('End');
      await popup.keyboard.type('لا');
      await popup.getByTestId('new-role').fill('Backend Developer');
      await popup.close();
      popup = await ready(await ext.triggerAction(tab));
      expect(await popup.getByTestId('new-company').inputValue()).toBe('دیجی‌کالا');
      expect(await popup.getByTestId('new-role').inputValue()).toBe('Backend Developer');
      // Created: the form is gone, and does not come back on the next opening.
      await popup.getByTestId('create').click();
      await expect.poll(() => text(popup.getByTestId('current-company')), POLL).toBe('دیجی‌کالا');
      await popup.close();
      popup = await ready(await ext.triggerAction(tab));
      expect(await popup.getByTestId('new-company').count()).toBe(0);
    });

    it('keeps every character typed in the paste area', async () => {
      const popup = await typeAndClose('paste');
      // The text is whole, and so is what it splits into.
      await popup.getByTestId('split-preview').waitFor();
      expect(await popup.getByTestId('split-item').count()).toBe(3);
    });

    // The review is a record field, saved through the EditSession: the last characters typed before the
    // popup closes live in its synchronous journal (localStorage) until IndexedDB has them.
    it('keeps every character typed in the review', async () => {
      await typeAndClose('review');
      expect((await storedRows(ext))[0]!.review).toBe(NOTES);
    });
  });

  // Tried as a new user would: on a posting page's first run, New application appeared over Clip and took the focus.
  it('on a posting page with nothing stored yet, Clip comes first and keeps the focus', async () => {
    const fx = server.fixture('jobinja', 'full');
    const tab = await open(fx.pageUrl);
    const popup = await ready(await ext.triggerAction(tab));
    await popup.getByTestId('clip').waitFor();
    await popup.getByTestId('new-company').waitFor();
    // Past the moment the lazy form used to arrive and take the focus.
    await popup.waitForTimeout(400);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('clip');
    const order = await popup.evaluate(() => {
      const clip = document.querySelector('[data-testid="clip"]')!;
      const form = document.querySelector('[data-testid="new-company"]')!;
      return clip.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING ? 'clip first' : 'form first';
    });
    expect(order).toBe('clip first');
  });

  describe('keyboard only', () => {
    async function seedTwo() {
      // Two applications to switch to, the newer first in the switcher.
      await importRecords(ext, [
        createRecord({
          company: { name: 'CafePay', website: '' },
          updatedAt: '2026-09-01T08:00:00.000Z',
          createdAt: '2026-09-01T08:00:00.000Z',
        }),
        createRecord({
          company: { name: 'Cafe Bazaar', website: '' },
          role: 'Android Developer',
          updatedAt: '2026-09-02T08:00:00.000Z',
          createdAt: '2026-09-02T08:00:00.000Z',
        }),
      ]);
    }

    it('creates an application with a company name, logs T + Enter for today, and switches with the switcher', async () => {
      await seedTwo();
      const tab = await open(blogUrl);
      const popup = await ready(await ext.triggerAction(tab));
      // Not a posting: the popup offers to clip the page, and opens the application touched last.
      await expect.poll(() => text(popup.getByTestId('clip')), POLL).toBe('Clip this page');
      expect(await text(popup.getByTestId('current-company'))).toBe('Cafe Bazaar');
      await expect.poll(async () => (await focused(popup)).testId, POLL).toBe('clip');

      // New application: back to its button, Enter, a company name, Enter.
      await tabTo(popup, (f) => f.testId === 'new-application', { back: true });
      await popup.keyboard.press('Enter');
      await expect.poll(async () => (await focused(popup)).testId, POLL).toBe('new-company');
      await popup.keyboard.type('Snapp');
      await popup.keyboard.press('Enter');
      await expect.poll(() => text(popup.getByTestId('current-company')), POLL).toBe('Snapp');
      expect(await shownRole(popup)).toBe(null);
      expect(await popup.getByTestId('new-company').count()).toBe(0);

      // T, then Enter: a technical interview today (the date field proposes today).
      await logStep(popup, 't', null);
      const today = formatDate(todayIso(), 'jalali-dot');
      expect(await stageTexts(popup)).toEqual([`Technical Interview ${today}`]);

      // The switcher: Tab to it, a few letters, an arrow, Enter.
      await tabTo(popup, (f) => f.testId === 'switcher');
      await expect.poll(async () => (await focused(popup)).role, POLL).toBe('combobox');
      await popup.keyboard.type('caf');
      const options = popup.getByRole('listbox').getByRole('option');
      await expect.poll(() => options.count(), POLL).toBe(2);
      expect(await options.locator('.app-company').allTextContents()).toEqual(['Cafe Bazaar', 'CafePay']);
      await popup.keyboard.press('ArrowDown');
      expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
      await popup.keyboard.press('Enter');
      await expect.poll(() => text(popup.getByTestId('current-company')), POLL).toBe('CafePay');
      expect(await popup.getByTestId('stage').count()).toBe(0);

      // Nothing else changed on the way: Snapp has its one step, the others none.
      await expect.poll(async () => (await storedRows(ext, { quiet: true })).length, POLL).toBe(3);
      const rows = await storedRows(ext, { quiet: true });
      const stages = Object.fromEntries(rows.map((r) => [r.company.name, r.stages.map((s) => s.kind)]));
      expect(stages).toEqual({ Snapp: ['technical'], 'Cafe Bazaar': [], CafePay: [] });
      expect(rows.every((r) => r.outcome.kind === 'pending')).toBe(true);
    });

    // Letters typed into the switcher go to it, never to the document, where D, I, T… are step keys (the
    // switcher is part of the first view, not a chunk loaded on first use).
    // The popup opens with the newest few applications read; the switcher reads the rest when it is used,
    // so the oldest one (Digikala, behind ten newer ones) is found by letters typed at once.
    it('takes letters typed into the switcher right after tabbing to it', async () => {
      await importRecords(ext, [
        createRecord({ company: { name: 'Digikala', website: '' }, updatedAt: '2026-08-01T08:00:00.000Z' }),
        ...Array.from({ length: 10 }, (_, i) =>
          createRecord({
            company: { name: `Company ${i + 1}`, website: '' },
            updatedAt: `2026-08-${String(i + 2).padStart(2, '0')}T08:00:00.000Z`,
          }),
        ),
        createRecord({ company: { name: 'Divar', website: '' }, updatedAt: '2026-09-02T08:00:00.000Z' }),
      ]);
      const tab = await open(blogUrl);
      const popup = await ready(await ext.triggerAction(tab));
      expect(await text(popup.getByTestId('current-company'))).toBe('Divar');
      await tabTo(popup, (f) => f.testId === 'switcher');
      await popup.keyboard.type('digi', { delay: 120 });
      await popup.keyboard.press('Enter');
      await expect.poll(() => text(popup.getByTestId('current-company')), POLL).toBe('Digikala');
      const rows = (await storedRows(ext, { quiet: true })).filter((r) => r.company.name.startsWith('Di'));
      expect(rows.map((r) => [r.company.name, r.stages.length, r.outcome.kind]).sort()).toEqual([
        ['Digikala', 0, 'pending'],
        ['Divar', 0, 'pending'],
      ]);
    });
  });

  describe('step keys', () => {
    // The date field is there as soon as the step key is pressed, with the date it proposes selected: a
    // date typed right after T replaces it (not `1405.09.048.03`, silently logged as today).
    it('takes a date typed right after the step key', async () => {
      await importRecords(ext, [createRecord({ company: { name: 'Cafe Bazaar', website: '' } })]);
      const popup = await ready(await ext.openExtensionPage('/popup.html'));
      await popup.getByTestId('kind-technical').waitFor();
      await popup.keyboard.press('t');
      await popup.keyboard.type('1404.08.03', { delay: 80 });
      await popup.keyboard.press('Enter');
      await expect.poll(() => stageTexts(popup), POLL).toEqual(['Technical Interview 1404.08.03']);
    });

    // A date that is not one is never logged as some other day: Enter does nothing but say why.
    it('logs nothing for a date that does not exist, and says why', async () => {
      await importRecords(ext, [createRecord({ company: { name: 'Cafe Bazaar', website: '' } })]);
      const popup = await ready(await ext.openExtensionPage('/popup.html'));
      await popup.getByTestId('kind-technical').waitFor();
      await popup.keyboard.press('t');
      await popup.keyboard.type('1404/12/30');
      await popup.keyboard.press('Enter');
      await expect
        .poll(() => text(popup.locator('#step-date-msg')), POLL)
        .toBe('1404 is not a leap year: Esfand 1404 has 29 days.');
      expect(await popup.locator('#step-date').getAttribute('aria-invalid')).toBe('true');
      expect(await popup.getByTestId('stage').count()).toBe(0);
      await popup.locator('#step-date').fill('1404/12/29');
      await popup.keyboard.press('Enter');
      await expect.poll(() => stageTexts(popup), POLL).toEqual(['Technical Interview 1404.12.29']);
    });

    /** A key as another keyboard layout sends it: the letter typed, on the key at a QWERTY position. */
    async function pressOnLayout(popup: Page, key: string, code: string, keyCode: number) {
      const cdp = await ext.context.newCDPSession(popup);
      for (const type of ['keyDown', 'keyUp'] as const) {
        await cdp.send('Input.dispatchKeyEvent', {
          type,
          key,
          code,
          text: type === 'keyDown' ? key : undefined,
          windowsVirtualKeyCode: keyCode,
          nativeVirtualKeyCode: keyCode,
        });
      }
    }

    // Step keys fall back to `event.code` when the letter is not Latin: on a Persian layout T is «ف» (KeyT).
    it('work with a Persian keyboard layout', async () => {
      await importRecords(ext, [createRecord({ company: { name: 'Cafe Bazaar', website: '' } })]);
      const popup = await ready(await ext.openExtensionPage('/popup.html'));
      await popup.getByTestId('kind-technical').waitFor();
      await pressOnLayout(popup, 'ف', 'KeyT', 84);
      await focusIs(popup, 'step-date');
      expect(await popup.getByTestId('kind-technical').getAttribute('aria-pressed')).toBe('true');
    });

    // A Latin layout other than QWERTY: the letter typed counts, not its QWERTY position (Dvorak's T is KeyK).
    it('follow the letter typed on a Dvorak layout', async () => {
      await importRecords(ext, [createRecord({ company: { name: 'Divar', website: '' } })]);
      const popup = await ready(await ext.openExtensionPage('/popup.html'));
      await popup.getByTestId('kind-technical').waitFor();
      await pressOnLayout(popup, 't', 'KeyK', 75);
      await focusIs(popup, 'step-date');
      expect(await popup.getByTestId('kind-technical').getAttribute('aria-pressed')).toBe('true');
      expect(await popup.getByTestId('kind-task').getAttribute('aria-pressed')).toBe('false');
    });
  });

  describe('language and colours', () => {
    function digikala(): ApplicationRecord {
      return createRecord({
        company: { name: 'دیجی‌کالا', website: 'https://www.digikala.com' },
        role: 'Senior Backend Developer',
        stages: [newStage('s1', 'resume', 'Sent Resume', { date: '2023-11-01' })],
      });
    }

    it('switches to Persian: right to left, Persian words, Jalali dates typed in Persian digits', async () => {
      await importRecords(ext, [digikala()]);
      const popup = await ready(await ext.openExtensionPage('/popup.html'));
      expect(await popup.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
        'ltr',
        'en',
      ]);

      await popup.getByTestId('settings').click();
      await popup.getByTestId('set-lang').selectOption('fa');
      await expect.poll(() => popup.evaluate(() => document.documentElement.dir), POLL).toBe('rtl');
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fa');
      expect(await popup.title()).toBe('جاب‌نوت');
      expect(await text(popup.getByTestId('tab-steps'))).toBe('مراحل');
      expect(await text(popup.getByTestId('tab-questions'))).toBe('سؤال‌ها');
      expect(await text(popup.getByTestId('tab-outcome'))).toBe('نتیجه');
      expect(await text(popup.getByTestId('tab-export'))).toBe('خروجی');
      expect(await text(popup.getByTestId('kind-technical'))).toBe('T مصاحبه فنی');
      expect(await popup.locator('.popup-shell').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      // Data stays as written (the company); the step's label is UI, so it is shown in Persian, with its
      // Jalali date in Persian digits, while the record keeps the repository's wording.
      expect(await text(popup.getByTestId('current-company'))).toBe('دیجی‌کالا');
      expect(await stageTexts(popup)).toEqual(['ارسال رزومه ۱۴۰۲.۰۸.۱۰']);

      // A step, its date typed with Persian digits and slashes: read as 3 Aban 1404, shown in words.
      await popup.getByTestId('kind-technical').click();
      await focusIs(popup, 'step-date');
      expect(await text(popup.locator('label[for="step-date"]'))).toBe('تاریخ');
      await popup.keyboard.press('ControlOrMeta+A');
      await popup.keyboard.type('۱۴۰۴/۰۸/۰۳');
      await expect.poll(() => text(popup.locator('#step-date-msg')), POLL).toBe('شنبه ۳ آبان ۱۴۰۴');
      await popup.keyboard.press('Enter');
      await expect.poll(() => popup.getByTestId('stage').count(), POLL).toBe(2);
      expect(await stageTexts(popup)).toEqual(['ارسال رزومه ۱۴۰۲.۰۸.۱۰', 'مصاحبه فنی ۱۴۰۴.۰۸.۰۳']);
      await expect
        .poll(async () => (await storedRows(ext))[0]?.stages.map((st) => [st.label, st.date]), POLL)
        .toEqual([
          ['Sent Resume', '2023-11-01'],
          ['Technical Interview', '2025-10-25'],
        ]);
      // "After which step" and the section names are UI too: Persian, as the steps.
      await popup.getByTestId('tab-outcome').click();
      await popup.getByTestId('outcome-rejected').check();
      await popup.getByTestId('outcome-after').waitFor();
      expect(await popup.getByTestId('outcome-after').locator('option').allTextContents()).toEqual([
        'ارسال رزومه',
        'مصاحبه فنی',
      ]);
      await popup.getByTestId('tab-questions').click();
      await popup.getByTestId('round').waitFor();
      expect(await popup.getByTestId('round').locator('option').allTextContents()).toEqual(['مصاحبه فنی (۰)']);
      await popup.getByTestId('tab-steps').click();
      // And an impossible day gets a Persian error (1404 is not a leap year).
      await popup.getByTestId('kind-hr-call').click();
      await focusIs(popup, 'step-date');
      await popup.keyboard.press('ControlOrMeta+A');
      await popup.keyboard.type('۱۴۰۴/۱۲/۳۰');
      await expect.poll(() => text(popup.locator('#step-date-msg')), POLL).toMatch(/^۱۴۰۴ کبیسه نیست/);
      await popup.close();

      // The choice is kept: reopened, the popup is Persian from the start.
      const again = await ready(await ext.openExtensionPage('/popup.html'));
      expect(await again.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await text(again.getByTestId('tab-steps'))).toBe('مراحل');
    });

    it('follows the system colour scheme: dark background in dark mode', async () => {
      await importRecords(ext, [digikala()]);
      const popup = await ready(await ext.openExtensionPage('/popup.html'));
      const background = () => popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const textColour = () => popup.evaluate(() => getComputedStyle(document.body).color);
      await popup.emulateMedia({ colorScheme: 'light' });
      expect(luminance(await background())).toBeGreaterThan(0.8);
      await popup.emulateMedia({ colorScheme: 'dark' });
      expect(luminance(await background())).toBeLessThan(0.05);
      expect(luminance(await textColour())).toBeGreaterThan(0.5);
      // The fields follow too (not white boxes on a dark popup).
      await popup.getByTestId('tab-outcome').click();
      const review = popup.getByTestId('review');
      await review.waitFor();
      expect(luminance(await review.evaluate((el) => getComputedStyle(el).backgroundColor))).toBeLessThan(0.1);
    });
  });
});

/**
 * Clipping in the real browser: fixture pages of each board served by a local server under their real host
 * names (boards-server.ts + `--host-resolver-rules`), the toolbar button clicked as a user would
 * (`Extensions.triggerAction`, which grants activeTab), "Clip this posting" in the popup, and the stored
 * record read back from the extension's IndexedDB. Also: the context-menu path, a re-clip that keeps the
 * user's notes, a hostile page, nothing injected at page load, and pages the browser does not let us read.
 *
 * `E2E_ALL_FIXTURES=1` clips every fixture of every board instead of one per board.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOOKS, type ClipHook } from '../../services/test-hooks';
import { BOARD_IDS } from '../../utils/boards';
import type { ClipResult } from '../../utils/clip/messages';
import { newQuestion, newRound, newStage } from '../../utils/record';
import { parseRecord } from '../../utils/record-validate';
import { PAGES_DIR, fixtureNames, startBoardsServer } from './boards-server';
import type { BoardsServer, Fixture } from './boards-server';
import { DEFAULT_OUT_DIR, launchExtension } from './harness';
import type { ExtensionHarness } from './harness';
import { POLL, ready, shownRole, storedRows, text } from './popup-helpers';
import type { StoredRow } from './popup-helpers';

/** The few extension APIs these tests call inside the browser (the project has no @types/chrome). */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; create(p: { url: string }): Promise<{ id?: number }> };
  runtime: { getManifest(): { permissions?: string[] }; lastError?: { message?: string } };
  contextMenus: { update(id: string, p: object, done: () => void): void };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
  scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
};

/** Every board of the registry: a new board is clipped here too (and needs its apply way below). */
const BOARDS = BOARD_IDS;
const APPLY_WAYS: Record<string, string> = {
  jobinja: 'Jobinja',
  jobvision: 'Jobvision',
  quera: 'Quera',
  linkedin: 'LinkedIn',
};
/** The fixture clipped per board (the first that exists), unless E2E_ALL_FIXTURES is set. */
const PREFERRED: Record<string, string[]> = {
  jobinja: ['full'],
  jobvision: ['fresh', 'full'],
  quera: ['app-router-jsonld', 'full'],
  linkedin: ['guest-jsonld', 'guest-criteria', 'full'],
};

function fixturesToClip(): [string, string][] {
  const out: [string, string][] = [];
  for (const board of BOARDS) {
    const names = fixtureNames(board);
    if (process.env.E2E_ALL_FIXTURES) for (const n of names) out.push([board, n]);
    else {
      const name = PREFERRED[board]!.find((n) => names.includes(n)) ?? names[0];
      // A board without fixtures fails its test below (readFixture says why) rather than vanishing.
      out.push([board, name ?? '(none)']);
    }
  }
  return out;
}

const HOSTILE_URL = 'http://careers.example.test/jobs/hostile';
const DEEP_URL = 'http://careers.example.test/jobs/deep';
const NAMED_URL = 'http://careers.example.test/jobs/named';
/** Beacons the hostile page's own markup fires when it loads (not the extension's doing). */
const PAGE_LOAD_BEACONS = ['page-img', 'page-script', 'page-iframe'];

/** Writes a row as another extension page would (raw IndexedDB, same store). */
async function putRow(ext: ExtensionHarness, row: StoredRow): Promise<void> {
  const page = await ext.openExtensionPage('/manifest.json');
  try {
    await page.evaluate(async (value) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('jobnote');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      try {
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction('applications', 'readwrite');
          tx.objectStore('applications').put(value);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
          tx.onabort = () => fail(tx.error);
        });
      } finally {
        db.close();
      }
    }, row);
  } finally {
    await page.close();
  }
}

/** The one stored record, checked by the extension's own validator. */
async function onlyRecord(ext: ExtensionHarness): Promise<StoredRow> {
  const rows = await storedRows(ext);
  expect(rows, 'exactly one stored record').toHaveLength(1);
  const { postingKey: _, ...record } = rows[0]!;
  const parsed = parseRecord(record);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  return rows[0]!;
}

/** The tab id of the tab a popup belongs to (what ClipPanel asks too). */
/** A clip by the background's own path (menu, shortcut), through its test hook (services/test-hooks.ts). */
function clipInBackground(
  ext: ExtensionHarness,
  tabId: number,
): Promise<{ ok: boolean; created?: boolean; recordId?: string; error?: string }> {
  return ext.serviceWorker.evaluate(
    ([name, id]): Promise<ClipResult> => (globalThis as unknown as Record<string, ClipHook>)[name].clipTab(id),
    [HOOKS.clip, tabId] as const,
  );
}

function popupTabId(popup: Page): Promise<number> {
  return popup.evaluate(async () => (await chrome.tabs.query({ active: true, currentWindow: true }))[0]!.id!);
}

/** A fixture's expected URL as this server serves it: the board's canonical URL, or the page's own over http. */
function sameUrl(stored: string, expected: string): boolean {
  const a = new URL(stored);
  const b = new URL(expected);
  return (
    a.host === b.host &&
    a.pathname === b.pathname &&
    a.search === b.search &&
    (a.protocol === b.protocol || a.protocol === 'http:')
  );
}

/** The company a record gets: the posting's, else the site's host name (recordFromPosting). */
function expectedCompany(fx: Fixture): string {
  const c = fx.expected.company;
  return c?.name || c?.nameEn || new URL(fx.fixtureUrl).hostname.replace(/^www\./, '');
}

function expectPosting(record: StoredRow, fx: Fixture) {
  const e = fx.expected;
  const p = record.posting!;
  expect(p, 'posting').toBeTruthy();
  expect(p.board).toBe(e.board ?? fx.board);
  expect(p.jobId).toBe(e.jobId);
  expect(sameUrl(p.url, e.url ?? fx.fixtureUrl), `posting.url ${p.url} vs ${e.url}`).toBe(true);
  expect(p.title).toBe(e.title);
  expect(p.company).toEqual(e.company);
  // The real browser reads the page as jsdom does in the unit tests.
  expect(p.description).toBe(e.description);
  for (const k of ['location', 'employmentType', 'seniority', 'salary', 'skills', 'postedAt'] as const) {
    if (k in e) expect(p[k], k).toEqual(e[k]);
  }
  if (fx.sources) expect(p.sources).toEqual(fx.sources);
  // What the record takes from it.
  expect(record.company.name).toBe(expectedCompany(fx));
  expect(record.role).toBe(e.title);
  expect(record.applyWays).toEqual([APPLY_WAYS[fx.board]]);
  // The storage index a re-clip finds it by (utils/repository.ts).
  expect(record.postingKey).toEqual(p.jobId ? [`job:${p.board}:${p.jobId}`, `url:${p.url}`] : [`url:${p.url}`]);
  expect(record.stages).toEqual([]);
}

describe('clipping postings in the browser', () => {
  let ext: ExtensionHarness;
  let server: BoardsServer;

  beforeAll(async () => {
    server = await startBoardsServer();
    ext = await launchExtension({ actionPopups: true, args: [`--host-resolver-rules=${server.hostResolverRules}`] });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await ext.clearData();
    server.resetBeacons();
  });

  async function open(url: string): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /**
   * Toolbar button, then the popup's clip button; resolves once the clip is stored and the popup has opened
   * the clipped application (its company shown, the panel saying it was clipped from this page).
   */
  async function clipFromPopup(page: Page, label: RegExp = /^Clip this posting$/): Promise<Page> {
    const popup = await ext.triggerAction(page);
    const button = popup.getByTestId('clip');
    await button.waitFor();
    expect(await text(button)).toMatch(label);
    await button.click();
    await popup.locator('[data-testid="clipped-before"], [data-testid="clip-error"]').first().waitFor();
    if (await popup.getByTestId('clip-error').count())
      throw new Error(`clip failed: ${await popup.getByTestId('clip-error').textContent()}`);
    // The clipped application is the one the popup shows now (no "↓": it is not another one below).
    await expect.poll(() => text(popup.getByTestId('clipped-before')), POLL).toBe('Clipped from this page');
    await popup.getByTestId('current-company').waitFor();
    expect(await text(button)).toBe('Update from page');
    return popup;
  }

  it.each(fixturesToClip())('clips %s/%s from the toolbar popup', async (board, name) => {
    const fx = server.fixture(board, name);
    const page = await open(fx.pageUrl);
    const popup = await clipFromPopup(page);

    // The popup opens the clipped application (checked before any other tab opens: that closes the popup).
    expect(await text(popup.getByTestId('current-company'))).toBe(expectedCompany(fx));
    expect(await shownRole(popup)).toBe(fx.expected.title ?? null);
    expect(await popup.getByTestId('stage').count()).toBe(0);
    await popup.close();

    expectPosting(await onlyRecord(ext), fx);
    const dashboard = await ext.openExtensionPage('/dashboard.html');
    const row = dashboard.getByTestId('application');
    await row.waitFor();
    expect((await row.getByTestId('company').textContent())?.trim()).toBe(expectedCompany(fx));
    expect((await row.getByTestId('role').textContent())?.trim()).toBe(fx.expected.title ?? '');
    await row.locator('summary').click();
    if (fx.expected.title)
      expect((await row.getByTestId('posting-title').textContent())?.trim()).toContain(fx.expected.title);
    if (fx.expected.description)
      expect(await row.getByTestId('posting-description').textContent()).toBe(fx.expected.description);
  });

  it('clips through the context-menu path: the hook the menu calls, the menu item, the badge', async () => {
    // The menu item exists: the manifest asks for it, and onInstalled created it (update fails on an unknown id).
    const manifest = await ext.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'contextMenus']));
    await expect
      .poll(
        () =>
          ext.serviceWorker.evaluate(
            () =>
              new Promise<string>((done) => {
                chrome.contextMenus.update('jobnote-clip', {}, () => done(chrome.runtime.lastError?.message ?? 'ok'));
              }),
          ),
        POLL,
      )
      .toBe('ok');

    // Native menus cannot be clicked headless. The menu click grants activeTab; so does the toolbar button.
    const fx = server.fixture('jobinja');
    const page = await open(fx.pageUrl);
    const popup = await ext.triggerAction(page);
    const tabId = await popupTabId(popup);
    await popup.close();
    expect(await storedRows(ext)).toEqual([]);

    // contextMenus.onClicked → clipAndShow(tab.id): the same function as the background's clip hook.
    const result = await clipInBackground(ext, tabId);
    expect(result).toMatchObject({ ok: true, created: true });
    const record = await onlyRecord(ext);
    expect(record.id).toBe(result.recordId);
    expectPosting(record, fx);
    expect(await ext.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✓');
    expect(await ext.serviceWorker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toContain(
      record.company.name,
    );
  });

  it('keeps two career sites apart when their postings have the same id, and each tab opens its own', async () => {
    const site = (company: string) => {
      const ld = {
        '@context': 'https://schema.org',
        '@type': 'JobPosting',
        identifier: '12',
        title: `${company} Developer`,
      };
      const json = JSON.stringify({ ...ld, hiringOrganization: { '@type': 'Organization', name: company } });
      return `<!doctype html><title>${company} Developer</title><script type="application/ld+json">${json}</script><h1>${company} Developer</h1><p>Build things at ${company}.</p>`;
    };
    const urlA = server.route('http://alpha.careers.example.test/jobs/12', site('Alpha'));
    const urlB = server.route('http://beta.careers.example.test/openings/12', site('Beta'));
    const a = await open(urlA);
    await (await clipFromPopup(a, /^Clip this page$/)).close();
    const b = await open(urlB);
    const popupB = await clipFromPopup(b, /^Clip this page$/);
    expect(await text(popupB.getByTestId('current-company'))).toBe('Beta');
    await popupB.close();

    const rows = await storedRows(ext);
    expect(rows.map((r) => [r.company.name, r.posting?.url]).sort()).toEqual([
      ['Alpha', urlA],
      ['Beta', urlB],
    ]);
    // Back on the first site's tab: the popup opens the first site's application.
    const popupA = await ready(await ext.triggerAction(a));
    await popupA.getByTestId('clipped-before').waitFor();
    expect(await text(popupA.getByTestId('current-company'))).toBe('Alpha');
    await popupA.close();
  });

  it('re-clips a changed posting: the posting part changes, the stages, questions and score stay', async () => {
    const fx = server.fixture('jobinja');
    const title = fx.expected.title!;
    expect(fx.html, 'the fixture shows its title').toContain(title);
    const page = await open(fx.pageUrl);
    await (await clipFromPopup(page)).close();
    const first = await onlyRecord(ext);

    // The user's notes, written by another extension page (the dashboard) while no popup is open.
    const stage = newStage('s1', 'hr-call', 'HR Call', {
      date: '2026-09-25',
      dateText: '1405.07.03',
      note: 'نیم ساعت',
    });
    const round = newRound('r1', 'HR Interview', {
      stageId: 's1',
      questions: [newQuestion('q1', 'چرا این شرکت؟', { answers: ['چون…'], answerLabels: ['Answer'] })],
    });
    const edited: StoredRow = {
      ...first,
      stages: [stage],
      rounds: [round],
      score: 7.5,
      review: 'Friendly team.',
      revision: first.revision + 1,
      updatedAt: new Date().toISOString(),
    };
    await putRow(ext, edited);

    // The board changes the posting: new title and salary.
    const newTitle = 'برنامه‌نویس ارشد Go';
    const digits = (s: string) => s.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    let html = fx.html.split(title).join(newTitle);
    const salary = fx.expected.salary;
    let salaryChanged = false;
    for (const form of salary ? [salary, digits(salary)] : []) {
      const changed = form.replace(/۳۰|30/, (m) => (m === '30' ? '55' : '۵۵'));
      if (html.includes(form) && changed !== form) {
        html = html.split(form).join(changed);
        salaryChanged = true;
      }
    }
    server.setContent(fx.pageUrl, html);
    await page.reload({ waitUntil: 'load' });
    expect(await page.locator('h1').first().textContent()).toContain(newTitle);

    // A reload ends activeTab: the user clicks the button again; the popup knows the posting.
    const popup = await ready(await ext.triggerAction(page));
    await popup.getByTestId('clipped-before').waitFor();
    // The popup opens the application of this posting, with the notes written since.
    expect(await text(popup.getByTestId('current-company'))).toBe(first.company.name);
    expect(await popup.getByTestId('stage').count()).toBe(1);
    expect(await text(popup.getByTestId('clip'))).toBe('Update from page');
    await popup.getByTestId('clip').click();
    // Stored once the background is done (the popup's own notice is only for notes or errors).
    await expect
      .poll(async () => (await storedRows(ext, { quiet: true }))[0]?.revision, POLL)
      .toBe(edited.revision + 1);
    expect(await popup.getByTestId('clip-error').count()).toBe(0);

    const after = await onlyRecord(ext);
    expect(after.id).toBe(first.id);
    expect(after.revision).toBe(edited.revision + 1);
    expect(after.posting!.title).toContain('Go');
    expect(after.posting!.title).not.toBe(first.posting!.title);
    if (salaryChanged) expect(after.posting!.salary).not.toBe(first.posting!.salary);
    expect(after.posting!.clippedAt >= first.posting!.clippedAt).toBe(true);
    // The user's part is untouched, and so are company and role (the user's fields once set).
    expect(after.stages).toEqual([stage]);
    expect(after.rounds).toEqual([round]);
    expect(after.score).toBe(7.5);
    expect(after.review).toBe('Friendly team.');
    expect(after.company).toEqual(first.company);
    expect(after.role).toBe(first.role);
  });

  it('keeps a hostile page inert: nothing runs or loads in the extension pages, nothing unsafe is stored', async () => {
    server.route(HOSTILE_URL, readFileSync(join(PAGES_DIR, 'hostile.html'), 'utf8'));
    const dialogs: string[] = [];
    ext.context.on('dialog', (d) => {
      dialogs.push(`${d.page()?.url()}: ${d.message()}`);
      void d.dismiss();
    });
    const page = await open(HOSTILE_URL);
    // The page's own markup calls home when it loads; wait for exactly those, then start counting.
    await expect
      .poll(() => PAGE_LOAD_BEACONS.every((b) => server.beacons.hits.some((h) => h.url.endsWith(`?${b}`))), POLL)
      .toBe(true);
    expect(server.beacons.hits.map((h) => h.url.replace(/^.*\?/, '')).sort()).toEqual([...PAGE_LOAD_BEACONS].sort());
    server.resetBeacons();

    const dom = (p: Page) =>
      p.evaluate(() => ({
        foreignImages: [...document.images].map((i) => i.src).filter((s) => !s.startsWith(location.origin)),
        active: document.querySelectorAll('iframe, object, embed, script:not([src]), svg [onload]').length,
        handlers: [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
        ),
        jsLinks: [...document.querySelectorAll('a[href]')]
          .map((a) => a.getAttribute('href')!)
          .filter((h) => !/^(https?:|#|\/)/i.test(h)),
      }));
    const clean = { foreignImages: [], active: 0, handlers: [], jsLinks: [] };

    // The popup shows the record (company and role are page text): checked before another tab closes it.
    const popup = await clipFromPopup(page, /^Clip this page$/);
    expect(await popup.getByTestId('current-company').count()).toBe(1);
    await popup.waitForLoadState('networkidle');
    expect(await dom(popup)).toEqual(clean);
    await popup.close();

    const record = await onlyRecord(ext);
    const d = record.posting!.description ?? '';
    expect(d).toContain('We build payment systems');
    // No markup survives; the escaped text stays text (escaped once more for markdown).
    const literal = '\\<img src=x onerror=alert(1)>';
    expect(d).toContain(literal);
    const rest = d.split(literal).join('');
    expect(rest).not.toMatch(
      /<|onerror|onload|javascript:|data:text|beacon\?ld-(img|script|iframe|object|svg|css|js)/i,
    );
    expect(JSON.stringify(record)).not.toMatch(/javascript:/i);

    // The dashboard with the posting expanded.
    const dashboard = await ext.openExtensionPage('/dashboard.html');
    const row = dashboard.getByTestId('application');
    await row.waitFor();
    await row.locator('summary').click();
    await row.getByTestId('posting-description').waitFor();
    expect(await row.getByTestId('posting-description').textContent()).toBe(d);
    await dashboard.waitForLoadState('networkidle');
    expect(await dom(dashboard)).toEqual(clean);
    expect(server.beacons.hits).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('clips a page a script nested 50,000 deep: the posting from its JSON-LD, a note, the tab alive', async () => {
    server.route(DEEP_URL, readFileSync(join(PAGES_DIR, 'deep.html'), 'utf8'));
    const page = await open(DEEP_URL);
    const depth = () =>
      page.evaluate(() => {
        let n = 0;
        for (let el = document.getElementById('deep')?.firstElementChild; el; el = el.firstElementChild) n++;
        return n;
      });
    expect(await depth()).toBe(50_000);

    const popup = await clipFromPopup(page, /^Clip this page$/);
    const notes = popup.getByTestId('clip-notes');
    await notes.waitFor();
    expect(await notes.textContent()).toContain('its description was not read');
    await popup.close();

    const posting = (await onlyRecord(ext)).posting!;
    expect(posting).toMatchObject({ title: 'Deep Engineer', description: null, postedAt: '2026-09-20' });
    expect(posting.company.name).toBe('Deep Co');
    expect(posting.notes).toEqual([
      'the page nests more than 512 levels deep: its description was not read, only its title and structured data',
    ]);
    // The tab still runs script, with its page whole.
    expect(await depth()).toBe(50_000);
  });

  it('clips a page with a form and an iframe named __jobnoteClip, and clips it again', async () => {
    server.route(NAMED_URL, readFileSync(join(PAGES_DIR, 'named-clip.html'), 'utf8'));
    const page = await open(NAMED_URL);
    // Named access: the page's elements are what `window.__jobnoteClip` gives.
    expect(await page.evaluate(() => '__jobnoteClip' in window)).toBe(true);
    await (await clipFromPopup(page, /^Clip this page$/)).close();
    const first = await onlyRecord(ext);
    expect(first.posting?.title).toBe('Named Engineer');
    expect(first.posting?.description).toBe('We name things carefully.');

    // A second clip in the same page: the clipper the first injection left there.
    const popup = await ready(await ext.triggerAction(page));
    expect(await text(popup.getByTestId('clip'))).toBe('Update from page');
    await popup.getByTestId('clip').click();
    await expect.poll(async () => (await storedRows(ext, { quiet: true }))[0]?.revision, POLL).toBe(first.revision + 1);
    expect(await popup.getByTestId('clip-error').count()).toBe(0);
    expect((await onlyRecord(ext)).posting?.title).toBe('Named Engineer');
  });

  it('injects nothing at page load and cannot read a page before the user asks', async () => {
    const manifest = JSON.parse(readFileSync(join(DEFAULT_OUT_DIR, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(await ext.serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);

    const fx = server.fixture('jobinja');
    await ext.context.newPage(); // a window for the tab
    // Opened by the extension itself, to know the tab's id: opening a tab grants nothing.
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url() === fx.pageUrl });
    const tabId = await ext.serviceWorker.evaluate(async (url) => (await chrome.tabs.create({ url })).id!, fx.pageUrl);
    const page = await opened;
    await page.waitForLoadState('load');
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(resources.filter((r) => r.startsWith('chrome-extension:'))).toEqual([]);
    expect(await page.evaluate(() => '__jobnoteClip' in globalThis)).toBe(false);

    // Without a click (toolbar, menu, shortcut) there is no activeTab, and no host permission to fall back on.
    const result = await clipInBackground(ext, tabId);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^Jobnote cannot read this page/);
    expect(await storedRows(ext)).toEqual([]);
  });

  describe('pages it cannot clip', () => {
    /** The popup has rendered (the clip panel is decided at start) and ClipPanel's own tab query has been answered. */
    async function settled(popup: Page) {
      await ready(popup);
      await popup.evaluate(async () => {
        await chrome.tabs.query({ active: true, currentWindow: true });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      });
    }

    it('offers no clip on a browser page or on its own pages', async () => {
      const browserPage = await open('chrome://version');
      const popup = await ext.triggerAction(browserPage);
      await settled(popup);
      expect(await popup.getByTestId('clip-panel').count()).toBe(0);
      await popup.close();

      const own = await ext.openExtensionPage('/dashboard.html');
      const popup2 = await ext.triggerAction(own);
      await settled(popup2);
      expect(await popup2.getByTestId('clip-panel').count()).toBe(0);
    });

    it('explains the error when the tab moved to a page it was not granted', async () => {
      server.route(HOSTILE_URL, readFileSync(join(PAGES_DIR, 'hostile.html'), 'utf8'));
      const fx = server.fixture('jobinja');
      const page = await open(fx.pageUrl);
      const popup = await ext.triggerAction(page);
      await popup.getByTestId('clip').waitFor();
      // The tab leaves for another site while the popup is open: activeTab does not follow.
      await page.goto(HOSTILE_URL, { waitUntil: 'load' });
      await popup.getByTestId('clip').click();
      const error = popup.getByTestId('clip-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/Jobnote cannot read this page/);
      expect(await storedRows(ext)).toEqual([]);
    });
  });
});

/**
 * What the popup tests share: waiting for the popup to be ready, reading what it shows (the open
 * application, its steps), moving focus with the keyboard, closing the popup the way Chrome does, and
 * reading or seeding the extension's IndexedDB from a page that runs none of the extension's code.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApplicationRecord } from '../../utils/record';
import { startBoardsServer } from './boards-server';
import type { BoardsServer } from './boards-server';
import { launchExtension } from './harness';
import type { ExtensionHarness } from './harness';

/** What a popup suite runs against: the boards server, a page of it that is no posting, the extension. */
export interface PopupSuite {
  server: BoardsServer;
  /** A page with an article, not a posting: the popup offers "Clip this page" there, and ties no application to it. */
  blogUrl: string;
  ext: ExtensionHarness;
  close(): Promise<void>;
}

/** Starts the boards server (playing every host) and Chromium with the extension and its toolbar popup. */
export async function startPopupSuite(): Promise<PopupSuite> {
  const server = await startBoardsServer();
  const blogUrl = server.route(
    'http://careers.example.test/blog/remote-work',
    '<!doctype html><meta charset="utf-8"><title>Remote work</title><h1>Remote work</h1><p>Some article.</p>',
  );
  const ext = await launchExtension({
    actionPopups: true,
    args: [`--host-resolver-rules=${server.hostResolverRules}`],
    viewport: { width: 1000, height: 800 },
  }).catch(async (err: unknown) => {
    await server.close();
    throw err;
  });
  return {
    server,
    blogUrl,
    ext,
    close: async () => {
      await ext.close();
      await server.close();
    },
  };
}

export type StoredRow = ApplicationRecord & { postingKey?: string[]; terms?: string[] };

/** expect.poll's default (1 s) is short on a busy 2-core machine. */
export const POLL = { timeout: 10_000 };

/** The popup has committed its first full view with data (App sets `data-ready` and the perf mark then). */
export async function ready(page: Page): Promise<Page> {
  await page.locator('html[data-ready]').waitFor();
  return page;
}

export async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

/** The role shown after the company (`— Senior Backend Developer`), without the dash; null when none. */
export async function shownRole(page: Page): Promise<string | null> {
  // The role is isolated in its own <bdi>, after a dash outside it (so the dash stays between the two).
  const role = page.getByTestId('current-company').locator('xpath=following-sibling::span[1]/bdi');
  if (!(await role.count())) return null;
  return text(role);
}

/** Each step as the list shows it (`Technical Interview 1402.08.20 · 1 hour`), without its remove button. */
export function stageTexts(page: Page): Promise<string[]> {
  return page.getByTestId('stage').evaluateAll((items) =>
    items.map((li) => {
      const copy = li.cloneNode(true) as HTMLElement;
      for (const b of copy.querySelectorAll('button')) b.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}

export interface Focus {
  id: string;
  testId: string;
  role: string;
  text: string;
  tag: string;
}

/**
 * The focused element: its id, data-testid, role and text (for keyboard tests). With `{ recent: true }`, when
 * focus has fallen back to the body, the element that received it last instead (an element replaced right
 * after taking focus, like the switcher's placeholder input).
 */
export function focused(page: Page, options: { recent?: boolean } = {}): Promise<Focus> {
  return page.evaluate((recent) => {
    const w = window as unknown as { __e2eFocus?: { el: Element | null } };
    if (!w.__e2eFocus) {
      const track: { el: Element | null } = { el: document.activeElement };
      w.__e2eFocus = track;
      document.addEventListener(
        'focusin',
        (e) => {
          track.el = e.target as Element;
        },
        true,
      );
    }
    let el = document.activeElement as HTMLElement | null;
    if (recent && (!el || el === document.body) && w.__e2eFocus.el) el = w.__e2eFocus.el as HTMLElement;
    return {
      id: el?.id ?? '',
      testId: el?.dataset?.testid ?? '',
      role: el?.getAttribute('role') ?? '',
      text: (el?.textContent ?? '').trim(),
      tag: el?.tagName.toLowerCase() ?? '',
    };
  }, !!options.recent);
}

/**
 * Presses Tab (or Shift+Tab) until `match` holds for the element that took focus last, as a keyboard user
 * would (a user sees where the focus went even if the element is swapped right after).
 */
export async function tabTo(page: Page, match: (f: Focus) => boolean, options: { back?: boolean; max?: number } = {}) {
  const seen: string[] = [];
  await focused(page); // starts tracking focus changes
  for (let i = 0; i <= (options.max ?? 15); i++) {
    const f = await focused(page, { recent: true });
    if (match(f)) return;
    seen.push(f.testId || f.id || `${f.tag}:${f.text.slice(0, 20)}`);
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`tabTo: never reached the element; focus went ${seen.join(' → ')}`);
}

/** Waits until the element with this id has focus. */
export async function focusIs(page: Page, id: string) {
  await expect.poll(async () => (await focused(page)).id, POLL).toBe(id);
}

/**
 * Closes a toolbar popup as Chrome does when the user clicks elsewhere: the tab is focused, the popup
 * loses focus and the browser closes it. Resolves when it is gone.
 */
export async function closeByBlur(popup: Page, tab: Page): Promise<void> {
  const closed = popup.waitForEvent('close');
  await tab.bringToFront();
  await closed;
}

/** Closes a popup page right away (beforeunload/pagehide run, nothing waits for the page's own work). */
export async function closeNow(page: Page): Promise<void> {
  const closed = page.isClosed() ? Promise.resolve() : page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
}

/** Reads every row of the applications store with raw IndexedDB (runs in the browser: a page or a worker). */
async function readRows(): Promise<StoredRow[]> {
  if (!(await indexedDB.databases()).some((d) => d.name === 'jobnote')) return [];
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open('jobnote');
    // Never create the database here: that would be version 1 without the extension's stores.
    req.onupgradeneeded = () => req.transaction!.abort();
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  try {
    if (!db.objectStoreNames.contains('applications')) return [];
    return await new Promise<StoredRow[]>((ok, fail) => {
      const req = db.transaction('applications').objectStore('applications').getAll();
      req.onsuccess = () => ok(req.result as StoredRow[]);
      req.onerror = () => fail(req.error);
    });
  } finally {
    db.close();
  }
}

/**
 * Every stored row, read with raw IndexedDB in an extension page that runs none of our code. Opening that
 * page closes an open toolbar popup (it takes the focus); `{ quiet: true }` reads from the service worker
 * instead, which leaves the popup open.
 */
export async function storedRows(ext: ExtensionHarness, options: { quiet?: boolean } = {}): Promise<StoredRow[]> {
  if (options.quiet) return ext.serviceWorker.evaluate(readRows);
  const page = await ext.openExtensionPage('/manifest.json');
  try {
    return await page.evaluate(readRows);
  } finally {
    await page.close();
  }
}

/**
 * Stores records through the dashboard's real file input (a backup JSON), as a user restoring a backup
 * would; waits for the dashboard's success notice.
 */
export async function importRecords(
  ext: ExtensionHarness,
  records: ApplicationRecord[],
  name = 'seed.json',
): Promise<void> {
  const file = await ext.writeTempFile(name, {
    format: 'jobnote-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    records,
  });
  const dashboard = await ext.openExtensionPage('/dashboard.html');
  try {
    await dashboard.getByTestId('import-file').setInputFiles(file);
    await dashboard.getByTestId('message-ok').or(dashboard.getByTestId('message-error')).waitFor();
    if (await dashboard.getByTestId('message-error').count())
      throw new Error(`import failed: ${await dashboard.getByTestId('message-error').textContent()}`);
  } finally {
    await dashboard.close();
  }
}

/** `rgb(21, 24, 29)` → relative luminance 0…1. */
export function luminance(css: string): number {
  const m = /rgba?\(\s*(\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  const [r, g, b] = m.slice(1, 4).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

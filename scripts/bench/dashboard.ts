/**
 * The dashboard part of `npm run bench`: with 2,000 and 10,000 stored applications of about 30 questions each
 * (scripts/bench/seed.ts's mix, each record's questions topped up to 30 from the questions of the real entries),
 *
 * (g) open to a rendered list: `dashboard.html` in a fresh page, the app's own `performance.mark('jobnote:list')`
 *     (the first commit of the list with its rows, entrypoints/dashboard/ApplicationList.tsx) from navigation;
 *     beside it, the time until the whole list is read (the count shows: search and filters cover everything);
 * (h) the page's JS heap once the whole list is read: CDP `Runtime.getHeapUsage` after a forced garbage collection
 *     (`HeapProfiler.collectGarbage`), beside `performance.memory.usedJSHeapSize`; and the DOM's node count;
 * (i) search keystroke to updated results: queries typed at 120 ms a key into the search field; per keystroke,
 *     from its keydown (or its input event, for text CDP inserts without one) to the animation frame after the
 *     list's `data-query` became the field's text (the rows of that search committed);
 * (k) the popup's open to interactive with none, 2,000 and 10,000 stored: popup.html and a blank extension page
 *     (scripts/bench/floor.ts) opened in turn, fresh tabs, each to its `jobnote:interactive` mark; the ratio
 *     of the medians against the 1.2x.
 *
 * The records are stored through the dashboard's file input, as backups of 500 records each (one `bulkPut`
 * each): the import refuses files over 50 MB.
 */
import type { Page } from 'playwright-core';
import { launchExtension } from '../../tests/e2e/harness';
import type { ExtensionHarness } from '../../tests/e2e/harness';
import { importRecords } from '../../tests/e2e/popup-helpers';
import type { ApplicationRecord } from '../../utils/record';
import { newQuestion, newRound, nextId } from '../../utils/record';
import { timeOpensInTurn } from './floor';
import { seedRecords } from './seed';
import { fmt, median, quantile, verdict } from './stats';

export const TARGET_LIST_MS = 500;
export const TARGET_HEAP_MB = 30;
export const TARGET_SEARCH_MS = 50;
/** The popup's open time at any size, as a multiple of a blank extension page's. */
export const TARGET_POPUP_RATIO = 1.2;
const QUESTIONS_PER_RECORD = 30;
const CHUNK = 500;

export interface DashboardBenchOptions {
  /** A copy of the build with the reference pages beside popup.html (scripts/bench/floor.ts). */
  outDir: string;
  runs: number;
  /** Rounds of popup.html and the blank page opened in turn, at each size (and with none). */
  popupRuns: number;
  sizes: number[];
  say(s: string): void;
}

export interface DashboardBenchResult {
  rows: string[][];
  notes: string[];
  version: string;
}

/** A deterministic pseudo-random sequence. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The seed mix, every record holding `QUESTIONS_PER_RECORD` questions drawn from all the seed's questions. */
export function dashboardSeed(total: number): ApplicationRecord[] {
  const { records } = seedRecords(total);
  const pool = [...new Set(records.flatMap((r) => r.rounds.flatMap((round) => round.questions.map((q) => q.text))))];
  const random = rng(4021);
  for (const r of records) {
    if (!r.rounds.length) r.rounds.push(newRound(nextId(r, 'r'), 'Technical Interview'));
    const round = r.rounds[r.rounds.length - 1]!;
    let have = r.rounds.reduce((n, x) => n + x.questions.length, 0);
    for (; have < QUESTIONS_PER_RECORD; have++)
      round.questions.push(newQuestion(nextId(r, 'q'), pool[Math.floor(random() * pool.length)]!));
  }
  return records;
}

/** Per keystroke: keydown (or input) time, the field's text then; per list update: its query and frame time. */
const INSTRUMENT = `(() => {
  const b = (window.__listBench = { keys: [], updates: [], pending: null });
  addEventListener('keydown', (e) => { b.pending = e.timeStamp; }, true);
  addEventListener('input', (e) => {
    if (!e.target || e.target.dataset.testid !== 'list-search') return;
    b.keys.push({ t: b.pending ?? e.timeStamp, value: e.target.value });
    b.pending = null;
  }, true);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.attributeName !== 'data-query') continue;
      const q = r.target.getAttribute('data-query');
      requestAnimationFrame(() => b.updates.push({ q, t: performance.now() }));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-query'] });
})();`;

interface ListBench {
  keys: { t: number; value: string }[];
  updates: { q: string; t: number }[];
}

/** What a user types: English question words, a Persian one on an Arabic keyboard (ي, ك), a company. */
const QUERIES = ['how does a b-tree', 'شركت فعلي', 'snapp'];

/** When the whole list is read (the count of applications shows, after the first screen). */
const WATCH_COUNT = `(() => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="count"]')) return;
    window.__listComplete = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true });
})();`;

/** Opens the dashboard; resolves once the whole list is read. */
async function openList(ext: ExtensionHarness, instrument = false): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(WATCH_COUNT);
  if (instrument) await page.addInitScript(INSTRUMENT);
  await page.goto(ext.url('/dashboard.html'), { waitUntil: 'commit' });
  await page.locator('[data-testid="applications"][data-ready]').waitFor({ timeout: 60_000 });
  await page.getByTestId('count').waitFor({ timeout: 60_000 });
  return page;
}

export async function benchDashboard(o: DashboardBenchOptions): Promise<DashboardBenchResult> {
  const rows: string[][] = [];
  const notes: string[] = [];
  const row = (...cells: string[]) => rows.push(cells);
  const spread = (xs: number[]) => [fmt(median(xs)), fmt(quantile(xs, 0.95)), String(xs.length)];
  const ext = await launchExtension({ outDir: o.outDir, viewport: { width: 1280, height: 900 } });
  row('', 'median', 'p95', 'n', 'target', '');
  /** (k) popup.html and a blank extension page, opened in turn with `size` applications stored. */
  const popupAt = async (size: number) => {
    o.say(`Dashboard: opening popup.html and a blank extension page ${o.popupRuns} times each with ${size}…`);
    const [popup, blank] = await timeOpensInTurn(ext, ['/popup.html', '/bench-floor/blank.html'], o.popupRuns);
    const ratio = median(popup!) / median(blank!);
    row(
      `(k) popup open to interactive / a blank extension page's, ${size} applications`,
      `${ratio.toFixed(2)}x`,
      '',
      '',
      `<= ${TARGET_POPUP_RATIO}x`,
      verdict(ratio <= TARGET_POPUP_RATIO),
    );
    row(`    popup.html, ms`, ...spread(popup!), '', '');
    row(`    blank extension page (one tiny script), ms`, ...spread(blank!), '', '');
  };
  try {
    await ext.clearData();
    await popupAt(0);
    for (const size of o.sizes) {
      await ext.clearData();
      o.say(`Dashboard: storing ${size} applications of ${QUESTIONS_PER_RECORD} questions (${CHUNK} per file)…`);
      const records = dashboardSeed(size);
      const t0 = Date.now();
      for (let i = 0; i < records.length; i += CHUNK)
        await importRecords(ext, records.slice(i, i + CHUNK), `bench-dashboard-${i}.json`);
      notes.push(
        `${size} applications stored in ${((Date.now() - t0) / 1000).toFixed(1)} s (${CHUNK} per backup file).`,
      );

      o.say(`Dashboard: opening dashboard.html ${o.runs} times (+1 untimed) with ${size}…`);
      const open: number[] = [];
      const whole: number[] = [];
      for (let i = -1; i < o.runs; i++) {
        const page = await openList(ext);
        const [mark, all] = await page.evaluate(() => [
          performance.getEntriesByName('jobnote:list')[0]!.startTime,
          (window as unknown as { __listComplete: number }).__listComplete,
        ]);
        if (i >= 0) whole.push(all!);
        const count = await page.getByTestId('count').textContent();
        if (!count?.includes(size.toLocaleString('en-US').replace(/,/g, '')))
          throw new Error(`the dashboard lists ${count}, not ${size}`);
        if (i >= 0) open.push(mark!);
        await page.close();
      }

      await popupAt(size);

      // Heap and DOM of a page showing the list.
      const page = await openList(ext, true);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
      const { nodes, memory } = await page.evaluate(() => ({
        nodes: document.getElementsByTagName('*').length,
        memory: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN,
      }));
      const mb = heap.usedSize / 1024 / 1024;

      // Search keystrokes.
      o.say(`Dashboard: typing ${QUERIES.length} searches with ${size}…`);
      const search = page.getByTestId('list-search');
      const perKey: number[] = [];
      let missed = 0;
      for (const q of QUERIES) {
        await search.fill('');
        await page.waitForFunction(
          () => document.querySelector('[data-testid="applications"]')?.getAttribute('data-query') === '',
        );
        await page.evaluate(() => {
          const b = (window as unknown as { __listBench: ListBench }).__listBench;
          b.keys.length = 0;
          b.updates.length = 0;
        });
        await search.pressSequentially(q, { delay: 120 });
        await page.waitForFunction(
          (want) => document.querySelector('[data-testid="applications"]')?.getAttribute('data-query') === want,
          q,
          { timeout: 10_000 },
        );
        await page.waitForTimeout(200);
        const b = await page.evaluate(() =>
          structuredClone((window as unknown as { __listBench: ListBench }).__listBench),
        );
        for (const k of b.keys) {
          const u = b.updates.find((x) => x.q === k.value && x.t >= k.t);
          if (u) perKey.push(u.t - k.t);
          else missed++;
        }
      }
      const found = await page.getByTestId('applications').getAttribute('data-count');
      await cdp.detach();
      await page.close();

      const m = median(open);
      row(
        `(g) dashboard open to rendered list, ms, ${size} applications`,
        ...spread(open),
        `< ${TARGET_LIST_MS}`,
        verdict(m < TARGET_LIST_MS),
      );
      row(
        `    open to the whole list read (the count shown; search and filters over all), ms`,
        ...spread(whole),
        '',
        '',
      );
      row(
        `(h) JS heap after GC, MB, ${size} applications (performance.memory: ${(memory / 1024 / 1024).toFixed(1)} MB)`,
        fmt(mb),
        '',
        '1',
        size >= 10_000 ? `< ${TARGET_HEAP_MB}` : '',
        size >= 10_000 ? verdict(mb < TARGET_HEAP_MB) : '',
      );
      row(`    DOM nodes with the list shown, ${size} applications`, String(nodes).padStart(6), '', '1', '', '');
      const p95 = quantile(perKey, 0.95);
      row(
        `(i) search keystroke to updated results, ms, ${size} applications`,
        ...spread(perKey),
        `< ${TARGET_SEARCH_MS}`,
        verdict(median(perKey) < TARGET_SEARCH_MS),
      );
      row(
        `    keystrokes whose own results never showed (a later key's came first): ${missed}; p95 ${p95.toFixed(1)} ms; "${QUERIES.at(-1)}" finds ${found}`,
        '',
        '',
        '',
        '',
        '',
      );
    }
    notes.push(
      [
        `Dashboard: each record has ${QUESTIONS_PER_RECORD} questions (the seed's questions topped up from the pool of`,
        'all seeded questions); searches typed at 120 ms a key:',
        QUERIES.map((q) => `"${q}"`).join(', '),
        '(the Persian one with Arabic ي and ك).',
      ].join(' '),
    );
    return { rows, notes, version: ext.context.browser()?.version() ?? '?' };
  } finally {
    await ext.close().catch(() => {});
  }
}

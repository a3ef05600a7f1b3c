/**
 * `npm run bench`: how fast a clip is, against a generic clipper, and how big the injected script is; then
 * the popup with 200 stored applications: open to interactive, the JS it loads, keystroke to saved
 * (scripts/bench/popup.ts); then the dashboard with 2,000 and 10,000 applications of 30 questions: open to a
 * rendered list, JS heap, DOM nodes, search keystroke to results, and the popup beside a blank extension page with
 * none, 2,000 and 10,000 (scripts/bench/dashboard.ts); then the application
 * page's preview: keystroke to updated preview, diagram drawn after interactive (scripts/bench/preview.ts); then a 50,000-record
 * backup imported through the dashboard's file input: time to the "imported" message, the longest main-thread
 * task meanwhile (scripts/bench/import.ts).
 *
 *   npm run bench                     # builds, then measures (about two minutes)
 *   npx tsx scripts/bench.ts --no-build [--runs 20] [--warm-runs 30] [--popup-runs 30] [--only clip|popup|dashboard|preview|import|entries]
 *                                     [--dashboard-runs 10] [--dashboard-sizes 2000,10000] [--preview-runs 10] [--import-runs 1]
 *   npx tsx scripts/bench.ts --out-dir DIR     # another unpacked Chrome build as "Jobnote" (no build)
 *
 * Both variants are the built extension (`.output/chrome-mv3`) in its own headless Chromium, with the boards
 * server (tests/e2e/boards-server.ts) playing jobinja.ir. The baseline is a copy of the same build whose
 * `clip.js` is scripts/bench/baseline-clip.ts (plain Readability + turndown): same injection, same checks,
 * same storage (`clipTab` in the background), only the extractor differs.
 *
 * One clip is timed in the service worker, from calling `globalThis.jobnote.clipTab(tabId)` (what the
 * context menu and the shortcut call) to its promise resolving: the record is then committed to IndexedDB
 * and the badge set. activeTab is granted beforehand by clicking the toolbar button (`Extensions.triggerAction`),
 * outside the timed part, and the tab is left to settle (idle, then 300 ms) before the clip.
 *   cold: a fresh tab each time (the common case: one clip per page): injecting clip.js + extract + store.
 *   warm: the same tab again (a re-clip): the injected clipper is reused, extract + store. activeTab stays
 *         granted between clips (checked: every clip must succeed).
 * Runs of the two variants are interleaved. Prints PASS/MISS against the targets; exits 0 whatever the
 * timings (1 only if something crashes).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startBoardsServer } from '../tests/e2e/boards-server';
import type { BoardsServer } from '../tests/e2e/boards-server';
import { DEFAULT_OUT_DIR, launchExtension, ROOT } from '../tests/e2e/harness';
import type { ExtensionHarness } from '../tests/e2e/harness';
import { benchPopup } from './bench/popup';
import { benchDashboard } from './bench/dashboard';
import { benchImport, TARGET_IMPORT_S, IMPORT_ENTRIES, TARGET_ENTRIES_S } from './bench/import';
import { benchPreview } from './bench/preview';
import { addFloorPages } from './bench/floor';
import { fmt, kb, median, printTable, quantile, verdict } from './bench/stats';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const COLD_RUNS = Math.max(flag('--runs', 20), 1);
const WARM_RUNS = Math.max(flag('--warm-runs', 30), 1);
const outArg = args.indexOf('--out-dir');
const OURS_DIR = outArg >= 0 ? resolve(args[outArg + 1]!) : DEFAULT_OUT_DIR;
const POPUP_RUNS = Math.max(flag('--popup-runs', 30), 1);
const POPUP_RECORDS = Math.max(flag('--records', 200), 1);
const onlyArg = args.indexOf('--only');
const ONLY = onlyArg >= 0 ? args[onlyArg + 1] : null;
const DASHBOARD_RUNS = Math.max(flag('--dashboard-runs', 10), 1);
const sizesArg = args.indexOf('--dashboard-sizes');
const DASHBOARD_SIZES = sizesArg >= 0 ? args[sizesArg + 1]!.split(',').map(Number) : [2000, 10_000];
const IMPORT_RUNS = Math.max(flag('--import-runs', 1), 1);
const PREVIEW_RUNS = Math.max(flag('--preview-runs', 10), 1);
const SETTLE_MS = 300;
const TARGET_MS = 50;
const TARGET_GZIP_KB = 40;

const started = Date.now();
const say = (s: string) => process.stderr.write(`${s}\n`);

interface Variant {
  name: string;
  ext: ExtensionHarness;
  cold: number[];
  warm: number[];
  /** The page-side part of warm clips (the clipper's own `ms`: extraction only). */
  extract: number[];
  /** The same for the first clip in a fresh tab (the clipper just injected). */
  coldExtract: number[];
  warmTab?: { page: Page; tabId: number };
}

/** Opens the page in a new tab and clicks the toolbar button for it (grants activeTab); returns the tab id. */
async function grantedTab(v: Variant, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await v.ext.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const popup = await v.ext.triggerAction(page);
  const tabId = (await popup.evaluate(
    'chrome.tabs.query({ active: true, currentWindow: true }).then((t) => t[0].id)',
  )) as number;
  await popup.close();
  // Let the popup's teardown and the page's own start-up finish (a user takes longer than this to get from
  // the button to the menu): timed right away, a cold clip measures them too.
  await page.evaluate('new Promise((done) => requestIdleCallback(() => done(), { timeout: 1000 }))');
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  return { page, tabId };
}

/** One clip, timed in the service worker from the call to the stored record. */
async function timedClip(v: Variant, tabId: number): Promise<number> {
  const r = (await v.ext.serviceWorker.evaluate(`(async () => {
    const t0 = performance.now();
    const result = await globalThis.jobnote.clipTab(${tabId});
    return { ms: performance.now() - t0, result };
  })()`)) as { ms: number; result: { ok: boolean; error?: string } };
  if (!r.result.ok) throw new Error(`${v.name}: clip failed: ${r.result.error}`);
  return r.ms;
}

/** The clipper's own timing of its first extraction in a fresh page: injected directly, nothing stored. */
async function coldExtractMs(v: Variant, tabId: number): Promise<number> {
  return (await v.ext.serviceWorker.evaluate(
    `chrome.scripting.executeScript({ target: { tabId: ${tabId} }, files: ['/clip.js'] }).then((x) => x[0].result.ms)`,
  )) as number;
}

/** The clipper's own timing of its extraction (page side only), by calling the injected function again. */
async function extractMs(v: Variant, tabId: number): Promise<number> {
  return (await v.ext.serviceWorker.evaluate(`chrome.scripting
    .executeScript({ target: { tabId: ${tabId} }, func: () => globalThis.__jobnoteClip().then((r) => r.ms) })
    .then((x) => x[0].result)`)) as number;
}

/** One benchmark's part of the report: what it measured, the machine, its notes, its table. */
function report(title: string[], notes: string[], rows: string[][]) {
  console.log('');
  for (const line of title) console.log(line);
  console.log(
    `Machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}.`,
  );
  for (const n of notes) console.log(n);
  console.log('');
  printTable(rows);
}

async function main() {
  if (!args.includes('--no-build') && outArg < 0) {
    say('Building (npm run build)…');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const tmp = await mkdtemp(join(tmpdir(), 'jobnote-bench-'));
  let server: BoardsServer | undefined;
  const variants: Variant[] = [];
  try {
    server = await startBoardsServer();
    if (!ONLY || ONLY === 'clip') {
      // The baseline variant: the same build with the baseline clipper as clip.js.
      const baselineDir = join(tmp, 'baseline-mv3');
      await cp(OURS_DIR, baselineDir, { recursive: true });
      execFileSync(
        join(ROOT, 'node_modules/.bin/esbuild'),
        [
          join(ROOT, 'scripts/bench/baseline-clip.ts'),
          '--bundle',
          '--minify',
          '--format=iife',
          '--target=chrome120',
          '--global-name=__jobnoteBaseline',
          // The script's value (what executeScript returns) is the last expression's: the clip's promise.
          '--footer:js=__jobnoteBaseline.default;',
          '--log-level=warning',
          `--outfile=${join(baselineDir, 'clip.js')}`,
        ],
        { cwd: ROOT, stdio: 'inherit' },
      );

      const ours = await readFile(join(OURS_DIR, 'clip.js'));
      const baseline = await readFile(join(baselineDir, 'clip.js'));

      const fx = server.fixture('jobinja', 'full');
      const hostRules = `--host-resolver-rules=${server.hostResolverRules}`;
      say(`Launching Chromium twice (Jobnote, baseline) on ${fx.board}/${fx.name}…`);
      for (const [name, outDir] of [
        ['Jobnote clip.js', OURS_DIR],
        ['baseline (Readability + turndown)', baselineDir],
      ] as const) {
        const ext = await launchExtension({
          outDir,
          actionPopups: true,
          args: [hostRules],
          viewport: { width: 1280, height: 800 },
        });
        variants.push({ name, ext, cold: [], warm: [], extract: [], coldExtract: [] });
      }
      const version = variants[0]!.ext.context.browser()?.version() ?? '?';

      // Cold: a fresh tab per clip. One untimed round first (the service worker's and V8's first time).
      say(`Cold: ${COLD_RUNS} clips per variant, each in a fresh tab…`);
      for (let i = -1; i < COLD_RUNS; i++) {
        for (const v of variants) {
          const { page, tabId } = await grantedTab(v, fx.pageUrl);
          const ms = await timedClip(v, tabId);
          if (i >= 0) v.cold.push(ms);
          await page.close();
        }
      }

      // Where the cold time goes: the clipper's own timing of its first extraction in a fresh page.
      const coldExtractRuns = Math.min(10, COLD_RUNS);
      say(`Cold extraction alone: ${coldExtractRuns} fresh tabs per variant…`);
      for (let i = 0; i < coldExtractRuns; i++) {
        for (const v of variants) {
          const { page, tabId } = await grantedTab(v, fx.pageUrl);
          v.coldExtract.push(await coldExtractMs(v, tabId));
          await page.close();
        }
      }

      // Warm: one tab, re-clipped; activeTab must stay granted (timedClip throws otherwise).
      say(`Warm: ${WARM_RUNS} re-clips per variant in one tab…`);
      for (const v of variants) {
        v.warmTab = await grantedTab(v, fx.pageUrl);
        await timedClip(v, v.warmTab.tabId);
      }
      for (let i = 0; i < WARM_RUNS; i++) {
        for (const v of variants) {
          v.warm.push(await timedClip(v, v.warmTab!.tabId));
          v.extract.push(await extractMs(v, v.warmTab!.tabId));
        }
      }

      // Report.
      const [a, b] = variants as [Variant, Variant];
      const rows: string[][] = [];
      const row = (...cells: string[]) => rows.push(cells);
      row('', 'median ms', 'p95 ms', 'n', 'target', '');
      for (const [label, v, xs, target] of [
        ['(a) Jobnote, cold: fresh tab, inject + extract + store', a, a.cold, true],
        ['    Jobnote, cold extraction alone (page side, 1st run)', a, a.coldExtract, false],
        ['    Jobnote, warm: re-clip, clipper reused', a, a.warm, true],
        ['    Jobnote, warm extraction alone (page side)', a, a.extract, false],
        ['(b) baseline, cold', b, b.cold, false],
        ['    baseline, cold extraction alone (page side, 1st run)', b, b.coldExtract, false],
        ['    baseline, warm', b, b.warm, false],
        ['    baseline, warm extraction alone (page side)', b, b.extract, false],
      ] as const) {
        void v;
        const m = median(xs);
        row(
          label,
          fmt(m),
          fmt(quantile(xs, 0.95)),
          String(xs.length),
          target ? `< ${TARGET_MS}` : '',
          target ? verdict(m < TARGET_MS) : '',
        );
      }
      for (const [label, x, y] of [
        ['    ratio Jobnote/baseline, cold (median)', median(a.cold), median(b.cold)],
        ['    ratio Jobnote/baseline, warm (median)', median(a.warm), median(b.warm)],
        ['    ratio Jobnote/baseline, cold extraction alone (median)', median(a.coldExtract), median(b.coldExtract)],
        ['    ratio Jobnote/baseline, warm extraction alone (median)', median(a.extract), median(b.extract)],
      ] as const) {
        const r = x / y;
        row(label, r.toFixed(2).padStart(6), '', '', '< 1', verdict(r < 1));
      }
      const gz = gzipSync(ours, { level: 9 }).length / 1024;
      const gzBase = gzipSync(baseline, { level: 9 }).length / 1024;
      row(
        '(c) clip.js gzipped, KB',
        gz.toFixed(1).padStart(6),
        '',
        '',
        `< ${TARGET_GZIP_KB}`,
        verdict(gz < TARGET_GZIP_KB),
      );
      row(
        `    clip.js raw ${kb(ours.length)} KB; ` +
          `baseline bundle ${kb(baseline.length)} KB raw, ${gzBase.toFixed(1)} KB gzipped`,
        '',
        '',
        '',
        '',
        '',
      );

      console.log('');
      console.log(
        `Jobnote clip benchmark: ${fx.board}/${fx.name}.html (${kb(Buffer.byteLength(fx.html))} KB) ` +
          `at ${fx.pageUrl.slice(0, 60)}…`,
      );
      console.log(
        `Chromium ${version}, headless; timed in the service worker from clipTab(tabId) to the stored record;`,
      );
      console.log(
        'each tab granted activeTab via the toolbar button, ' +
          `then left to settle (idle + ${SETTLE_MS} ms) before its first clip.`,
      );
      console.log(
        `Machine: ${cpus().length} CPUs, load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')} (other work on the machine shows up in the timings).`,
      );
      console.log('');
      // Rows with nothing but a label are notes, printed as they are.
      printTable(rows);
      for (const v of variants) await v.ext.close().catch(() => {});
    }

    // A copy of the build with the reference pages (scripts/bench/floor.ts) beside popup.html.
    const popupDir = join(tmp, 'popup-mv3');
    if (!ONLY || ONLY === 'popup' || ONLY === 'dashboard') {
      await cp(OURS_DIR, popupDir, { recursive: true });
      await addFloorPages(popupDir);
    }
    if (!ONLY || ONLY === 'popup') {
      const { rows, notes, version } = await benchPopup({
        outDir: popupDir,
        server,
        runs: POPUP_RUNS,
        records: POPUP_RECORDS,
        say,
      });
      report(
        [
          `Jobnote popup benchmark: ${POPUP_RECORDS} stored applications, headless Chromium ${version}; ` +
            "times from the page's navigation start to",
          "performance.mark('jobnote:interactive') (the first full view with data committed); " +
            `sizes gzipped -9 from ${OURS_DIR.replace(ROOT + '/', '')}.`,
        ],
        notes,
        rows,
      );
    }
    if (!ONLY || ONLY === 'dashboard') {
      const { rows, notes, version } = await benchDashboard({
        outDir: popupDir,
        runs: DASHBOARD_RUNS,
        popupRuns: Math.min(POPUP_RUNS, 20),
        sizes: DASHBOARD_SIZES,
        say,
      });
      report(
        [
          `Jobnote dashboard benchmark: ${DASHBOARD_SIZES.join(' and ')} stored applications, headless Chromium ${version}; ` +
            "open times from the page's navigation start to performance.mark('jobnote:list').",
        ],
        notes,
        rows,
      );
    }
    if (!ONLY || ONLY === 'preview') {
      const { rows, notes, version } = await benchPreview({ outDir: OURS_DIR, runs: PREVIEW_RUNS, say });
      report(
        [
          `Jobnote preview benchmark: the application page's live preview, headless Chromium ${version}; ` +
            'keystroke to the preview showing it, and the diagram drawn after the page is interactive.',
        ],
        notes,
        rows,
      );
    }
    if (!ONLY || ONLY === 'import') {
      const { rows, notes, version } = await benchImport({ outDir: OURS_DIR, runs: IMPORT_RUNS, tmpDir: tmp, say });
      report(
        [
          `Jobnote import benchmark: a backup through the dashboard's file input, headless Chromium ${version}; ` +
            `from its change event to the "imported" message (target < ${TARGET_IMPORT_S} s), page not blocked.`,
        ],
        notes,
        rows,
      );
    }
    if (!ONLY || ONLY === 'import' || ONLY === 'entries') {
      const entries = await benchImport({ outDir: OURS_DIR, runs: IMPORT_RUNS, tmpDir: tmp, say, entries: true });
      report(
        [
          `Jobnote entries import benchmark: ${IMPORT_ENTRIES} jobname entries through the dashboard's file input; ` +
            `from its change event to the "imported" message (target < ${TARGET_ENTRIES_S} s, with progress shown).`,
        ],
        entries.notes,
        entries.rows,
      );
    }
    console.log('');
    console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s; timings never fail the run)`);
  } finally {
    for (const v of variants) await v.ext.close().catch(() => {});
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

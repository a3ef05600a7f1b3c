/**
 * The application page's live preview in `npm run bench` (`--only preview`): one application of the seed's mix
 * with 30 questions and a process diagram, opened at `#/app/<id>` in the built dashboard.
 *
 * (p) keystroke to updated preview: characters typed at 120 ms a key into the role field; per keystroke, from its
 *     keydown to the animation frame after the preview's Markdown text holds the field's new value (the
 *     rendered entry and the text are one commit);
 * (q) diagram drawn after interactive: from the moment the page's fields are in the DOM (the editor can be typed
 *     in) to the diagram's SVG in the rendered preview, mermaid loaded on the way; beside it, when mermaid's
 *     import resolved (the app's `performance.mark('jobnote:mermaid')`, entrypoints/dashboard/diagram.ts).
 */
import { launchExtension } from '../../tests/e2e/harness';
import { importRecords } from '../../tests/e2e/popup-helpers';
import { appHash } from '../../utils/dashboard-route';
import { dashboardSeed } from './dashboard';
import { fmt, median, quantile, verdict } from './stats';

export const TARGET_PREVIEW_KEY_MS = 100;
export const TARGET_DIAGRAM_MS = 300;

/** Times in the page: when the fields appear, when the diagram's SVG does; per key, its keydown and each update. */
const INSTRUMENT = `(() => {
  const b = (window.__previewBench = { keys: [], updates: [], interactive: null, diagram: null, pending: null });
  addEventListener('keydown', (e) => { b.pending = e.timeStamp; }, true);
  addEventListener('input', (e) => {
    if (!e.target || e.target.dataset.testid !== 'edit-role') return;
    b.keys.push({ t: b.pending ?? e.timeStamp, value: e.target.value });
    b.pending = null;
  }, true);
  const watch = () => {
    const now = performance.now();
    if (b.interactive === null && document.querySelector('[data-testid="edit-role"]')) b.interactive = now;
    if (b.diagram === null && document.querySelector('[data-testid="preview-rendered"] .preview-diagram svg')) b.diagram = now;
    const pre = document.querySelector('[data-testid="preview-markdown"]');
    if (pre) {
      const text = pre.textContent;
      requestAnimationFrame(() => b.updates.push({ text, t: performance.now() }));
    }
  };
  new MutationObserver(watch).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

interface PreviewBench {
  keys: { t: number; value: string }[];
  updates: { text: string; t: number }[];
  interactive: number | null;
  diagram: number | null;
}

export async function benchPreview(o: { outDir: string; runs: number; say(s: string): void }) {
  const rows: string[][] = [];
  const row = (...cells: string[]) => rows.push(cells);
  const ext = await launchExtension({ outDir: o.outDir, viewport: { width: 1400, height: 900 } });
  try {
    const [record] = dashboardSeed(40).filter((r) => r.stages.length >= 3);
    if (!record) throw new Error('no seed record with a process');
    await importRecords(ext, [record], 'bench-preview.json');
    const open: number[] = [];
    const perKey: number[] = [];
    const mermaidAt: number[] = [];
    let missed = 0;
    o.say(`Preview: opening the application page ${o.runs} times (+1 untimed), typing into its role…`);
    for (let i = -1; i < o.runs; i++) {
      const page = await ext.context.newPage();
      await page.addInitScript(INSTRUMENT);
      await page.goto(ext.url(`/dashboard.html${appHash(record.id)}`), { waitUntil: 'commit' });
      await page.locator('[data-testid="preview-rendered"] .preview-diagram svg').first().waitFor({ timeout: 30_000 });
      const read = () =>
        page.evaluate(() => structuredClone((window as unknown as { __previewBench: PreviewBench }).__previewBench));
      const first = await read();
      if (i >= 0 && first.interactive !== null && first.diagram !== null) open.push(first.diagram - first.interactive);
      const loaded = await page.evaluate(() => performance.getEntriesByName('jobnote:mermaid')[0]?.startTime ?? null);
      if (i >= 0 && loaded !== null && first.interactive !== null) mermaidAt.push(loaded - first.interactive);
      const role = page.getByTestId('edit-role');
      await role.click();
      await role.press('End');
      await page.evaluate(() => {
        const b = (window as unknown as { __previewBench: PreviewBench }).__previewBench;
        b.keys.length = 0;
        b.updates.length = 0;
      });
      await role.pressSequentially(' (Go)', { delay: 120 });
      await page.waitForTimeout(300);
      const b = await read();
      if (i >= 0)
        for (const k of b.keys) {
          const u = b.updates.find((x) => x.t >= k.t && x.text.includes(`## ${k.value.trim()}\n`));
          if (u) perKey.push(u.t - k.t);
          else missed++;
        }
      await page.close();
    }
    row('', 'median', 'p95', 'n', 'target', '');
    const p95 = quantile(perKey, 0.95);
    row(
      '(p) preview: keystroke to updated preview, ms',
      fmt(median(perKey)),
      fmt(p95),
      String(perKey.length),
      `p95 < ${TARGET_PREVIEW_KEY_MS}`,
      verdict(p95 < TARGET_PREVIEW_KEY_MS),
    );
    row(`    keystrokes whose own preview never showed (a later key's came first): ${missed}`, '', '', '', '', '');
    const q95 = quantile(open, 0.95);
    row(
      '(q) preview: diagram drawn after the page is interactive, ms',
      fmt(median(open)),
      fmt(q95),
      String(open.length),
      `< ${TARGET_DIAGRAM_MS}`,
      verdict(median(open) < TARGET_DIAGRAM_MS),
    );
    row(
      "    of which mermaid's import (the app's mark 'jobnote:mermaid'), ms after interactive",
      fmt(median(mermaidAt)),
      fmt(quantile(mermaidAt, 0.95)),
      String(mermaidAt.length),
      '',
      '',
    );
    const notes = [
      `Preview: one application (${record.stages.length} stages, ${record.rounds.reduce((n, r) => n + r.questions.length, 0)} questions), ` +
        'typed " (Go)" into its role at 120 ms a key; "interactive" is when the page\'s fields are in the DOM.',
    ];
    return { rows, notes, version: ext.context.browser()?.version() ?? '?' };
  } finally {
    await ext.close().catch(() => {});
  }
}

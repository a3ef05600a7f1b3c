/**
 * scripts/check-budgets.ts on small made-up build folders: which files it counts for the popup, and that it
 * fails at the limits. The real build is measured by the browser suite (tests/e2e/manifest.e2e.test.ts) and
 * by `.ci/run`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS_KB, checkBudgets, pageScripts, popupFiles } from '../../scripts/check-budgets';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Random bytes do not compress: `kb` KB of them gzip to a little more than `kb` KB. */
const incompressible = (kb: number) => randomBytes(Math.round(kb * 1024)).toString('latin1');

const POPUP_HTML = `<!DOCTYPE html><html><head>
<script type="module" crossorigin src="/chunks/popup-A1.js"></script>
<link rel="modulepreload" crossorigin href="/chunks/db-B2.js">
<link rel="stylesheet" crossorigin href="/assets/popup-C3.css">
</head><body></body></html>`;

/** A build folder with the given files (path → content). */
function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jobnote-budgets-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text, 'latin1');
  }
  return dir;
}

const small = {
  'popup.html': POPUP_HTML,
  'clip.js': 'console.log(1)',
  'chunks/popup-A1.js': 'import "./db-B2.js"',
  'chunks/db-B2.js': 'export {}',
  'chunks/en-D4.js': 'export default {}',
  'chunks/dashboard-en-E5.js': incompressible(200),
  'chunks/QuestionsPanel-F6.js': incompressible(200),
};

describe('size budgets', () => {
  it('counts the popup entry, its preloads and the English dictionary, not lazy chunks or stylesheets', () => {
    expect(pageScripts(POPUP_HTML)).toEqual(['chunks/popup-A1.js', 'chunks/db-B2.js']);
    expect(popupFiles(build(small))).toEqual(['chunks/popup-A1.js', 'chunks/db-B2.js', 'chunks/en-D4.js']);
    expect(checkBudgets(build(small)).map((r) => [r.name, r.ok])).toEqual([
      ['clip', true],
      ['popup', true],
    ]);
  });

  it('fails a clip script of 40 KB gzipped or more', () => {
    const [clip] = checkBudgets(build({ ...small, 'clip.js': incompressible(BUDGETS_KB.clip) }));
    expect(clip!.gzBytes).toBeGreaterThanOrEqual(40 * 1024);
    expect(clip!.ok).toBe(false);
    expect(checkBudgets(build({ ...small, 'clip.js': incompressible(39) }))[0]!.ok).toBe(true);
  });

  it('fails popup JS of 90 KB gzipped or more, wherever the weight is among the counted files', () => {
    for (const file of ['chunks/popup-A1.js', 'chunks/db-B2.js', 'chunks/en-D4.js']) {
      const popup = checkBudgets(build({ ...small, [file]: incompressible(BUDGETS_KB.popup) }))[1]!;
      expect(popup.ok, file).toBe(false);
    }
    expect(checkBudgets(build({ ...small, 'chunks/db-B2.js': incompressible(88) }))[1]!.ok).toBe(true);
  });

  it('refuses a build it cannot measure: no dictionary chunk, a missing file, a remote script', () => {
    const { 'chunks/en-D4.js': _, ...noDictionary } = small;
    expect(() => checkBudgets(build(noDictionary))).toThrow(/English dictionary/);
    const { 'chunks/db-B2.js': __, ...noPreload } = small;
    expect(() => checkBudgets(build(noPreload))).toThrow(/db-B2/);
    expect(() => pageScripts('<script type="module" src="https://cdn.example/x.js"></script>')).toThrow(/remote/);
  });
});

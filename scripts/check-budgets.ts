/**
 * Size budgets of the built extension, checked by `.ci/run` after the build (never a timing):
 *
 *   tsx scripts/check-budgets.ts [outDir]      (default .output/chrome-mv3; `npm run build` first)
 *
 * - the clip script (`clip.js`, injected into the page on each clip) under 40 KB gzipped;
 * - the popup's JS until interactive under 90 KB gzipped: the entry chunk of `popup.html` (its module
 *   script) and its static imports (the `modulepreload` links Vite writes for them), plus the English
 *   dictionary chunk (`chunks/en-<hash>.js`, loaded before the first view). Lazy panels are not counted.
 *
 * Sizes are gzip level 9 of the built bytes, as `npm run bench` reports them. Prints one line per budget
 * and per file; exits 1 when a budget is reached or a file it needs is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Limits in KB (1024 bytes), gzipped: a budget fails at the limit or above. */
export const BUDGETS_KB = { clip: 40, popup: 90 } as const;

export interface BudgetFile {
  /** Path inside the build, e.g. `chunks/popup-BsgXPHRq.js`. */
  path: string;
  gzBytes: number;
}

export interface BudgetResult {
  name: keyof typeof BUDGETS_KB;
  limitKb: number;
  files: BudgetFile[];
  gzBytes: number;
  ok: boolean;
}

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** `src` of module scripts and `href` of modulepreload links in an HTML page, in order, without a leading `/`. */
export function pageScripts(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attr = (name: string) =>
      new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i')
        .exec(tag)
        ?.slice(1)
        .find((v) => v !== undefined);
    const url = tag.toLowerCase().startsWith('<script')
      ? attr('src')
      : /(^|\s)modulepreload(\s|$)/i.test(attr('rel') ?? '')
        ? attr('href')
        : undefined;
    if (url === undefined) continue;
    if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(url)) throw new Error(`remote script in the page: ${url}`);
    const path = url.replace(/^\.?\//, '');
    if (!out.includes(path)) out.push(path);
  }
  return out;
}

/** The popup's files until interactive: its scripts and preloads, and the English dictionary chunk. */
export function popupFiles(outDir: string): string[] {
  const files = pageScripts(readFileSync(join(outDir, 'popup.html'), 'utf8'));
  if (files.length === 0) throw new Error('popup.html loads no script');
  const chunks = existsSync(join(outDir, 'chunks')) ? readdirSync(join(outDir, 'chunks')) : [];
  // `en-<hash>.js`, not `en-panels-<hash>.js` (the lazy panels' words).
  const en = chunks.filter((f) => /^en-[\w-]+\.js$/.test(f) && !f.startsWith('en-panels-'));
  if (en.length !== 1) throw new Error(`expected one English dictionary chunk (chunks/en-*.js), found ${en.length}`);
  return [...files, `chunks/${en[0]}`];
}

function budget(outDir: string, name: keyof typeof BUDGETS_KB, paths: string[]): BudgetResult {
  const files = paths.map((path) => ({ path, gzBytes: gz(readFileSync(join(outDir, path))) }));
  const gzBytes = files.reduce((sum, f) => sum + f.gzBytes, 0);
  const limitKb = BUDGETS_KB[name];
  return { name, limitKb, files, gzBytes, ok: gzBytes < limitKb * 1024 };
}

/** Both budgets of one build folder. Throws when the build lacks a file a budget needs. */
export function checkBudgets(outDir: string): BudgetResult[] {
  return [budget(outDir, 'clip', ['clip.js']), budget(outDir, 'popup', popupFiles(outDir))];
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function main(args: string[]): number {
  const outDir = resolve(args[0] ?? '.output/chrome-mv3');
  let results: BudgetResult[];
  try {
    results = checkBudgets(outDir);
  } catch (err) {
    console.error(`size budgets: cannot measure ${outDir}: ${(err as Error).message}`);
    return 1;
  }
  for (const r of results) {
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${kb(r.gzBytes)} KB gzipped (budget: under ${r.limitKb} KB)`);
    for (const f of r.files) console.log(`       ${kb(f.gzBytes).padStart(6)} KB  ${f.path}`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));

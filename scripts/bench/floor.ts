/**
 * Reference pages for the popup's open-to-interactive time: what this machine and browser take to open an
 * extension page at all, with React in it, and with React and one IndexedDB read. They are built into a
 * copy of the extension (`bench-floor/*.html`), opened exactly as popup.html is, and printed beside it, so
 * the popup's figure reads against the floor of its stack, not against nothing.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ExtensionHarness } from '../../tests/e2e/harness';
import { ready } from '../../tests/e2e/popup-helpers';

const ROOT = resolve(import.meta.dirname, '../..');
export const FLOORS = [
  ['blank', 'an extension page with one tiny script'],
  ['react', 'React 19 rendering one paragraph'],
  ['stack', 'React 19 + IndexedDB: open, one read, render it'],
] as const;

/** Writes the floor pages into `outDir/bench-floor/` (a copy of the build: never the build itself). */
export async function addFloorPages(outDir: string): Promise<void> {
  for (const [name] of FLOORS) {
    execFileSync(
      join(ROOT, 'node_modules/.bin/esbuild'),
      [
        join(ROOT, `scripts/bench/floor/${name}.ts`),
        '--bundle',
        '--minify',
        '--format=esm',
        '--target=chrome120',
        '--define:process.env.NODE_ENV="production"',
        '--log-level=warning',
        `--outfile=${join(outDir, 'bench-floor', `${name}.js`)}`,
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    await writeFile(
      join(outDir, 'bench-floor', `${name}.html`),
      [
        '<!doctype html>\n',
        '<html lang="en"><head><meta charset="UTF-8"><title>floor</title></head>',
        `<body><div id="root"></div><script type="module" src="./${name}.js"></script></body></html>\n`,
      ].join(''),
    );
  }
}

/** Opens an extension page in a fresh tab `runs` times (+1 untimed); each time to its interactive mark. */
export async function timeOpens(ext: ExtensionHarness, path: string, runs: number): Promise<number[]> {
  return (await timeOpensInTurn(ext, [path], runs))[0]!;
}

/** Opens each floor page as popup.html is opened; the times to its mark, by page name. */
export async function measureFloors(ext: ExtensionHarness, runs: number): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const [name] of FLOORS) out.set(name, await timeOpens(ext, `/bench-floor/${name}.html`, runs));
  return out;
}

/**
 * Opens several extension pages in turn, `runs` rounds (+1 untimed), each in a fresh tab to its interactive
 * mark: pages compared with each other see the same machine at the same moments (a load that comes and
 * goes falls on all of them, not on one).
 */
export async function timeOpensInTurn(ext: ExtensionHarness, paths: string[], runs: number): Promise<number[][]> {
  const times: number[][] = paths.map(() => []);
  for (let i = -1; i < runs; i++) {
    for (const [j, path] of paths.entries()) {
      const page = await ext.context.newPage();
      await page.goto(ext.url(path), { waitUntil: 'commit' });
      await ready(page);
      const mark = await page.evaluate(() => performance.getEntriesByName('jobnote:interactive')[0]!.startTime);
      if (i >= 0) times[j]!.push(mark);
      await page.close();
    }
  }
  return times;
}

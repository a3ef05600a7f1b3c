/**
 * What the shipped builds ask the browser for, read from the built files (`npm run build && npm run
 * build:firefox`, which `npm run test:e2e` runs first): both manifests' permissions and CSP, no remote
 * code, no web-accessible resources, `web-ext lint` of the Firefox build with only the warnings we know
 * come from bundled libraries, and the size budgets (scripts/check-budgets.ts). SECURITY.md explains each
 * permission; a change here is a change there.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkBudgets, pageScripts } from '../../scripts/check-budgets';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = {
  chrome: join(ROOT, '.output/chrome-mv3'),
  firefox: join(ROOT, '.output/firefox-mv2'),
} as const;

/**
 * The whole permission list, and why (SECURITY.md): `activeTab` + `scripting` inject the clipper into the
 * tab the user clips, on their click, menu choice or shortcut; `contextMenus` is that menu item. No
 * `storage` (nothing uses browser.storage: records and settings are in IndexedDB), no host permission.
 */
const PERMISSIONS = ['activeTab', 'contextMenus', 'scripting'];

/** Manifest keys that would widen what the extension can reach or what can reach it. */
const FORBIDDEN_KEYS = [
  'host_permissions',
  'optional_permissions',
  'optional_host_permissions',
  'content_scripts',
  'web_accessible_resources',
  'externally_connectable',
  'sandbox',
  'update_url',
  'declarative_net_request',
  'chrome_url_overrides',
  'oauth2',
];

type Manifest = Record<string, unknown> & { manifest_version: number; permissions?: string[] };

function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No build in ${dir}: run \`npm run build && npm run build:firefox\`.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

/**
 * A Content-Security-Policy as directive → sources. Throws on anything but the safe shape: scripts from the
 * extension only (`'self'`), no eval, no remote host, objects from nowhere else.
 */
function expectSafeCsp(csp: string) {
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
  expect(directives.get('script-src'), `script-src in ${csp}`).toEqual(["'self'"]);
  expect(["'self'", "'none'"]).toContain((directives.get('object-src') ?? ["'self'"]).join(' '));
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*|data:|blob:/);
}

describe.each(Object.entries(BUILDS))('the %s build', (browser, dir) => {
  it('asks for exactly activeTab, scripting and contextMenus: no host, no storage, nothing optional', () => {
    const manifest = readManifest(dir);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(PERMISSIONS);
    for (const key of FORBIDDEN_KEYS) expect(manifest, key).not.toHaveProperty(key);
    // No match pattern anywhere (an MV2 host grant would sit in `permissions`).
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|:\/\/\*|\*:\/\/|file:\/\/|https?:\/\//);
    if (browser === 'firefox') {
      expect(manifest.manifest_version).toBe(2);
      expect(manifest.browser_specific_settings).toMatchObject({
        gecko: { id: 'jobnote@jobnote.dev', data_collection_permissions: { required: ['none'] } },
      });
    } else expect(manifest.manifest_version).toBe(3);
  });

  it("keeps the browser's default CSP, or one that allows only the extension's own scripts", () => {
    const csp = readManifest(dir).content_security_policy;
    if (csp === undefined) return; // MV3: script-src 'self'; MV2 (Firefox): script-src 'self'; object-src 'self'
    const policies = typeof csp === 'string' ? [csp] : Object.values(csp as Record<string, string>);
    for (const policy of policies) expectSafeCsp(policy);
  });

  it('loads no remote code: pages load their own files, scripts fetch and evaluate nothing', () => {
    const files = filesOf(dir);
    for (const page of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(page, 'utf8');
      // pageScripts throws on a script or preload from another origin.
      for (const script of pageScripts(html)) expect(existsSync(join(dir, script)), script).toBe(true);
      expect(html, relative(dir, page)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    }
    for (const js of files.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(js, 'utf8');
      const name = relative(dir, js);
      expect(code, name).not.toMatch(/\beval\(|new Function\(|importScripts\(|\bimport\(\s*[`'"]https?:/);
    }
    const background = readManifest(dir).background as Record<string, unknown>;
    for (const script of [background.service_worker, ...((background.scripts as string[]) ?? [])].filter(Boolean))
      expect(existsSync(join(dir, script as string)), String(script)).toBe(true);
  });
});

/** Chunks of the build other than the clipper (Vite names them after a module: `mermaid.core-<hash>.js`). */
const LAZY = /^chunks\/[\w.-]+\.js$/;

/**
 * `web-ext lint` warnings we know and accept: `innerHTML` and `Function` inside libraries bundled into our files,
 * and the one HTML sink of our own (components/SafeHtml.tsx: `npm run check:architecture` allows no other). Each
 * is recognised by its file, code and the code around it, which must also be in the library's own source in
 * node_modules (or ours). A new warning, or one of these in other code, fails.
 */
const KNOWN_LINT_WARNINGS: { library?: string; source?: string; file: RegExp; code: string; near: string }[] = [
  {
    library: '@mozilla/readability/Readability.js',
    file: /^clip\.js$/,
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: 'this._attempts.push',
  },
  {
    library: '@mozilla/readability/Readability.js',
    file: /^clip\.js$/,
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: '_isSingleImage',
  },
  // React DOM sets `dangerouslySetInnerHTML` in two places (a new element and an updated one).
  {
    library: 'react-dom/cjs/react-dom-client.production.js',
    file: /^chunks\/[\w-]+\.js$/,
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: 'dangerouslySetInnerHTML',
  },
  {
    library: 'react-dom/cjs/react-dom-client.production.js',
    file: /^chunks\/[\w-]+\.js$/,
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: 'dangerouslySetInnerHTML',
  },
  // The application page's preview (loaded only there): DOMPurify parses the markdown's HTML into a detached
  // document, and SafeHtml (components/SafeHtml.tsx, the one HTML sink) puts the sanitised diagram in its slot.
  {
    library: 'dompurify/dist/purify.es.mjs',
    file: LAZY,
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: 'documentElement.innerHTML',
  },
  { source: 'components/SafeHtml.tsx', file: LAZY, code: 'UNSAFE_VAR_ASSIGNMENT', near: '[data-diagram]' },
  // mermaid, which draws the preview's diagram, and what it bundles (d3, cytoscape, lodash's global lookup).
  {
    library: 'mermaid/dist/chunks/mermaid.core/chunk-75Z2AOVW.mjs',
    file: LAZY,
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: 'entityDecode',
  },
  {
    library: 'mermaid/dist/chunks/mermaid.core/chunk-DU6HZSFF.mjs',
    file: LAZY,
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: 'katex-temp',
  },
  { library: 'mermaid/dist/mermaid.core.mjs', file: LAZY, code: 'UNSAFE_VAR_ASSIGNMENT', near: 'insertBefore' },
  { library: 'mermaid/dist/mermaid.core.mjs', file: LAZY, code: 'UNSAFE_VAR_ASSIGNMENT', near: 'bindFunctions' },
  { library: 'd3-selection/dist/d3-selection.js', file: LAZY, code: 'UNSAFE_VAR_ASSIGNMENT', near: 'this.innerHTML' },
  { library: 'd3-selection/dist/d3-selection.js', file: LAZY, code: 'UNSAFE_VAR_ASSIGNMENT', near: 'this.innerHTML' },
  { library: 'cytoscape/dist/cytoscape.esm.mjs', file: LAZY, code: 'DANGEROUS_EVAL', near: 'return this' },
  { library: 'lodash-es/_root.js', file: LAZY, code: 'DANGEROUS_EVAL', near: 'return this' },
  { library: 'lodash-es/_root.js', file: LAZY, code: 'DANGEROUS_EVAL', near: 'return this' },
  { library: 'lodash-es/_root.js', file: LAZY, code: 'DANGEROUS_EVAL', near: 'return this' },
];

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

describe('web-ext lint of the Firefox build', () => {
  it('finds no error, and no warning but the known ones from bundled libraries', async () => {
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', BUILDS.firefox, '--output', 'json', '--no-input', '--no-config-discovery'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      errors: LintMessage[];
      warnings: LintMessage[];
      notices: LintMessage[];
    };
    expect(report.errors).toEqual([]);

    const unknown: string[] = [];
    const known = [...KNOWN_LINT_WARNINGS];
    for (const w of report.warnings) {
      const line = w.file ? readFileSync(join(BUILDS.firefox, w.file), 'utf8').split('\n')[(w.line ?? 1) - 1] : '';
      const around = (line ?? '').slice(Math.max(0, (w.column ?? 0) - 300), (w.column ?? 0) + 100);
      const i = known.findIndex((k) => k.code === w.code && k.file.test(w.file ?? '') && around.includes(k.near));
      if (i < 0) unknown.push(`${w.file}:${w.line}:${w.column} ${w.code}: ${w.message}`);
      else known.splice(i, 1);
    }
    expect(unknown, 'warnings not from a known bundled library').toEqual([]);
    // Each accepted warning really is library code: its marker is in the library's own source.
    for (const k of KNOWN_LINT_WARNINGS) {
      const path = k.library ? join('node_modules', k.library) : k.source!;
      expect(readFileSync(join(ROOT, path), 'utf8'), path).toContain(k.near);
    }
  }, 120_000);
});

describe('size budgets of the Chrome build', () => {
  it('keeps clip.js under 40 KB and the popup JS until interactive under 90 KB, gzipped', () => {
    const results = checkBudgets(BUILDS.chrome);
    for (const r of results)
      expect(r.gzBytes, `${r.name}: ${r.files.map((f) => f.path).join(', ')}`).toBeLessThan(r.limitKb * 1024);
    // The popup's count holds its entry chunk and the dictionary, and no dashboard code.
    const popup = results.find((r) => r.name === 'popup')!.files.map((f) => f.path);
    expect(popup[0]).toMatch(/^chunks\/popup-[\w-]+\.js$/);
    expect(popup.some((p) => /^chunks\/en-[\w-]+\.js$/.test(p))).toBe(true);
    expect(popup.some((p) => p.includes('dashboard'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { check, splitCode } from '../../scripts/check-architecture';

/** The violations of one file `path` holding `text`, beside the repository's other files `others`. */
const run = (path: string, text: string, others: string[] = []) =>
  check([{ path, text: src(text) }, ...others.map((p) => ({ path: p, text: '' }))]);

/** Source text with `#{…}` for a template literal's `${…}` (a `${` in a plain string reads as a slip). */
const src = (text: string) => text.replaceAll('#{', '${');

describe('splitCode', () => {
  it('blanks comments and string contents in the code and keeps them in the prose, line for line', () => {
    const text = "const a = 'x // y'; // note\n/* one\ntwo */ f(`t #{b} u`, /'/g);";
    const { code, prose } = splitCode(src(text));
    expect(code.split('\n')).toEqual(["const a = '      ';        ", '      ', src('       f(`  #{b}  `, / /g);')]);
    expect(prose).toContain('x // y');
    expect(prose).toContain('// note');
    expect(prose).toContain('two */');
    expect(prose).not.toContain('const');
    expect(code.length).toBe(src(text).length);
  });

  it('tells a regular expression from a division', () => {
    expect(splitCode('x = a / b / c;').code).toBe('x = a / b / c;');
    expect(splitCode("x = /['\"]/.test(s); y = 'z';").code).toBe("x = /    /.test(s); y = ' ';");
  });
});

describe('utils/ uses no browser global', () => {
  it('reports a bare global, one line each', () => {
    const text = [
      'const a = window.location;',
      'localStorage.setItem("k", "v");',
      'const b = document.title;',
      'await browser.storage.local.get();',
      'chrome.runtime.id;',
      'open(indexedDB);',
      'sessionStorage.clear();',
    ].join('\n');
    expect(run('utils/x.ts', text)).toEqual([
      'utils/x.ts:1: utils/ uses no browser global (window): take it as a parameter',
      'utils/x.ts:2: utils/ uses no browser global (localStorage): take it as a parameter',
      'utils/x.ts:3: utils/ uses no browser global (document): take it as a parameter',
      'utils/x.ts:4: utils/ uses no browser global (browser): take it as a parameter',
      'utils/x.ts:5: utils/ uses no browser global (chrome): take it as a parameter',
      'utils/x.ts:6: utils/ uses no browser global (indexedDB): take it as a parameter',
      'utils/x.ts:7: utils/ uses no browser global (sessionStorage): take it as a parameter',
    ]);
  });

  it('accepts a Document handed in, properties, keys, comments and strings', () => {
    const text = [
      '/** Reads the document title; the browser may translate it (window.name). */',
      'export function title(doc: Document, ctx: { document: Document }, window?: Window): string {',
      '  // localStorage is the caller’s business',
      "  const label = 'open the browser window';",
      '  const o = { browser: `chrome #{doc.title}`, chrome: 1 };',
      '  return doc.title + ctx.document.title + o.browser + (window ? "" : "-");',
      '}',
    ].join('\n');
    // The parameter `window` is named, not read from the global: only its use on the last line reports.
    expect(run('utils/x.ts', text)).toEqual([
      'utils/x.ts:6: utils/ uses no browser global (window): take it as a parameter',
    ]);
  });

  it('reports the browser API modules and leaves other folders alone', () => {
    expect(run('utils/x.ts', "import { browser } from 'wxt/browser';\n")).toEqual([
      'utils/x.ts:1: utils/ uses no browser global (browser): take it as a parameter',
      'utils/x.ts:1: utils/ uses no browser API (imports wxt/browser)',
    ]);
    expect(run('entrypoints/popup/App.tsx', 'window.close(); document.title = "x";')).toEqual([]);
  });
});

describe('imports between folders', () => {
  it('keeps utils/ out of entrypoints/, components/ and services/, by any spelling', () => {
    const text = [
      "import { db } from '@/services/db';",
      "import type { Props } from '../../components/Notice';",
      "export { App } from '~/entrypoints/popup/App';",
      "const lazy = () => import('../../entrypoints/popup/ExportPanel');",
      "import { formatDate } from './dates';",
      "import { openDB } from 'idb';",
      "// import { x } from '@/components/y';",
      'const s = "import { x } from \'@/components/y\'";',
    ].join('\n');
    expect(run('utils/clip/x.ts', text)).toEqual([
      'utils/clip/x.ts:1: utils/ never imports services/ (imports @/services/db)',
      'utils/clip/x.ts:2: utils/ never imports components/ (imports ../../components/Notice)',
      'utils/clip/x.ts:3: utils/ never imports entrypoints/ (imports ~/entrypoints/popup/App)',
      'utils/clip/x.ts:4: utils/ never imports entrypoints/ (imports ../../entrypoints/popup/ExportPanel)',
    ]);
  });

  it('keeps components/ out of entrypoints/', () => {
    const text = "import { useTr } from '../entrypoints/popup/context';\nimport { t } from '@/utils/i18n';\n";
    expect(run('components/Notice.tsx', text)).toEqual([
      'components/Notice.tsx:1: components/ never imports entrypoints/ (imports ../entrypoints/popup/context)',
    ]);
    expect(run('entrypoints/popup/App.tsx', "import { Notice } from '@/components/Notice';")).toEqual([]);
  });
});

describe('one inert HTML parser', () => {
  const text = [
    'const a = new DOMParser().parseFromString(html, "text/html");',
    "const b = doc.implementation.createHTMLDocument('');",
    'const c = range.createContextualFragment(html);',
    "el.insertAdjacentHTML('beforeend', html);",
    'document.write(html);',
    '// new DOMParser() is what parseInert uses',
  ].join('\n');

  it('reports every other way of parsing HTML outside utils/clip/markdown.ts', () => {
    const rule = 'HTML is parsed only in utils/clip/markdown.ts (parseInert, inertCopy)';
    expect(run('entrypoints/clip.ts', text)).toEqual([
      `entrypoints/clip.ts:1: ${rule}: new DOMParser`,
      `entrypoints/clip.ts:2: ${rule}: createHTMLDocument`,
      `entrypoints/clip.ts:3: ${rule}: createContextualFragment`,
      `entrypoints/clip.ts:4: ${rule}: insertAdjacentHTML`,
      `entrypoints/clip.ts:5: ${rule}: document.write`,
    ]);
  });

  it('allows them in utils/clip/markdown.ts, and in tests and scripts', () => {
    expect(run('utils/clip/markdown.ts', text)).toEqual([
      'utils/clip/markdown.ts:5: utils/ uses no browser global (document): take it as a parameter',
    ]);
    expect(run('tests/unit/x.test.ts', text)).toEqual([]);
  });
});

describe('no HTML sinks outside the sanitising module', () => {
  const text = [
    'el.innerHTML = html;',
    'const s = el.innerHTML;',
    'el.outerHTML = html;',
    'if (el.outerHTML === s) {}',
    'return <div dangerouslySetInnerHTML={{ __html: html }} />;',
    "const note = 'never innerHTML';",
  ].join('\n');

  it('reports innerHTML, an outerHTML assignment and dangerouslySetInnerHTML', () => {
    expect(run('components/Preview.tsx', text)).toEqual([
      'components/Preview.tsx:1: no innerHTML outside components/SafeHtml.tsx',
      'components/Preview.tsx:2: no innerHTML outside components/SafeHtml.tsx',
      'components/Preview.tsx:3: no outerHTML = outside components/SafeHtml.tsx',
      'components/Preview.tsx:5: no dangerouslySetInnerHTML outside components/SafeHtml.tsx',
    ]);
  });

  it('allows them in components/SafeHtml.tsx', () => {
    expect(run('components/SafeHtml.tsx', text)).toEqual([]);
  });
});

describe('cited documents exist', () => {
  const text = [
    '/**',
    ' * Jobinja (FACTS.md §3.1), the entry format (FORMAT.md §2; see docs/format.md and docs/record.md).',
    ' * The generator (docs/gone.md) and the rules (RULES.md §4).',
    ' */',
    "it('reads the diagram (FORMAT.md §6.4)', () => {});",
    "write('entries/acme.md', text); // a file name, not a citation: notes.md, SUMMARY.md",
  ].join('\n');

  it('rejects FORMAT.md and FACTS.md, a missing docs/ file and a missing sectioned name', () => {
    expect(run('utils/x.ts', text, ['docs/format.md', 'docs/record.md'])).toEqual([
      'utils/x.ts:2: cites FACTS.md, which is not in the repository: cite docs/boards.md',
      'utils/x.ts:2: cites FORMAT.md, which is not in the repository: cite docs/format.md',
      'utils/x.ts:3: cites docs/gone.md, which is not in the repository',
      'utils/x.ts:3: cites RULES.md, which is not in the repository',
      'utils/x.ts:5: cites FORMAT.md, which is not in the repository: cite docs/format.md',
    ]);
  });

  it('accepts documents that are in the repository', () => {
    const cites = '// See docs/format.md §2, README.md §Install and docs/boards.md.\n';
    expect(run('tests/unit/x.test.ts', cites, ['docs/format.md', 'docs/boards.md', 'README.md'])).toEqual([]);
    expect(run('tests/unit/x.test.ts', cites, ['README.md'])).toEqual([
      'tests/unit/x.test.ts:1: cites docs/format.md, which is not in the repository',
      'tests/unit/x.test.ts:1: cites docs/boards.md, which is not in the repository',
    ]);
  });

  it('does not scan markdown or data files', () => {
    expect(run('docs/notes.md', 'FORMAT.md §2 and docs/gone.md')).toEqual([]);
  });
});

/**
 * The architecture rules of README "Architecture", checked by plain text scans of the tracked source files
 * (run: `npm run check:architecture`). Prints `file:line: rule` for each violation and exits 1 if any.
 *
 * - utils/ uses no browser global (it also runs in the CLI and in tests): `browser`, `chrome`, `window`,
 *   `localStorage`, `sessionStorage`, `indexedDB`, a bare `document` (a Document handed in, `doc.`,
 *   `ctx.document`, is fine), nor the browser API modules.
 * - utils/ never imports entrypoints/, components/ or services/; components/ never imports entrypoints/.
 * - HTML is parsed, and nodes copied aside, only in utils/clip/markdown.ts (`parseInert`, `inertCopy`).
 * - No innerHTML / outerHTML assignment / dangerouslySetInnerHTML outside the one sanitising module.
 * - Every markdown document a source file cites exists in the repository.
 *
 * Comments and string contents are blanked before the code rules look (so prose and messages never match);
 * the citation rule reads comments and strings, where citations are.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SourceFile {
  path: string;
  text: string;
}

/** The one module allowed to parse HTML from a page or the clipboard (`parseInert`, `inertCopy`). */
export const INERT_PARSER = 'utils/clip/markdown.ts';
/** The one module allowed to put HTML into the page, once it exists (for the markdown preview). */
export const SAFE_HTML = 'components/SafeHtml.tsx';
/** Documents cited by name that live outside the repository, and where their content is to go. */
const OUTSIDE_DOCS: Record<string, string> = { 'FORMAT.md': 'docs/format.md', 'FACTS.md': 'docs/boards.md' };
/** The rule's own files name documents as examples, not as citations. */
const CITATION_EXAMPLES = new Set(['scripts/check-architecture.ts', 'tests/unit/check-architecture.test.ts']);

const SOURCE = /\.(?:ts|tsx|js|mjs|cjs)$/;
const PRODUCT_DIRS = ['entrypoints/', 'components/', 'services/', 'utils/', 'cli/'];
const BROWSER_GLOBALS = ['browser', 'chrome', 'window', 'localStorage', 'sessionStorage', 'indexedDB', 'document'];
const BROWSER_MODULES = ['wxt/browser', 'webextension-polyfill', '@wxt-dev/browser', '@wxt-dev/webextension-polyfill'];
const HTML_PARSERS: [RegExp, string][] = [
  [/\bnew\s+DOMParser\b/g, 'new DOMParser'],
  [/\bcreateHTMLDocument\b/g, 'createHTMLDocument'],
  [/\bcreateContextualFragment\b/g, 'createContextualFragment'],
  [/\binsertAdjacentHTML\b/g, 'insertAdjacentHTML'],
  [/(?<![\w$.])document\s*\.\s*write(?:ln)?\b/g, 'document.write'],
];
const HTML_SINKS: [RegExp, string][] = [
  [/\binnerHTML\b/g, 'innerHTML'],
  [/\bouterHTML\s*=(?!=)/g, 'outerHTML ='],
  [/\bdangerouslySetInnerHTML\b/g, 'dangerouslySetInnerHTML'],
];

/** Words after which a `/` starts a regular expression, not a division. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case']);

/**
 * `text` split in two of the same length and line breaks: `code` with comments and string contents (template
 * text too, not its `${…}`) blanked, and `prose` with only those kept. Quotes and delimiters stay in `code`,
 * so `from '…'` still reads as an import with an empty name there.
 */
export function splitCode(text: string): { code: string; prose: string } {
  const code = text.split('');
  const prose: string[] = text.split('').map((c) => (c === '\n' ? c : ' '));
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      if (code[k] === '\n') continue;
      prose[k] = code[k];
      code[k] = ' ';
    }
  };
  // Brace depths at which a template literal's `${` was opened, innermost last.
  const templates: number[] = [];
  let depth = 0;
  let last = ''; // the last significant code character or word, to tell a regex from a division
  let i = 0;
  const n = text.length;
  const template = (start: number): number => {
    // From just after a backtick or a closing `}` of `${…}`: the template text up to `${` or the closing backtick.
    let k = start;
    while (k < n && text[k] !== '`' && !(text[k] === '$' && text[k + 1] === '{')) k += text[k] === '\\' ? 2 : 1;
    blank(start, Math.min(k, n));
    if (text[k] === '`') {
      last = '`';
      return k + 1;
    }
    templates.push(depth);
    depth++;
    last = '{';
    return k + 2;
  };
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? n : end);
      i = end < 0 ? n : end;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      blank(i, end < 0 ? n : end + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      let k = i + 1;
      while (k < n && text[k] !== c && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      blank(i + 1, Math.min(k, n));
      last = c;
      i = k + 1;
    } else if (c === '`') {
      i = template(i + 1);
    } else if (c === '/' && (!last || /[(,=:[!&|?{};+\-*%>~^]$/.test(last) || BEFORE_REGEX.has(last))) {
      // A regular expression literal: its body is neither code nor prose.
      let k = i + 1;
      let inClass = false;
      while (k < n && text[k] !== '\n' && (inClass || text[k] !== '/')) {
        if (text[k] === '\\') k++;
        else if (text[k] === '[') inClass = true;
        else if (text[k] === ']') inClass = false;
        k++;
      }
      for (let m = i + 1; m < k && m < n; m++) code[m] = ' ';
      while (k + 1 < n && /[a-z]/i.test(text[k + 1])) k++;
      last = 'regex';
      i = k + 1;
    } else if (c === '{') {
      depth++;
      last = c;
      i++;
    } else if (c === '}') {
      depth--;
      if (templates.length && templates[templates.length - 1] === depth) {
        templates.pop();
        i = template(i + 1);
      } else {
        last = c;
        i++;
      }
    } else if (/[\w$]/.test(c)) {
      let k = i;
      while (k < n && /[\w$]/.test(text[k])) k++;
      last = text.slice(i, k);
      i = k;
    } else {
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return { code: code.join(''), prose: prose.join('') };
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < index; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

/** The module names a file imports (static, dynamic, re-exports), with their offsets. */
function importsOf(text: string, code: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  const forms = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*(['"])/g, // import … from '…', export … from '…'
    /\bimport\s*(['"])/g, // import '…'
    /\bimport\s*\(\s*(['"])/g, // import('…')
  ];
  for (const form of forms) {
    for (const m of code.matchAll(form)) {
      const open = m.index + m[0].length; // just after the quote
      const close = text.indexOf(m[1], open);
      if (close > open) out.push({ name: text.slice(open, close), at: m.index });
    }
  }
  return out;
}

/** The repository path an import names, or null for a package. `@/` and `~/` are WXT's root aliases. */
function resolveImport(from: string, name: string): string | null {
  if (name.startsWith('@/') || name.startsWith('~/')) return posix.normalize(name.slice(2));
  if (name.startsWith('.')) return posix.normalize(posix.join(posix.dirname(from), name));
  return null;
}

/** Every violation in `files` (paths relative to the repository root), as `file:line: rule`. */
export function check(files: SourceFile[]): string[] {
  const paths = new Set(files.map((f) => f.path));
  const basenames = new Set(files.map((f) => posix.basename(f.path)));
  const out: string[] = [];
  for (const file of files) {
    if (!SOURCE.test(file.path)) continue;
    const { path, text } = file;
    const { code, prose } = splitCode(text);
    const report = (at: number, rule: string) => out.push(`${path}:${lineOf(text, at)}: ${rule}`);
    const inUtils = path.startsWith('utils/');
    const product = PRODUCT_DIRS.some((d) => path.startsWith(d));

    if (inUtils) {
      // A bare identifier: not a property (`x.window`), not a key or a parameter's name (`window: …`).
      const globals = new RegExp(`(?<![\\w$.])(?:${BROWSER_GLOBALS.join('|')})\\b(?![\\w$]|\\s*\\??:(?!:))`, 'g');
      for (const m of code.matchAll(globals)) {
        report(m.index, `utils/ uses no browser global (${m[0]}): take it as a parameter`);
      }
    }
    for (const { name, at } of importsOf(text, code)) {
      const target = resolveImport(path, name);
      if (inUtils && BROWSER_MODULES.includes(name)) report(at, `utils/ uses no browser API (imports ${name})`);
      if (!target) continue;
      const top = target.split('/')[0];
      if (inUtils && ['entrypoints', 'components', 'services'].includes(top)) {
        report(at, `utils/ never imports ${top}/ (imports ${name})`);
      }
      if (path.startsWith('components/') && top === 'entrypoints') {
        report(at, `components/ never imports entrypoints/ (imports ${name})`);
      }
    }
    if (product && path !== INERT_PARSER) {
      for (const [re, what] of HTML_PARSERS) {
        for (const m of code.matchAll(re))
          report(m.index, `HTML is parsed only in ${INERT_PARSER} (parseInert, inertCopy): ${what}`);
      }
    }
    if (product && path !== SAFE_HTML) {
      for (const [re, what] of HTML_SINKS) {
        for (const m of code.matchAll(re)) report(m.index, `no ${what} outside ${SAFE_HTML}`);
      }
    }
    // Citations: a docs/ path, a name cited with a section (`X.md §2`), or a document kept outside.
    if (CITATION_EXAMPLES.has(path)) continue;
    for (const m of prose.matchAll(/(?<![\w./-])((?:[\w-]+\/)*[\w.-]+\.md)\b(\s*§)?/g)) {
      const [, name, section] = m;
      if (name.startsWith('docs/')) {
        if (!paths.has(name)) report(m.index, `cites ${name}, which is not in the repository`);
      } else if (Object.hasOwn(OUTSIDE_DOCS, name) && !basenames.has(name)) {
        report(m.index, `cites ${name}, which is not in the repository: cite ${OUTSIDE_DOCS[name]}`);
      } else if (section && !name.includes('/') && !basenames.has(name)) {
        report(m.index, `cites ${name}, which is not in the repository`);
      }
    }
  }
  return out;
}

function main(): void {
  const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  const files = tracked.map((path) => ({ path, text: SOURCE.test(path) ? readFileSync(path, 'utf8') : '' }));
  const problems = check(files);
  for (const p of problems) console.log(p);
  if (problems.length) {
    console.log(`${problems.length} architecture rule violation${problems.length === 1 ? '' : 's'}`);
    process.exit(1);
  }
  console.log(`architecture rules: ${files.filter((f) => SOURCE.test(f.path)).length} source files, no violation`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

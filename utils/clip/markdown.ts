/**
 * A posting's description as markdown: turndown configured for job descriptions (docs/boards.md §4): ATX
 * headings, fenced code, `- ` bullets, GFM tables, escaping only where markdown would misread the text,
 * Persian kept as is. The HTML is first copied into an inert document and cleaned: scripts, event
 * handlers, `javascript:` links, forms and page chrome never reach the markdown, and nothing in it loads
 * or runs while it is converted.
 *
 * Time is bounded on hostile input: HTML strings are cut before parsing, deeply nested or huge trees are
 * read as plain text by an iterative walk (turndown and DOM cloning recurse, and jsdom's parser slows down
 * quadratically with nesting depth).
 */
import TurndownService from 'turndown';
import { decodeEntities } from './normalize';
import { FenceTracker } from '../fence';

export interface MarkdownResult {
  markdown: string;
  truncated: boolean;
  /** The HTML was too large or too deeply nested to convert, so only its text was kept. */
  plain?: boolean;
}

export interface MarkdownOptions {
  /** Base URL for relative links and images. */
  baseUrl: string;
  /** Longest markdown kept (characters). */
  maxChars: number;
}

/** Elements whose content is never part of a description. */
const DROP_TAGS = new Set(
  [
    // code, frames and embedded documents
    'script style noscript template iframe frame frameset object embed applet svg canvas math',
    // forms and their controls
    'form input button select textarea option optgroup datalist label',
    // document metadata
    'link meta base head title',
    // page chrome around the content
    'nav header footer aside dialog',
    // media
    'audio video source track',
  ]
    .join(' ')
    .split(' '),
);

/**
 * More elements than this: an HTML string is cut before it, a page's element is read as plain text. Job
 * descriptions have tens to hundreds; turndown and jsdom's parser take about a millisecond per element.
 */
const MAX_ELEMENTS = 2_000;
/** Deeper than this and the description falls back to its plain text (turndown recurses per level). */
const MAX_DEPTH = 400;
/** An HTML string is cut to this many characters (or 4 × maxChars) before it is parsed. */
const MAX_HTML_CHARS = 250_000;

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

const BLOCK_TAGS = new Set(
  [
    'address article blockquote details div figcaption figure hr main p pre section summary',
    'h1 h2 h3 h4 h5 h6',
    'dd dl dt li ol ul',
    'table tbody td tfoot th thead tr',
  ]
    .join(' ')
    .split(' '),
);

function isHidden(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(el.getAttribute('style') ?? '')
  );
}

function dropped(el: Element): boolean {
  return DROP_TAGS.has(el.localName.toLowerCase()) || isHidden(el);
}

/**
 * Visits `root`'s descendants in document order without recursion. `enter` may return 'skip' (not into
 * this element) or 'stop'; `leave` is called when an entered element's subtree is done.
 */
function walk(
  root: Node,
  enter: (node: Node, depth: number) => 'skip' | 'stop' | undefined,
  leave?: (node: Node) => void,
): void {
  let node: Node | null = root.firstChild;
  let depth = 1;
  while (node) {
    const r = enter(node, depth);
    if (r === 'stop') return;
    if (r !== 'skip' && node.firstChild) {
      node = node.firstChild;
      depth++;
      continue;
    }
    if (r !== 'skip') leave?.(node);
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
      if (node && node !== root) leave?.(node);
    }
    node = node && node !== root ? node.nextSibling : null;
  }
}

/**
 * The text nodes under `root`, in document order, each as written (not cleaned): what the boards read a
 * header or a pill row with. Elements `skip` says yes to are left out with everything in them; a `<br>` gives
 * `br` when it is set.
 */
export function textNodes(root: Node, options: { skip?: (el: Element) => boolean; br?: string } = {}): string[] {
  const out: string[] = [];
  walk(root, (node) => {
    if (node.nodeType === 3) out.push(node.nodeValue ?? '');
    else if (node.nodeType === 1) {
      if (options.skip?.(node as Element)) return 'skip';
      if (options.br !== undefined && node.nodeName === 'BR') out.push(options.br);
    }
  });
  return out;
}

/** How much of a tree may be read: at most `elements` elements, nested at most `depth` levels below the root. */
export interface TreeLimits {
  elements: number;
  depth: number;
}

/** Which limit a tree (or an HTML string) exceeds: it nests deeper than `limit`, or has more elements. */
export interface Oversize {
  kind: 'deep' | 'large';
  limit: number;
}

/**
 * Whether `root`'s descendants exceed the limits, by an iterative walk that stops at the first element over
 * them: it costs at most `limits.elements` steps whatever the tree, so it is safe on any page.
 */
export function oversize(root: Node, limits: TreeLimits): Oversize | null {
  let elements = 0;
  let over: Oversize | null = null;
  walk(root, (node, depth) => {
    if (node.nodeType !== 1) return;
    if (depth > limits.depth) over = { kind: 'deep', limit: limits.depth };
    else if (++elements > limits.elements) over = { kind: 'large', limit: limits.elements };
    return over ? 'stop' : undefined;
  });
  return over;
}

/** Whether the tree is small and shallow enough for turndown. */
function convertible(root: Node): boolean {
  return !oversize(root, { elements: MAX_ELEMENTS, depth: MAX_DEPTH });
}

const VOID_TAGS = new Set('area base br col embed hr img input link meta param source track wbr keygen'.split(' '));
/** Elements whose end tag may be left out: they never nest in themselves, so they don't add depth. */
const OPTIONAL_END = new Set(
  'p li dt dd tr td th thead tbody tfoot option optgroup rb rt rp rtc colgroup caption html head body'.split(' '),
);

/**
 * A cheap look at an HTML string (tags counted, not parsed): whether it nests deeper than `maxDepth`, and
 * where its `maxTags + 1`-th start tag begins (the string is cut there: jsdom's parser alone takes seconds
 * for a few tens of thousands of elements).
 */
function scanHtml(html: string, maxDepth: number, maxTags: number): { deep: boolean; cutAt: number | null } {
  let depth = 0;
  let tags = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/g)) {
    const tag = m[2].toLowerCase();
    if (!m[1] && ++tags > maxTags) return { deep: false, cutAt: m.index };
    if (VOID_TAGS.has(tag) || OPTIONAL_END.has(tag)) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > maxDepth) return { deep: true, cutAt: null };
  }
  return { deep: false, cutAt: null };
}

/**
 * The same limits for an HTML string, without parsing it (tags counted; end tags a parser would imply are
 * not). For pages a DOM implementation would take too long to build, or could not build at all (jsdom
 * recurses per level).
 */
export function oversizeHtml(html: string, limits: TreeLimits): Oversize | null {
  const scan = scanHtml(html, limits.depth, limits.elements);
  if (scan.deep) return { kind: 'deep', limit: limits.depth };
  return scan.cutAt === null ? null : { kind: 'large', limit: limits.elements };
}

/**
 * An HTML string as the body of a document of its own (DOMParser: no browsing context, so nothing in it loads
 * or runs), never through innerHTML. Browsers, jsdom and happy-dom all have DOMParser.
 */
export function parseInert(html: string, doc: Document): HTMLElement {
  const Parser = parserOf(doc);
  if (!Parser) throw new Error('this DOM has no DOMParser to read HTML with');
  return new Parser().parseFromString(html, 'text/html').body;
}

/** The DOMParser of the documents `inertDocument` made (they have no window of their own to find it on). */
const parsers = new WeakMap<Document, typeof DOMParser>();

function parserOf(doc: Document): typeof DOMParser | undefined {
  return parsers.get(doc) ?? doc.defaultView?.DOMParser ?? (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
}

/**
 * A new empty document with no browsing context (nothing in it loads or runs), of the same DOM as `doc`;
 * `parseInert` reads HTML for it with `doc`'s parser.
 */
export function inertDocument(doc: Document): Document {
  const inert = doc.implementation.createHTMLDocument('');
  const Parser = parserOf(doc);
  if (Parser) parsers.set(inert, Parser);
  return inert;
}

/**
 * A deep copy of `node` in a new document with no browsing context (nothing in it loads or runs), so that
 * cleaning it never changes the page. The copy's `ownerDocument` is that document.
 */
export function inertCopy<T extends Node>(node: T, doc: Document): T {
  return inertDocument(doc).importNode(node, true);
}

function absolute(url: string, base: string): string | null {
  // The URL parser itself drops leading/trailing controls and spaces and inner tabs/newlines, as browsers do.
  if (!url.trim()) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** Removes what must never reach the record, in place (one pass: selector engines are slow on big trees). */
export function sanitize(root: Element, baseUrl: string): void {
  const remove: Element[] = [];
  walk(root, (node) => {
    if (node.nodeType === 8) {
      remove.push(node as unknown as Element);
      return 'skip';
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (dropped(el)) {
      remove.push(el);
      return 'skip';
    }
    if (!el.hasAttributes()) return;
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'formaction' || name === 'srcset')
        el.removeAttribute(attr.name);
    }
    if (el.localName === 'a' && el.hasAttribute('href')) {
      const href = absolute(el.getAttribute('href') ?? '', baseUrl);
      if (href && SAFE_LINK.test(href)) el.setAttribute('href', href);
      else el.removeAttribute('href');
    } else if (el.localName === 'img') {
      // An image without alt text is decoration or a tracking pixel: not part of the description.
      const src = absolute(el.getAttribute('src') ?? '', baseUrl);
      if (src && /^https?:/i.test(src) && (el.getAttribute('alt') ?? '').trim()) el.setAttribute('src', src);
      else remove.push(el);
    }
  });
  for (const el of remove) el.parentNode?.removeChild(el);
}

/**
 * Markdown escaping that does not litter ordinary text: only what would start a block at the start of a
 * line, emphasis markers that could pair up (`_` only at a word's edge, so `some_snake_case` stays as is),
 * backticks, `](` that could form a link, `<` that could open a tag (page text like `&lt;img onerror…&gt;`
 * must stay text), and `&` that could start an entity.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
    .replace(/\*/g, '\\*')
    .replace(/_+/g, (run, at: number, all: string) => {
      const inWord = /[\p{L}\p{N}]/u;
      return inWord.test(all[at - 1] ?? '') && inWord.test(all[at + run.length] ?? '') ? run : run.replace(/_/g, '\\_');
    })
    .replace(/`/g, '\\`')
    .replace(/\](?=[(:[])/g, '\\]')
    .replace(/<(?=[a-zA-Z/!?])/g, '\\<')
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&')
    .replace(/^(\s*)(>|#{1,6}(?=\s|$)|[-+=]+(?=\s|$))/gm, '$1\\$2')
    .replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/gm, '$1$2\\$3')
    .replace(/^(\s*)(~~~)/gm, '$1\\$2');
}

let service: TurndownService | null = null;

function inTableCell(el: Element): boolean {
  return !!el.parentElement?.closest('td,th');
}

function cellText(content: string): string {
  return content
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function isFirstRow(tr: Element): boolean {
  const table = tr.closest('table');
  return !!table && table.querySelector('tr') === tr;
}

function cells(tr: Element): Element[] {
  return Array.from(tr.children).filter((c) => c.tagName === 'TH' || c.tagName === 'TD');
}

function span(cell: Element): number {
  return Math.min(Math.max(Math.trunc(Number(cell.getAttribute('colspan'))) || 1, 1), 20);
}

function columns(tr: Element): number {
  return cells(tr).reduce((n, c) => n + span(c), 0);
}

const tableWidths = new WeakMap<Element, number>();

/** The widest row of the table (GFM drops cells beyond the header's width). */
function tableWidth(table: Element): number {
  let w = tableWidths.get(table);
  if (w === undefined) {
    const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
    w = Math.max(1, ...rows.map(columns));
    tableWidths.set(table, w);
  }
  return w;
}

function isHeaderRow(tr: Element): boolean {
  const c = cells(tr);
  return tr.parentElement?.tagName === 'THEAD' || (c.length > 0 && c.every((x) => x.tagName === 'TH'));
}

function languageOf(...els: (Element | null)[]): string {
  for (const el of els) {
    const m = /(?:^|\s)(?:language|lang)-([A-Za-z0-9_+#.-]+)/.exec(el?.getAttribute('class') ?? '');
    if (m) return m[1];
  }
  return '';
}

/** The text of a `pre`, with `<br>` as line breaks. */
function preText(pre: Element): string {
  return textNodes(pre, { br: '\n' }).join('');
}

function fenced(code: string, language: string): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/^\s*(`{3,})/gm), (m) => m[1].length));
  const fence = '`'.repeat(longest + 1);
  return `\n\n${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}\n\n`;
}

/** The configured converter (made once: building turndown's rule set is not free). */
export function turndown(): TurndownService {
  if (service) return service;
  const t = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    hr: '---',
    linkStyle: 'inlined',
  });
  t.escape = escapeMarkdown;
  t.remove([
    'script',
    'style',
    'noscript',
    'template',
    'iframe',
    'object',
    'embed',
    'canvas',
    'form',
    'button',
    'input',
    'select',
    'textarea',
  ]);
  // A heading is one line: a `<br>` inside it would end it and leave the rest as a paragraph.
  t.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement(content, node) {
      const text = content.replace(/\s*\n\s*/g, ' ').trim();
      return text ? `\n\n${'#'.repeat(Number(node.nodeName.charAt(1)))} ${text}\n\n` : '';
    },
  });
  // Fenced code, language from `class="language-x"` on the code or the pre, `<pre>` without `<code>` too.
  t.addRule('fencedCode', {
    filter: (node) => node.nodeName === 'PRE',
    replacement(_content, node) {
      const pre = node as Element;
      const code =
        pre.firstElementChild?.nodeName === 'CODE' && pre.children.length === 1 ? pre.firstElementChild : null;
      return fenced(preText(pre), languageOf(code, pre));
    },
  });
  // `- item` with one space (turndown writes `-   item`), nested content indented to match.
  t.addRule('listItem', {
    filter: 'li',
    replacement(content, node) {
      const el = node as Element;
      const parent = el.parentNode as Element | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Math.trunc(Number(parent.getAttribute('start') ?? 1));
        const first = Number.isFinite(start) && start >= 0 ? start : 1;
        prefix = `${first + Array.prototype.indexOf.call(parent.children, el)}. `;
      }
      // In a table cell a list is one line: `a; b`.
      if (inTableCell(el)) {
        const text = content.replace(/\s*\n\s*/g, ' ').trim();
        return (parent?.nodeName === 'OL' ? prefix : '') + text + (el.nextElementSibling ? '; ' : '');
      }
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n/gm, '\n' + ' '.repeat(prefix.length));
      return prefix + body + (el.nextSibling && !/\n$/.test(body) ? '\n' : '');
    },
  });
  t.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement(content, node) {
      return ` ${cellText(content)} |` + ' |'.repeat(span(node as Element) - 1);
    },
  });
  t.addRule('tableRow', {
    filter: 'tr',
    replacement(content, node) {
      const tr = node as Element;
      const table = tr.closest('table');
      const width = table ? tableWidth(table) : columns(tr);
      const row = `|${content.replace(/\n+/g, ' ')}${' |'.repeat(Math.max(width - columns(tr), 0))}\n`;
      if (!isFirstRow(tr)) return row;
      const rule = '|' + ' --- |'.repeat(width) + '\n';
      // GFM needs a header row: a table without one gets an empty header, so no data row is promoted.
      return isHeaderRow(tr) ? row + rule : '|' + ' |'.repeat(width) + '\n' + rule + row;
    },
  });
  t.addRule('table', {
    filter: 'table',
    replacement(content, node) {
      const caption = (node as Element).querySelector('caption')?.textContent?.replace(/\s+/g, ' ').trim();
      return `\n\n${caption ? escapeMarkdown(caption) + '\n\n' : ''}${content.replace(/\n+/g, '\n').trim()}\n\n`;
    },
  });
  t.addRule('tableCaption', { filter: 'caption', replacement: () => '' });
  // turndown treats these as inline: «link» followed by a summary «s» would read «links».
  t.addRule('disclosure', {
    filter: ['details', 'summary', 'figcaption', 'center'] as (keyof HTMLElementTagNameMap)[],
    replacement: (content) => `\n\n${content}\n\n`,
  });
  t.addRule('linkWithoutHref', {
    filter: (node) => node.nodeName === 'A' && !(node as Element).getAttribute('href'),
    replacement: (content) => content,
  });
  service = t;
  return t;
}

/**
 * Tidies turndown's output outside code blocks: no non-breaking spaces (nor indentation made of them), no
 * trailing blanks except a hard break's two spaces, at most one blank line.
 */
function tidy(md: string): string {
  const out: string[] = [];
  const fence = new FenceTracker();
  for (const raw of md.split('\n')) {
    // Code is kept as it is, from the line after the opening fence to the closing one.
    const inCode = fence.fence !== null;
    fence.step(raw);
    if (inCode) {
      out.push(raw);
      continue;
    }
    const line = raw
      .replace(/^[\u00a0 ]*\u00a0[\u00a0 ]*/, '')
      .replace(/\u00a0/g, ' ')
      .replace(/^\s+$/, '')
      .replace(/[ \t]+$/, (m) => (m.length >= 2 ? '  ' : ''));
    if (line === '' && out.length && out[out.length - 1] === '') continue;
    out.push(line);
  }
  return out.join('\n').trim();
}

/** Cuts near the limit, at a paragraph break if there is one in the last half, never inside a character. */
export function capText(text: string, max: number): MarkdownResult {
  if (text.length <= max) return { markdown: text, truncated: false };
  let cut = text.lastIndexOf('\n\n', max);
  if (cut < max * 0.5) cut = text.lastIndexOf('\n', max);
  if (cut < max * 0.5) cut = text.lastIndexOf(' ', max);
  if (cut < max * 0.5) cut = max;
  if (/[\ud800-\udbff]/.test(text.charAt(cut - 1))) cut--;
  let kept = text.slice(0, cut).trimEnd();
  // A cut inside a code block would leave the rest of the record as code.
  const fence = new FenceTracker();
  for (const line of kept.split('\n')) fence.step(line);
  if (fence.fence) kept += '\n' + fence.fence.run;
  return { markdown: kept + '\n\n…', truncated: true };
}

/** The text of a tree, paragraphs at block boundaries, escaped; stops once it has more than `max` characters. */
function plainText(root: Node, max: number): { text: string; complete: boolean } {
  const parts: string[] = [];
  let length = 0;
  let complete = true;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  walk(
    root,
    (node) => {
      if (length > max) {
        complete = false;
        return 'stop';
      }
      if (node.nodeType === 3) push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      else if (node.nodeType === 1) {
        const el = node as Element;
        if (dropped(el)) return 'skip';
        if (el.nodeName === 'BR') push('\n');
        else if (BLOCK_TAGS.has(el.localName.toLowerCase())) push('\n\n');
      } else return 'skip';
    },
    (node) => {
      if (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).localName.toLowerCase())) push('\n\n');
    },
  );
  const text = parts
    .join('')
    .split(/\n/)
    .map((line) => escapeMarkdown(line.trim()))
    .join('\n');
  return { text, complete };
}

/** An HTML string's text when it is too deeply nested to parse in bounded time (tags dropped, not parsed). */
function stringText(html: string): string {
  return html
    .replace(/<(script|style|template|noscript|iframe|textarea|title|svg|math)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(?:p|div|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|pre|dd|dt|dl)\b[^>]*>/gi, '\n\n')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>?/g, '');
}

/** Converts a description (an element of the page or an HTML string) to markdown. */
export function htmlToMarkdown(input: Element | string, doc: Document, options: MarkdownOptions): MarkdownResult {
  let cut = false;
  let root: Element;
  if (typeof input === 'string') {
    let html = input;
    const limit = Math.max(MAX_HTML_CHARS, options.maxChars * 4);
    if (html.length > limit) {
      const lt = html.lastIndexOf('<', limit);
      html = html.slice(0, lt > limit * 0.9 ? lt : limit);
      cut = true;
    }
    const scan = scanHtml(html, MAX_DEPTH * 2, MAX_ELEMENTS);
    if (scan.deep) {
      const text = decodeEntities(stringText(html))
        .split(/\n/)
        .map((l) => escapeMarkdown(l.replace(/\s+/g, ' ').trim()))
        .join('\n');
      const r = capText(tidy(text), options.maxChars);
      return { ...r, truncated: r.truncated || cut, plain: true };
    }
    if (scan.cutAt !== null) {
      html = html.slice(0, scan.cutAt);
      cut = true;
    }
    root = parseInert(html, doc);
  } else root = input;

  if (!convertible(root)) {
    const { text, complete } = plainText(root, options.maxChars * 2);
    const r = capText(tidy(text), options.maxChars);
    return { ...r, truncated: r.truncated || cut || !complete, plain: true };
  }
  if (typeof input !== 'string') {
    // A copy in a document with no browsing context: the page's own element is never changed.
    root = inertCopy(input, doc);
  }
  sanitize(root, options.baseUrl);
  const r = capText(tidy(turndown().turndown(root as unknown as HTMLElement)), options.maxChars);
  return { ...r, truncated: r.truncated || cut };
}

/** A description field for a finding: markdown, with a note when it had to be shortened or simplified. */
export function describe(
  input: Element | string | null | undefined,
  ctx: { doc: Document; url: URL; maxDescription: number },
): { description?: string; notes: string[] } {
  if (input == null || (typeof input === 'string' && !input.trim())) return { notes: [] };
  const r = htmlToMarkdown(input, ctx.doc, { baseUrl: ctx.url.href, maxChars: ctx.maxDescription });
  if (!r.markdown) return { notes: [] };
  const notes: string[] = [];
  if (r.plain) notes.push('description too large or too deeply nested to convert: kept as plain text');
  if (r.truncated) notes.push(`description truncated to ${ctx.maxDescription} characters`);
  return { description: r.markdown, notes };
}

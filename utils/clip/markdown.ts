/**
 * A posting's description as markdown: turndown configured for job descriptions (FACTS.md §4): ATX
 * headings, fenced code, `- ` bullets, GFM tables, escaping only where markdown would misread the text,
 * Persian kept as is. The HTML is first copied into an inert document and cleaned: scripts, event
 * handlers, `javascript:` links, forms and page chrome never reach the markdown, and nothing in it loads
 * or runs while it is converted.
 */
import TurndownService from 'turndown';

export interface MarkdownResult {
  markdown: string;
  truncated: boolean;
}

export interface MarkdownOptions {
  /** Base URL for relative links and images. */
  baseUrl: string;
  /** Longest markdown kept (characters). */
  maxChars: number;
}

/** Elements whose content is never part of a description. */
const DROP =
  'script,style,noscript,template,iframe,frame,frameset,object,embed,applet,svg,canvas,math,form,input,button,select,textarea,option,label,link,meta,base,head,title,nav,header,footer,aside,dialog,audio,video,source,track,picture>source,[hidden],[aria-hidden="true"]';

/** More elements than this and the description falls back to its plain text (bounded time on hostile pages). */
const MAX_ELEMENTS = 20_000;

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

/** An inert copy of the input: a document with no browsing context, where nothing loads or runs. */
function inertCopy(input: Element | string, doc: Document): Element {
  const inert = doc.implementation.createHTMLDocument('');
  if (typeof input === 'string') {
    const Parser = doc.defaultView?.DOMParser ?? (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
    const parsed = Parser ? new Parser().parseFromString(input, 'text/html') : inert;
    return inert.importNode(parsed.body, true);
  }
  return inert.importNode(input, true);
}

function absolute(url: string, base: string): string | null {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  try {
    return new URL(cleaned, base).href;
  } catch {
    return null;
  }
}

/** Removes what must never reach the record, in place. */
export function sanitize(root: Element, baseUrl: string): void {
  for (const el of Array.from(root.querySelectorAll(DROP))) el.remove();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'formaction') el.removeAttribute(attr.name);
    }
    if (el.tagName === 'A' && el.hasAttribute('href')) {
      const href = absolute(el.getAttribute('href') ?? '', baseUrl);
      if (href && SAFE_LINK.test(href)) el.setAttribute('href', href);
      else el.removeAttribute('href');
    }
    if (el.tagName === 'IMG') {
      const src = absolute(el.getAttribute('src') ?? '', baseUrl);
      if (src && /^https?:/i.test(src)) el.setAttribute('src', src);
      else el.remove();
    }
  }
}

/**
 * Markdown escaping that does not litter ordinary text: only what would start a block at the start of a
 * line, emphasis markers that could pair up, backticks, `](` that could form a link, and `<` that could
 * open a tag (page text like `&lt;img onerror…&gt;` must stay text).
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\\(?=[\\`*_[\]#>+\-!|])/g, '\\\\')
    .replace(/\*/g, '\\*')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'))
    .replace(/`/g, '\\`')
    .replace(/\](?=[(:[])/g, '\\]')
    .replace(/<(?=[a-zA-Z/!?])/g, '\\<')
    .replace(/^(\s*)(#{1,6}|>|[-+]|=+)(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s)/gm, '$1$2\\$3')
    .replace(/^(\s*)(~~~|```)/gm, '$1\\$2');
}

let service: TurndownService | null = null;

function cellText(content: string): string {
  return content.replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim();
}

function isFirstRow(tr: Element): boolean {
  const table = tr.closest('table');
  return !!table && table.querySelector('tr') === tr;
}

function columns(tr: Element): number {
  return Array.from(tr.children)
    .filter((c) => c.tagName === 'TH' || c.tagName === 'TD')
    .reduce((n, c) => n + Math.min(Math.max(Number(c.getAttribute('colspan')) || 1, 1), 20), 0);
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
  t.remove(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'form', 'button', 'input', 'select', 'textarea']);
  // `- item` with one space (turndown writes `-   item`), nested content indented to match.
  t.addRule('listItem', {
    filter: 'li',
    replacement(content, node) {
      const el = node as Element;
      const parent = el.parentNode as Element | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start')) || 1;
        prefix = `${start + Array.prototype.indexOf.call(parent.children, el)}. `;
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
      const span = Math.min(Math.max(Number((node as Element).getAttribute('colspan')) || 1, 1), 20);
      return ` ${cellText(content)} |` + ' |'.repeat(span - 1);
    },
  });
  t.addRule('tableRow', {
    filter: 'tr',
    replacement(content, node) {
      const tr = node as Element;
      let row = `|${content}\n`;
      if (isFirstRow(tr)) row += '|' + ' --- |'.repeat(Math.max(columns(tr), 1)) + '\n';
      return row;
    },
  });
  t.addRule('table', {
    filter: 'table',
    replacement(content, node) {
      const caption = (node as Element).querySelector('caption')?.textContent?.trim();
      return `\n\n${caption ? caption + '\n\n' : ''}${content.replace(/\n+/g, '\n').trim()}\n\n`;
    },
  });
  t.addRule('tableCaption', { filter: 'caption', replacement: () => '' });
  t.addRule('linkWithoutHref', {
    filter: (node) => node.nodeName === 'A' && !(node as Element).getAttribute('href'),
    replacement: (content) => content,
  });
  service = t;
  return t;
}

/** Tidies turndown's output: no non-breaking spaces, at most one blank line, no trailing blanks. */
function tidy(md: string): string {
  return md
    .replace(/^[\u00a0 ]*\u00a0[\u00a0 ]*/gm, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, (m) => (m === '  ' ? m : ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Cuts at a paragraph break near the limit. */
export function capText(text: string, max: number): MarkdownResult {
  if (text.length <= max) return { markdown: text, truncated: false };
  const cut = text.lastIndexOf('\n\n', max);
  return { markdown: text.slice(0, cut > max * 0.5 ? cut : max).trimEnd() + '\n\n…', truncated: true };
}

/** Converts a description (an element of the page or an HTML string) to markdown. */
export function htmlToMarkdown(input: Element | string, doc: Document, options: MarkdownOptions): MarkdownResult {
  const root = inertCopy(input, doc);
  sanitize(root, options.baseUrl);
  if (root.getElementsByTagName('*').length > MAX_ELEMENTS) {
    const text = (root.textContent ?? '').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n\n');
    return { ...capText(tidy(text), options.maxChars), truncated: true };
  }
  return capText(tidy(turndown().turndown(root as unknown as HTMLElement)), options.maxChars);
}

/** A description field for a finding: markdown, with a note when it had to be shortened. */
export function describe(input: Element | string | null | undefined, ctx: { doc: Document; url: URL; maxDescription: number }): { description?: string; notes: string[] } {
  if (input == null || (typeof input === 'string' && !input.trim())) return { notes: [] };
  const r = htmlToMarkdown(input, ctx.doc, { baseUrl: ctx.url.href, maxChars: ctx.maxDescription });
  if (!r.markdown) return { notes: [] };
  return { description: r.markdown, notes: r.truncated ? [`description truncated to ${ctx.maxDescription} characters`] : [] };
}

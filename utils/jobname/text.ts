/**
 * Small text helpers shared by the jobname importer and exporter: hashing, the escapes that keep user text
 * from breaking an entry's structure, and the codec between plain prose and the `<p dir="rtl">` paragraphs
 * that entries wrap Persian text in.
 */
import { FenceTracker, fenceOpening } from '../fence';

/** cyrb53: a fast 53-bit string hash, as base-36 text. Used for the import signatures, not for security. */
export function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return base36(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

const SIX_DIGITS = 36 ** 6;

/**
 * `v.toString(36)` for an integer below 2^53, the same text about seven times faster: V8 turns a large
 * double into radix text slowly, and an import hashes tens of thousands of parts. Both halves are exact
 * integers below 2^32, whose radix text is quick.
 */
export function base36(v: number): string {
  let high = Math.floor(v / SIX_DIGITS);
  let low = v - high * SIX_DIGITS;
  if (low < 0) {
    high--;
    low += SIX_DIGITS;
  } else if (low >= SIX_DIGITS) {
    high++;
    low -= SIX_DIGITS;
  }
  return high === 0 ? low.toString(36) : high.toString(36) + low.toString(36).padStart(6, '0');
}

/** Arabic-script letters (Persian, Arabic, Urdu): text that wants `dir="rtl"`. */
function hasRtl(s: string): boolean {
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(s);
}

export function indentLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? '' : prefix + l))
    .join('\n');
}

/** Drops blank lines at both ends (inner text and trailing spaces of kept lines stay). */
export function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return lines.slice(a, b);
}

// ---------------------------------------------------------------------------------------------------------
// Escaping tags that would end a block early. A line that starts with `<details` / `</details` (after any
// indentation) outside code is what the importer reads as structure, so user text that contains such a line
// gets its `<` written as `&lt;`; a line that already starts with `&lt;details` (or `&amp;lt;…`) gets one
// more `amp;`, so the escape is reversible.

const TAG_LINE = /^(\s*)<(\/?)(details)\b/i;
const ESCAPED_TAG_LINE = /^(\s*)&((?:amp;)*)lt;(\/?details\b)/i;

/**
 * Escapes structural tag lines in user markdown. With `onlyUnbalanced`, `<details>…</details>` pairs that
 * match inside the text are kept as HTML (an answer may nest a hint), and only strays are escaped.
 */
export function escapeTagLines(text: string, onlyUnbalanced: boolean): string {
  const lines = text.split('\n');
  const fence = new FenceTracker();
  const inCode = lines.map((l) => fence.step(l));
  const escaped = new Set<number>();
  const stack: number[] = [];
  lines.forEach((l, i) => {
    if (inCode[i]) return;
    if (ESCAPED_TAG_LINE.test(l)) {
      escaped.add(i);
      return;
    }
    const m = TAG_LINE.exec(l);
    if (!m) return;
    if (!onlyUnbalanced) escaped.add(i);
    else if (!m[2]) stack.push(i);
    else if (stack.length) stack.pop();
    else escaped.add(i);
  });
  for (const i of stack) escaped.add(i);
  return lines
    .map((l, i) => {
      if (!escaped.has(i)) return l;
      const e = ESCAPED_TAG_LINE.exec(l);
      if (e) return l.replace(ESCAPED_TAG_LINE, `$1&amp;$2lt;$3`);
      return l.replace(TAG_LINE, '$1&lt;$2$3');
    })
    .join('\n');
}

/** Reverses `escapeTagLines` (outside code). */
export function unescapeTagLines(text: string): string {
  const fence = new FenceTracker();
  return text
    .split('\n')
    .map((l) => {
      if (fence.step(l)) return l;
      const m = ESCAPED_TAG_LINE.exec(l);
      if (!m) return l;
      return m[2]
        ? l.replace(ESCAPED_TAG_LINE, (_a, sp: string, amps: string, tag: string) => `${sp}&${amps.slice(4)}lt;${tag}`)
        : l.replace(ESCAPED_TAG_LINE, '$1<$3');
    })
    .join('\n');
}

/**
 * One-line fields (company, role, titles, labels, apply ways, platform) are text, not HTML: a `<` that
 * would open a tag is written `&lt;` (and a typed `&lt;` as `&amp;lt;`, so the escape is reversible).
 */
function escapeHtmlText(s: string): string {
  return s.replace(/&(?=(?:amp;)*lt;)/g, '&amp;').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

function unescapeHtmlText(s: string): string {
  return s.replace(/&lt;(?=[A-Za-z/!?])/g, '<').replace(/&amp;(?=(?:amp;)*lt;)/g, '&');
}

/** Backslash-escapes the characters of `chars` (a regex class body); `unescapeChars` is its exact inverse. */
const escapeChars = (s: string, chars: string) => s.replace(new RegExp(`[${chars}]`, 'g'), '\\$&');
const unescapeChars = (s: string, chars: string) => s.replace(new RegExp(`\\\\([${chars}])`, 'g'), '$1');

/**
 * One-line fields are text, not markdown either (docs/format.md §16.1): `\`, `[` and `]` are backslash-escaped,
 * so no link, image or reference definition can form (`[x](javascript:…)`, `![](https://…/t.png)`), and a
 * tag-opening `<` (HTML, autolinks such as `<javascript:…>`) is `&lt;`.
 */
const LINE_CHARS = '\\\\[\\]';

/** A one-line field: newlines folded, tags and link syntax escaped. */
export function escapeLine(s: string): string {
  return escapeChars(escapeHtmlText(s.replace(/\s*\n\s*/g, ' ').trim()), LINE_CHARS);
}

export function unescapeLine(s: string): string {
  return unescapeHtmlText(unescapeChars(s, LINE_CHARS));
}

/** A heading's text: a closing run of `#` (`C #`, `###`), which markdown drops from a heading, is escaped too. */
export function escapeHeading(s: string): string {
  return escapeLine(s).replace(/(^|\s)(#+)$/, '$1\\$2');
}

export function unescapeHeading(s: string): string {
  return unescapeLine(s.replace(/(^|\s)\\(#+)$/, '$1$2'));
}

/**
 * A one-line field that starts a line of its own (apply way, platform): a first character that would make the
 * line a heading, quote, list item, fence, rule or table (`# x`, `> x`, `- x`, `1. x`, ```` ``` ````) is
 * backslash-escaped as well, so the line stays a paragraph.
 */
export function escapeLineStart(s: string): string {
  return s.replace(/^([#>+\-*=_~`|])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

export function unescapeLineStart(s: string): string {
  return s.replace(/^\\([#>+\-*=_~`|])/, '$1').replace(/^(\d+)\\([.)])/, '$1$2');
}

/** `**label**` in the date and duration lists: `*` backslash-escaped too. Labels are one line. */
export function escapeLabel(label: string): string {
  return escapeChars(escapeHtmlText(label.replace(/\s*\n\s*/g, ' ').trim()), LINE_CHARS + '*');
}

export function unescapeLabel(label: string): string {
  return unescapeHtmlText(unescapeChars(label, LINE_CHARS + '*'));
}

/** A link destination: wrapped in `<…>` (CommonMark allows spaces and parentheses there) when needed. */
export function formatLinkUrl(url: string): string {
  const u = url.trim().replace(/\s*\n\s*/g, ' ');
  if (/[\s()<>]/.test(u)) return `<${u.replace(/</g, '%3C').replace(/>/g, '%3E')}>`;
  return u;
}

// ---------------------------------------------------------------------------------------------------------
// Link destinations. Only web links are live in an export: a destination with any scheme other than http(s),
// mailto or tel (javascript:, vbscript:, data:, file:, …), however it is spelled, is made a relative path
// by putting `./` before it, which a browser never runs. Relative links (`./task.pdf`, `#x`) and bare host names
// (`snapp.ir`) have no scheme and stay.

const SAFE_SCHEME = /^(?:https?|mailto|tel)$/i;

/** The scheme a browser would read from a link destination as markdown writes it, or null when it has none. */
export function linkScheme(dest: string): string | null {
  const plain = dest
    .slice(0, 200)
    .replace(/&#x([0-9a-f]+);?/gi, (_m, h: string) => String.fromCodePoint(Math.min(Number.parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_m, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&(?:tab|newline);/gi, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these from URLs, so must we
    .replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(plain)?.[1].toLowerCase() ?? null;
}

/** Whether a link destination is a web link or relative (see above). */
export function isSafeLink(dest: string): boolean {
  const scheme = linkScheme(dest);
  return scheme === null || SAFE_SCHEME.test(scheme);
}

/** Where a destination starts: after `](` of an inline link or image (`]` not escaped), or `<` of an autolink. */
const INLINE_DEST = /((?:^|[^\\])(?:\\\\)*\]\(\s*<?)/g;
const AUTOLINK = /((?:^|[^\\])(?:\\\\)*<)(?=[A-Za-z][A-Za-z0-9+.-]{1,31}:)/g;
/** A reference definition `[a]: dest` at the start of a line (inside quotes and list items too). */
const REF_DEF = /^((?:[ \t>]|[*+-][ \t]|\d{1,9}[.)][ \t])*\[(?:\\.|[^\\\]\n])+\]:[ \t]*\n?[ \t]*<?)/gm;
/** An HTML start tag (attribute values may hold `>`), and a URL attribute inside one. */
const TAG = /<[A-Za-z][A-Za-z0-9-]*(?:[^<>"']|"[^"]*"|'[^']*')*>?/g;
const URL_ATTR = /([\s/](?:href|src|srcset|action|formaction|xlink:href|poster|background|cite|data)\s*=\s*["']?)/gi;

type Lead = (m: string, lead: string, at: number, all: string) => string;

/** `./` put before the destination that follows `lead`, when it has an unsafe scheme. */
const defuse: Lead = (m, lead, at, all) =>
  isSafeLink(all.slice(at + lead.length, at + lead.length + 200)) ? m : `${lead}./`;

/**
 * Markdown with every link destination that has an unsafe scheme made a relative path (`./javascript:…`), in
 * links, images, autolinks, reference definitions and the URL attributes of HTML tags. Text without one is
 * returned unchanged, so entries export byte for byte; applying it twice changes nothing more.
 */
export function inertLinks(md: string): string {
  return md
    .replace(INLINE_DEST, defuse)
    .replace(AUTOLINK, defuse)
    .replace(REF_DEF, defuse)
    .replace(TAG, (tag) => tag.replace(URL_ATTR, defuse));
}

// ---------------------------------------------------------------------------------------------------------
// Prose: the free text of a section (intro, outro, review, task). Entries wrap Persian paragraphs in
// `<p dir="rtl">…</p>`; the record keeps plain paragraphs and the exporter wraps them again.

/** Splits markdown into blocks at blank lines, never inside a fenced code block. */
export function splitBlocks(md: string): string[] {
  const blocks: string[] = [];
  let cur: string[] = [];
  const fence = new FenceTracker();
  for (const line of md.split('\n')) {
    const inFence = fence.step(line);
    if (!inFence && line.trim() === '') {
      if (cur.length) blocks.push(cur.join('\n'));
      cur = [];
    } else {
      cur.push(line);
    }
  }
  if (cur.length) blocks.push(cur.join('\n'));
  return blocks;
}

const P_OPEN = /^\s*<p\s+dir\s*=\s*"rtl"\s*>/i;

/** Reads a block that is exactly a run of `<p dir="rtl">…</p>` elements; null when it is anything else. */
function rtlParagraphs(block: string): string[] | null {
  const out: string[] = [];
  let rest = block.trim();
  while (rest) {
    const open = P_OPEN.exec(rest);
    if (!open) return null;
    const close = rest.indexOf('</p>', open[0].length);
    if (close < 0) return null;
    const inner = rest.slice(open[0].length, close);
    if (/<p[\s>/]/i.test(inner)) return null;
    const lines = trimBlankLines(inner.split('\n'));
    if (!lines.length) return null;
    out.push(lines.join('\n').trim());
    rest = rest.slice(close + 4).trim();
  }
  return out.length ? out : null;
}

/** Blocks that are markdown structure (HTML, heading, list, quote, table, math), not a paragraph; and code fences. */
const VERBATIM_BLOCK = /^\s*(<|#|[-*+]\s|\d+[.)]\s|>|\||\\\\\[)/;

/** Whether `encodeProse` wraps this paragraph in `<p dir="rtl">`. */
function wrapsAsRtl(paragraph: string): boolean {
  if (VERBATIM_BLOCK.test(paragraph) || fenceOpening(paragraph.split('\n')[0])) return false;
  return hasRtl(paragraph) && splitBlocks(paragraph).length === 1;
}

/**
 * Markdown as written → the record's prose: `<p dir="rtl">` wrappers removed where `encodeProse` would put
 * them back, everything else verbatim (so decoding then encoding is stable).
 */
export function decodeProse(md: string): string {
  const out: string[] = [];
  for (const block of splitBlocks(md)) {
    const ps = rtlParagraphs(block);
    if (ps?.every(wrapsAsRtl)) out.push(...ps);
    else out.push(block);
  }
  return out.join('\n\n');
}

/** The record's prose → markdown: paragraphs in Persian get `<p dir="rtl">`, other blocks stay as they are. */
export function encodeProse(text: string): string {
  return splitBlocks(text.trim())
    .map((b) => (wrapsAsRtl(b) ? `<p dir="rtl">\n${b.trim()}\n</p>` : b))
    .join('\n\n');
}

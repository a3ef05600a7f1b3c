/**
 * Pasting interview questions into the popup: the clipboard (rich HTML or text) as markdown, split into
 * questions with the answers written under them, and a key that spots the same question typed twice. The
 * popup shows the split for a quick fix, so the rules are simple and line based:
 * - a question starts at a marker (bullet, `1.` `1)` `1-` `(1)` in any digits, `Q1:`, `Question 1:`, `سوال ۱:`);
 *   without markers, each line is one, or each paragraph when there are blank lines (a `?` still ends one);
 * - its answer is what is written under it: indented lines, nested bullets, lines after `A:`/`Answer:`/`جواب:`/
 *   `پاسخ:`/`ج:` (`Q: … A: …` on one line too), the rest of a line led by a bold `**question?**`, unnumbered
 *   lines after a numbered question (but not an unindented paragraph when the answers are indented);
 * - a code block joins the question while no answer has started, else the answer, and is never split;
 * - headings and rules are skipped, and so is a short `Title:` or `**Title**` line right before a list.
 */
import { htmlToMarkdown, parseInert } from './clip/markdown';
import { FenceTracker, closesFence, dedentColumns, fenceOpening, indentWidth } from './fence';
import { foldPersian } from './persian';

export interface PastedItem {
  text: string;
  /** Markdown, '' if none. */
  answer: string;
}

// ---------------------------------------------------------------------------------------------------------
// Clipboard → markdown

/** Longer clipboard HTML is converted as a string, without the clean-up (or its plain text is used). */
const MAX_HTML = 400_000;
const FORMATTING = 'b, strong, i, em, code, pre, ol, ul, h1, h2, h3, h4, h5, h6, table, blockquote, a[href], details';
const BOLD = /(?:^|;)\s*font-weight\s*:\s*(?:bold|[6-9]00)\b/i;
const NOT_BOLD = /(?:^|;)\s*font-weight\s*:\s*(?:normal|[1-5]00)\b/i;
const ITALIC = /(?:^|;)\s*font-style\s*:\s*italic\b/i;
const JUNK = /[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
/** A ZWNJ not between two letters, a ZWJ next to a space or a line's end: they join nothing. */
const EDGE_JOINER = /(?<![\p{L}\p{M}])\u200c+|\u200c+(?![\p{L}\p{M}])|\u200d+(?=\s|$)|(?<=^|\s)\u200d+/gmu;
const MONO = /(?:^|;)\s*font-family\s*:[^;]*\b(?:courier|consolas|menlo|monaco|monospace|mono)\b/i;

/** Line endings, non-breaking spaces, invisible junk (bidi marks, zero-width spaces, joiners that join nothing). */
const clean = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(JUNK, '')
    .replace(/\u00a0/g, ' ')
    .replace(EDGE_JOINER, '');

const styleOf = (el: Element) => el.getAttribute('style') ?? '';

/** What a styled span means, in order of precedence, and where it already is that (so it needs no tag). */
const SPAN_TAGS = [
  { name: 'code', style: MONO, within: 'pre, code' },
  { name: 'strong', style: BOLD, within: 'pre, code, b, strong, h1, h2, h3, h4, h5, h6, th' },
  { name: 'em', style: ITALIC, within: 'pre, code, i, em' },
];

/** Word's list paragraphs (`mso-list:l0 level2`, marker in a `mso-list:Ignore` span) as nested lists. */
function wordLists(body: Element, el: (tag: string, ...nodes: Node[]) => Element): void {
  let stack: { level: number; list: Element }[] = [];
  let expected: Element | null = null;
  for (const p of Array.from(body.querySelectorAll('p'))) {
    const ignore = Array.from(p.querySelectorAll('span')).find((s) => /mso-list\s*:\s*ignore/i.test(styleOf(s)));
    if (!ignore) continue;
    const marker = (ignore.textContent ?? '').replace(/\s/g, '');
    const wrapper = ignore.parentElement;
    ignore.remove();
    if (wrapper !== p && !wrapper?.textContent?.trim()) wrapper?.remove();
    const level = Number(/mso-list\s*:[^;]*\blevel(\d+)/i.exec(styleOf(p))?.[1] ?? 1);
    if (p !== expected) stack = [];
    while (stack.length && stack[stack.length - 1].level > level) stack.pop();
    const top = stack[stack.length - 1];
    if (!top || top.level < level) {
      const list = el(/^(?:[0-9۰-۹٠-٩]+|[a-z]{1,4})[.)]$/i.test(marker) ? 'ol' : 'ul');
      if (top?.list.lastElementChild) top.list.lastElementChild.append(list);
      else p.before(list);
      stack.push({ level, list });
    }
    stack[stack.length - 1].list.append(el('li', ...Array.from(p.childNodes)));
    expected = p.nextElementSibling;
    p.remove();
  }
}

/** What clipboard sources write that turndown would misread (Google Docs, Word, Notion, chat pages). */
function cleanClipboardDom(body: Element): void {
  const doc = body.ownerDocument;
  const el = (tag: string, ...nodes: Node[]) => {
    const e = doc.createElement(tag);
    e.append(...nodes);
    return e;
  };
  wordLists(body, el);
  // Google Docs wraps everything in <b style="font-weight:normal" id="docs-internal-guid-…">…
  for (const b of Array.from(body.querySelectorAll('b, strong'))) {
    if (NOT_BOLD.test(styleOf(b)) || b.id.startsWith('docs-internal-guid')) b.replaceWith(...Array.from(b.childNodes));
  }
  // …and writes code, bold and italic as styled spans.
  for (const span of Array.from(body.querySelectorAll('span[style]'))) {
    const style = styleOf(span);
    const tag = SPAN_TAGS.find((t) => t.style.test(style));
    if (tag && !span.closest(tag.within)) span.append(el(tag.name, ...Array.from(span.childNodes)));
  }
  // The spans have said what they mean; without them a long document stays under htmlToMarkdown's element bound.
  for (const span of Array.from(body.querySelectorAll('span'))) span.replaceWith(...Array.from(span.childNodes));
  // Google Docs puts a sub-list beside the items (<ol><li/><ol>…</ol></ol>): into the item it follows.
  for (const list of Array.from(body.querySelectorAll('ol > ol, ol > ul, ul > ol, ul > ul'))) {
    let item = list.previousElementSibling;
    if (item?.localName !== 'li') {
      item = el('li');
      list.before(item);
    }
    item.append(list);
  }
  // Notion toggles: the summary is an item, the rest is written under it.
  for (const details of Array.from(body.querySelectorAll('details'))) {
    const li = el('li');
    for (const child of Array.from(details.childNodes)) {
      if (child.nodeName === 'SUMMARY') li.append(el('p', ...Array.from(child.childNodes)));
      else li.append(child);
    }
    if (details.parentElement?.localName === 'li') details.replaceWith(...Array.from(li.childNodes));
    else details.replaceWith(el('ul', li));
  }
  // A chat page's code block has a toolbar (language, copy button) beside its <code>.
  for (const pre of Array.from(body.querySelectorAll('pre'))) {
    const code = pre.querySelector('code');
    if (code && code.parentElement !== pre) pre.replaceChildren(code);
  }
  for (const br of Array.from(body.querySelectorAll('br.Apple-interchange-newline'))) br.remove();
}

/** Plain text or rich HTML from the clipboard → markdown (HTML via htmlToMarkdown after clipboard-specific cleanup). */
export function clipboardToMarkdown(data: { text?: string | null; html?: string | null }, doc: Document): string {
  const text = data.text ?? '';
  const html = data.html ?? '';
  const hasText = text.trim() !== '';
  let input: Element | string = '';
  if (html.trim() && html.length <= MAX_HTML) {
    const body = parseInert(html, doc);
    cleanClipboardDom(body);
    // HTML without formatting (an editor's coloured spans) only adds escaping: its plain text is better.
    if (body.querySelector(FORMATTING) || !hasText) input = body;
  } else if (html.trim() && !hasText) {
    input = html;
  }
  if (!input) return clean(text).trim();
  const r = htmlToMarkdown(input, doc, { baseUrl: 'about:blank', maxChars: 200_000 });
  return clean(r.truncated ? r.markdown.replace(/\s*…$/, '') : r.markdown).trim();
}

// ---------------------------------------------------------------------------------------------------------
// Markdown → questions

const D = '[0-9۰-۹٠-٩]';
/** Bullets (Telegram's emoji ones too) and numbering; turndown escapes a typed `1.` or `- ` with a `\`. */
const LIST_MARKER = new RegExp(
  '^(?:' +
    [
      '\\\\?[-*+](?=\\s|$)', // - * +, maybe escaped
      '(?:[•▪◦·●○■►➤✅➖▫]|🔹|🔸)\\uFE0F?', // symbol and emoji bullets
      '[–—](?=\\s)', // a dash
      `\\(\\s*${D}{1,3}\\s*\\)`, // (1)
      `${D}{1,3}\\\\?[.)](?!${D})`, // 1. 1)
      `${D}{1,3}\\s*[-–—ـ](?![-–—ـ]|\\s*${D})`, // 1- (not a range like 1-3)
    ].join('|') +
    ')\\s*',
);
const Q_LABEL = new RegExp(
  '^(\\*\\*|__)?(?:q|question|سؤال|سوال|پرسش|س)' + // the word, maybe bold
    `\\s*(?:#?${D}{1,3}\\s*)?(\\1)?` + // its number
    `\\s*(?:[:：]|[.)\\-–—](?=\\s)|(?<=${D})[.)\\-–—])(\\1)?\\s*`, // the colon, or a dot or dash after the number
  'i',
);
const A_LABEL = /^(\*\*|__)?(?:a|ans|answer|my answer|جواب|پاسخ|ج)\s*(\1)?\s*(?:[:：]|[-–—](?=\s))(\1)?\s*/i;
/** `Q: … A: …` on one line: where the answer starts. */
const MID_ANSWER = /\s+(\*\*|__)?(?:A|Ans|Answer|جواب|پاسخ|ج)(\1)?\s*[:：](\1)?\s+/;
/** `**What is a closure?** A function that…`: a bold question and its answer on one line. */
const LEAD_IN = /^((\*\*|__)[^*_]+?[?؟]\s*\2)\s*[-–—:]?\s*(\S.*)$/;

type Kind = 'plain' | 'question' | 'answer' | 'heading' | 'rule';
/** A line: what it is, its text after the marker or label, the marker's width, whether it was a `Q:` label. */
type Line = { kind: Kind; rest: string; width: number; label: boolean };
type Unit =
  | { kind: 'blank'; indent: 0 }
  | { kind: 'fence'; indent: number; lines: string[] }
  | { kind: 'text'; indent: number; text: string; line: Line };

/** The text after a label, keeping a bold the label opened but did not close (`**Q1: What…**`). */
const afterLabel = (m: RegExpExecArray, rest: string) => (m[1] && !m[2] && !m[3] ? m[1] + rest : rest);

/** The labels a line may start with (after its marker), the answer's first. */
const LABELS = [
  { re: A_LABEL, kind: 'answer' },
  { re: Q_LABEL, kind: 'question' },
] as const;

function classify(text: string): Line {
  if (/^(?:[-*_=]\s*){3,}$/.test(text)) return { kind: 'rule', rest: '', width: 0, label: false };
  if (/^#{1,6}(?:\s|$)/.test(text)) return { kind: 'heading', rest: text, width: 0, label: false };
  const marker = LIST_MARKER.exec(text)?.[0] ?? '';
  const body = text.slice(marker.length);
  for (const { re, kind } of LABELS) {
    const m = re.exec(body);
    if (!m) continue;
    const rest = afterLabel(m, body.slice(m[0].length));
    return { kind, rest, width: marker.length + m[0].length, label: true };
  }
  return { kind: marker ? 'question' : 'plain', rest: body, width: marker.length, label: false };
}

/** The lines, a fenced code block (to its closing fence, or the end) as one unit. */
function toUnits(text: string): Unit[] {
  const lines = text.split('\n');
  const units: Unit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const fence = fenceOpening(raw);
    if (fence) {
      const body = [raw];
      while (i + 1 < lines.length) {
        i++;
        body.push(lines[i]);
        if (closesFence(lines[i], fence)) break;
      }
      units.push({ kind: 'fence', indent: fence.indent, lines: body });
    } else if (!raw.trim()) {
      units.push({ kind: 'blank', indent: 0 });
    } else {
      const trimmed = raw.trim();
      units.push({ kind: 'text', indent: indentWidth(raw), text: trimmed, line: classify(trimmed) });
    }
  }
  return units;
}

/** A question being read; `col` is where its text starts (lines under it are dedented by that much). */
type Item = {
  indent: number;
  col: number;
  marked: boolean;
  q: string[];
  a: string[];
  aBase: number;
  answering: boolean;
};

/** Lines dedented by up to `base` columns; outside code, trailing blanks and repeated blank lines dropped. */
function block(lines: string[], base: number): string {
  const out: string[] = [];
  const fence = new FenceTracker();
  for (const line of lines) {
    const text = dedentColumns(line, base);
    if (fence.step(text)) out.push(text);
    else if (text.trim() || out[out.length - 1]) out.push(text.trimEnd());
  }
  return out.join('\n').trim();
}

const pad = (n: number) => ' '.repeat(n);
const endsQuestion = (t: string) => /[?؟]\W*$/.test(t);
/** `Technical questions:` or `**HR**` (right before a list): a group title, not a question. */
const isTitle = (t: string) =>
  !endsQuestion(t) && /[:：](\*\*|__)?$|^(\*\*|__)[^*_]+\2$/.test(t) && t.split(/\s+/).length <= 6;

/** What the whole paste says about its layout, read before the split. */
interface Layout {
  /** Some line has a question marker (bullet, number, `Q:`). */
  marked: boolean;
  /** No markers, but some line has an answer label (`A:`). */
  labelled: boolean;
  /** There are blank lines between the lines (so, without markers, a question is a paragraph). */
  paragraphs: boolean;
  /** Answers are written indented under their questions: an unindented paragraph after a blank line is not one. */
  indented: boolean;
}

/** The split, unit by unit: the question being read and the ones done. */
class Splitter {
  readonly items: PastedItem[] = [];
  private it: Item | null = null;
  /** The previous unit was blank. */
  private blank = false;
  /** The previous unit was indented code (four columns past the question's text, after a blank line). */
  private code = false;

  constructor(
    private readonly units: Unit[],
    private readonly layout: Layout,
    /** The next non-blank unit after each unit. */
    private readonly nextOf: (i: number) => Unit | undefined,
  ) {}

  private nextIs(i: number, kind: Kind): boolean {
    const next = this.nextOf(i);
    return next?.kind === 'text' && next.line.kind === kind;
  }

  /** Where the current question's lines go: its answer once one has started, else its text. */
  private part(item: Item): string[] {
    return item.answering ? item.a : item.q;
  }

  close() {
    const item = this.it;
    this.it = null;
    if (!item) return;
    const text = block(item.q, item.col);
    if (text) this.items.push({ text, answer: block(item.a, item.aBase) });
  }

  private answer(item: Item, indent: number, text: string) {
    if (!item.answering) item.aBase = indent;
    item.answering = true;
    item.a.push(pad(indent) + text);
  }

  /** A line under the question: its answer, or its text when the marker stood alone (`Question 1:`). */
  private content(item: Item, indent: number, text: string) {
    if (item.answering || item.q.some((l) => l.trim())) this.answer(item, indent, text);
    else item.q = [text];
  }

  private open(indent: number, line: Line): Item {
    this.close();
    const item: Item = {
      indent,
      col: indent + line.width,
      marked: line.kind === 'question',
      q: [line.rest],
      a: [],
      aBase: 0,
      answering: false,
    };
    const mid = MID_ANSWER.exec(line.rest);
    const lead = LEAD_IN.exec(line.rest);
    if (mid && (line.label || endsQuestion(line.rest.slice(0, mid.index)))) {
      item.q = [line.rest.slice(0, mid.index)];
      this.answer(item, item.col, afterLabel(mid, line.rest.slice(mid.index + mid[0].length)));
    } else if (lead) {
      item.q = [lead[1]];
      this.answer(item, item.col, lead[3]);
    }
    this.it = item;
    return item;
  }

  feed(i: number) {
    const u = this.units[i];
    const afterBlank = this.blank;
    this.blank = u.kind === 'blank';
    if (u.kind === 'blank') {
      if (this.it) this.part(this.it).push('');
      return;
    }
    if (u.kind === 'fence') {
      this.code = false;
      const item = this.it ?? this.open(u.indent, { kind: 'plain', rest: '', width: 0, label: false });
      this.part(item).push(...u.lines);
      return;
    }
    this.text(i, u, afterBlank);
  }

  private text(i: number, u: Extract<Unit, { kind: 'text' }>, afterBlank: boolean) {
    const { indent, text, line } = u;
    const { marked, labelled, paragraphs, indented } = this.layout;
    const it = this.it;
    this.code = it !== null && indent >= it.col + 4 && (this.code || afterBlank);
    if (it && this.code) {
      this.part(it).push(pad(indent) + text);
      return;
    }
    if (line.kind === 'rule' || (line.kind === 'heading' && (!it || indent <= it.indent))) {
      this.close();
      return;
    }
    if (line.kind === 'answer') {
      if (it?.answering) it.a.push('');
      if (it) this.answer(it, indent, line.rest);
      return;
    }
    const under = it !== null && indent >= it.indent + 2;
    if (line.kind === 'question') {
      if (it && under && it.marked && !line.label) this.content(it, indent, text);
      else this.open(indent, line);
      return;
    }
    if (isTitle(text) && this.nextIs(i, 'question') && (!it || afterBlank || indented) && !under) {
      this.close();
      return;
    }
    if (!it) {
      this.open(indent, line);
      return;
    }
    if (under) {
      this.content(it, indent, text);
      return;
    }
    if (marked || labelled) {
      if ((it.answering && this.nextIs(i, 'answer')) || (afterBlank && (labelled || indented))) this.open(indent, line);
      else if (labelled && !it.answering) it.q.push(pad(indent) + text);
      else this.content(it, indent, text);
      return;
    }
    // No markers: a line each, or a paragraph each (a line ending in `?` still ends its question).
    const last = it.q.filter((l) => l.trim()).pop() ?? '';
    if (paragraphs && !afterBlank && !it.answering && !endsQuestion(last)) it.q.push(pad(indent) + text);
    else this.open(indent, line);
  }
}

/** Splits pasted text (markdown or plain) into questions with the answers written under them. */
export function splitQuestions(markdown: string): PastedItem[] {
  const units = toUnits(clean(markdown));
  // The next non-blank unit after each one.
  const after: number[] = [];
  let nextNonBlank = -1;
  for (let i = units.length - 1; i >= 0; i--) {
    after[i] = nextNonBlank;
    if (units[i].kind !== 'blank') nextNonBlank = i;
  }
  const nextOf = (i: number): Unit | undefined => units[after[i]];
  const texts = units.flatMap((u, i) => (u.kind === 'text' ? [{ ...u, i }] : []));
  const marked = texts.some((u) => u.line.kind === 'question');
  const first = units.findIndex((u) => u.kind !== 'blank');
  const layout: Layout = {
    marked,
    labelled: !marked && texts.some((u) => u.line.kind === 'answer'),
    paragraphs: units.some((u, i) => u.kind === 'blank' && i > first && nextOf(i) !== undefined),
    indented: texts.some(
      (u) => u.line.kind === 'question' && !u.line.label && (nextOf(u.i)?.indent ?? 0) >= u.indent + 2,
    ),
  };
  const splitter = new Splitter(units, layout, nextOf);
  for (let i = 0; i < units.length; i++) splitter.feed(i);
  splitter.close();
  return splitter.items;
}

// ---------------------------------------------------------------------------------------------------------
// The same question twice

/** Symbols that change what a question is about (C# / C++ / a <= b); other punctuation and symbols go. */
const KEEP = new Set('#+=<>%&$@');

/** The same question, however it was typed: case, punctuation, whitespace, numbering, Persian ي/ك/ZWNJ/digits. */
export function questionKey(text: string): string {
  const s = clean(text).normalize('NFKC').trim();
  const line = classify(s);
  return foldPersian(line.kind === 'question' ? line.rest : s)
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]/gu, (c) => (KEEP.has(c) ? c : ''));
}

/** Items not already among `existing` questions (by questionKey), and not repeated within themselves. */
export function newItems(existing: readonly { text: string }[], items: readonly PastedItem[]): PastedItem[] {
  const seen = new Set(existing.map((q) => questionKey(q.text)));
  const kept = new Map<string, PastedItem>();
  for (const item of items) {
    const key = questionKey(item.text);
    if (!key || seen.has(key)) continue;
    const first = kept.get(key);
    // Twice in the paste: the first one stays, with the later one's answer if it had none.
    if (first) first.answer ||= item.answer;
    else kept.set(key, { ...item });
  }
  return [...kept.values()];
}

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
    const tag = MONO.test(style) ? 'code' : BOLD.test(style) ? 'strong' : ITALIC.test(style) ? 'em' : '';
    const within = (
      {
        code: 'pre, code',
        strong: 'pre, code, b, strong, h1, h2, h3, h4, h5, h6, th',
        em: 'pre, code, i, em',
      } as Record<string, string>
    )[tag];
    if (within && !span.closest(within)) span.append(el(tag, ...Array.from(span.childNodes)));
  }
  // The spans have said what they mean; without them a long document stays under htmlToMarkdown's element bound.
  for (const span of Array.from(body.querySelectorAll('span'))) span.replaceWith(...Array.from(span.childNodes));
  // Google Docs puts a sub-list beside the items (<ol><li/><ol>…</ol></ol>): into the item it follows.
  for (const list of Array.from(body.querySelectorAll('ol > ol, ol > ul, ul > ol, ul > ul'))) {
    const prev = list.previousElementSibling;
    (prev?.localName === 'li' ? prev : list.parentElement!.insertBefore(el('li'), list)).append(list);
  }
  // Notion toggles: the summary is an item, the rest is written under it.
  for (const details of Array.from(body.querySelectorAll('details'))) {
    const li = el(
      'li',
      ...Array.from(details.childNodes, (c) => (c.nodeName === 'SUMMARY' ? el('p', ...Array.from(c.childNodes)) : c)),
    );
    if (details.parentElement?.localName === 'li') details.replaceWith(...Array.from(li.childNodes));
    else details.replaceWith(el('ul', li));
  }
  // A chat page's code block has a toolbar (language, copy button) beside its <code>.
  for (const pre of Array.from(body.querySelectorAll('pre'))) {
    const code = pre.querySelector('code');
    if (code && code.parentElement !== pre) pre.replaceChildren(code);
  }
  body.querySelectorAll('br.Apple-interchange-newline').forEach((br) => br.remove());
}

/** Plain text or rich HTML from the clipboard → markdown (HTML via htmlToMarkdown after clipboard-specific cleanup). */
export function clipboardToMarkdown(data: { text?: string | null; html?: string | null }, doc: Document): string {
  const [text, html] = [data.text ?? '', data.html ?? ''];
  let input: Element | string = html.trim() && (html.length <= MAX_HTML || !text.trim()) ? html : '';
  if (input && html.length <= MAX_HTML) {
    const body = parseInert(html, doc);
    cleanClipboardDom(body);
    // HTML without formatting (an editor's coloured spans) only adds escaping: its plain text is better.
    input = body.querySelector(FORMATTING) || !text.trim() ? body : '';
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
  `^(?:\\\\?[-*+](?=\\s|$)|(?:[•▪◦·●○■►➤✅➖▫]|🔹|🔸)\\uFE0F?|[–—](?=\\s)|\\(\\s*${D}{1,3}\\s*\\)|${D}{1,3}\\\\?[.)](?!${D})|${D}{1,3}\\s*[-–—ـ](?![-–—ـ]|\\s*${D}))\\s*`,
);
const Q_LABEL = new RegExp(
  `^(\\*\\*|__)?(?:q|question|سؤال|سوال|پرسش|س)\\s*(?:#?${D}{1,3}\\s*)?(\\1)?\\s*(?:[:：]|[.)\\-–—](?=\\s)|(?<=${D})[.)\\-–—])(\\1)?\\s*`,
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

function classify(text: string): Line {
  if (/^(?:[-*_=]\s*){3,}$/.test(text)) return { kind: 'rule', rest: '', width: 0, label: false };
  if (/^#{1,6}(?:\s|$)/.test(text)) return { kind: 'heading', rest: text, width: 0, label: false };
  const body = text.slice(LIST_MARKER.exec(text)?.[0].length ?? 0);
  for (const [re, kind] of [
    [A_LABEL, 'answer'],
    [Q_LABEL, 'question'],
  ] as const) {
    const m = re.exec(body);
    if (m)
      return {
        kind,
        rest: afterLabel(m, body.slice(m[0].length)),
        width: text.length - body.length + m[0].length,
        label: true,
      };
  }
  return { kind: body === text ? 'plain' : 'question', rest: body, width: text.length - body.length, label: false };
}

/** A fence's opening run (``` or ~~~; a backtick fence's info string has no backtick), or null. */
const fenceOpen = (line: string) => /^\s*(`{3,})[^`]*$|^\s*(~{3,})/.exec(line)?.slice(1).find(Boolean) ?? null;
const closesFence = (line: string, fence: string) => {
  const m = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
  return !!m && m[1][0] === fence[0] && m[1].length >= fence.length;
};
/** Columns of leading whitespace, a tab to the next multiple of 4. */
const indentOf = (line: string) =>
  [.../^[ \t]*/.exec(line)![0]].reduce((col, c) => (c === '\t' ? col - (col % 4) + 4 : col + 1), 0);

/** The lines, a fenced code block (to its closing fence, or the end) as one unit. */
function toUnits(text: string): Unit[] {
  const lines = text.split('\n');
  const units: Unit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const fence = fenceOpen(raw);
    if (fence) {
      const body = [raw];
      while (++i < lines.length && (body.push(lines[i]), !closesFence(lines[i], fence)));
      units.push({ kind: 'fence', indent: indentOf(raw), lines: body });
    } else if (!raw.trim()) units.push({ kind: 'blank', indent: 0 });
    else units.push({ kind: 'text', indent: indentOf(raw), text: raw.trim(), line: classify(raw.trim()) });
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

/** Lines dedented by up to `base` spaces; outside code, trailing blanks and repeated blank lines dropped. */
function block(lines: string[], base: number): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const text = line.replace(new RegExp(`^ {0,${base}}`), '');
    if (fence) {
      if (closesFence(text, fence)) fence = null;
      out.push(text);
    } else if ((fence = fenceOpen(text)) || text.trim() || out[out.length - 1]) out.push(fence ? text : text.trimEnd());
  }
  return out.join('\n').trim();
}

const pad = (n: number) => ' '.repeat(n);
const endsQuestion = (t: string) => /[?؟]\W*$/.test(t);
/** `Technical questions:` or `**HR**` (right before a list): a group title, not a question. */
const isTitle = (t: string) =>
  !endsQuestion(t) && /[:：](\*\*|__)?$|^(\*\*|__)[^*_]+\2$/.test(t) && t.split(/\s+/).length <= 6;

/** Splits pasted text (markdown or plain) into questions with the answers written under them. */
export function splitQuestions(markdown: string): PastedItem[] {
  const units = toUnits(clean(markdown));
  const after: number[] = []; // the next non-blank unit after each one
  for (let i = units.length - 1, n = -1; i >= 0; i--) {
    after[i] = n;
    if (units[i].kind !== 'blank') n = i;
  }
  const next = (i: number): Unit | undefined => units[after[i]];
  const nextIs = (i: number, kind: Kind) => (next(i) as { line?: Line } | undefined)?.line?.kind === kind;
  const texts = units.flatMap((u, i) => (u.kind === 'text' ? [{ ...u, i }] : []));
  const marked = texts.some((u) => u.line.kind === 'question');
  const labelled = !marked && texts.some((u) => u.line.kind === 'answer');
  const first = units.findIndex((u) => u.kind !== 'blank');
  const paragraphs = units.some((u, i) => u.kind === 'blank' && i > first && next(i));
  // Answers are written indented under their questions: an unindented paragraph after a blank line is not one.
  const indented = texts.some(
    (u) => u.line.kind === 'question' && !u.line.label && (next(u.i)?.indent ?? 0) >= u.indent + 2,
  );

  const items: PastedItem[] = [];
  let it: Item | null = null;
  const part = () => (it!.answering ? it!.a : it!.q);
  const close = () => {
    const text = it ? block(it.q, it.col) : '';
    if (text) items.push({ text, answer: block(it!.a, it!.aBase) });
    it = null;
  };
  const answer = (item: Item, indent: number, text: string) => {
    if (!item.answering) item.aBase = indent;
    item.answering = true;
    item.a.push(pad(indent) + text);
  };
  /** A line under the question: its answer, or its text when the marker stood alone (`Question 1:`). */
  const content = (item: Item, indent: number, text: string) => {
    if (item.answering || item.q.some((l) => l.trim())) answer(item, indent, text);
    else item.q = [text];
  };
  const open = (indent: number, line: Line) => {
    close();
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
      answer(item, item.col, afterLabel(mid, line.rest.slice(mid.index + mid[0].length)));
    } else if (lead) {
      item.q = [lead[1]];
      answer(item, item.col, lead[3]);
    }
    it = item;
  };

  let blank = false;
  let code = false;
  units.forEach((u, i) => {
    const afterBlank = blank;
    blank = u.kind === 'blank';
    if (u.kind === 'blank') return void (it && part().push(''));
    if (u.kind === 'fence') {
      code = false;
      if (!it) open(u.indent, { kind: 'plain', rest: '', width: 0, label: false });
      return void part().push(...u.lines);
    }
    const { indent, text, line } = u;
    // Indented code: four columns past the question's text, after a blank line.
    code = !!it && indent >= it.col + 4 && (code || afterBlank);
    if (code) return void part().push(pad(indent) + text);
    if (line.kind === 'rule' || (line.kind === 'heading' && (!it || indent <= it.indent))) return close();
    if (line.kind === 'answer') {
      if (it?.answering) it.a.push('');
      return void (it && answer(it, indent, line.rest));
    }
    const under = !!it && indent >= it.indent + 2;
    if (line.kind === 'question')
      return under && it!.marked && !line.label ? content(it!, indent, text) : open(indent, line);
    if (isTitle(text) && nextIs(i, 'question') && (!it || afterBlank || indented) && !under) return close();
    if (!it) return open(indent, line);
    if (under) return content(it, indent, text);
    if (marked || labelled) {
      if ((it.answering && nextIs(i, 'answer')) || (afterBlank && (labelled || indented))) return open(indent, line);
      return labelled && !it.answering ? void it.q.push(pad(indent) + text) : content(it, indent, text);
    }
    // No markers: a line each, or a paragraph each (a line ending in `?` still ends its question).
    const last = it.q.filter((l) => l.trim()).pop() ?? '';
    if (paragraphs && !afterBlank && !it.answering && !endsQuestion(last)) return void it.q.push(pad(indent) + text);
    open(indent, line);
  });
  close();
  return items;
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

/**
 * The importer's section readers: the entry cut at its headings, each metadata section read into its value
 * (heading link, status line, process diagram, apply way, platform, the date and duration lists, score and
 * review, task), the other sections handed to the round reader (questions.ts).
 */
import { closesFence, fenceOpening, type Fence } from '../../fence';
import type { AnswerStyle, Link, Round } from '../../record';
import { KNOWN_STATUS_EMOJIS, splitGraphemes } from '../format-kinds';
import { analyseProcess, parseFlowchart, type Flowchart, type ProcessAnalysis } from '../mermaid';
import {
  decodeProse,
  isSafeLink,
  trimBlankLines,
  unescapeHeading,
  unescapeLabel,
  unescapeLine,
  unescapeLineStart,
} from '../text';
import type { PartKey, SplitSection } from '../parts';
import type { ReadContext } from './context';
import { readRound } from './questions';
import type { Lines } from './scan';

/** A `- **Label**<br />value` item of the Interview Date or Interview Duration list. */
export interface ListItem<L extends string | null = string> {
  label: L;
  value: string;
  /** 1-based. */
  line: number;
  /** The key of its part until the stage it belongs to is known. */
  key: PartKey;
}

export interface Flow {
  fc: Flowchart;
  analysis: ProcessAnalysis;
  /** The diagram source as written, and its first line (1-based). */
  source: string;
  line: number;
}

/** Everything the sections say, before stages are built from it. */
export interface Sections {
  company: { name: string; website: string };
  role: string | null;
  applyWays: string[];
  platform: string | null;
  statusLine: string | null;
  flow: Flow | null;
  dateItems: ListItem[];
  /** A duration without a label (`1 hour` under the heading) has label null. */
  durationItems: ListItem<string | null>[];
  rounds: Round[];
  task: { text: string; links: Link[] } | null;
  score: number | null;
  review: string;
  answerStyle: AnswerStyle;
  /** How many of the metadata sections and Score were found. */
  knownSections: number;
}

const ITEM = /^\s*[-*+]\s+\*\*((?:\\.|[^*\\]|\*(?!\*))+?)\*\*\s*(?::\s*)?(?:<\s*br\s*\/?\s*>)?\s*(.*)$/i;
const SCORE = /<mark\b[^>]*>\s*(?:<b>)?\s*(-?\d+(?:\.\d+)?)\s*\/\s*10/i;

type SectionKind = 'status' | 'process' | 'applyWay' | 'dates' | 'durations' | 'platform' | 'score';

function sectionKind(title: string): SectionKind | null {
  if (title === 'status') return 'status';
  if (/^interview process$/.test(title)) return 'process';
  if (/^apply ways?$/.test(title)) return 'applyWay';
  if (/^interview dates?$/.test(title)) return 'dates';
  if (/^interview durations?$/.test(title)) return 'durations';
  if (/^interview platforms?$/.test(title)) return 'platform';
  if (title === 'score') return 'score';
  return null;
}

function stripHeadingText(s: string): string {
  return unescapeHeading(s.replace(/\s+#+\s*$/, '').trim());
}

/** Sections with nothing read yet. */
export function emptySections(): Sections {
  return {
    company: { name: '', website: '' },
    role: null,
    applyWays: [],
    platform: null,
    statusLine: null,
    flow: null,
    dateItems: [],
    durationItems: [],
    rounds: [],
    task: null,
    score: null,
    review: '',
    answerStyle: 'plain',
    knownSections: 0,
  };
}

/** Reads the entry section by section into `out` (which keeps what was read if a reader throws). */
export function readSections(lines: Lines, ctx: ReadContext, out: Sections) {
  const { issues, parts } = ctx;
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = lines.heading(i);
    if (h && h.level <= 3 && (h.level > 1 || starts.length > 0)) starts.push(i);
  }
  readHead(lines, ctx, out, 0, starts[0] ?? lines.length);
  const seen = new Set<string>();
  let metaDone = false;
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k];
    const to = starts[k + 1] ?? lines.length;
    const h = lines.heading(from)!;
    const title = h.text.toLowerCase().replace(/\s+/g, ' ').trim();
    const kind = sectionKind(title);
    const once = (name: string) => {
      if (seen.has(name)) {
        issues.warn(from + 1, `a second "${h.text}" section; it is kept as a body section`);
        return false;
      }
      seen.add(name);
      return true;
    };
    if (kind) out.knownSections++;
    if (kind === 'score' && once('score')) {
      readScore(lines, ctx, out, from, to);
      metaDone = true;
    } else if (kind && kind !== 'score' && !metaDone && once(kind)) {
      readMeta(lines, ctx, out, kind, from, to);
    } else if (
      h.level === 2 &&
      !metaDone &&
      out.role === null &&
      !seen.has('process') &&
      !seen.has('applyWay') &&
      kind === null
    ) {
      seen.add('role');
      out.role = stripHeadingText(h.text);
      parts.add({ kind: 'role' }, from, to);
    } else if (/^task$/.test(title) && !out.task) {
      metaDone = true;
      parts.add({ kind: 'task' }, from, to);
      const text = trimBlankLines(lines.lines.slice(from + 1, to)).join('\n');
      out.task = { text: decodeProse(text), links: findLinks(text) };
    } else {
      metaDone = true;
      const read = readRound(lines, ctx, from, to, stripHeadingText(h.text));
      out.rounds.push(read.round);
      if (read.boxed) out.answerStyle = 'boxed';
    }
  }
  for (const [name, label] of [
    ['status', 'Status'],
    ['process', 'Interview Process'],
    ['applyWay', 'Apply Way'],
    ['durations', 'Interview Duration'],
    ['score', 'Score'],
  ] as const) {
    if (!seen.has(name)) issues.warn(1, `no "${label}" section`);
  }
}

/** A section as two parts: `<key>:h` (its heading and the blank lines under it) and `<key>` (the rest). */
function sectionParts(lines: Lines, ctx: ReadContext, section: SplitSection, from: number, to: number): number {
  let body = from + 1;
  while (body < to && lines.isBlank(body)) body++;
  ctx.parts.add({ kind: 'heading', section }, from, body);
  ctx.parts.add({ kind: 'body', section }, body, to);
  return body;
}

function readHead(lines: Lines, ctx: ReadContext, out: Sections, from: number, to: number) {
  ctx.parts.add({ kind: 'head' }, from, to);
  const h1 = lines.lines.slice(from, to).findIndex((l) => /^#\s/.test(l));
  if (h1 < 0) {
    ctx.issues.warn(1, 'no "# [Company](url)" heading', 'error');
    return;
  }
  const link = parseHeadingLink(lines.lines[from + h1]);
  if (!link) {
    // The name alone, as Jobnote exports an application without a website; the repository links every one.
    out.company.name = stripHeadingText(lines.lines[from + h1].replace(/^#\s+/, ''));
    ctx.issues.warn(from + h1 + 1, 'the heading has no link: add the company\'s website, as "# [Company](url)"');
    return;
  }
  if (!link.website.trim())
    ctx.issues.warn(from + h1 + 1, 'the heading\'s link is empty ("()"): add the company\'s website');
  if (!isSafeLink(link.website)) {
    ctx.issues.warn(from + h1 + 1, `the company link "${link.website}" is not a web address; it is not kept`);
    link.website = '';
  }
  out.company = link;
}

function readMeta(
  lines: Lines,
  ctx: ReadContext,
  out: Sections,
  kind: Exclude<SectionKind, 'score'>,
  from: number,
  to: number,
) {
  const body = lines.lines.slice(from + 1, to);
  const firstValue = body.findIndex((l) => l.trim() !== '');
  switch (kind) {
    case 'status': {
      sectionParts(lines, ctx, 'status', from, to);
      if (firstValue < 0) {
        ctx.issues.warn(from + 1, 'the Status section is empty');
        return;
      }
      out.statusLine = body[firstValue].replace(/^#+\s*/, '').trim();
      for (const g of splitGraphemes(out.statusLine.replace(/\s+/g, ''))) {
        if (!KNOWN_STATUS_EMOJIS.has(g) && !KNOWN_STATUS_EMOJIS.has(g + '\uFE0F'))
          ctx.issues.warn(from + 2 + firstValue, `unknown status emoji "${g}"`, 'error');
      }
      return;
    }
    case 'process':
      sectionParts(lines, ctx, 'process', from, to);
      out.flow = readDiagram(lines, ctx, from, to);
      return;
    case 'applyWay':
      sectionParts(lines, ctx, 'applyWay', from, to);
      if (firstValue >= 0) {
        out.applyWays = unescapeLineStart(body[firstValue].trim())
          .split(' & ')
          .map((w) => unescapeLine(w.trim()).replace(/&amp;/g, '&'))
          .filter(Boolean);
      }
      return;
    case 'platform':
      sectionParts(lines, ctx, 'platform', from, to);
      if (firstValue >= 0) out.platform = unescapeLine(unescapeLineStart(body[firstValue].trim()));
      return;
    case 'dates':
    case 'durations':
      readItems(lines, ctx, out, kind, from, to);
      return;
  }
}

function readDiagram(lines: Lines, ctx: ReadContext, from: number, to: number): Flow | null {
  let open = -1;
  let fence: Fence | null = null;
  for (let i = from + 1; i < to && !fence; i++) {
    fence = fenceOpening(lines.lines[i]);
    if (fence?.info.toLowerCase() === 'mermaid') open = i;
    else fence = null;
  }
  if (!fence) {
    ctx.issues.warn(from + 1, 'no ```mermaid diagram under Interview Process');
    return null;
  }
  let close = open + 1;
  while (close < to && !closesFence(lines.lines[close], fence)) close++;
  if (close >= to) ctx.issues.warn(open + 1, 'the mermaid block is not closed', 'error');
  const source = lines.lines.slice(open + 1, close).join('\n');
  const fc = parseFlowchart(source);
  for (const e of fc.errors)
    ctx.issues.warn(Math.min(open + 1 + e.line, Math.max(close, open + 1)), `diagram: ${e.message}`, 'error');
  return { fc, analysis: analyseProcess(fc), source, line: open + 2 };
}

/** The Interview Date / Interview Duration lists: `- **Label**<br />value` items, one part each. */
function readItems(
  lines: Lines,
  ctx: ReadContext,
  out: Sections,
  kind: 'dates' | 'durations',
  from: number,
  to: number,
) {
  let i = from + 1;
  while (i < to && lines.isBlank(i)) i++;
  ctx.parts.add({ kind }, from, i);
  while (i < to) {
    let j = i + 1;
    while (j < to && lines.isBlank(j)) j++;
    const line = lines.lines[i];
    const m = ITEM.exec(line);
    const key: PartKey = { kind: kind === 'dates' ? 'dateItem' : 'durationItem', line: i };
    if (m) {
      const item = { label: unescapeLabel(m[1].trim()), value: m[2].trimEnd(), line: i + 1, key };
      if (kind === 'dates') out.dateItems.push(item);
      else out.durationItems.push(item);
      ctx.parts.add(key, i, j);
    } else if (kind === 'durations' && !out.durationItems.length && !/^\s*[-*+]\s/.test(line)) {
      out.durationItems.push({ label: null, value: line.trim(), line: i + 1, key });
      ctx.parts.add(key, i, j);
    } else {
      ctx.parts.add({ kind: 'literal', owner: { kind }, n: i, moved: false }, i, j);
      if (!/todo/i.test(line)) ctx.issues.warn(i + 1, `not a "- **Label**<br />value" item; kept as written`);
    }
    i = j;
  }
}

function readScore(lines: Lines, ctx: ReadContext, out: Sections, from: number, to: number) {
  let line = -1;
  for (let i = from + 1; i < to; i++) {
    const m = SCORE.exec(lines.lines[i]);
    if (m) {
      line = i;
      const v = Number(m[1]);
      if (v < 0 || v > 10) ctx.issues.warn(i + 1, `score ${m[1]} is outside 0-10`, 'error');
      else if (v * 2 !== Math.round(v * 2)) {
        ctx.issues.warn(i + 1, `score ${m[1]} is not a multiple of 0.5; kept rounded to ${Math.round(v * 2) / 2}`);
        out.score = Math.round(v * 2) / 2;
      } else out.score = v;
      break;
    }
    if (lines.lines[i].trim() && !/^<\s*\/?\s*br/i.test(lines.lines[i].trim())) break;
  }
  if (line < 0) ctx.issues.warn(from + 1, 'no score line like <h4><mark …>7/10</mark></h4>');
  let end = line < 0 ? from + 1 : line + 1;
  while (end < to && lines.isBlank(end)) end++;
  sectionParts(lines, ctx, 'score', from, end);
  const rest = trimBlankLines(lines.lines.slice(end, to));
  if (rest.length) {
    out.review = decodeProse(rest.join('\n'));
    ctx.parts.add({ kind: 'review' }, end, to);
  }
}

/** `# [Company](url)` with balanced brackets and escapes. */
export function parseHeadingLink(line: string): { name: string; website: string } | null {
  const m = /^#\s+\[/.exec(line);
  if (!m) return null;
  let i = m[0].length;
  let depth = 1;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    if (c === ']' && --depth === 0) break;
  }
  if (depth !== 0 || line[i + 1] !== '(') return null;
  const name = unescapeLine(line.slice(m[0].length, i));
  const rest = line.slice(i + 2);
  const close = rest.lastIndexOf(')');
  if (close < 0 || rest.slice(close + 1).trim()) return null;
  let url = rest.slice(0, close).trim();
  if (url.startsWith('<') && url.endsWith('>')) url = url.slice(1, -1).replace(/%3C/g, '<').replace(/%3E/g, '>');
  return { name, website: url };
}

/** Links in a task section: `<a href="…">text</a>` and `[text](url)`; web and relative links only. */
export function findLinks(text: string): Link[] {
  return allLinks(text).filter((l) => isSafeLink(l.url));
}

function allLinks(text: string): Link[] {
  const links: Link[] = [];
  for (const m of text.matchAll(/<a\s[^>]*href\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi))
    links.push({ url: m[1], text: m[2].replace(/<[^>]*>/g, '').trim() });
  for (const m of text.matchAll(/\[((?:\\.|[^\]\\])*)\]\(\s*(?:<([^>\n]*)>|([^)\s]+))[^)]*\)/g))
    links.push({ url: m[2] ?? m[3], text: unescapeLine(m[1]) });
  return links;
}

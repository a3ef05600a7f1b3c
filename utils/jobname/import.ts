/**
 * jobname markdown entry → record.
 *
 * What the importer understands it structures (company, role, stages with dates and durations, outcome,
 * rounds of questions with follow-ups and answers, task, score, review). It also cuts the entry into keyed
 * parts and keeps each part's text with the signature of the exporter's own rendering of it, so that
 * exporting the record reproduces the entry byte for byte until the user edits something (see export.ts).
 *
 * It never throws on bad input: problems come back as issues with 1-based line numbers.
 */
import { findDate, findTime, parseDateInput, parseDuration, toAsciiDigits } from '../dates';
import {
  PROCESS_KINDS,
  createRecord,
  newQuestion,
  newRound,
  newStage,
  type ApplicationRecord,
  type DateFormat,
  type ExportPrefs,
  type IdPrefix,
  type Link,
  type Outcome,
  type PlannedStage,
  type Question,
  type Round,
  type SourcePart,
  type Stage,
  type StageKind,
} from '../record';
import { canonicalBlocks, exportEntry, reconcileParts } from './export';
import { classifyStage } from './classify';
import { KNOWN_STATUS_EMOJIS, STATUS_EMOJI, splitGraphemes } from './kinds';
import {
  analyseProcess,
  defaultRemaining,
  generatedLabels,
  parseFlowchart,
  plannedAfterRejection,
  processStages,
  type Flowchart,
  type ProcessAnalysis,
} from './mermaid';
import {
  FenceTracker,
  decodeProse,
  dedentLine,
  hash,
  leadingSpaces,
  trimBlankLines,
  unescapeHtmlText,
  unescapeLabel,
  unescapeLinkText,
  unescapeTagLines,
} from './text';

export type Severity = 'error' | 'warning';

export interface ImportIssue {
  /** 1-based line in the entry. */
  line: number;
  severity: Severity;
  message: string;
}

export interface ImportResult {
  record: ApplicationRecord;
  warnings: ImportIssue[];
  /** The diagram source as written, with its first line, for callers that validate it further (lint). */
  diagram: { source: string; line: number } | null;
  /** Whether the text looks like a jobname entry at all: a `# [Company](url)` heading or a known section. */
  recognized: boolean;
}

export interface ImportOptions {
  id?: string;
  now?: string;
}

interface PartRange {
  key: string;
  from: number;
  to: number;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const BULLET = /^ ?[-*+][ \t]+\S/;
const UL_OPEN = /^\s{0,3}<ul\b/i;
const DETAILS_OPEN = /^\s*<details\b/i;
const FOLLOW_UP = /^\s*>\s*\*\*\s*follow[- ]?up\s*:?\s*\*\*\s*:?\s?(.*)$/i;
const ITEM = /^\s*[-*+]\s+\*\*((?:\\.|[^*\\]|\*(?!\*))+?)\*\*\s*(?::\s*)?(?:<\s*br\s*\/?\s*>)?\s*(.*)$/i;
const BR_LINE = /^\s*(<\s*\/?\s*br\s*\/?\s*>\s*)+$/i;
const SCORE = /<mark\b[^>]*>\s*(?:<b>)?\s*(-?\d+(?:\.\d+)?)\s*\/\s*10/i;

class Importer {
  readonly lines: string[];
  private readonly offsets: number[];
  private readonly content: string;
  readonly finalNewline: boolean;
  /** The entry with line endings normalised: what an unchanged export must reproduce. */
  readonly text: string;
  readonly issues: ImportIssue[] = [];
  readonly parts: PartRange[] = [];
  /** Lines inside fenced code. */
  private readonly inCode: boolean[];
  /** Lines inside a `<details>` block (not counting its opening line). */
  private readonly inDetails: boolean[];

  private n = { s: 0, r: 0, q: 0 };
  company = { name: '', website: '' };
  role: string | null = null;
  applyWays: string[] = [];
  platform: string | null = null;
  statusLine: string | null = null;
  flow: { fc: Flowchart; analysis: ProcessAnalysis; source: string; line: number } | null = null;
  dateItems: { label: string; value: string; line: number; key: string }[] = [];
  durationItems: { label: string | null; value: string; line: number; key: string }[] = [];
  rounds: Round[] = [];
  task: { text: string; links: Link[] } | null = null;
  score: number | null = null;
  review = '';
  answerStyle: ExportPrefs['answerStyle'] = 'plain';
  /** How many of the metadata sections and Score were found. */
  knownSections = 0;

  constructor(text: string) {
    let t = text;
    if (t.startsWith('\uFEFF')) {
      t = t.slice(1);
      this.warn(1, 'the file starts with a byte-order mark; it was removed');
    }
    if (t.includes('\r')) {
      t = t.replace(/\r\n?/g, '\n');
      this.warn(1, 'Windows line endings were converted to LF');
    }
    this.text = t;
    this.finalNewline = t.endsWith('\n');
    this.content = this.finalNewline ? t.slice(0, -1) : t;
    this.lines = this.content.split('\n');
    this.offsets = [];
    let off = 0;
    for (const l of this.lines) {
      this.offsets.push(off);
      off += l.length + 1;
    }
    this.offsets.push(off);
    const fence = new FenceTracker();
    this.inCode = this.lines.map((l) => fence.step(l));
    this.inDetails = this.scanDetails();
  }

  warn(line: number, message: string, severity: Severity = 'warning') {
    this.issues.push({ line, severity, message });
  }

  id(prefix: IdPrefix): string {
    return prefix + ++this.n[prefix];
  }

  raw(from: number, to: number): string {
    return this.content.slice(this.offsets[from], Math.min(this.offsets[to], this.content.length));
  }

  part(key: string, from: number, to: number) {
    if (to > from) this.parts.push({ key, from, to });
  }

  /** A section as two parts: `<key>:h` (its heading and the blank lines under it) and `<key>` (the rest). */
  sectionParts(key: string, from: number, to: number): number {
    let body = from + 1;
    while (body < to && this.lines[body].trim() === '') body++;
    this.part(`${key}:h`, from, body);
    this.part(key, body, to);
    return body;
  }

  /** Marks lines inside `<details>` blocks so headings in mdgen's unindented answers stay in the answer. */
  private scanDetails(): boolean[] {
    const inside = this.lines.map(() => false);
    let depth = 0;
    let openedAt = -1;
    this.lines.forEach((l, i) => {
      if (this.inCode[i]) {
        inside[i] = depth > 0;
        return;
      }
      inside[i] = depth > 0;
      if (DETAILS_OPEN.test(l)) {
        if (depth === 0) openedAt = i;
        depth++;
      }
      if (/<\/details>/i.test(l)) {
        if (depth === 0) this.warn(i + 1, '</details> without a matching <details>');
        depth = Math.max(0, depth - 1);
      }
    });
    if (depth > 0) {
      this.warn(openedAt + 1, '<details> is never closed', 'error');
      return this.lines.map(() => false);
    }
    return inside;
  }

  isStructural(i: number): boolean {
    return !this.inCode[i] && !this.inDetails[i];
  }

  heading(i: number): { level: number; text: string } | null {
    if (!this.isStructural(i)) return null;
    const m = HEADING.exec(this.lines[i]);
    return m ? { level: m[1].length, text: m[2] } : null;
  }

  // ---------------------------------------------------------------------------------------------------
  run() {
    const starts: number[] = [];
    for (let i = 0; i < this.lines.length; i++) {
      const h = this.heading(i);
      if (h && h.level <= 3 && (h.level > 1 || starts.length > 0)) starts.push(i);
    }
    const headEnd = starts[0] ?? this.lines.length;
    this.readHead(0, headEnd);
    const seen = new Set<string>();
    let metaDone = false;
    for (let k = 0; k < starts.length; k++) {
      const from = starts[k];
      const to = starts[k + 1] ?? this.lines.length;
      const h = this.heading(from)!;
      const title = h.text.toLowerCase().replace(/\s+/g, ' ').trim();
      const kind = sectionKind(title);
      const once = (name: string) => {
        if (seen.has(name)) {
          this.warn(from + 1, `a second "${h.text}" section; it is kept as a body section`);
          return false;
        }
        seen.add(name);
        return true;
      };
      if (kind) this.knownSections++;
      if (kind === 'score' && once('score')) {
        this.readScore(from, to);
        metaDone = true;
      } else if (kind && kind !== 'score' && !metaDone && once(kind)) {
        this.readMeta(kind, from, to);
      } else if (
        h.level === 2 &&
        !metaDone &&
        this.role === null &&
        !seen.has('process') &&
        !seen.has('applyWay') &&
        kind === null
      ) {
        seen.add('role');
        this.role = stripHeadingText(h.text);
        this.part('role', from, to);
      } else if (/^task$/.test(title) && !this.task) {
        metaDone = true;
        this.readTask(from, to);
      } else {
        metaDone = true;
        this.readRound(from, to);
      }
    }
    for (const [name, label] of [
      ['status', 'Status'],
      ['process', 'Interview Process'],
      ['applyWay', 'Apply Way'],
      ['durations', 'Interview Duration'],
      ['score', 'Score'],
    ] as const) {
      if (!seen.has(name)) this.warn(1, `no "${label}" section`);
    }
  }

  private readHead(from: number, to: number) {
    this.part('head', from, to);
    const h1 = this.lines.slice(from, to).findIndex((l) => /^#\s/.test(l));
    if (h1 < 0) {
      this.warn(1, 'no "# [Company](url)" heading', 'error');
      return;
    }
    const link = parseHeadingLink(this.lines[from + h1]);
    if (!link) {
      this.warn(from + h1 + 1, 'the first heading is not "# [Company](url)"', 'error');
      this.company.name = this.lines[from + h1].replace(/^#\s+/, '').trim();
      return;
    }
    this.company = link;
  }

  private readMeta(kind: Exclude<SectionKind, 'score'>, from: number, to: number) {
    const body = this.lines.slice(from + 1, to);
    const firstValue = body.findIndex((l) => l.trim() !== '');
    switch (kind) {
      case 'status': {
        this.sectionParts('status', from, to);
        const i = body.findIndex((l) => l.trim() !== '');
        if (i < 0) {
          this.warn(from + 1, 'the Status section is empty');
          return;
        }
        this.statusLine = body[i].replace(/^#+\s*/, '').trim();
        for (const g of splitGraphemes(this.statusLine.replace(/\s+/g, ''))) {
          if (!KNOWN_STATUS_EMOJIS.has(g) && !KNOWN_STATUS_EMOJIS.has(g + '\uFE0F'))
            this.warn(from + 2 + i, `unknown status emoji "${g}"`, 'error');
        }
        return;
      }
      case 'process':
        this.sectionParts('process', from, to);
        this.readDiagram(from, to);
        return;
      case 'applyWay':
        this.sectionParts('applyWay', from, to);
        if (firstValue >= 0) {
          this.applyWays = body[firstValue]
            .trim()
            .split(' & ')
            .map((w) => unescapeHtmlText(w.trim()).replace(/&amp;/g, '&'))
            .filter(Boolean);
        }
        return;
      case 'platform':
        this.sectionParts('platform', from, to);
        if (firstValue >= 0) this.platform = unescapeHtmlText(body[firstValue].trim());
        return;
      case 'dates':
      case 'durations':
        this.readItems(kind, from, to);
        return;
    }
  }

  private readDiagram(from: number, to: number) {
    let open = -1;
    for (let i = from + 1; i < to; i++) {
      if (/^\s*```\s*mermaid\s*$/i.test(this.lines[i])) {
        open = i;
        break;
      }
    }
    if (open < 0) {
      this.warn(from + 1, 'no ```mermaid diagram under Interview Process');
      return;
    }
    let close = open + 1;
    while (close < to && !/^\s*```\s*$/.test(this.lines[close])) close++;
    if (close >= to) this.warn(open + 1, 'the mermaid block is not closed', 'error');
    const source = this.lines.slice(open + 1, close).join('\n');
    const fc = parseFlowchart(source);
    for (const e of fc.errors)
      this.warn(Math.min(open + 1 + e.line, Math.max(close, open + 1)), `diagram: ${e.message}`, 'error');
    this.flow = { fc, analysis: analyseProcess(fc), source, line: open + 2 };
  }

  /** The Interview Date / Interview Duration lists: `- **Label**<br />value` items, one part each. */
  private readItems(kind: 'dates' | 'durations', from: number, to: number) {
    const prefix = kind === 'dates' ? 'date' : 'dur';
    let i = from + 1;
    while (i < to && this.lines[i].trim() === '') i++;
    this.part(kind, from, i);
    let lit = 0;
    while (i < to) {
      let j = i + 1;
      while (j < to && this.lines[j].trim() === '') j++;
      const line = this.lines[i];
      const m = ITEM.exec(line);
      const key = `${prefix}#${i}`;
      if (m) {
        const item = { label: unescapeLabel(m[1].trim()), value: m[2].trimEnd(), line: i + 1, key };
        if (kind === 'dates') this.dateItems.push(item);
        else this.durationItems.push(item);
        this.part(key, i, j);
      } else if (kind === 'durations' && !this.durationItems.length && !/^\s*[-*+]\s/.test(line)) {
        this.durationItems.push({ label: null, value: line.trim(), line: i + 1, key });
        this.part(key, i, j);
      } else {
        this.part(`lit:${kind}#${lit++}`, i, j);
        if (!/todo/i.test(line)) this.warn(i + 1, `not a "- **Label**<br />value" item; kept as written`);
      }
      i = j;
    }
  }

  private readScore(from: number, to: number) {
    let line = -1;
    for (let i = from + 1; i < to; i++) {
      const m = SCORE.exec(this.lines[i]);
      if (m) {
        line = i;
        const v = Number(m[1]);
        if (v < 0 || v > 10) this.warn(i + 1, `score ${m[1]} is outside 0-10`, 'error');
        else if (v * 2 !== Math.round(v * 2)) {
          this.warn(i + 1, `score ${m[1]} is not a multiple of 0.5; kept rounded to ${Math.round(v * 2) / 2}`);
          this.score = Math.round(v * 2) / 2;
        } else this.score = v;
        break;
      }
      if (this.lines[i].trim() && !/^<\s*\/?\s*br/i.test(this.lines[i].trim())) break;
    }
    if (line < 0) this.warn(from + 1, 'no score line like <h4><mark …>7/10</mark></h4>');
    let end = line < 0 ? from + 1 : line + 1;
    while (end < to && this.lines[end].trim() === '') end++;
    this.sectionParts('score', from, end);
    const rest = trimBlankLines(this.lines.slice(end, to));
    if (rest.length) {
      this.review = decodeProse(rest.join('\n'));
      this.part('review', end, to);
    }
  }

  private readTask(from: number, to: number) {
    this.part('task', from, to);
    const text = trimBlankLines(this.lines.slice(from + 1, to)).join('\n');
    this.task = { text: decodeProse(text), links: findLinks(text) };
  }

  // ---------------------------------------------------------------------------------------------------
  // Body sections: rounds of questions.

  private questionStart(i: number): 'bullet' | 'ul' | null {
    if (!this.isStructural(i)) return null;
    const l = this.lines[i];
    if (BULLET.test(l)) return 'bullet';
    if (UL_OPEN.test(l)) return 'ul';
    return null;
  }

  private readRound(from: number, to: number) {
    const h = this.heading(from)!;
    const round = newRound(this.id('r'), stripHeadingText(h.text));
    this.rounds.push(round);
    let i = from + 1;
    while (i < to && this.lines[i].trim() === '') i++;
    this.part(`round:${round.id}`, from, i);
    const blocks = this.questionBlocks(i, to);
    if (!blocks.length) {
      if (i < to) {
        round.intro = decodeProse(trimBlankLines(this.lines.slice(i, to)).join('\n'));
        this.part(`intro:${round.id}`, i, to);
      }
      return;
    }
    if (blocks[0].start > i) {
      round.intro = decodeProse(trimBlankLines(this.lines.slice(i, blocks[0].start)).join('\n'));
      this.part(`intro:${round.id}`, i, blocks[0].start);
    }
    for (let k = 0; k < blocks.length; k++) {
      const b = blocks[k];
      const next = blocks[k + 1]?.start ?? to;
      const qs = b.kind === 'ul' ? this.readList(b.start, b.end) : [this.readQuestion(b.start, b.end, b.body)];
      const afterLines = trimBlankLines(this.lines.slice(b.end, next));
      const last = k === blocks.length - 1;
      if (!qs.length) {
        // An empty <ul>: keep it as text of the round.
        this.part(`lit:round:${round.id}#${b.start}`, b.start, next);
        continue;
      }
      round.questions.push(...qs);
      const key = b.kind === 'ul' ? `ul:${qs[0].id}` : `q:${qs[0].id}`;
      if (afterLines.length && last) {
        this.part(key, b.start, b.end);
        round.outro = decodeProse(afterLines.join('\n'));
        this.part(`outro:${round.id}`, b.end, next);
      } else {
        if (afterLines.length) qs[qs.length - 1].after = decodeProse(afterLines.join('\n'));
        this.part(key, b.start, next);
      }
    }
  }

  /**
   * The questions of a section, in order: `- ` bullets with their indented content and answers, `<ul>`
   * lists of `<li>` questions, and paragraph questions: text followed by a `<details>` answer that belongs
   * to no bullet (a live-code task under `#### Live code`). A paragraph question's text starts after the
   * last heading or the previous question.
   */
  private questionBlocks(
    from: number,
    to: number,
  ): { kind: 'bullet' | 'ul' | 'para'; start: number; end: number; body?: number }[] {
    const blocks: { kind: 'bullet' | 'ul' | 'para'; start: number; end: number; body?: number }[] = [];
    let lastEnd = from;
    for (let k = from; k < to; ) {
      const s = this.questionStart(k);
      if (s) {
        const end = s === 'ul' ? this.listEnd(k, to) : this.questionEnd(k, to);
        blocks.push({ kind: s, start: k, end });
        k = lastEnd = end;
      } else if (this.isStructural(k) && DETAILS_OPEN.test(this.lines[k])) {
        let a = k;
        while (a > lastEnd && !(this.isStructural(a - 1) && HEADING.test(this.lines[a - 1]))) a--;
        while (a < k && this.lines[a].trim() === '') a++;
        const end = this.bodyEnd(k, to);
        blocks.push({ kind: 'para', start: a, end, body: k });
        k = lastEnd = end;
      } else k++;
    }
    return blocks;
  }

  /** Where a `- ` question's own block ends: its lines, indented content and answers. */
  private questionEnd(start: number, limit: number): number {
    let j = start + 1;
    // Lines directly under the bullet continue it (lazy continuation), until a blank line.
    while (
      j < limit &&
      (this.inCode[j] ||
        (this.lines[j].trim() !== '' &&
          !this.questionStart(j) &&
          !(this.isStructural(j) && DETAILS_OPEN.test(this.lines[j]))))
    )
      j++;
    return Math.max(j, this.bodyEnd(j, limit));
  }

  /** From `j`: answers, indented content and blank lines that still belong to the question above. */
  private bodyEnd(j: number, limit: number): number {
    let end = j;
    while (j < limit) {
      const l = this.lines[j];
      if (l.trim() === '' && !this.inCode[j]) {
        j++;
        continue;
      }
      if (this.isStructural(j) && DETAILS_OPEN.test(l)) {
        j = this.detailsEnd(j, limit);
        end = j;
        continue;
      }
      if (this.questionStart(j)) break;
      if (leadingSpaces(l) >= 2 || BR_LINE.test(l) || !this.isStructural(j)) {
        j++;
        end = j;
        continue;
      }
      break;
    }
    return end;
  }

  /** The line after the `</details>` that closes the block opened at `start`. */
  private detailsEnd(start: number, limit: number): number {
    let depth = 0;
    for (let j = start; j < limit; j++) {
      if (this.inCode[j]) continue;
      const l = this.lines[j];
      if (DETAILS_OPEN.test(l)) depth++;
      if (/<\/details>/i.test(l)) {
        depth--;
        if (depth <= 0) return j + 1;
      }
    }
    return limit;
  }

  private listEnd(start: number, limit: number): number {
    let depth = 0;
    for (let j = start; j < limit; j++) {
      if (this.inCode[j]) continue;
      depth += (this.lines[j].match(/<ul\b/gi) ?? []).length;
      depth -= (this.lines[j].match(/<\/ul>/gi) ?? []).length;
      if (depth <= 0) return j + 1;
    }
    this.warn(start + 1, '<ul> is never closed');
    return limit;
  }

  /** A question from its block; `body` is where a paragraph question's answers start. */
  private readQuestion(start: number, end: number, body?: number): Question {
    const q = newQuestion(this.id('q'), '');
    let text: string[];
    let j: number;
    if (body !== undefined) {
      text = this.lines.slice(start, body);
      j = body;
    } else {
      text = [this.lines[start].replace(/^ ?[-*+][ \t]+/, '')];
      j = start + 1;
      while (
        j < end &&
        (this.inCode[j] || (this.lines[j].trim() !== '' && !(this.isStructural(j) && DETAILS_OPEN.test(this.lines[j]))))
      ) {
        text.push(dedentLine(this.lines[j], 2));
        j++;
      }
    }
    const textEnd = j;
    const notes: string[] = [];
    let sawStructure = false;
    while (j < end) {
      const l = this.lines[j];
      if (this.isStructural(j) && DETAILS_OPEN.test(l)) {
        const k = this.detailsEnd(j, end);
        const a = this.readAnswer(j, k);
        if (!q.answers.length) {
          q.layout = {
            indent: leadingSpaces(l),
            gap: j > textEnd && this.lines[j - 1].trim() === '',
            divBlank: a.divBlank,
            close: a.close,
          };
        }
        q.answers.push(a.text);
        q.answerLabels.push(a.label);
        sawStructure = true;
        j = k;
        continue;
      }
      const f = FOLLOW_UP.exec(l);
      if (f && !sawStructure) {
        const lines = [f[1]];
        j++;
        while (j < end && /^\s*>/.test(this.lines[j]) && !FOLLOW_UP.test(this.lines[j])) {
          lines.push(this.lines[j].replace(/^\s*>\s?/, ''));
          j++;
        }
        q.followUps.push(lines.join('\n').trim());
        continue;
      }
      if (q.followUps.length && !sawStructure && l.trim() === '') {
        j++;
        continue;
      }
      if (q.followUps.length) sawStructure = true;
      (sawStructure ? notes : text).push(dedentLine(l, 2));
      j++;
    }
    q.text = unescapeTagLines(trimBlankLines(text).join('\n')).trim();
    const n = trimBlankLines(notes).filter((l) => !BR_LINE.test(l));
    q.notes = n.length ? unescapeTagLines(trimBlankLines(n).join('\n')) : '';
    return q;
  }

  private readAnswer(start: number, end: number): { text: string; label: string; divBlank: boolean; close: string } {
    const indent = leadingSpaces(this.lines[start]);
    const closing = /<\/details>(.*)$/i.exec(this.lines[end - 1] ?? '');
    // A `<br />` spacer after </details> is layout; anything else there stays only in the kept text.
    const after = closing && /^(<\s*\/?\s*br\s*\/?\s*>\s*)*$/i.test(closing[1].trim()) ? closing[1].trim() : '';
    let i = start;
    let summaryEnd = -1;
    let summary = '';
    for (let k = start; k < end; k++) {
      const l = this.lines[k];
      const s = l.indexOf('<summary');
      if (summaryEnd < 0 && (s >= 0 || summary)) {
        summary += (summary ? '\n' : '') + (s >= 0 ? l.slice(s) : l.trim());
        if (/<\/summary>/i.test(l)) {
          summaryEnd = k;
          break;
        }
      }
    }
    const em = /<em>([\s\S]*?)<\/em>/i.exec(summary);
    const label =
      (em ? em[1] : summary.replace(/<[^>]*>/g, ' ')).replace(/<\/?(b|span)\b[^>]*>/gi, '').trim() || 'Answer';
    i = summaryEnd >= 0 ? summaryEnd + 1 : start + 1;
    // The <div> that holds the answer, and the last </div> before </details>.
    let divOpen = -1;
    for (let k = i; k < end; k++) {
      if (/^\s*<div\b[^>]*>/i.test(this.lines[k])) {
        divOpen = k;
        break;
      }
      if (this.lines[k].trim() && !/^\s*<a\b/i.test(this.lines[k])) break;
    }
    if (/dashed/.test(divOpen >= 0 ? this.lines[divOpen] : '')) this.answerStyle = 'boxed';
    let close = end - 1;
    let body: string[];
    if (divOpen >= 0) {
      let divClose = -1;
      for (let k = close; k > divOpen; k--) {
        if (/<\/div>\s*$/i.test(this.lines[k]) && !this.inCode[k]) {
          divClose = k;
          break;
        }
      }
      const pre = this.lines.slice(i, divOpen);
      const firstRest = this.lines[divOpen].replace(/^\s*<div\b[^>]*>/i, '');
      body = [...pre, ...(pre.length ? [''] : []), ...(firstRest.trim() ? [firstRest] : [])];
      if (divClose < 0) body.push(...this.lines.slice(divOpen + 1, close));
      else {
        body.push(...this.lines.slice(divOpen + 1, divClose));
        const last = this.lines[divClose].replace(/<\/div>\s*$/i, '');
        if (last.trim()) body.push(last);
      }
    } else {
      body = this.lines.slice(i, close);
      const last = this.lines[close].replace(/<\/details>.*$/i, '');
      if (last.trim() && close >= i) body.push(last);
    }
    const divBlank = divOpen >= 0 && (this.lines[divOpen + 1] ?? '').trim() === '';
    const text = trimBlankLines(body.map((l) => dedentLine(l, indent)))
      .join('\n')
      .replace(/[ \t]+$/, '');
    return { text: unescapeTagLines(text), label, divBlank, close: after };
  }

  /** `<ul dir="rtl">` with `<li>` items: each top-level item is a question. */
  private readList(start: number, end: number): Question[] {
    const src = this.lines.slice(start, end).join('\n');
    const qs: Question[] = [];
    let depth = 0;
    const tag = /<(\/?)(ul|li)\b[^>]*>|<details\b[\s\S]*?<\/details>/gi;
    let liStart = -1;
    let nestedFrom = -1;
    for (let m = tag.exec(src); m; m = tag.exec(src)) {
      if (m[0].toLowerCase().startsWith('<details')) {
        if (depth === 1 && qs.length) {
          const q = qs[qs.length - 1];
          const a = detailsText(m[0]);
          q.answers.push(a.text);
          q.answerLabels.push(a.label);
        }
        continue;
      }
      const closing = m[1] === '/';
      const name = m[2].toLowerCase();
      if (name === 'ul') {
        if (!closing) {
          depth++;
          if (depth === 2) nestedFrom = m.index;
        } else {
          if (depth === 2 && nestedFrom >= 0 && qs.length) {
            const nested = dedentBlock(src.slice(lineStart(src, nestedFrom), m.index + m[0].length));
            const q = qs[qs.length - 1];
            q.notes = q.notes ? `${q.notes}\n${nested}` : nested;
          }
          depth--;
        }
      } else if (depth === 1) {
        if (!closing) liStart = m.index + m[0].length;
        else if (liStart >= 0) {
          qs.push(
            newQuestion(
              this.id('q'),
              src
                .slice(liStart, m.index)
                .trim()
                .replace(/&lt;(\/?)(li|ul)\b/gi, '<$1$2'),
              { style: 'li' },
            ),
          );
          liStart = -1;
        }
      }
    }
    return qs;
  }
}

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
  return unescapeHtmlText(s.replace(/\s+#+\s*$/, '').trim());
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
  const name = unescapeLinkText(line.slice(m[0].length, i));
  const rest = line.slice(i + 2);
  const close = rest.lastIndexOf(')');
  if (close < 0 || rest.slice(close + 1).trim()) return null;
  let url = rest.slice(0, close).trim();
  if (url.startsWith('<') && url.endsWith('>')) url = url.slice(1, -1).replace(/%3C/g, '<').replace(/%3E/g, '>');
  return { name, website: url };
}

function lineStart(s: string, at: number): number {
  return s.lastIndexOf('\n', at - 1) + 1;
}

function dedentBlock(s: string): string {
  const lines = s.split('\n');
  const min = Math.min(...lines.filter((l) => l.trim()).map(leadingSpaces));
  return lines.map((l) => dedentLine(l, min)).join('\n');
}

function detailsText(html: string): { text: string; label: string } {
  const em = /<em>([\s\S]*?)<\/em>/i.exec(html);
  const label = em ? em[1].trim() : 'Answer';
  const div = /<div\b[^>]*>([\s\S]*)<\/div>/i.exec(html);
  const inner = div
    ? div[1]
    : html.replace(/^<details\b[^>]*>|<\/details>$/gi, '').replace(/<summary[\s\S]*?<\/summary>/i, '');
  return { text: dedentBlock(trimBlankLines(inner.split('\n')).join('\n')), label };
}

/** Links in a task section: `<a href="…">text</a>` and `[text](url)`. */
export function findLinks(text: string): Link[] {
  const links: Link[] = [];
  for (const m of text.matchAll(/<a\s[^>]*href\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi))
    links.push({ url: m[1], text: m[2].replace(/<[^>]*>/g, '').trim() });
  for (const m of text.matchAll(/\[((?:\\.|[^\]\\])*)\]\(\s*(?:<([^>\n]*)>|([^)\s]+))[^)]*\)/g))
    links.push({ url: m[2] ?? m[3], text: unescapeLinkText(m[1]) });
  return links;
}

// -------------------------------------------------------------------------------------------------------
// Stages: the Interview Date list merged with the diagram's reached nodes, durations attached.

function compatible(a: StageKind, b: StageKind): boolean {
  if (a === b) return true;
  const interview = new Set<StageKind>(['technical', 'onsite', 'screening']);
  return interview.has(a) && interview.has(b);
}

/** Longest common subsequence alignment of date items and diagram nodes, by stage kind. */
function align<A, B>(as: A[], bs: B[], match: (a: A, b: B) => boolean): [A | null, B | null][] {
  const n = as.length;
  const m = bs.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i][j] = match(as[i], bs[j]) ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: [A | null, B | null][] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && match(as[i], bs[j])) out.push([as[i++], bs[j++]]);
    else if (j < m && (i >= n || L[i][j + 1] >= L[i + 1][j])) {
      // Diagram-only stages go before a date item only when the date item is not a process stage yet to match.
      out.push([null, bs[j++]]);
    } else out.push([as[i++], null]);
  }
  return out;
}

function detectFormat(dates: string[]): DateFormat {
  const count: Record<DateFormat, number> = { 'jalali-dot': 0, 'jalali-slash': 0, gregorian: 0 };
  for (const d of dates) {
    const f = findDate(d);
    if (!f) continue;
    if (f.calendar === 'gregorian') count.gregorian++;
    else if (f.separator === '/') count['jalali-slash']++;
    else count['jalali-dot']++;
  }
  const best = (Object.keys(count) as DateFormat[]).reduce((a, b) => (count[b] > count[a] ? b : a), 'jalali-dot');
  return count[best] > 0 ? best : 'jalali-dot';
}

const DATE_LIKE = /(\d{2,4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/;

function checkDateValue(imp: Importer, value: string, line: number) {
  if (findDate(value)) return;
  const m = DATE_LIKE.exec(toAsciiDigits(value));
  if (!m) return;
  const [, y, , mo, d] = m;
  if (Number(mo) === 0 || Number(d) === 0) {
    imp.warn(line, `"${m[0]}" has an unknown ${Number(d) === 0 ? 'day' : 'month'} (00); kept as written`);
    return;
  }
  const r = parseDateInput(`${y}/${mo}/${d}`, { today: '2000-01-01' });
  imp.warn(line, `invalid date "${m[0]}": ${r.ok ? 'not a date' : r.error}`, 'error');
}

function buildStages(imp: Importer, prefs: ExportPrefs): { stages: Stage[]; outcome: Outcome } {
  const dateStages = imp.dateItems.map((it) => {
    checkDateValue(imp, it.value, it.line);
    const found = findDate(it.value);
    const rest = found
      ? (it.value.slice(0, found.start) + it.value.slice(found.end)).replace(/\b(at|AT|At)\b/, '')
      : '';
    const time = found ? findTime(it.value) : null;
    const note = found
      ? rest
          .replace(time ?? '\u0000', '')
          .replace(/^\s*(<br\s*\/?>)?\s*|\s*$/g, '')
          .trim() || null
      : null;
    return newStage(imp.id('s'), classifyStage(it.label), it.label, {
      date: found?.iso ?? null,
      dateText: it.value,
      time,
      note,
    });
  });
  const keyOf = new Map<Stage, string>(dateStages.map((s, i) => [s, imp.dateItems[i].key]));
  const analysis = imp.flow?.analysis;
  const nodes = (analysis?.reached ?? []).map((n) => ({ ...n, kind: classifyStage(n.label) }));
  const nodeStage = new Map<string, Stage>();
  const stages: Stage[] = [];
  const pairs = align(dateStages, nodes, (s, nd) => PROCESS_KINDS.has(s.kind) && compatible(s.kind, nd.kind));
  const paired = new Set(pairs.filter(([s, nd]) => s && nd).map(([s]) => s));
  for (const [s, node] of pairs) {
    if (s && node) {
      nodeStage.set(node.id, s);
      stages.push(s);
    } else if (s) stages.push(s);
    else if (node) {
      // A date list out of order (HR Call before Sent Resume): pair the node with its date item anyway.
      const loose = dateStages.find(
        (d) => !paired.has(d) && PROCESS_KINDS.has(d.kind) && compatible(d.kind, node.kind),
      );
      if (loose) {
        paired.add(loose);
        nodeStage.set(node.id, loose);
        continue;
      }
      const st = newStage(imp.id('s'), node.kind, node.label.replace(/\s*\n\s*/g, ' '));
      nodeStage.set(node.id, st);
      stages.push(st);
    }
  }
  // Durations go to the stage of the same label, else of the same kind, else a new stage.
  const durKey = new Map<Stage, string>();
  for (const d of imp.durationItems) {
    const free = stages.filter((s) => s.duration === null);
    const norm = (x: string) => x.toLowerCase().replace(/\s+/g, ' ').trim();
    let st: Stage | undefined;
    if (d.label === null)
      st =
        free.find((s) => s.kind === 'technical') ??
        free.find((s) => PROCESS_KINDS.has(s.kind) && s.kind !== 'resume' && s.kind !== 'offer');
    else {
      const kind = classifyStage(d.label);
      st =
        free.find((s) => norm(s.label) === norm(d.label!)) ??
        free.find((s) => compatible(s.kind, kind) && kind !== 'other');
      if (!st) {
        st = newStage(imp.id('s'), kind, d.label);
        const at = stages.findIndex((s) => !PROCESS_KINDS.has(s.kind));
        stages.splice(at < 0 ? stages.length : at, 0, st);
      }
      if (st.label !== d.label) st.durationLabel = d.label;
    }
    if (!st) {
      imp.warn(d.line, 'a duration that belongs to no stage; kept as written');
      rekey(imp, d.key, `lit:durations#${d.key}`);
      continue;
    }
    st.duration = d.value;
    st.durationMinutes = parseDuration(d.value);
    durKey.set(st, d.key);
  }
  for (const s of stages) {
    if (keyOf.has(s)) rekey(imp, keyOf.get(s)!, `date:${s.id}`);
    if (durKey.has(s)) rekey(imp, durKey.get(s)!, `dur:${s.id}`);
  }

  // Outcome: the diagram's edges first, the status line's last emoji when the diagram says nothing.
  const outcome: Outcome = { kind: 'pending', afterStageId: null, remaining: null };
  const status = imp.statusLine ? splitGraphemes(imp.statusLine.replace(/\s+/g, '')) : [];
  const statusOutcome = [...status]
    .reverse()
    .find((g) => g === STATUS_EMOJI.rejected || g === STATUS_EMOJI.declined || g === STATUS_EMOJI.accepted);
  if (analysis && analysis.outcome !== 'pending') outcome.kind = analysis.outcome;
  else if (statusOutcome === STATUS_EMOJI.rejected) outcome.kind = 'rejected';
  else if (statusOutcome === STATUS_EMOJI.declined) outcome.kind = 'declined';
  else if (statusOutcome === STATUS_EMOJI.accepted) outcome.kind = 'accepted';
  else if (stages.some((s) => s.kind === 'offer')) outcome.kind = 'offer';
  const rejection = stages.find((s) => s.kind === 'rejection');
  if (outcome.kind === 'rejected' && rejection && /ghost|not get any/i.test(rejection.dateText ?? ''))
    outcome.kind = 'ghosted';
  const after = analysis?.afterId ? nodeStage.get(analysis.afterId) : undefined;
  const reached = processStages(stages);
  outcome.afterStageId = after?.id ?? (outcome.kind === 'pending' ? null : (reached[reached.length - 1]?.id ?? null));
  if ((outcome.kind === 'rejected' || outcome.kind === 'ghosted') && analysis) {
    const planned: PlannedStage[] = analysis.planned.map((p) => ({ kind: classifyStage(p.label), label: p.label }));
    const usual = defaultRemaining(reached);
    const same =
      planned.length === usual.length &&
      planned.every((p, i) => p.kind === usual[i].kind && p.label === usual[i].label);
    // The offer at the end is implied (the diagram always ends in it).
    const last = planned[planned.length - 1];
    if (last && last.kind === 'offer' && last.label === 'Offer') planned.pop();
    if (!same) outcome.remaining = planned;
  }

  // Keep the diagram's own labels where they differ from the generated ones.
  if (analysis) {
    const chain = reached.map((s) => ({ kind: s.kind, label: s.label, diagramLabel: null }));
    const planned =
      outcome.kind === 'rejected' || outcome.kind === 'ghosted' ? plannedAfterRejection(reached, outcome) : [];
    const gen = generatedLabels(chain, planned, prefs);
    const labelOf = new Map<Stage, string>();
    for (const [id, st] of nodeStage) labelOf.set(st, analysis.reached.find((n) => n.id === id)!.label);
    reached.forEach((s, i) => {
      const written = labelOf.get(s);
      if (written !== undefined && written !== gen.reached[i]) s.diagramLabel = written;
    });
  }
  return { stages, outcome };
}

function rekey(imp: Importer, from: string, to: string) {
  for (const p of imp.parts) if (p.key === from) p.key = to;
}

function linkRounds(rounds: Round[], stages: Stage[]) {
  const used = new Set<string>();
  for (const r of rounds) {
    const kind = classifyStage(r.title);
    if (kind === 'other') continue;
    const st = stages.find((s) => !used.has(s.id) && compatible(s.kind, kind));
    if (st) {
      r.stageId = st.id;
      used.add(st.id);
    }
  }
}

/** Reads a jobname entry. Never throws: problems are in `warnings`. */
export function importEntry(markdown: string, options: ImportOptions = {}): ImportResult {
  const imp = new Importer(typeof markdown === 'string' ? markdown : String(markdown ?? ''));
  try {
    imp.run();
  } catch (e) {
    imp.warn(1, `the entry could not be read completely: ${(e as Error).message}`, 'error');
  }
  const label = imp.flow?.fc.nodes.get('sr')?.label ?? imp.flow?.fc.nodes.get('hr')?.label ?? '';
  const terminal = imp.flow?.analysis.terminal?.label;
  const prefs: ExportPrefs = {
    dateFormat: detectFormat(imp.dateItems.map((d) => d.value)),
    answerStyle: imp.answerStyle,
    labelCase: /^(Send resume|HR call)$/.test(label) ? 'lower' : 'title',
    celebrate: terminal == null ? true : terminal.trim() !== '',
  };
  let stages: Stage[] = [];
  let outcome: Outcome = { kind: 'pending', afterStageId: null, remaining: null };
  try {
    ({ stages, outcome } = buildStages(imp, prefs));
    linkRounds(imp.rounds, stages);
  } catch (e) {
    imp.warn(1, `the stages could not be read: ${(e as Error).message}`, 'error');
  }
  const taskStage = stages.find((s) => s.kind === 'task' && s.duration);
  const record = createRecord({
    id: options.id,
    createdAt: options.now,
    updatedAt: options.now,
    company: imp.company,
    role: imp.role,
    applyWays: imp.applyWays,
    platform: imp.platform,
    stages,
    outcome,
    rounds: imp.rounds,
    task: imp.task ? { ...imp.task, duration: taskStage?.duration ?? null } : null,
    score: imp.score,
    review: imp.review,
    exportPrefs: prefs,
  });
  const recognized = imp.company.name !== '' || imp.company.website !== '' || imp.knownSections > 0;
  const parts: SourcePart[] = imp.parts.map((p) => ({ key: p.key, raw: imp.raw(p.from, p.to), sig: '' }));
  parts.push({ key: 'end', raw: imp.finalNewline ? '\n' : '', sig: '' });
  record.source = { format: 'jobname', parts };
  const blocks = canonicalBlocks(record);
  const sigs = new Map(blocks.map((b) => [b.key, hash(b.text)]));
  for (const p of parts) p.sig = sigs.get(p.key) ?? '';
  record.source.parts = reconcileParts(blocks, parts);
  if (exportEntry(record) !== imp.text)
    imp.warn(1, 'internal: this entry does not export back to the same text; please report it');
  imp.issues.sort((a, b) => a.line - b.line);
  return {
    record,
    warnings: imp.issues,
    diagram: imp.flow ? { source: imp.flow.source, line: imp.flow.line } : null,
    recognized,
  };
}

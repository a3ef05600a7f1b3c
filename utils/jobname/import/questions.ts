/**
 * The importer's question readers: a body section as a round of questions. Questions are `- ` bullets with
 * their indented content, `<ul dir="rtl">` lists of `<li>` questions, or paragraphs followed by a `<details>`
 * answer; each keeps its follow-ups (`> **Follow-up:**`), its `<details>` answers with their labels and the
 * layout they were written in, its notes and the text standing after it.
 */
import { newQuestion, newRound, type Question, type Round } from '../../record';
import { dedentColumns, indentWidth } from '../../fence';
import { decodeProse, trimBlankLines, unescapeTagLines } from '../text';
import type { PartKey } from '../parts';
import type { ReadContext } from './context';
import { HEADING, type Lines } from './scan';

const BULLET = /^ ?[-*+][ \t]+\S/;
/** A `<ul>` list of questions: indented at most 3 columns (more is code, CommonMark's indented code block). */
const UL_OPEN = /^[ \t]*<ul\b/i;
const FOLLOW_UP = /^\s*>\s*\*\*\s*follow[- ]?up\s*:?\s*\*\*\s*:?\s?(.*)$/i;
const BR_LINE = /^\s*(<\s*\/?\s*br\s*\/?\s*>\s*)+$/i;

interface QuestionBlock {
  kind: 'bullet' | 'ul' | 'para';
  start: number;
  end: number;
  /** Where a paragraph question's answers start. */
  body?: number;
}

/** Reads the questions of one section; the answers tell whether they were written in the boxed style. */
class QuestionReader {
  /** Whether an answer is in the generator's dashed box. */
  boxed = false;

  constructor(
    private readonly lines: Lines,
    private readonly ctx: ReadContext,
  ) {}

  private line(i: number): string {
    return this.lines.lines[i];
  }

  readRound(from: number, to: number, title: string): Round {
    const { lines, ctx } = this;
    const round = newRound(ctx.ids.next('r'), title);
    let i = from + 1;
    while (i < to && lines.isBlank(i)) i++;
    ctx.parts.add({ kind: 'round', id: round.id }, from, i);
    const blocks = this.questionBlocks(i, to);
    const prose = (a: number, b: number) => decodeProse(trimBlankLines(lines.lines.slice(a, b)).join('\n'));
    if (!blocks.length) {
      if (i < to) {
        round.intro = prose(i, to);
        ctx.parts.add({ kind: 'intro', id: round.id }, i, to);
      }
      return round;
    }
    if (blocks[0].start > i) {
      round.intro = prose(i, blocks[0].start);
      ctx.parts.add({ kind: 'intro', id: round.id }, i, blocks[0].start);
    }
    for (let k = 0; k < blocks.length; k++) {
      const b = blocks[k];
      const next = blocks[k + 1]?.start ?? to;
      const qs = b.kind === 'ul' ? this.readList(b.start, b.end) : [this.readQuestion(b.start, b.end, b.body)];
      const afterLines = trimBlankLines(lines.lines.slice(b.end, next));
      const last = k === blocks.length - 1;
      if (!qs.length) {
        // An empty <ul>: keep it as text of the round.
        ctx.parts.add(
          { kind: 'literal', owner: { kind: 'round', id: round.id }, n: b.start, moved: false },
          b.start,
          next,
        );
        continue;
      }
      round.questions.push(...qs);
      const key: PartKey = { kind: b.kind === 'ul' ? 'list' : 'question', id: qs[0].id };
      if (afterLines.length && last) {
        ctx.parts.add(key, b.start, b.end);
        round.outro = decodeProse(afterLines.join('\n'));
        ctx.parts.add({ kind: 'outro', id: round.id }, b.end, next);
      } else {
        if (afterLines.length) qs[qs.length - 1].after = decodeProse(afterLines.join('\n'));
        ctx.parts.add(key, b.start, next);
      }
    }
    return round;
  }

  private questionStart(i: number): 'bullet' | 'ul' | null {
    if (!this.lines.isStructural(i)) return null;
    const l = this.line(i);
    if (BULLET.test(l)) return 'bullet';
    if (UL_OPEN.test(l) && indentWidth(l) <= 3) return 'ul';
    return null;
  }

  /**
   * The questions of a section, in order: `- ` bullets with their indented content and answers, `<ul>`
   * lists of `<li>` questions, and paragraph questions: text followed by a `<details>` answer that belongs
   * to no bullet (a live-code task under `#### Live code`). A paragraph question's text starts after the
   * last heading or the previous question.
   */
  private questionBlocks(from: number, to: number): QuestionBlock[] {
    const { lines } = this;
    const blocks: QuestionBlock[] = [];
    let lastEnd = from;
    for (let k = from; k < to; ) {
      const s = this.questionStart(k);
      if (s) {
        const end = s === 'ul' ? this.listEnd(k, to) : this.questionEnd(k, to);
        blocks.push({ kind: s, start: k, end });
        k = lastEnd = end;
      } else if (lines.opensDetails(k)) {
        let a = k;
        while (a > lastEnd && !(lines.isStructural(a - 1) && HEADING.test(this.line(a - 1)))) a--;
        while (a < k && lines.isBlank(a)) a++;
        const end = this.bodyEnd(k, to);
        blocks.push({ kind: 'para', start: a, end, body: k });
        k = lastEnd = end;
      } else k++;
    }
    return blocks;
  }

  /** Where a `- ` question's own block ends: its lines, indented content and answers. */
  private questionEnd(start: number, limit: number): number {
    const { lines } = this;
    let j = start + 1;
    // Lines directly under the bullet continue it (lazy continuation), until a blank line.
    while (j < limit && (lines.inCode[j] || (!lines.isBlank(j) && !this.questionStart(j) && !lines.opensDetails(j))))
      j++;
    return Math.max(j, this.bodyEnd(j, limit));
  }

  /** From `j`: answers, indented content and blank lines that still belong to the question above. */
  private bodyEnd(j: number, limit: number): number {
    const { lines } = this;
    let end = j;
    while (j < limit) {
      const l = this.line(j);
      if (lines.isBlank(j) && !lines.inCode[j]) {
        j++;
        continue;
      }
      if (lines.opensDetails(j)) {
        j = lines.detailsEnd(j, limit);
        end = j;
        continue;
      }
      if (this.questionStart(j)) break;
      if (indentWidth(l) >= 2 || BR_LINE.test(l) || !lines.isStructural(j)) {
        j++;
        end = j;
        continue;
      }
      break;
    }
    return end;
  }

  private listEnd(start: number, limit: number): number {
    let depth = 0;
    for (let j = start; j < limit; j++) {
      if (this.lines.inCode[j]) continue;
      depth += (this.line(j).match(/<ul\b/gi) ?? []).length;
      depth -= (this.line(j).match(/<\/ul>/gi) ?? []).length;
      if (depth <= 0) return j + 1;
    }
    this.ctx.issues.warn(start + 1, '<ul> is never closed');
    return limit;
  }

  /** A question from its block; `body` is where a paragraph question's answers start. */
  private readQuestion(start: number, end: number, body?: number): Question {
    const { lines } = this;
    const q = newQuestion(this.ctx.ids.next('q'), '');
    let text: string[];
    let j: number;
    if (body !== undefined) {
      text = lines.lines.slice(start, body);
      j = body;
    } else {
      text = [this.line(start).replace(/^ ?[-*+][ \t]+/, '')];
      j = start + 1;
      while (j < end && (lines.inCode[j] || (!lines.isBlank(j) && !lines.opensDetails(j)))) {
        text.push(dedentColumns(this.line(j), 2));
        j++;
      }
    }
    const textEnd = j;
    const notes: string[] = [];
    let sawStructure = false;
    while (j < end) {
      const l = this.line(j);
      if (lines.opensDetails(j)) {
        const k = lines.detailsEnd(j, end);
        const a = this.readAnswer(j, k);
        if (!q.answers.length) {
          q.layout = {
            indent: indentWidth(l),
            gap: j > textEnd && lines.isBlank(j - 1),
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
        const followUp = [f[1]];
        j++;
        while (j < end && /^\s*>/.test(this.line(j)) && !FOLLOW_UP.test(this.line(j))) {
          followUp.push(this.line(j).replace(/^\s*>\s?/, ''));
          j++;
        }
        q.followUps.push(followUp.join('\n').trim());
        continue;
      }
      if (q.followUps.length && !sawStructure && l.trim() === '') {
        j++;
        continue;
      }
      if (q.followUps.length) sawStructure = true;
      (sawStructure ? notes : text).push(dedentColumns(l, 2));
      j++;
    }
    q.text = unescapeTagLines(trimBlankLines(text).join('\n')).trim();
    const n = trimBlankLines(notes).filter((l) => !BR_LINE.test(l));
    q.notes = n.length ? unescapeTagLines(trimBlankLines(n).join('\n')) : '';
    return q;
  }

  private readAnswer(start: number, end: number): { text: string; label: string; divBlank: boolean; close: string } {
    const { lines } = this;
    const indent = indentWidth(this.line(start));
    const closing = /<\/details>(.*)$/i.exec(lines.lines[end - 1] ?? '');
    // A `<br />` spacer after </details> is layout; anything else there stays only in the kept text.
    const after = closing && /^(<\s*\/?\s*br\s*\/?\s*>\s*)*$/i.test(closing[1].trim()) ? closing[1].trim() : '';
    let summaryEnd = -1;
    let summary = '';
    for (let k = start; k < end; k++) {
      const l = this.line(k);
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
    const i = summaryEnd >= 0 ? summaryEnd + 1 : start + 1;
    // The <div> that holds the answer, and the last </div> before </details>.
    let divOpen = -1;
    for (let k = i; k < end; k++) {
      if (/^\s*<div\b[^>]*>/i.test(this.line(k))) {
        divOpen = k;
        break;
      }
      if (this.line(k).trim() && !/^\s*<a\b/i.test(this.line(k))) break;
    }
    if (/dashed/.test(divOpen >= 0 ? this.line(divOpen) : '')) this.boxed = true;
    const close = end - 1;
    let body: string[];
    if (divOpen >= 0) {
      let divClose = -1;
      for (let k = close; k > divOpen; k--) {
        if (/<\/div>\s*$/i.test(this.line(k)) && !lines.inCode[k]) {
          divClose = k;
          break;
        }
      }
      const pre = lines.lines.slice(i, divOpen);
      const firstRest = this.line(divOpen).replace(/^\s*<div\b[^>]*>/i, '');
      body = [...pre, ...(pre.length ? [''] : []), ...(firstRest.trim() ? [firstRest] : [])];
      if (divClose < 0) body.push(...lines.lines.slice(divOpen + 1, close));
      else {
        body.push(...lines.lines.slice(divOpen + 1, divClose));
        const last = this.line(divClose).replace(/<\/div>\s*$/i, '');
        if (last.trim()) body.push(last);
      }
    } else {
      body = lines.lines.slice(i, close);
      const last = this.line(close).replace(/<\/details>.*$/i, '');
      if (last.trim() && close >= i) body.push(last);
    }
    const divBlank = divOpen >= 0 && (lines.lines[divOpen + 1] ?? '').trim() === '';
    const text = trimBlankLines(body.map((l) => dedentColumns(l, indent)))
      .join('\n')
      .replace(/[ \t]+$/, '');
    return { text: unescapeTagLines(text), label, divBlank, close: after };
  }

  /** `<ul dir="rtl">` with `<li>` items: each top-level item is a question. */
  private readList(start: number, end: number): Question[] {
    const src = this.lines.lines.slice(start, end).join('\n');
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
          const text = src
            .slice(liStart, m.index)
            .trim()
            .replace(/&lt;(\/?)(li|ul)\b/gi, '<$1$2');
          qs.push(newQuestion(this.ctx.ids.next('q'), text, { style: 'li' }));
          liStart = -1;
        }
      }
    }
    return qs;
  }
}

/** A body section (from its heading to the next) as a round titled `title`. */
export function readRound(
  lines: Lines,
  ctx: ReadContext,
  from: number,
  to: number,
  title: string,
): { round: Round; boxed: boolean } {
  const reader = new QuestionReader(lines, ctx);
  const round = reader.readRound(from, to, title);
  return { round, boxed: reader.boxed };
}

function lineStart(s: string, at: number): number {
  return s.lastIndexOf('\n', at - 1) + 1;
}

function dedentBlock(s: string): string {
  const lines = s.split('\n');
  const min = Math.min(...lines.filter((l) => l.trim()).map(indentWidth));
  return lines.map((l) => dedentColumns(l, min)).join('\n');
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

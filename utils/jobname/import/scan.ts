/**
 * The importer's line scanner: the entry with its line endings normalised, cut into lines, and the masks of
 * the lines that are fenced code and the lines inside a `<details>` block. The other readers ask it which
 * lines are structure (headings, bullets, answers) and which are content.
 */
import { FenceTracker } from '../../fence';
import type { Issues } from './context';

export const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const DETAILS_OPEN = /^\s*<details\b/i;
const DETAILS_CLOSE = /<\/details>/i;

export class Lines {
  /** The entry with line endings normalised: what an unchanged export must reproduce. */
  readonly text: string;
  readonly finalNewline: boolean;
  readonly lines: readonly string[];
  /** Lines inside fenced code. */
  readonly inCode: readonly boolean[];
  /** Lines inside a `<details>` block (not counting its opening line). */
  readonly inDetails: readonly boolean[];
  private readonly content: string;
  private readonly offsets: number[];

  constructor(text: string, issues: Issues) {
    let t = text;
    if (t.startsWith('\uFEFF')) {
      t = t.slice(1);
      issues.warn(1, 'the file starts with a byte-order mark; it was removed');
    }
    if (t.includes('\r')) {
      t = t.replace(/\r\n?/g, '\n');
      issues.warn(1, 'Windows line endings were converted to LF');
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
    this.inDetails = scanDetails(this.lines, this.inCode, issues);
  }

  get length(): number {
    return this.lines.length;
  }

  /** The text of lines `from` to `to` (exclusive), with the newline after each but the entry's last. */
  raw(from: number, to: number): string {
    return this.content.slice(this.offsets[from], Math.min(this.offsets[to], this.content.length));
  }

  isBlank(i: number): boolean {
    return this.lines[i].trim() === '';
  }

  /** Whether line `i` can be structure: not code, not inside an answer. */
  isStructural(i: number): boolean {
    return !this.inCode[i] && !this.inDetails[i];
  }

  heading(i: number): { level: number; text: string } | null {
    if (!this.isStructural(i)) return null;
    const m = HEADING.exec(this.lines[i]);
    return m ? { level: m[1].length, text: m[2] } : null;
  }

  /** Whether line `i` opens a `<details>` block that is structure. */
  opensDetails(i: number): boolean {
    return this.isStructural(i) && DETAILS_OPEN.test(this.lines[i]);
  }

  /** The line after the `</details>` that closes the block opened at `start`. */
  detailsEnd(start: number, limit: number): number {
    let depth = 0;
    for (let j = start; j < limit; j++) {
      if (this.inCode[j]) continue;
      const l = this.lines[j];
      if (DETAILS_OPEN.test(l)) depth++;
      if (DETAILS_CLOSE.test(l)) {
        depth--;
        if (depth <= 0) return j + 1;
      }
    }
    return limit;
  }
}

/** Marks lines inside `<details>` blocks so headings in mdgen's unindented answers stay in the answer. */
function scanDetails(lines: readonly string[], inCode: readonly boolean[], issues: Issues): boolean[] {
  const inside = lines.map(() => false);
  let depth = 0;
  let openedAt = -1;
  lines.forEach((l, i) => {
    inside[i] = depth > 0;
    if (inCode[i]) return;
    if (DETAILS_OPEN.test(l)) {
      if (depth === 0) openedAt = i;
      depth++;
    }
    if (DETAILS_CLOSE.test(l)) {
      if (depth === 0) issues.warn(i + 1, '</details> without a matching <details>');
      depth = Math.max(0, depth - 1);
    }
  });
  if (depth > 0) {
    issues.warn(openedAt + 1, '<details> is never closed', 'error');
    return lines.map(() => false);
  }
  return inside;
}

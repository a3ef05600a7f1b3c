/**
 * Markdown lines: the one measure of indentation and the one code-fence tracker that the jobname importer
 * and exporter, the paste splitter and the clipper's markdown clean-up share.
 *
 * Indentation is counted in columns with CommonMark's tab stops of 4: a tab advances to the next multiple
 * of 4 (`\t` is 4 columns, ` \t` is 4 too, `    \t` is 8).
 *
 * Fences follow CommonMark: a run of 3 or more backticks or tildes opens one (a backtick fence's info string
 * has no backtick); a run of the same character, at least as long, with nothing but whitespace after it,
 * closes it. CommonMark allows up to 3 columns of indentation relative to the fence's container; these
 * readers see the content of list items and answers without tracking their containers, so the opening
 * fence stands for its container: it may be indented any amount, and its closing fence at most 3 columns
 * more than it.
 */

const TAB_STOP = 4;

/** The column a tab at column `col` advances to. */
const afterTab = (col: number) => col - (col % TAB_STOP) + TAB_STOP;

/** Columns of leading whitespace (spaces and tabs). */
export function indentWidth(line: string): number {
  let col = 0;
  for (const ch of line) {
    if (ch === ' ') col++;
    else if (ch === '\t') col = afterTab(col);
    else break;
  }
  return col;
}

/** Removes up to `n` columns of leading whitespace; a tab that reaches past column `n` is removed whole. */
export function dedentColumns(line: string, n: number): string {
  let i = 0;
  let col = 0;
  while (i < line.length && col < n) {
    if (line[i] === ' ') col++;
    else if (line[i] === '\t') col = afterTab(col);
    else break;
    i++;
  }
  return line.slice(i);
}

export interface Fence {
  /** The fence's character repeated: its opening run, what closes it at the least. */
  run: string;
  /** Columns of indentation of the opening line. */
  indent: number;
  /** The info string after the run (`mermaid`, `js`), trimmed. */
  info: string;
}

const OPENING = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const CLOSING = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;

/** The fence a line opens, or null. */
export function fenceOpening(line: string): Fence | null {
  const m = OPENING.exec(line);
  if (!m || (m[1][0] === '`' && m[2].includes('`'))) return null;
  return { run: m[1], indent: indentWidth(line), info: m[2].trim() };
}

/** Whether a line closes `fence`. */
export function closesFence(line: string, fence: Fence): boolean {
  const m = CLOSING.exec(line);
  return !!m && m[1][0] === fence.run[0] && m[1].length >= fence.run.length && indentWidth(line) <= fence.indent + 3;
}

/** Tracks fenced code line by line. */
export class FenceTracker {
  private current: Fence | null = null;

  /** The fence the lines fed so far leave open, or null. */
  get fence(): Fence | null {
    return this.current;
  }

  /** Feeds one line; returns true when the line is part of a fence (its opening, body or closing). */
  step(line: string): boolean {
    if (this.current) {
      if (closesFence(line, this.current)) this.current = null;
      return true;
    }
    this.current = fenceOpening(line);
    return this.current !== null;
  }
}

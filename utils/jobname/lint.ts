/**
 * Checks a jobname entry: everything the importer found wrong, the diagram against a real mermaid parser
 * when one is given, and whether the status line agrees with the process.
 */
import { deriveStatus } from './export';
import { importEntry, type ImportIssue } from './import';
import { formatKey } from './parts';

export type LintMessage = ImportIssue;

/** Returns an error message when mermaid rejects the diagram, null when it accepts it. */
export type DiagramValidator = (source: string) => Promise<string | null>;

export interface LintOptions {
  /** The real mermaid parser (the CLI passes one); without it the importer's own diagram parser decides. */
  validateDiagram?: DiagramValidator;
}

export async function lintEntry(markdown: string, options: LintOptions = {}): Promise<LintMessage[]> {
  const { record, warnings, diagram, repaired } = importEntry(markdown);
  let messages = [...warnings];
  if (diagram && options.validateDiagram) {
    const error = await options.validateDiagram(diagram.source);
    // The real parser has the last word on the diagram's syntax.
    messages = messages.filter((m) => !(m.message.startsWith('diagram:') && m.severity === 'error'));
    if (error) {
      const at = /on line (\d+)/.exec(error);
      const last = diagram.line + diagram.source.split('\n').length - 1;
      const line = Math.min(last, diagram.line + (at ? Number(at[1]) - 1 : 0));
      messages.push({
        line,
        severity: 'error',
        message: `mermaid cannot parse the diagram${describeMermaidError(error)}`,
      });
    }
  }
  const statusKey = formatKey({ kind: 'body', section: 'status' });
  const statusPart = record.source?.parts.find((p) => p.key === statusKey);
  const written = statusPart ? /^####\s*(.*)$/m.exec(statusPart.raw)?.[1].replace(/\s+/g, '') : undefined;
  const derived = deriveStatus(record);
  const lines = markdown.split('\n');
  // What the repository never has: an empty status line, a round heading with no question under it.
  if (written === '') {
    messages.push({
      line: lines.findIndex((l) => /^####\s*$/.test(l)) + 1,
      severity: 'warning',
      message: 'the status line is empty: log a step, or leave the Status section out',
    });
  }
  for (const round of record.rounds)
    if (!round.questions.length && !round.intro.trim()) {
      const title = round.title.trim();
      const line = lines.findIndex((l) => /^#{2,4}\s/.test(l) && l.replace(/^#+\s*/, '').trim() === title) + 1;
      messages.push({ line, severity: 'warning', message: `the round "${title}" has no questions` });
    }
  // Mojibake garbles the status line: the importer's one message about it says all there is to say.
  if (written !== undefined && written !== '' && written !== derived && derived && repaired === null) {
    const line = lines.findIndex((l) => /^####\s/.test(l)) + 1;
    messages.push({
      line,
      severity: 'warning',
      message: `the status line ${written} does not follow the process and outcome (${derived})`,
    });
  }
  return messages.sort((a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** mermaid's jison message ("...text\n-----^\nExpecting …, got 'PS'") as one readable clause. */
function describeMermaidError(error: string): string {
  const lines = error.split('\n');
  const caret = lines[2]?.indexOf('^') ?? -1;
  const got = /got '([^']*)'/.exec(error)?.[1];
  if (caret < 0 || !lines[1]) return `: ${error.replace(/\s+/g, ' ').slice(0, 160)}`;
  const near = lines[1]
    .slice(Math.max(0, caret - 24), caret + 1)
    .replace(/^\.\.\./, '')
    .replace(/\s+/g, ' ')
    .trim();
  return ` near "${near}"${got ? ` (unexpected ${got === 'EOF' ? 'end of diagram' : got})` : ''}`;
}

/**
 * jobname markdown entry → record.
 *
 * What the importer understands it structures (company, role, stages with dates and durations, outcome,
 * rounds of questions with follow-ups and answers, task, score, review). It also cuts the entry into keyed
 * parts and keeps each part's text with the signature of the exporter's own rendering of it, so that
 * exporting the record reproduces the entry byte for byte until the user edits something (see export.ts).
 *
 * It never throws on bad input: problems come back as issues with 1-based line numbers.
 *
 * The reading is done in steps, each in its module: scan.ts (lines, code and `<details>` masks), sections.ts
 * (the sections and their values), questions.ts (rounds of questions) and stages.ts (stages and outcome).
 */
import {
  createRecord,
  type ApplicationRecord,
  type ExportPrefs,
  type Outcome,
  type SourcePart,
  type Stage,
} from '../../record';
import { MOJIBAKE_MESSAGE, repairMojibake } from '../../encoding';
import { canonicalBlocks, exportEntry } from '../export';
import { formatKey, layOver, reconcileParts, type Block } from '../parts';
import { inertLinks } from '../text';
import { Ids, Issues, Parts, type ImportIssue, type ReadContext } from './context';
import { Lines } from './scan';
import { emptySections, readSections } from './sections';
import { buildStages, detectFormat, linkRounds } from './stages';

export type { ImportIssue } from './context';

export interface ImportResult {
  record: ApplicationRecord;
  warnings: ImportIssue[];
  /** The diagram source as written, with its first line, for callers that validate it further (lint). */
  diagram: { source: string; line: number } | null;
  /** Whether the text looks like a jobname entry at all: a `# [Company](url)` heading or a known section. */
  recognized: boolean;
  /** The text re-read as UTF-8 when it is UTF-8 that was read as Windows-1252 (`repairMojibake`), else null. */
  repaired: string | null;
}

export interface ImportOptions {
  id?: string;
  now?: string;
}

/** Reads a jobname entry. Never throws: problems are in `warnings`. */
export function importEntry(markdown: string, options: ImportOptions = {}): ImportResult {
  const ctx: ReadContext = { issues: new Issues(), ids: new Ids(), parts: new Parts() };
  const { issues } = ctx;
  const lines = new Lines(typeof markdown === 'string' ? markdown : String(markdown ?? ''), issues);
  const sections = emptySections();
  try {
    readSections(lines, ctx, sections);
  } catch (e) {
    issues.warn(1, `the entry could not be read completely: ${(e as Error).message}`, 'error');
  }
  const { flow } = sections;
  const label = flow?.fc.nodes.get('sr')?.label ?? flow?.fc.nodes.get('hr')?.label ?? '';
  const terminal = flow?.analysis.terminal?.label;
  const prefs: ExportPrefs = {
    dateFormat: detectFormat(sections.dateItems.map((d) => d.value)),
    answerStyle: sections.answerStyle,
    labelCase: /^(Send resume|HR call)$/.test(label) ? 'lower' : 'title',
    celebrate: terminal == null ? true : terminal.trim() !== '',
  };
  let stages: Stage[] = [];
  let outcome: Outcome = { kind: 'pending', afterStageId: null, remaining: null };
  try {
    ({ stages, outcome } = buildStages(sections, ctx, prefs));
    linkRounds(sections.rounds, stages);
  } catch (e) {
    issues.warn(1, `the stages could not be read: ${(e as Error).message}`, 'error');
  }
  const taskStage = stages.find((s) => s.kind === 'task' && s.duration);
  const record = createRecord({
    id: options.id,
    createdAt: options.now,
    updatedAt: options.now,
    company: sections.company,
    role: sections.role,
    applyWays: sections.applyWays,
    platform: sections.platform,
    stages,
    outcome,
    rounds: sections.rounds,
    task: sections.task ? { ...sections.task, duration: taskStage?.duration ?? null } : null,
    score: sections.score,
    review: sections.review,
    exportPrefs: prefs,
  });
  const { company } = sections;
  const recognized = company.name !== '' || company.website !== '' || sections.knownSections > 0;
  const kept = keptParts(record, lines, ctx);
  record.source = { format: 'jobname', parts: kept.parts };
  // Links with an unsafe scheme are the one thing an unedited entry does not export as written.
  const inert = inertLinks(lines.text);
  if (inert !== lines.text)
    issues.warn(
      1,
      'links to javascript:, data: or other non-web addresses are exported as relative paths that do nothing',
    );
  if (exported(record, kept) !== inert)
    issues.warn(1, 'internal: this entry does not export back to the same text; please report it');
  const repaired = repairMojibake(lines.text);
  let found = issues.list;
  if (repaired !== null) {
    // One message for the whole file instead of one error per garbled status character.
    found = found.filter((i) => !i.message.startsWith('unknown status emoji'));
    const line = lines.text.slice(0, lines.text.search(/\P{ASCII}/u)).split('\n').length;
    found.push({ line, severity: 'error', message: MOJIBAKE_MESSAGE });
  }
  const warnings = [...found].sort((a, b) => a.line - b.line);
  const diagram = flow ? { source: flow.source, line: flow.line } : null;
  return { record, warnings, diagram, recognized, repaired };
}

interface Kept {
  parts: SourcePart[];
  /** The exporter's rendering the signatures were taken from, and the part keys it was rendered for. */
  canonical: Block[];
  keys: ReadonlySet<string>;
}

/** The entry's parts with their text and the signature of the exporter's rendering of each. */
function keptParts(record: ApplicationRecord, lines: Lines, ctx: ReadContext): Kept {
  const raw = ctx.parts.list.map((p) => ({ key: p.key, raw: lines.raw(p.from, p.to) }));
  raw.push({ key: formatKey({ kind: 'end' }), raw: lines.finalNewline ? '\n' : '' });
  const keys = new Set(raw.map((p) => p.key));
  const canonical = canonicalBlocks(record, {}, keys);
  return { parts: reconcileParts(canonical, raw), canonical, keys };
}

/**
 * `exportEntry(record)` for the record just read: the rendering made for its signatures serves again when
 * reconciling kept every part's key (an entry's parts are a third of its import time).
 */
function exported(record: ApplicationRecord, kept: Kept): string {
  const same = kept.parts.length === kept.keys.size && kept.parts.every((p) => kept.keys.has(p.key));
  return same ? inertLinks(layOver(kept.canonical, kept.parts).text) : exportEntry(record);
}

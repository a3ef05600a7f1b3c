/**
 * Lint of a record, each message naming the field of the record to fix: `lintEntry` over the record's export,
 * each message's line traced back to the block of the export it stands in (`exportEntryBlocks`) and from there to
 * the record's field; then what the repository's entries never have, checked on the record itself, so it is said
 * whatever the exporter writes for it: no website (an empty `()` link), no step logged (an empty status line), a
 * round with no questions, no Apply Way.
 *
 * A field address becomes a DOM id on the application page by one convention (`fieldElementId`), shared with
 * the page's editors. Plain TypeScript, no browser API.
 */
import type { ApplicationRecord } from '../record';
import { type ExportedEntry, exportEntryBlocks } from './export';
import { type LintMessage, type LintOptions, lintEntry } from './lint';
import { type Block, parseKey } from './parts';

export type RecordField =
  | 'company-name'
  | 'website'
  | 'role'
  | 'platform'
  | 'apply-way'
  | 'task-text'
  | 'task-duration'
  | 'score'
  | 'review'
  | 'outcome-after';
export type StageField = 'kind' | 'label' | 'date' | 'time' | 'duration' | 'platform' | 'note';

export type FieldAddress =
  | { kind: 'record'; field: RecordField }
  | { kind: 'stage'; id: string; field: StageField }
  | { kind: 'round'; id: string; field: 'title' }
  | { kind: 'question'; id: string; field: 'text' };

/** The empty shells the repository never has. */
export type ShellRule = 'website-empty' | 'status-empty' | 'round-empty' | 'apply-way-missing';

export interface FieldLintMessage extends LintMessage {
  /** The field to fix, or null when no one field is (the entry as a whole). */
  field: FieldAddress | null;
  /** Which of the empty shells this is, when it is one. */
  rule?: ShellRule;
}

const RECORD_IDS: Record<RecordField, string> = {
  'company-name': 'record-company-name',
  website: 'record-website',
  role: 'record-role',
  platform: 'record-platform',
  'apply-way': 'apply-way-text',
  'task-text': 'task-text',
  'task-duration': 'task-duration',
  score: 'score',
  review: 'review',
  'outcome-after': 'outcome-after',
};

/** The id of the element that edits the field on the application page. */
export function fieldElementId(a: FieldAddress): string {
  switch (a.kind) {
    case 'record':
      return RECORD_IDS[a.field];
    case 'stage':
      return `stage-${a.id}-${a.field}`;
    case 'round':
      return `round-${a.id}-title`;
    case 'question':
      return `question-${a.id}-text`;
  }
}

const record = (field: RecordField): FieldAddress => ({ kind: 'record', field });

/** Which shell a lint message of `lintEntry` speaks of. */
function shellOf(message: string): ShellRule | undefined {
  if (/^the heading has no link|^the heading's link is empty/.test(message)) return 'website-empty';
  if (/^the status line is empty|^the Status section is empty|^no "Status" section/.test(message))
    return 'status-empty';
  if (/^the round ".*" has no questions$/.test(message)) return 'round-empty';
  if (message === 'no "Apply Way" section') return 'apply-way-missing';
  return undefined;
}

/** The first stage (of a kind), for messages about the stages as a whole. */
function firstStage(r: ApplicationRecord, field: StageField, pick = (_: string) => true): FieldAddress | null {
  const s = r.stages.find((x) => pick(x.kind));
  return s ? { kind: 'stage', id: s.id, field } : null;
}

/** The field a message speaks of: from the block its line is in, and for a few, what it says. */
function fieldOf(r: ApplicationRecord, key: string | null, m: LintMessage): FieldAddress | null {
  const text = m.message;
  const roundNamed = /^the round "(.*)" has no questions$/.exec(text);
  if (roundNamed) {
    const round = r.rounds.find((x) => x.title.trim() === roundNamed[1]);
    if (round) return { kind: 'round', id: round.id, field: 'title' };
  }
  const missing = /^no "(.*)" section$/.exec(text)?.[1];
  if (missing === 'Apply Way') return record('apply-way');
  if (missing === 'Score') return record('score');
  if (missing === 'Interview Duration') return firstStage(r, 'duration');
  if (missing === 'Status' || missing === 'Interview Process') return firstStage(r, 'kind');
  if (key === null) return null;
  const k = parseKey(key);
  const owner = k.kind === 'literal' ? k.owner : k;
  switch (owner.kind) {
    case 'head':
      return /heading|link|website/.test(text) && !/^no "#/.test(text) ? record('website') : record('company-name');
    case 'role':
      return record('role');
    case 'heading':
    case 'body':
      switch (owner.section) {
        case 'applyWay':
          return record('apply-way');
        case 'platform':
          return record('platform');
        case 'score':
          return record('score');
        case 'status':
          return /outcome/.test(text) ? record('outcome-after') : firstStage(r, 'kind');
        case 'process':
          return firstStage(r, 'label');
      }
      return null;
    case 'dates':
      return firstStage(r, 'date');
    case 'durations':
      return firstStage(r, 'duration');
    case 'date':
      return { kind: 'stage', id: owner.id, field: 'date' };
    case 'duration':
      return { kind: 'stage', id: owner.id, field: 'duration' };
    case 'taskDuration':
      return record('task-duration');
    case 'round':
    case 'empty':
    case 'intro':
    case 'outro':
      return { kind: 'round', id: owner.id, field: 'title' };
    case 'question':
    case 'list':
      return { kind: 'question', id: owner.id, field: 'text' };
    case 'task':
      return record('task-text');
    case 'review':
      return record('review');
    default:
      return null;
  }
}

/** The key of the block each 1-based line of the export is in (index 0 unused). */
function lineKeys(blocks: readonly Block[]): (string | null)[] {
  const keys: (string | null)[] = [null];
  for (const b of blocks) {
    const n = b.text.split('\n').length - 1;
    for (let i = 0; i < n; i++) keys.push(b.key);
    // A block not ending in a line break continues on the next block's first line.
    if (!b.text.endsWith('\n') && b.text) keys.push(b.key);
  }
  return keys;
}

export interface RecordLintOptions extends LintOptions {
  /** `exportEntryBlocks(record)`, when the caller has it already. */
  exported?: ExportedEntry;
}

/** The lint messages of a record's entry, each with the field to fix; the four empty shells always said. */
export async function lintRecord(r: ApplicationRecord, options: RecordLintOptions = {}): Promise<FieldLintMessage[]> {
  const { text, blocks } = options.exported ?? exportEntryBlocks(r);
  const keys = lineKeys(blocks);
  const out: FieldLintMessage[] = (await lintEntry(text, options)).map((m) => {
    const rule = shellOf(m.message);
    return { ...m, field: fieldOf(r, keys[m.line] ?? null, m), ...(rule ? { rule } : {}) };
  });
  const said = (rule: ShellRule, field?: FieldAddress) =>
    out.some((m) => m.rule === rule && (!field || (m.field && fieldElementId(m.field) === fieldElementId(field))));
  const add = (rule: ShellRule, field: FieldAddress | null, message: string) =>
    out.push({ line: 1, severity: 'warning', message, field, rule });
  if (!r.company.website.trim() && !said('website-empty'))
    add('website-empty', record('website'), "no website: add the company's website for the heading's link");
  if (!r.stages.length && !said('status-empty'))
    add('status-empty', null, 'no step logged: the status line would be empty');
  for (const round of r.rounds) {
    const field: FieldAddress = { kind: 'round', id: round.id, field: 'title' };
    if (!round.questions.length && !round.intro.trim() && !said('round-empty', field))
      add('round-empty', field, `the round "${round.title.trim()}" has no questions`);
  }
  if (!r.applyWays.some((w) => w.trim()) && !said('apply-way-missing'))
    add('apply-way-missing', record('apply-way'), 'no "Apply Way" section');
  return out;
}

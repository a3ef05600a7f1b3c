/**
 * What the jobname format says about each kind of stage: how a label is recognised, which status emoji it
 * gets, and the default wording the generator (mdgen) and the real entries use.
 */
import { PROCESS_KINDS, type ApplicationRecord, type ExportPrefs, type StageKind } from '../record';

/** Known status emojis (docs/format.md §4), by meaning. */
export const STATUS_EMOJI = {
  resume: '📜',
  call: '📞',
  technical: '🔧',
  rejected: '❌',
  hrInterview: '👱🏻‍♀️',
  accepted: '✅',
  task: '📝',
  review: '⚖️',
  declined: '❎',
  party: '🎉',
} as const;

export const KNOWN_STATUS_EMOJIS: ReadonlySet<string> = new Set(Object.values(STATUS_EMOJI));

/** The emoji a reached stage adds to the status line ('' for none). */
export function stageEmoji(kind: StageKind): string {
  switch (kind) {
    case 'resume':
      return STATUS_EMOJI.resume;
    case 'hr-call':
    case 'screening':
      return STATUS_EMOJI.call;
    case 'technical':
    case 'onsite':
      return STATUS_EMOJI.technical;
    case 'task':
      return STATUS_EMOJI.task;
    case 'task-review':
      return STATUS_EMOJI.review;
    case 'hr-interview':
      return STATUS_EMOJI.hrInterview;
    default:
      return '';
  }
}

/** The status line: one emoji per reached stage, in order, then the outcome (docs/format.md §4). */
export function deriveStatus(record: Pick<ApplicationRecord, 'stages' | 'outcome'>): string {
  let s = record.stages
    .filter((st) => PROCESS_KINDS.has(st.kind))
    .map((st) => stageEmoji(st.kind))
    .join('');
  const o = record.outcome.kind;
  if (o === 'rejected' || o === 'ghosted') s += STATUS_EMOJI.rejected;
  else if (o === 'declined') s += STATUS_EMOJI.declined;
  else if (o === 'accepted') s += STATUS_EMOJI.accepted;
  return s;
}

/** Splits a status line into grapheme clusters (👱🏻‍♀️ is one emoji of five code points). */
export function splitGraphemes(s: string): string[] {
  const Seg = (
    Intl as unknown as {
      Segmenter?: new (
        l?: string,
        o?: { granularity: string },
      ) => { segment(s: string): Iterable<{ segment: string }> };
    }
  ).Segmenter;
  if (Seg) return Array.from(new Seg(undefined, { granularity: 'grapheme' }).segment(s), (x) => x.segment);
  return Array.from(s);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Roman numeral for 1..10, else the number. */
export function roman(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}

/**
 * Default wording per kind: in the Interview Date list (the generator's labels), in the diagram when it
 * differs, and the legacy lower-case diagram spelling of the first two nodes. Technical rounds are numbered.
 */
const LABELS: Partial<Record<StageKind, { list: string; diagram?: string; lower?: string }>> = {
  resume: { list: 'Sent Resume', diagram: 'Send Resume', lower: 'Send resume' },
  'hr-call': { list: 'HR Call', lower: 'HR call' },
  screening: { list: 'Screening Interview' },
  task: { list: 'Task' },
  'task-review': { list: 'Task Review' },
  'hr-interview': { list: 'HR Interview' },
  onsite: { list: 'On-site Interview' },
  offer: { list: 'Offer Email', diagram: 'Offer' },
  rejection: { list: 'Rejection Email' },
  declined: { list: 'I declined' },
  response: { list: 'Response Email' },
};

function technicalLabel(ordinal: number, count: number): string {
  return count > 1 ? `Technical Interview ${roman(ordinal)}` : 'Technical Interview';
}

/**
 * The generated diagram label of a stage (docs/format.md §6.2/§6.5): Title Case as mdgen writes it, or the
 * legacy lower-case spelling of the first two nodes. `ordinal`/`count` number technical rounds I, II, III.
 */
export function diagramLabel(
  kind: StageKind,
  label: string,
  ordinal: number,
  count: number,
  prefs: Pick<ExportPrefs, 'labelCase'>,
): string {
  if (kind === 'technical') return technicalLabel(ordinal, count);
  const l = kind === 'other' ? undefined : LABELS[kind];
  if (!l) return label.trim() || 'Step';
  return (prefs.labelCase === 'lower' ? l.lower : undefined) ?? l.diagram ?? l.list;
}

/** The node id base of a kind (docs/format.md §6.5): sr, hr, ti, task, tr, si, hri, os, o. */
export function nodeIdBase(kind: StageKind): string {
  switch (kind) {
    case 'resume':
      return 'sr';
    case 'hr-call':
      return 'hr';
    case 'screening':
      return 'si';
    case 'technical':
      return 'ti';
    case 'task':
      return 'task';
    case 'task-review':
      return 'tr';
    case 'hr-interview':
      return 'hri';
    case 'onsite':
      return 'os';
    case 'offer':
      return 'o';
    default:
      return 'st';
  }
}

/** The label a new stage of this kind gets in the Interview Date list (the generator's wording). */
export function defaultStageLabel(kind: StageKind, ordinal = 1, count = 1): string {
  if (kind === 'technical') return technicalLabel(ordinal, count);
  return LABELS[kind]?.list ?? 'Step';
}

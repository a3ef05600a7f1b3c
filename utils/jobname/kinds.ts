/**
 * What the jobname format says about each kind of stage: how a label is recognised, which status emoji it
 * gets, and the default wording the generator (mdgen) and the real entries use. What only the markdown import
 * and export need (diagram labels, node ids, reading a status line) is in utils/jobname/format-kinds.ts, so the
 * popup, which needs only the list labels and the status line, does not load it before its first view.
 */
import { PROCESS_KINDS, type ApplicationRecord, type StageKind } from '../record';

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

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Roman numeral for 1..10, else the number. */
export function roman(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}

/** The number of a Roman numeral `roman` writes (I..X, upper case), or 0. */
export function romanValue(numeral: string): number {
  return ROMAN.indexOf(numeral) + 1;
}

/**
 * Default wording per kind: in the Interview Date list (the generator's labels), in the diagram when it
 * differs, and the legacy lower-case diagram spelling of the first two nodes. Technical rounds are numbered.
 */
export const LABELS: Partial<Record<StageKind, { list: string; diagram?: string; lower?: string }>> = {
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

export function technicalLabel(ordinal: number, count: number): string {
  return count > 1 ? `Technical Interview ${roman(ordinal)}` : 'Technical Interview';
}

/** The label a new stage of this kind gets in the Interview Date list (the generator's wording). */
export function defaultStageLabel(kind: StageKind, ordinal = 1, count = 1): string {
  if (kind === 'technical') return technicalLabel(ordinal, count);
  return LABELS[kind]?.list ?? 'Step';
}

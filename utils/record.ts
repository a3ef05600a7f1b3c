/**
 * The application record: one job application, from the clipped posting to the final score.
 *
 * This is the public backup format too (`jobnote import` prints it, backups hold a list of them), so every
 * field is documented here and every JSON that enters the extension goes through `parseRecord`
 * (utils/record-validate.ts).
 *
 * Plain TypeScript, no browser API: it runs in the content script, extension pages, the CLI and tests.
 *
 * Versioning: `schema` is bumped whenever a stored shape changes; `migrateRecord` (utils/record-validate.ts)
 * lifts older records.
 *
 * Every closed list is one `const` array here (its type derived from it), which the validator checks against.
 */

import type { PostingBoard } from './boards';

export const RECORD_SCHEMA = 1;

/** What a stage is. `label` keeps the user's own wording; `kind` is what the exporter reasons with. */
export const STAGE_KINDS = [
  'resume', // Sent Resume
  'hr-call', // HR Call
  'screening', // Screening Interview
  'technical', // Technical Interview (one stage per round)
  'task', // Task / take-home
  'task-review', // Task review / code review
  'hr-interview', // HR Interview
  'onsite', // On-site interview
  'offer', // Offer (email, call)
  'rejection', // Rejection email / letter
  'declined', // I declined
  'response', // A response placeholder ("Response Email")
  'other',
] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** Stages that are steps of the interview process (drawn in the diagram), as opposed to outcome events. */
export const PROCESS_KINDS: ReadonlySet<StageKind> = new Set<StageKind>([
  'resume',
  'hr-call',
  'screening',
  'technical',
  'task',
  'task-review',
  'hr-interview',
  'onsite',
  'offer',
  'other',
]);

export interface Stage {
  /** Unique within the record (`s1`, `s2`, ...). */
  id: string;
  kind: StageKind;
  /** The label as the user wrote it ("HR Call (Skype voice chat)"). */
  label: string;
  /** The day, `YYYY-MM-DD` (Gregorian, no time zone), or null when unknown / not a date. */
  date: string | null;
  /**
   * The date value as written ("1402.08.20 AT 11:30 AM", "IDK", "Date not set"), or null when the stage
   * has no line in the Interview Date list. When `date` is set, the exporter rewrites the date inside this
   * text and keeps the rest (time, note).
   */
  dateText: string | null;
  /** Time of day as written ("11:30 AM"), when one was given. */
  time: string | null;
  /** A free note on the stage ("یک بار تایم رو عوض کردم"). */
  note: string | null;
  /** Duration as written ("1 hour & 30 minutes", "About 40 minutes"), or null. */
  duration: string | null;
  /** The duration in minutes when it could be read, for sorting and statistics. */
  durationMinutes: number | null;
  /** The label in the Interview Duration list when it differs from `label` ("Task Deadline"). */
  durationLabel: string | null;
  /** The label in the process diagram when it differs from the generated one ("Technical Interview (Live code)"). */
  diagramLabel: string | null;
  /** Where this stage happened (Google Meet, In-person, ...), when it differs from the record's platform. */
  platform: string | null;
}

export const OUTCOME_KINDS = ['pending', 'rejected', 'offer', 'accepted', 'declined', 'ghosted'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export interface PlannedStage {
  kind: StageKind;
  label: string;
}

export interface Outcome {
  kind: OutcomeKind;
  /** The stage after which the outcome came (the last stage reached), or null. */
  afterStageId: string | null;
  /**
   * For rejected/ghosted: the stages that were still ahead (drawn after the rejection edge). null means
   * the usual ones (HR Interview unless already reached, then Offer).
   */
  remaining: PlannedStage[] | null;
}

/** How an imported question wrote its answers, so that editing one keeps the entry's style. */
export interface AnswerLayout {
  /** Spaces before `<details>` (4 in the generator's output, 2 or 0 in some entries). */
  indent: number;
  /** A blank line between the question (or its follow-up) and the first answer. */
  gap: boolean;
  /** A blank line after `<div>` and before `</div>`. */
  divBlank: boolean;
  /** What follows `</details>` on its line: '' or a `<br />` spacer. */
  close: string;
}

/** How an entry wrote a question: a `- ` bullet or an `<li>` in an `<ul dir="rtl">` list. */
export const QUESTION_STYLES = ['bullet', 'li'] as const;
export type QuestionStyle = (typeof QUESTION_STYLES)[number];

export interface Question {
  /** Unique within the record (`q1`, ...). */
  id: string;
  /** The question, markdown. May span several lines. */
  text: string;
  /** Follow-up questions the interviewer asked on this one. */
  followUps: string[];
  /** Answers, markdown (0-3 in practice). */
  answers: string[];
  /** The label shown on each answer ("Answer", "My answer", "Leetcode Answer"); same length as `answers`. */
  answerLabels: string[];
  /** Markdown attached under the question that is not an answer (code, sub-lists, remarks). */
  notes: string;
  /** Markdown standing between this question and the next one (a pseudo-heading, a remark). */
  after: string;
  /** How the entry wrote it (see `QUESTION_STYLES`). */
  style: QuestionStyle;
  /** The answers' layout in an imported entry; absent or null means the generator's. */
  layout?: AnswerLayout | null;
}

export interface Round {
  /** Unique within the record (`r1`, ...). */
  id: string;
  /** The section heading ("Technical Interview", "HR Interview", "1st Technical Interview", "Offer"). */
  title: string;
  /** The stage this round belongs to, when known. */
  stageId: string | null;
  /** Markdown before the first question (who interviewed, how it went). */
  intro: string;
  questions: Question[];
  /** Markdown after the last question. */
  outro: string;
}

export interface Link {
  text: string;
  url: string;
}

export interface Task {
  /** The task section as markdown (often a Persian paragraph with links). */
  text: string;
  /** Links found in the text (task statement, solution repository). */
  links: Link[];
  /** The time given for it ("7 days"), as written. */
  duration: string | null;
}

/** Where a clipped field came from, in order of trust. */
export const FIELD_SOURCES = ['json-ld', 'state', 'dom', 'readability'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

/** A clipped job posting (filled by the clipper). */
export interface Posting {
  /** The board (utils/boards.ts), or how a generic page was read. */
  board: PostingBoard;
  url: string;
  jobId: string | null;
  title: string | null;
  company: { name: string | null; nameEn: string | null; website: string | null };
  location: string | null;
  employmentType: string | null;
  seniority: string | null;
  salary: string | null;
  skills: string[];
  /** Description as markdown. */
  description: string | null;
  postedAt: string | null;
  clippedAt: string;
  /** Where each field came from. */
  sources: Record<string, FieldSource>;
  /** Notes from the extractor (truncation, fallbacks). */
  notes: string[];
}

export const DATE_FORMATS = ['jalali-dot', 'jalali-slash', 'gregorian'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** `plain`: `<div>` answers as real entries use; `boxed`: the generator's dashed box. */
export const ANSWER_STYLES = ['plain', 'boxed'] as const;
export type AnswerStyle = (typeof ANSWER_STYLES)[number];

/** Diagram labels in Title Case (`Send Resume`, generator) or lower case (`Send resume`, legacy). */
export const LABEL_CASES = ['title', 'lower'] as const;
export type LabelCase = (typeof LABEL_CASES)[number];

export interface ExportPrefs {
  /** How dates are written in the entry. */
  dateFormat: DateFormat;
  /** How answers are written (see `ANSWER_STYLES`). */
  answerStyle: AnswerStyle;
  /** How diagram labels are cased (see `LABEL_CASES`). */
  labelCase: LabelCase;
  /** Accepted: end the diagram in `r(("🎉"))` with `--accepted :) -->` (latest style) or `r((" "))`. */
  celebrate: boolean;
}

/** One piece of an imported entry's text, kept so that an unchanged record exports to the same bytes. */
export interface SourcePart {
  /** What the part renders (`head`, `status`, `date:s1`, `q:q3`, ...). */
  key: string;
  /** The text as it was in the entry, with its trailing separator. */
  raw: string;
  /** Hash of the exporter's own rendering of the part at import time; the raw text is used while it matches. */
  sig: string;
}

/** The entry formats a record keeps the text of (only jobname's). */
export const SOURCE_FORMATS = ['jobname'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface SourceLayout {
  format: SourceFormat;
  parts: SourcePart[];
  /**
   * Where the entry came from, as the repository's `src/` folder has it (`busnet/busnet-interview.md`,
   * `cpol.md`): it is exported under the same name. Absent when unknown.
   */
  file?: string;
}

export interface ApplicationRecord {
  schema: number;
  id: string;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  /** Bumped by every stored update; the repository refuses an update made from an older revision. */
  revision: number;
  company: { name: string; website: string };
  role: string | null;
  /** How the application was sent ("Jobinja", "LinkedIn", "Refer"), as written. */
  applyWays: string[];
  /** The interview platform for the record ("Google Meet"), null when unknown. */
  platform: string | null;
  stages: Stage[];
  outcome: Outcome;
  rounds: Round[];
  task: Task | null;
  /** 0-10 in steps of 0.5, or null. */
  score: number | null;
  /** Free review text, markdown (often Persian). */
  review: string;
  posting: Posting | null;
  exportPrefs: ExportPrefs;
  /** The imported entry's text, for faithful re-export; null for records made in the extension. */
  source: SourceLayout | null;
}

export const DEFAULT_EXPORT_PREFS: ExportPrefs = {
  dateFormat: 'jalali-dot',
  answerStyle: 'plain',
  labelCase: 'title',
  celebrate: true,
};

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return 'r' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

/** A new, empty record. */
export type RecordInit = Omit<Partial<ApplicationRecord>, 'company' | 'exportPrefs'> & {
  company: { name: string; website?: string };
  exportPrefs?: Partial<ExportPrefs>;
};

export function createRecord(init: RecordInit): ApplicationRecord {
  const now = new Date().toISOString();
  return {
    schema: RECORD_SCHEMA,
    id: init.id ?? randomId(),
    createdAt: init.createdAt ?? now,
    updatedAt: init.updatedAt ?? now,
    revision: init.revision ?? 0,
    company: { name: init.company.name, website: init.company.website ?? '' },
    role: init.role ?? null,
    applyWays: init.applyWays ?? [],
    platform: init.platform ?? null,
    stages: init.stages ?? [],
    outcome: init.outcome ?? { kind: 'pending', afterStageId: null, remaining: null },
    rounds: init.rounds ?? [],
    task: init.task ?? null,
    score: init.score ?? null,
    review: init.review ?? '',
    posting: init.posting ?? null,
    exportPrefs: { ...DEFAULT_EXPORT_PREFS, ...init.exportPrefs },
    source: init.source ?? null,
  };
}

/** The next free id with the given prefix (`s`, `r`, `q`) in the record. */
/** The prefixes of ids within a record: stages `s1`, rounds `r1`, questions `q1`. */
export const ID_PREFIXES = ['s', 'r', 'q'] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

export function nextId(record: Pick<ApplicationRecord, 'stages' | 'rounds'>, prefix: IdPrefix): string {
  let max = 0;
  const see = (id: string) => {
    if (id.startsWith(prefix)) {
      const n = Number(id.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  };
  if (prefix === 's') for (const s of record.stages) see(s.id);
  if (prefix === 'r') for (const r of record.rounds) see(r.id);
  if (prefix === 'q') for (const r of record.rounds) for (const q of r.questions) see(q.id);
  return prefix + (max + 1);
}

export function newStage(id: string, kind: StageKind, label: string, fields: Partial<Stage> = {}): Stage {
  return {
    id,
    kind,
    label,
    date: null,
    dateText: null,
    time: null,
    note: null,
    duration: null,
    durationMinutes: null,
    durationLabel: null,
    diagramLabel: null,
    platform: null,
    ...fields,
  };
}

export function newQuestion(id: string, text: string, fields: Partial<Question> = {}): Question {
  return { id, text, followUps: [], answers: [], answerLabels: [], notes: '', after: '', style: 'bullet', ...fields };
}

export function newRound(id: string, title: string, fields: Partial<Round> = {}): Round {
  return { id, title, stageId: null, intro: '', questions: [], outro: '', ...fields };
}

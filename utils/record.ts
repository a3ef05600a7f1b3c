/**
 * The application record: one job application, from the clipped posting to the final score.
 *
 * This is the public backup format too (`jobnote import` prints it, backups hold a list of them), so every
 * field is documented here and every JSON that enters the extension goes through `validateRecord`.
 *
 * Plain TypeScript, no browser API: it runs in the content script, extension pages, the CLI and tests.
 *
 * Versioning: `schema` is bumped whenever a stored shape changes; `migrateRecord` lifts older records.
 */

export const RECORD_SCHEMA = 1;

/** What a stage is. `label` keeps the user's own wording; `kind` is what the exporter reasons with. */
export type StageKind =
  | 'resume' // Sent Resume
  | 'hr-call' // HR Call
  | 'screening' // Screening Interview
  | 'technical' // Technical Interview (one stage per round)
  | 'task' // Task / take-home
  | 'task-review' // Task review / code review
  | 'hr-interview' // HR Interview
  | 'onsite' // On-site interview
  | 'offer' // Offer (email, call)
  | 'rejection' // Rejection email / letter
  | 'declined' // I declined
  | 'response' // A response placeholder ("Response Email")
  | 'other';

export const STAGE_KINDS: readonly StageKind[] = [
  'resume',
  'hr-call',
  'screening',
  'technical',
  'task',
  'task-review',
  'hr-interview',
  'onsite',
  'offer',
  'rejection',
  'declined',
  'response',
  'other',
];

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

export type OutcomeKind = 'pending' | 'rejected' | 'offer' | 'accepted' | 'declined' | 'ghosted';
export const OUTCOME_KINDS: readonly OutcomeKind[] = [
  'pending',
  'rejected',
  'offer',
  'accepted',
  'declined',
  'ghosted',
];

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
  /** How the entry wrote it: a `- ` bullet or an `<li>` in an `<ul dir="rtl">` list. */
  style: 'bullet' | 'li';
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

export type FieldSource = 'json-ld' | 'state' | 'dom' | 'readability' | 'user';

/** A clipped job posting (filled by the clipper). */
export interface Posting {
  board: 'jobinja' | 'jobvision' | 'quera' | 'linkedin' | 'jsonld' | 'readability';
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

export type DateFormat = 'jalali-dot' | 'jalali-slash' | 'gregorian';
export const DATE_FORMATS: readonly DateFormat[] = ['jalali-dot', 'jalali-slash', 'gregorian'];

export interface ExportPrefs {
  /** How dates are written in the entry. */
  dateFormat: DateFormat;
  /** `plain`: `<div>` answers as real entries use; `boxed`: the generator's dashed box. */
  answerStyle: 'plain' | 'boxed';
  /** Diagram labels in Title Case (`Send Resume`, generator) or lower case (`Send resume`, legacy). */
  labelCase: 'title' | 'lower';
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

export interface SourceLayout {
  format: 'jobname';
  parts: SourcePart[];
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
export function nextId(record: Pick<ApplicationRecord, 'stages' | 'rounds'>, prefix: 's' | 'r' | 'q'): string {
  let max = 0;
  const see = (id: string) => {
    if (id.startsWith(prefix)) {
      const n = Number(id.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  };
  if (prefix === 's') record.stages.forEach((s) => see(s.id));
  if (prefix === 'r') record.rounds.forEach((r) => see(r.id));
  if (prefix === 'q') record.rounds.forEach((r) => r.questions.forEach((q) => see(q.id)));
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

// ---------------------------------------------------------------------------------------------------------
// Runtime validation. Every JSON that enters (imports, backups, messages) goes through here.

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

class Checker {
  errors: string[] = [];
  fail(path: string, what: string) {
    if (this.errors.length < 50) this.errors.push(`${path || 'record'}: ${what}`);
  }
  obj(v: unknown, path: string): v is Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(path, 'expected an object');
      return false;
    }
    return true;
  }
  str(v: unknown, path: string): boolean {
    if (typeof v !== 'string') {
      this.fail(path, 'expected a string');
      return false;
    }
    return true;
  }
  strOrNull(v: unknown, path: string): boolean {
    return v === null || this.str(v, path);
  }
  num(v: unknown, path: string): boolean {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(path, 'expected a number');
      return false;
    }
    return true;
  }
  bool(v: unknown, path: string): boolean {
    if (typeof v !== 'boolean') {
      this.fail(path, 'expected true or false');
      return false;
    }
    return true;
  }
  arr(v: unknown, path: string): v is unknown[] {
    if (!Array.isArray(v)) {
      this.fail(path, 'expected a list');
      return false;
    }
    return true;
  }
  strArr(v: unknown, path: string) {
    if (this.arr(v, path)) v.forEach((x, i) => this.str(x, `${path}[${i}]`));
  }
  oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string) {
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(path, `expected one of ${allowed.join(', ')}`);
    }
  }
  day(v: unknown, path: string) {
    if (v === null) return;
    if (typeof v !== 'string' || !ISO_DAY.test(v) || !isRealDay(v))
      this.fail(path, 'expected a date YYYY-MM-DD or null');
  }
}

function isRealDay(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

function checkStage(c: Checker, s: unknown, p: string, ids: Set<string>) {
  if (!c.obj(s, p)) return;
  if (c.str(s.id, `${p}.id`)) {
    if (ids.has(s.id as string)) c.fail(`${p}.id`, `duplicate id ${String(s.id)}`);
    ids.add(s.id as string);
  }
  c.oneOf(s.kind, STAGE_KINDS, `${p}.kind`);
  c.str(s.label, `${p}.label`);
  c.day(s.date, `${p}.date`);
  for (const k of ['dateText', 'time', 'note', 'duration', 'durationLabel', 'diagramLabel', 'platform'] as const) {
    c.strOrNull(s[k], `${p}.${k}`);
  }
  if (s.durationMinutes !== null) c.num(s.durationMinutes, `${p}.durationMinutes`);
}

function checkQuestion(c: Checker, q: unknown, p: string, ids: Set<string>) {
  if (!c.obj(q, p)) return;
  if (c.str(q.id, `${p}.id`)) {
    if (ids.has(q.id as string)) c.fail(`${p}.id`, `duplicate id ${String(q.id)}`);
    ids.add(q.id as string);
  }
  c.str(q.text, `${p}.text`);
  c.strArr(q.followUps, `${p}.followUps`);
  c.strArr(q.answers, `${p}.answers`);
  c.strArr(q.answerLabels, `${p}.answerLabels`);
  if (Array.isArray(q.answers) && Array.isArray(q.answerLabels) && q.answers.length !== q.answerLabels.length) {
    c.fail(`${p}.answerLabels`, 'must have one label per answer');
  }
  c.str(q.notes, `${p}.notes`);
  c.str(q.after, `${p}.after`);
  c.oneOf(q.style, ['bullet', 'li'] as const, `${p}.style`);
  if (q.layout !== undefined && q.layout !== null && c.obj(q.layout, `${p}.layout`)) {
    const l = q.layout;
    if (
      c.num(l.indent, `${p}.layout.indent`) &&
      (!Number.isInteger(l.indent) || (l.indent as number) < 0 || (l.indent as number) > 12)
    ) {
      c.fail(`${p}.layout.indent`, 'expected a whole number of spaces from 0 to 12');
    }
    c.bool(l.gap, `${p}.layout.gap`);
    c.bool(l.divBlank, `${p}.layout.divBlank`);
    if (c.str(l.close, `${p}.layout.close`) && /[\n<](?!\/?br\b)/.test(l.close as string))
      c.fail(`${p}.layout.close`, 'expected nothing or a <br /> spacer');
  }
}

function checkPosting(c: Checker, v: unknown, p: string) {
  if (v === null) return;
  if (!c.obj(v, p)) return;
  c.oneOf(v.board, ['jobinja', 'jobvision', 'quera', 'linkedin', 'jsonld', 'readability'] as const, `${p}.board`);
  c.str(v.url, `${p}.url`);
  for (const k of ['jobId', 'title', 'location', 'employmentType', 'seniority', 'salary', 'description'] as const) {
    c.strOrNull(v[k], `${p}.${k}`);
  }
  c.day(v.postedAt, `${p}.postedAt`);
  c.str(v.clippedAt, `${p}.clippedAt`);
  c.strArr(v.skills, `${p}.skills`);
  c.strArr(v.notes, `${p}.notes`);
  if (c.obj(v.company, `${p}.company`)) {
    const co = v.company;
    c.strOrNull(co.name, `${p}.company.name`);
    c.strOrNull(co.nameEn, `${p}.company.nameEn`);
    c.strOrNull(co.website, `${p}.company.website`);
  }
  if (c.obj(v.sources, `${p}.sources`)) {
    for (const [k, s] of Object.entries(v.sources)) {
      c.oneOf(s, ['json-ld', 'state', 'dom', 'readability', 'user'] as const, `${p}.sources.${k}`);
    }
  }
}

/** Checks a posting on its own (what the content script sends back is untrusted input). */
export function validatePosting(input: unknown): Validation<Posting> {
  const c = new Checker();
  if (input === null) c.fail('posting', 'expected an object');
  else checkPosting(c, input, 'posting');
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: input as Posting };
}

/** Checks that `input` is a well-formed current-schema record. Does not migrate: see `parseRecord`. */
export function validateRecord(input: unknown): Validation<ApplicationRecord> {
  const c = new Checker();
  if (!c.obj(input, '')) return { ok: false, errors: c.errors };
  const r = input;
  if (r.schema !== RECORD_SCHEMA) c.fail('schema', `expected ${RECORD_SCHEMA}, got ${JSON.stringify(r.schema)}`);
  c.str(r.id, 'id');
  if (typeof r.id === 'string' && r.id.length === 0) c.fail('id', 'must not be empty');
  c.str(r.createdAt, 'createdAt');
  c.str(r.updatedAt, 'updatedAt');
  if (c.num(r.revision, 'revision') && (!Number.isInteger(r.revision) || (r.revision as number) < 0)) {
    c.fail('revision', 'expected a whole number ≥ 0');
  }
  if (c.obj(r.company, 'company')) {
    c.str(r.company.name, 'company.name');
    c.str(r.company.website, 'company.website');
  }
  c.strOrNull(r.role, 'role');
  c.strArr(r.applyWays, 'applyWays');
  c.strOrNull(r.platform, 'platform');
  const stageIds = new Set<string>();
  if (c.arr(r.stages, 'stages')) r.stages.forEach((s, i) => checkStage(c, s, `stages[${i}]`, stageIds));
  if (c.obj(r.outcome, 'outcome')) {
    const o = r.outcome;
    c.oneOf(o.kind, OUTCOME_KINDS, 'outcome.kind');
    if (o.afterStageId !== null) {
      if (c.str(o.afterStageId, 'outcome.afterStageId') && !stageIds.has(o.afterStageId as string)) {
        c.fail('outcome.afterStageId', `no stage ${String(o.afterStageId)}`);
      }
    }
    if (o.remaining !== null && c.arr(o.remaining, 'outcome.remaining')) {
      o.remaining.forEach((p, i) => {
        if (c.obj(p, `outcome.remaining[${i}]`)) {
          c.oneOf(p.kind, STAGE_KINDS, `outcome.remaining[${i}].kind`);
          c.str(p.label, `outcome.remaining[${i}].label`);
        }
      });
    }
  }
  const roundIds = new Set<string>();
  const questionIds = new Set<string>();
  if (c.arr(r.rounds, 'rounds')) {
    r.rounds.forEach((round, i) => {
      const p = `rounds[${i}]`;
      if (!c.obj(round, p)) return;
      if (c.str(round.id, `${p}.id`)) {
        if (roundIds.has(round.id as string)) c.fail(`${p}.id`, `duplicate id ${String(round.id)}`);
        roundIds.add(round.id as string);
      }
      c.str(round.title, `${p}.title`);
      if (round.stageId !== null && c.str(round.stageId, `${p}.stageId`) && !stageIds.has(round.stageId as string)) {
        c.fail(`${p}.stageId`, `no stage ${String(round.stageId)}`);
      }
      c.str(round.intro, `${p}.intro`);
      c.str(round.outro, `${p}.outro`);
      if (c.arr(round.questions, `${p}.questions`)) {
        round.questions.forEach((q, j) => checkQuestion(c, q, `${p}.questions[${j}]`, questionIds));
      }
    });
  }
  if (r.task !== null && c.obj(r.task, 'task')) {
    c.str(r.task.text, 'task.text');
    c.strOrNull(r.task.duration, 'task.duration');
    if (c.arr(r.task.links, 'task.links')) {
      r.task.links.forEach((l, i) => {
        if (c.obj(l, `task.links[${i}]`)) {
          c.str(l.text, `task.links[${i}].text`);
          c.str(l.url, `task.links[${i}].url`);
        }
      });
    }
  }
  if (r.score !== null && c.num(r.score, 'score')) {
    const s = r.score as number;
    if (s < 0 || s > 10 || Math.round(s * 2) !== s * 2) c.fail('score', 'expected 0 to 10 in steps of 0.5');
  }
  c.str(r.review, 'review');
  checkPosting(c, r.posting, 'posting');
  if (c.obj(r.exportPrefs, 'exportPrefs')) {
    const e = r.exportPrefs;
    c.oneOf(e.dateFormat, DATE_FORMATS, 'exportPrefs.dateFormat');
    c.oneOf(e.answerStyle, ['plain', 'boxed'] as const, 'exportPrefs.answerStyle');
    c.oneOf(e.labelCase, ['title', 'lower'] as const, 'exportPrefs.labelCase');
    c.bool(e.celebrate, 'exportPrefs.celebrate');
  }
  if (r.source !== null && c.obj(r.source, 'source')) {
    if (r.source.format !== 'jobname') c.fail('source.format', 'expected "jobname"');
    if (c.arr(r.source.parts, 'source.parts')) {
      r.source.parts.forEach((part, i) => {
        if (c.obj(part, `source.parts[${i}]`)) {
          c.str(part.key, `source.parts[${i}].key`);
          c.str(part.raw, `source.parts[${i}].raw`);
          c.str(part.sig, `source.parts[${i}].sig`);
        }
      });
    }
  }
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: input as unknown as ApplicationRecord };
}

/**
 * Migrations: `MIGRATIONS[n]` lifts a schema-n record to schema n+1. Schema 1 is the first; the table is
 * where schema 2 will go, and `parseRecord` runs whatever applies.
 */
const MIGRATIONS: Record<number, (r: Record<string, unknown>) => Record<string, unknown>> = {};

/** Migrates a record of any known schema to the current one (no validation). */
export function migrateRecord(input: Record<string, unknown>): Record<string, unknown> {
  let r = input;
  let schema = typeof r.schema === 'number' ? r.schema : NaN;
  while (schema < RECORD_SCHEMA && MIGRATIONS[schema]) {
    r = MIGRATIONS[schema](r);
    schema = r.schema as number;
  }
  return r;
}

/** Migrates then validates a JSON value: the one way external data becomes a record. */
export function parseRecord(input: unknown): Validation<ApplicationRecord> {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const schema = (input as Record<string, unknown>).schema;
    if (typeof schema === 'number' && schema > RECORD_SCHEMA) {
      return {
        ok: false,
        errors: [`schema: ${schema} is newer than this version of Jobnote understands (${RECORD_SCHEMA})`],
      };
    }
    return validateRecord(migrateRecord(input as Record<string, unknown>));
  }
  return validateRecord(input);
}

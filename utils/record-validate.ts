/**
 * Runtime validation of records and postings, and record migrations. Every JSON that enters Jobnote
 * (imports, backups, messages, database rows) goes through here; closed lists are checked against the one
 * array each is defined by (utils/record.ts, utils/boards.ts).
 *
 * Plain TypeScript, no browser API.
 */
import { isObject, isOneOf, isValidIso, type Json } from './basics';
import { POSTING_BOARDS } from './boards';
import {
  ANSWER_STYLES,
  DATE_FORMATS,
  FIELD_SOURCES,
  LABEL_CASES,
  OUTCOME_KINDS,
  QUESTION_STYLES,
  RECORD_SCHEMA,
  SOURCE_FORMATS,
  STAGE_KINDS,
  type ApplicationRecord,
  type Posting,
} from './record';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

class Checker {
  errors: string[] = [];
  fail(path: string, what: string) {
    if (this.errors.length < 50) this.errors.push(`${path || 'record'}: ${what}`);
  }
  obj(v: unknown, path: string): v is Json {
    if (!isObject(v)) {
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
    if (this.arr(v, path)) for (const [i, x] of v.entries()) this.str(x, `${path}[${i}]`);
  }
  oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string) {
    if (!isOneOf(allowed, v)) {
      this.fail(path, `expected one of ${allowed.join(', ')}`);
    }
  }
  day(v: unknown, path: string) {
    if (v === null) return;
    if (typeof v !== 'string' || !isValidIso(v)) this.fail(path, 'expected a date YYYY-MM-DD or null');
  }
  /** A string id not seen before among `ids` (stages, rounds, questions: each unique within the record). */
  uniqueId(v: unknown, path: string, ids: Set<string>) {
    if (!this.str(v, path)) return;
    const id = v as string;
    if (ids.has(id)) this.fail(path, `duplicate id ${id}`);
    ids.add(id);
  }
}

function checkStage(c: Checker, s: unknown, p: string, ids: Set<string>) {
  if (!c.obj(s, p)) return;
  c.uniqueId(s.id, `${p}.id`, ids);
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
  c.uniqueId(q.id, `${p}.id`, ids);
  c.str(q.text, `${p}.text`);
  c.strArr(q.followUps, `${p}.followUps`);
  c.strArr(q.answers, `${p}.answers`);
  c.strArr(q.answerLabels, `${p}.answerLabels`);
  if (Array.isArray(q.answers) && Array.isArray(q.answerLabels) && q.answers.length !== q.answerLabels.length) {
    c.fail(`${p}.answerLabels`, 'must have one label per answer');
  }
  c.str(q.notes, `${p}.notes`);
  c.str(q.after, `${p}.after`);
  c.oneOf(q.style, QUESTION_STYLES, `${p}.style`);
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
  c.oneOf(v.board, POSTING_BOARDS, `${p}.board`);
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
    for (const [k, s] of Object.entries(v.sources)) c.oneOf(s, FIELD_SOURCES, `${p}.sources.${k}`);
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
  if (c.arr(r.stages, 'stages')) for (const [i, s] of r.stages.entries()) checkStage(c, s, `stages[${i}]`, stageIds);
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
      c.uniqueId(round.id, `${p}.id`, roundIds);
      c.str(round.title, `${p}.title`);
      if (round.stageId !== null && c.str(round.stageId, `${p}.stageId`) && !stageIds.has(round.stageId as string)) {
        c.fail(`${p}.stageId`, `no stage ${String(round.stageId)}`);
      }
      c.str(round.intro, `${p}.intro`);
      c.str(round.outro, `${p}.outro`);
      if (c.arr(round.questions, `${p}.questions`)) {
        for (const [j, q] of round.questions.entries()) checkQuestion(c, q, `${p}.questions[${j}]`, questionIds);
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
    c.oneOf(e.answerStyle, ANSWER_STYLES, 'exportPrefs.answerStyle');
    c.oneOf(e.labelCase, LABEL_CASES, 'exportPrefs.labelCase');
    c.bool(e.celebrate, 'exportPrefs.celebrate');
  }
  if (r.source !== null && c.obj(r.source, 'source')) {
    c.oneOf(r.source.format, SOURCE_FORMATS, 'source.format');
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
const MIGRATIONS: Record<number, (r: Json) => Json> = {};

/** Migrates a record of any known schema to the current one (no validation). */
export function migrateRecord(input: Json): Json {
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
  if (isObject(input)) {
    const schema = input.schema;
    if (typeof schema === 'number' && schema > RECORD_SCHEMA) {
      return {
        ok: false,
        errors: [`schema: ${schema} is newer than this version of Jobnote understands (${RECORD_SCHEMA})`],
      };
    }
    return validateRecord(migrateRecord(input));
  }
  return validateRecord(input);
}

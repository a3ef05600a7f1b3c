/**
 * Runtime validation of records and postings, and record migrations. Every JSON that enters Jobnote
 * (imports, backups, messages, database rows) goes through here; closed lists are checked against the one
 * array each is defined by (utils/record.ts, utils/boards.ts).
 *
 * The value returned is built from the known fields only, each read and checked on its own: a key the
 * record format does not define (`__proto__`, `constructor`, a field from another tool) is dropped, never
 * kept and written back out. URLs stored as links (websites, task links, the posting's address) are
 * http(s) only (see `linkUrlProblem`).
 *
 * Plain TypeScript, no browser API.
 */
import { isObject, isOneOf, isValidIso, type Json } from './basics';
import { POSTING_BOARDS, type PostingBoard } from './boards';
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
  type AnswerLayout,
  type ApplicationRecord,
  type FieldSource,
  type Link,
  type Outcome,
  type PlannedStage,
  type Posting,
  type Question,
  type Round,
  type SourceLayout,
  type Stage,
  type Task,
} from './record';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * Why `url` may not be stored as a link, or null when it may: an http(s) URL, or a reference without a
 * scheme (a bare host `snapp.ir`, a relative `./task.pdf`, as real entries write them). Any other scheme
 * (`javascript:`, `data:`, `vbscript:`, `file:`) is refused, also when it is hidden the ways markdown and
 * browsers undo: upper case, tabs, newlines or control characters inside, backslash escapes, `&colon;` or
 * `&#58;` entities.
 */
export function linkUrlProblem(url: string): string | null {
  const plain = url
    .replace(/[\p{Cc}\p{Cf}\s\\]/gu, '')
    .replace(/&colon;?|&#0*58;?|&#x0*3a;?/gi, ':')
    .toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(plain)?.[1];
  return scheme === undefined || scheme === 'http' || scheme === 'https' ? null : `"${scheme}:" links are not allowed`;
}

/** Fields a posting's `sources` may name: plain identifiers, none an `Object.prototype` property. */
const isSourceKey = (k: string) => /^[A-Za-z]\w*$/.test(k) && !(k in Object.prototype) && k !== 'prototype';

/**
 * Reads one value after another, collecting what is wrong; every method returns the value read (typed as
 * what it should be), which the caller only uses when nothing was wrong.
 */
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
  /** The object `read` builds from `v`'s known fields (nothing usable, and an error, when `v` is no object). */
  fields<T>(v: unknown, path: string, read: (o: Json) => T): T {
    return this.obj(v, path) ? read(v) : (undefined as T);
  }
  str(v: unknown, path: string): string {
    if (typeof v !== 'string') this.fail(path, 'expected a string');
    return v as string;
  }
  strOrNull(v: unknown, path: string): string | null {
    return v === null ? null : this.str(v, path);
  }
  num(v: unknown, path: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(path, 'expected a number');
    return v as number;
  }
  numOrNull(v: unknown, path: string): number | null {
    return v === null ? null : this.num(v, path);
  }
  bool(v: unknown, path: string): boolean {
    if (typeof v !== 'boolean') this.fail(path, 'expected true or false');
    return v as boolean;
  }
  /** Each item read by `item`, into a new list. */
  list<T>(v: unknown, path: string, item: (x: unknown, path: string) => T): T[] {
    if (!Array.isArray(v)) {
      this.fail(path, 'expected a list');
      return [];
    }
    return v.map((x, i) => item(x, `${path}[${i}]`));
  }
  strArr(v: unknown, path: string): string[] {
    return this.list(v, path, (x, p) => this.str(x, p));
  }
  oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
    if (!isOneOf(allowed, v)) this.fail(path, `expected one of ${allowed.join(', ')}`);
    return v as T;
  }
  day(v: unknown, path: string): string | null {
    if (v !== null && (typeof v !== 'string' || !isValidIso(v))) this.fail(path, 'expected a date YYYY-MM-DD or null');
    return v as string | null;
  }
  /** A link URL (see `linkUrlProblem`); `absolute`: an http(s) URL with a host, nothing relative. */
  url(v: unknown, path: string, absolute = false): string {
    const s = this.str(v, path);
    if (typeof s !== 'string') return s;
    const problem = absolute && !/^https?:\/\/[^/?#\s]/i.test(s) ? 'expected an http(s) URL' : linkUrlProblem(s);
    if (problem) this.fail(path, problem);
    return s;
  }
  urlOrNull(v: unknown, path: string): string | null {
    return v === null ? null : this.url(v, path);
  }
  /** A string id not seen before among `ids` (stages, rounds, questions: each unique within the record). */
  uniqueId(v: unknown, path: string, ids: Set<string>): string {
    const id = this.str(v, path);
    if (typeof id === 'string') {
      if (ids.has(id)) this.fail(path, `duplicate id ${id}`);
      ids.add(id);
    }
    return id;
  }
  /** A stage id that is in `ids`, or null. */
  stageRef(v: unknown, path: string, ids: Set<string>): string | null {
    const id = this.strOrNull(v, path);
    if (typeof id === 'string' && !ids.has(id)) this.fail(path, `no stage ${id}`);
    return id;
  }
}

function readStage(c: Checker, v: unknown, p: string, ids: Set<string>): Stage {
  return c.fields(v, p, (s) => ({
    id: c.uniqueId(s.id, `${p}.id`, ids),
    kind: c.oneOf(s.kind, STAGE_KINDS, `${p}.kind`),
    label: c.str(s.label, `${p}.label`),
    date: c.day(s.date, `${p}.date`),
    dateText: c.strOrNull(s.dateText, `${p}.dateText`),
    time: c.strOrNull(s.time, `${p}.time`),
    note: c.strOrNull(s.note, `${p}.note`),
    duration: c.strOrNull(s.duration, `${p}.duration`),
    durationMinutes: c.numOrNull(s.durationMinutes, `${p}.durationMinutes`),
    durationLabel: c.strOrNull(s.durationLabel, `${p}.durationLabel`),
    diagramLabel: c.strOrNull(s.diagramLabel, `${p}.diagramLabel`),
    platform: c.strOrNull(s.platform, `${p}.platform`),
  }));
}

function readLayout(c: Checker, v: unknown, p: string): AnswerLayout {
  return c.fields(v, p, (l) => {
    const indent = c.num(l.indent, `${p}.indent`);
    if (typeof indent === 'number' && (!Number.isInteger(indent) || indent < 0 || indent > 12))
      c.fail(`${p}.indent`, 'expected a whole number of spaces from 0 to 12');
    const close = c.str(l.close, `${p}.close`);
    if (typeof close === 'string' && /[\n<](?!\/?br\b)/.test(close))
      c.fail(`${p}.close`, 'expected nothing or a <br /> spacer');
    return { indent, gap: c.bool(l.gap, `${p}.gap`), divBlank: c.bool(l.divBlank, `${p}.divBlank`), close };
  });
}

function readQuestion(c: Checker, v: unknown, p: string, ids: Set<string>): Question {
  return c.fields(v, p, (q) => {
    const out: Question = {
      id: c.uniqueId(q.id, `${p}.id`, ids),
      text: c.str(q.text, `${p}.text`),
      followUps: c.strArr(q.followUps, `${p}.followUps`),
      answers: c.strArr(q.answers, `${p}.answers`),
      answerLabels: c.strArr(q.answerLabels, `${p}.answerLabels`),
      notes: c.str(q.notes, `${p}.notes`),
      after: c.str(q.after, `${p}.after`),
      style: c.oneOf(q.style, QUESTION_STYLES, `${p}.style`),
    };
    if (Array.isArray(q.answers) && Array.isArray(q.answerLabels) && q.answers.length !== q.answerLabels.length) {
      c.fail(`${p}.answerLabels`, 'must have one label per answer');
    }
    if (q.layout === null) out.layout = null;
    else if (q.layout !== undefined) out.layout = readLayout(c, q.layout, `${p}.layout`);
    return out;
  });
}

function readRound(
  c: Checker,
  v: unknown,
  p: string,
  ids: { stages: Set<string>; rounds: Set<string>; questions: Set<string> },
): Round {
  return c.fields(v, p, (r) => ({
    id: c.uniqueId(r.id, `${p}.id`, ids.rounds),
    title: c.str(r.title, `${p}.title`),
    stageId: c.stageRef(r.stageId, `${p}.stageId`, ids.stages),
    intro: c.str(r.intro, `${p}.intro`),
    questions: c.list(r.questions, `${p}.questions`, (q, qp) => readQuestion(c, q, qp, ids.questions)),
    outro: c.str(r.outro, `${p}.outro`),
  }));
}

function readOutcome(c: Checker, v: unknown, stageIds: Set<string>): Outcome {
  return c.fields(v, 'outcome', (o) => ({
    kind: c.oneOf(o.kind, OUTCOME_KINDS, 'outcome.kind'),
    afterStageId: c.stageRef(o.afterStageId, 'outcome.afterStageId', stageIds),
    remaining:
      o.remaining === null
        ? null
        : c.list(o.remaining, 'outcome.remaining', (x, p) =>
            c.fields(
              x,
              p,
              (s): PlannedStage => ({
                kind: c.oneOf(s.kind, STAGE_KINDS, `${p}.kind`),
                label: c.str(s.label, `${p}.label`),
              }),
            ),
          ),
  }));
}

function readTask(c: Checker, v: unknown): Task | null {
  if (v === null) return null;
  return c.fields(v, 'task', (t) => ({
    text: c.str(t.text, 'task.text'),
    links: c.list(t.links, 'task.links', (x, p) =>
      c.fields(x, p, (l): Link => ({ text: c.str(l.text, `${p}.text`), url: c.url(l.url, `${p}.url`) })),
    ),
    duration: c.strOrNull(t.duration, 'task.duration'),
  }));
}

function readSource(c: Checker, v: unknown): SourceLayout | null {
  if (v === null) return null;
  return c.fields(v, 'source', (s) => {
    const out: SourceLayout = {
      format: c.oneOf(s.format, SOURCE_FORMATS, 'source.format'),
      parts: c.list(s.parts, 'source.parts', (x, p) =>
        c.fields(x, p, (part) => ({
          key: c.str(part.key, `${p}.key`),
          raw: c.str(part.raw, `${p}.raw`),
          sig: c.str(part.sig, `${p}.sig`),
        })),
      ),
    };
    if (s.file !== undefined) out.file = c.str(s.file, 'source.file');
    return out;
  });
}

function readPosting(c: Checker, v: unknown, p: string): Posting | null {
  if (v === null) return null;
  return c.fields(v, p, (o) => {
    const sources: Record<string, FieldSource> = {};
    if (c.obj(o.sources, `${p}.sources`)) {
      for (const [k, s] of Object.entries(o.sources)) {
        if (isSourceKey(k)) sources[k] = c.oneOf(s, FIELD_SOURCES, `${p}.sources.${k}`);
      }
    }
    return {
      board: c.oneOf<PostingBoard>(o.board, POSTING_BOARDS, `${p}.board`),
      url: c.url(o.url, `${p}.url`, true),
      jobId: c.strOrNull(o.jobId, `${p}.jobId`),
      title: c.strOrNull(o.title, `${p}.title`),
      company: c.fields(o.company, `${p}.company`, (co) => ({
        name: c.strOrNull(co.name, `${p}.company.name`),
        nameEn: c.strOrNull(co.nameEn, `${p}.company.nameEn`),
        website: c.urlOrNull(co.website, `${p}.company.website`),
      })),
      location: c.strOrNull(o.location, `${p}.location`),
      employmentType: c.strOrNull(o.employmentType, `${p}.employmentType`),
      seniority: c.strOrNull(o.seniority, `${p}.seniority`),
      salary: c.strOrNull(o.salary, `${p}.salary`),
      skills: c.strArr(o.skills, `${p}.skills`),
      description: c.strOrNull(o.description, `${p}.description`),
      postedAt: c.day(o.postedAt, `${p}.postedAt`),
      clippedAt: c.str(o.clippedAt, `${p}.clippedAt`),
      sources,
      notes: c.strArr(o.notes, `${p}.notes`),
    };
  });
}

function readRevision(c: Checker, v: unknown): number {
  const n = c.num(v, 'revision');
  if (typeof n === 'number' && (!Number.isInteger(n) || n < 0)) c.fail('revision', 'expected a whole number ≥ 0');
  return n;
}

function readScore(c: Checker, v: unknown): number | null {
  const s = c.numOrNull(v, 'score');
  if (typeof s === 'number' && (s < 0 || s > 10 || Math.round(s * 2) !== s * 2)) {
    c.fail('score', 'expected 0 to 10 in steps of 0.5');
  }
  return s;
}

const result = <T>(c: Checker, value: T): Validation<T> =>
  c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value };

/** Checks a posting on its own (what the content script sends back is untrusted input); its known fields only. */
export function validatePosting(input: unknown): Validation<Posting> {
  const c = new Checker();
  if (input === null) c.fail('posting', 'expected an object');
  return result(c, readPosting(c, input, 'posting') as Posting);
}

/**
 * Checks that `input` is a well-formed current-schema record, and returns it built from its known fields
 * only. Does not migrate: see `parseRecord`.
 */
export function validateRecord(input: unknown): Validation<ApplicationRecord> {
  const c = new Checker();
  if (!c.obj(input, '')) return { ok: false, errors: c.errors };
  const r = input;
  if (r.schema !== RECORD_SCHEMA) c.fail('schema', `expected ${RECORD_SCHEMA}, got ${JSON.stringify(r.schema)}`);
  const id = c.str(r.id, 'id');
  if (id === '') c.fail('id', 'must not be empty');
  const ids = { stages: new Set<string>(), rounds: new Set<string>(), questions: new Set<string>() };
  const head = {
    schema: RECORD_SCHEMA,
    id,
    createdAt: c.str(r.createdAt, 'createdAt'),
    updatedAt: c.str(r.updatedAt, 'updatedAt'),
    revision: readRevision(c, r.revision),
    company: c.fields(r.company, 'company', (co) => ({
      name: c.str(co.name, 'company.name'),
      website: c.url(co.website, 'company.website'),
    })),
    role: c.strOrNull(r.role, 'role'),
    applyWays: c.strArr(r.applyWays, 'applyWays'),
    platform: c.strOrNull(r.platform, 'platform'),
    stages: c.list(r.stages, 'stages', (s, p) => readStage(c, s, p, ids.stages)),
  };
  const record: ApplicationRecord = {
    ...head,
    outcome: readOutcome(c, r.outcome, ids.stages),
    rounds: c.list(r.rounds, 'rounds', (x, p) => readRound(c, x, p, ids)),
    task: readTask(c, r.task),
    score: readScore(c, r.score),
    review: c.str(r.review, 'review'),
    posting: readPosting(c, r.posting, 'posting'),
    exportPrefs: c.fields(r.exportPrefs, 'exportPrefs', (e) => ({
      dateFormat: c.oneOf(e.dateFormat, DATE_FORMATS, 'exportPrefs.dateFormat'),
      answerStyle: c.oneOf(e.answerStyle, ANSWER_STYLES, 'exportPrefs.answerStyle'),
      labelCase: c.oneOf(e.labelCase, LABEL_CASES, 'exportPrefs.labelCase'),
      celebrate: c.bool(e.celebrate, 'exportPrefs.celebrate'),
    })),
    source: readSource(c, r.source),
  };
  return result(c, record);
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

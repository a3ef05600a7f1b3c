/**
 * Backups: the JSON file the dashboard exports and imports.
 *
 * Plain TypeScript, no browser API. `parseBackup` is the one way a backup file becomes records: it accepts
 * a backup object (`makeBackup`'s output), a bare array of records, or a single record (as `jobnote import`
 * prints it), and checks every record with `parseRecord` (which migrates older schemas first).
 */

import { isObject } from './basics';
import { decodeText, repairMojibake } from './encoding';
import { importEntry } from './jobname/import';
import { entryFileFromName } from './jobname/export';
import type { ApplicationRecord } from './record';
import { parseRecord } from './record-validate';
import type { DamagedRow } from './repository';

export const BACKUP_FORMAT = 'jobnote-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO timestamp of the export. */
  exportedAt: string;
  records: ApplicationRecord[];
  /** Stored rows that did not parse, raw, with the reason (only when there are some). */
  damaged?: DamagedRow[];
}

export type BackupParse =
  | { ok: true; records: ApplicationRecord[]; damaged: DamagedRow[] }
  | { ok: false; errors: string[] };

/** How many error lines `parseBackup` reports at most (a broken file can have thousands). */
export const MAX_BACKUP_ERRORS = 50;

export function makeBackup(
  records: readonly ApplicationRecord[],
  now: Date = new Date(),
  damaged: readonly DamagedRow[] = [],
): Backup {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    records: [...records],
  };
  if (damaged.length) backup.damaged = damaged.map((d) => ({ ...d }));
  return backup;
}

/**
 * A backup's `damaged` list: each entry kept raw with a fresh reason, or a record when it reads now (a newer
 * Jobnote understands a newer schema). Errors only for entries that are not `{id, reason, row}`. Yields after
 * each entry.
 */
function* readDamaged(
  list: unknown,
  errors: string[],
): Generator<void, { records: ApplicationRecord[]; damaged: DamagedRow[] }> {
  const out = { records: [] as ApplicationRecord[], damaged: [] as DamagedRow[] };
  if (list === undefined) return out;
  if (!Array.isArray(list)) {
    errors.push('damaged: expected a list');
    return out;
  }
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (!isObject(item) || typeof item.id !== 'string' || !item.id || !isObject(item.row)) {
      errors.push(`damaged[${i}]: expected {id, reason, row} with a row object`);
    } else {
      const r = parseRecord({ ...item.row, id: item.id });
      if (r.ok) out.records.push(r.value);
      else out.damaged.push({ id: item.id, reason: r.errors.join('; '), row: item.row });
    }
    yield;
  }
  return out;
}

/**
 * `records[2]` + `stages[0].date: …` → `records[2].stages[0].date: …`; the checker's bare `record: …` →
 * `records[2]: …`.
 */
function prefixError(prefix: string, error: string): string {
  if (error.startsWith('record:')) return prefix + error.slice('record'.length);
  return `${prefix}.${error}`;
}

/** Runs steps to their end at once. */
function runAll<R>(steps: Generator<unknown, R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Validates a parsed JSON value as a backup; all-or-nothing: any bad record makes the whole backup fail. */
export function parseBackup(json: unknown): BackupParse {
  return runAll(backupChecks(json));
}

/** How many steps `backupChecks` takes for `json`: its records and damaged rows (a single record is one). */
function backupItems(json: unknown): number {
  if (Array.isArray(json)) return json.length;
  if (!isObject(json)) return 0;
  if (!('format' in json)) return 1;
  return (
    (Array.isArray(json.records) ? json.records.length : 0) + (Array.isArray(json.damaged) ? json.damaged.length : 0)
  );
}

/** `parseBackup`, yielding after each record and damaged row checked (see `parseImportFilesSliced`). */
function* backupChecks(json: unknown): Generator<void, BackupParse> {
  let list: unknown[];
  let damagedList: unknown;
  if (Array.isArray(json)) {
    list = json;
  } else if (isObject(json) && 'format' in json) {
    if (json.format !== BACKUP_FORMAT) {
      return { ok: false, errors: [`format: expected "${BACKUP_FORMAT}", got ${JSON.stringify(json.format)}`] };
    }
    if (typeof json.version !== 'number' || !Number.isInteger(json.version)) {
      return { ok: false, errors: ['version: expected a whole number'] };
    }
    if (json.version > BACKUP_VERSION) {
      return {
        ok: false,
        errors: [`version: ${json.version} is newer than this version of Jobnote understands (${BACKUP_VERSION})`],
      };
    }
    if (!Array.isArray(json.records)) return { ok: false, errors: ['records: expected a list'] };
    list = json.records;
    damagedList = json.damaged;
  } else if (isObject(json)) {
    // A single record, as `jobnote import` prints it.
    const r = parseRecord(json);
    return r.ok
      ? { ok: true, records: [r.value], damaged: [] }
      : { ok: false, errors: r.errors.slice(0, MAX_BACKUP_ERRORS) };
  } else {
    return { ok: false, errors: ['expected a Jobnote backup, a list of records or a single record'] };
  }

  const errors: string[] = [];
  const records: ApplicationRecord[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const r = parseRecord(list[i]);
    if (!r.ok) {
      for (const e of r.errors) errors.push(prefixError(`records[${i}]`, e));
    } else {
      const first = seen.get(r.value.id);
      if (first !== undefined) {
        errors.push(`records[${i}].id: duplicate id ${r.value.id} (also records[${first}])`);
      } else {
        seen.set(r.value.id, i);
        records.push(r.value);
      }
    }
    yield;
  }
  const kept = yield* readDamaged(damagedList, errors);
  const ids = new Set(seen.keys());
  for (const { id } of [...kept.records, ...kept.damaged]) {
    if (ids.has(id)) errors.push(`damaged: duplicate id ${id} (also in records or damaged)`);
    ids.add(id);
  }
  records.push(...kept.records);
  if (errors.length) {
    const shown = errors.slice(0, MAX_BACKUP_ERRORS);
    if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more`);
    return { ok: false, errors: shown };
  }
  return { ok: true, records, damaged: kept.damaged };
}

/** A file's JSON, or the syntax error as a validation error. */
function readJson(text: string): { ok: true; json: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** What the dashboard's import says of an entry `repairMojibake` put back. */
export const REPAIRED_MESSAGE =
  'the text was UTF-8 read as Windows-1252 (such as "ðŸ“œ" for 📜) and has been repaired: check it, and re-save the file as UTF-8';

/** A file to import: its text, or its bytes as read from disk (decoded by `decodeText`, utils/encoding.ts). */
export type ImportFile = { name: string; text: string } | { name: string; bytes: Uint8Array };

export type ImportFilesResult =
  | { ok: true; records: ApplicationRecord[]; damaged: DamagedRow[]; warnings: string[] }
  | { ok: false; errors: string[] };

/** How far an import is: files read (decoded, JSON parsed), then records checked. */
export interface ImportProgress {
  phase: 'reading' | 'checking';
  done: number;
  total: number;
}

/** What `importSteps` holds of a file once read: a jobname entry's text or a file's JSON. */
type ReadFile = { name: string; md: string } | { name: string; json: unknown };

export interface SliceOptions {
  /**
   * Awaited between slices of the work, so the page renders and takes input: the caller's scheduler (a
   * `setTimeout(0)`-like task; utils/ has no browser API).
   */
  yieldNow: () => Promise<void>;
  /** Told how far the work is at each slice's end (and when a phase starts). */
  onProgress?: (progress: ImportProgress) => void;
  /** How long a slice works before it yields, ms; default 25. */
  sliceMs?: number;
  /** The clock; default `Date.now`. */
  now?: () => number;
}

/**
 * What the dashboard's import reads: JSON backups/records and jobname markdown entries (`.md`), several at
 * once. Everything is read and checked before anything is stored (every record returned is `parseRecord`'s
 * output, unchanged since); entry warnings are reported, not fatal.
 * In slices: it yields (`yieldNow`) whenever a slice has worked `sliceMs`, between two files read or two
 * records checked, and says how far it is.
 */
export async function parseImportFilesSliced(
  files: readonly ImportFile[],
  { yieldNow, onProgress, sliceMs = 25, now = Date.now }: SliceOptions,
): Promise<ImportFilesResult> {
  const steps = importSteps(files);
  let phase: ImportProgress['phase'] | null = null;
  let since = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (next.value.phase !== phase || now() - since >= sliceMs) {
      phase = next.value.phase;
      onProgress?.(next.value);
      await yieldNow();
      since = now();
    }
  }
}

/** The import's work, one step per file read and per record checked (errors kept in the order of the files). */
function* importSteps(files: readonly ImportFile[]): Generator<ImportProgress, ImportFilesResult> {
  const records: ApplicationRecord[] = [];
  const damaged: DamagedRow[] = [];
  const warnings: string[] = [];
  const errors: string[][] = files.map(() => []);
  const read: (ReadFile | null)[] = [];
  for (const [i, file] of files.entries()) {
    const decoded = 'bytes' in file ? decodeText(file.bytes) : { text: file.text };
    if ('error' in decoded) {
      errors[i]!.push(`${file.name}: cannot be read: ${decoded.error}`);
      read.push(null);
    } else if (/\.(md|markdown|txt)$/i.test(file.name)) {
      read.push({ name: file.name, md: decoded.text });
    } else {
      const json = readJson(decoded.text);
      if (!json.ok) errors[i]!.push(`${file.name}: ${json.error}`);
      read.push(json.ok ? { name: file.name, json: json.json } : null);
    }
    yield { phase: 'reading', done: i + 1, total: files.length };
  }

  const total = read.reduce((n, f) => n + (f === null ? 0 : 'md' in f ? 1 : backupItems(f.json)), 0);
  let done = 0;
  for (const [i, f] of read.entries()) {
    if (f === null) continue;
    if ('md' in f) {
      // UTF-8 that went through Windows-1252 on its way here is read as the UTF-8 it was, and said so.
      const repaired = repairMojibake(f.md);
      if (repaired !== null) warnings.push(`${f.name}: ${REPAIRED_MESSAGE}`);
      const { record, warnings: w, recognized } = importEntry(repaired ?? f.md);
      if (!recognized) {
        errors[i]!.push(`${f.name}: not a jobname entry (no "# [Company](url)" heading and no known section)`);
      } else {
        for (const x of w) warnings.push(`${f.name}:${x.line}: ${x.message}`);
        // Exported again under the name and folder it came with.
        const file = entryFileFromName(f.name);
        if (record.source && file) record.source.file = file;
        // Through the validator like every record read (what this returns is stored as it is).
        const checked = parseRecord(record);
        if (checked.ok) records.push(checked.value);
        else errors[i]!.push(...checked.errors.map((e) => `${f.name}: ${e}`));
      }
      yield { phase: 'checking', done: ++done, total };
      continue;
    }
    const checks = backupChecks(f.json);
    let parsed: BackupParse;
    for (;;) {
      const next = checks.next();
      if (next.done) {
        parsed = next.value;
        break;
      }
      yield { phase: 'checking', done: ++done, total };
    }
    if (parsed.ok) {
      records.push(...parsed.records);
      damaged.push(...parsed.damaged);
    } else errors[i]!.push(...parsed.errors.map((e) => `${f.name}: ${e}`));
  }
  const all = errors.flat();
  const ids = new Set<string>();
  for (const r of [...records, ...damaged]) {
    const name = 'company' in r ? r.company.name || r.id : r.id;
    if (ids.has(r.id)) all.push(`${name}: the same application (id ${r.id}) is in two files`);
    ids.add(r.id);
  }
  return all.length ? { ok: false, errors: all } : { ok: true, records, damaged, warnings };
}

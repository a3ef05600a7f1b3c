/**
 * `jobnote`: the command line side of Jobnote (run it with `npm run -s jobnote -- <command>`).
 *
 *   import [--out-dir DIR] [--repair-encoding] FILE.md...  entry → record JSON
 *   export [--out-dir DIR] [--date-format F] FILE.json...  record JSON → entry
 *   lint [--repair-encoding] FILE.md...                    errors and warnings with file:line
 *   scrape FILE.html --url URL                             a saved posting page → posting JSON
 *
 * Exit codes: 0 done, 1 lint found errors, 2 bad input or usage (one line naming the file and the reason,
 * and nothing written). A closed stdout (`| head`) ends the run quietly with 0.
 *
 * An entry that went through a wrong decoding (UTF-8 read as Windows-1252: `ðŸ“œ` for 📜) is named in one
 * message that offers `--repair-encoding`: import then reads the UTF-8 it was, lint rewrites the file as it.
 */
import { randomBytes } from 'node:crypto';
import {
  type Stats,
  closeSync,
  constants,
  copyFileSync,
  fchmodSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { isOneOf } from '../utils/basics';
import { parseBackup, REPAIRED_MESSAGE } from '../utils/backup';
import { decodeText, MOJIBAKE_MESSAGE, mojibakeMessage, repairMojibake } from '../utils/encoding';
import { DATE_FORMATS, type ApplicationRecord, type DateFormat } from '../utils/record';
import { exportEntry } from '../utils/jobname/export';
import { importEntry } from '../utils/jobname/import';
import { lintEntry } from '../utils/jobname/lint';
import { extractPosting, readableHtml, scrapeJson } from '../utils/clip/extract';
import { mermaidValidator } from './mermaid-node';

export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

export interface Io {
  /** Writes exactly `s` to standard output. */
  out: (s: string) => void;
  /** Writes one line to standard error. */
  err: (s: string) => void;
}

const USAGE = `Usage: npm run -s jobnote -- <command> [options] FILE...

Commands:
  import [--out-dir DIR] [--repair-encoding] FILE.md...
                                          Read jobname entries; print the record JSON (one file)
                                          or write DIR/<name>.json. An entry that is UTF-8 read as
                                          Windows-1252 ("ðŸ“œ" for 📜) is refused, or with --repair-encoding
                                          read as the UTF-8 it was (the file is left as it is)
  export [--out-dir DIR] [--date-format jalali-dot|jalali-slash|gregorian] FILE.json...
                                          Write the jobname entry of each record JSON, to stdout or DIR/<name>.md
  lint [--repair-encoding] FILE.md...     Check entries; prints file:line: error|warning: message; exit 1 on errors.
                                          With --repair-encoding, an entry that is UTF-8 read as Windows-1252
                                          is rewritten in place as the UTF-8 it was, then checked
  scrape FILE.html --url URL              Read a saved job posting page as the extension's clipper does; print JSON
  help                                    This text

Exit codes: 0 ok, 1 lint errors, 2 bad input or usage.`;

/** `n` and the noun, plural unless n is 1: "1 error", "2 files". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

interface Args {
  files: string[];
  outDir: string | null;
  dateFormat: DateFormat | undefined;
  url: string | null;
  repairEncoding: boolean;
}

/** What mojibake's one message offers in each command (`mojibakeMessage`, utils/encoding.ts). */
const REPAIR_OFFER = {
  import: 'run again with --repair-encoding to import the repaired text',
  lint: 'run lint with --repair-encoding to rewrite the file as the UTF-8 it was',
};

/**
 * `npm run` starts scripts in the package folder; INIT_CWD is where the user typed the command, so relative
 * paths are resolved from there.
 */
export function userPath(p: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

function parseArgs(argv: string[], allowed: string[]): Args {
  const args: Args = { files: [], outDir: null, dateFormat: undefined, url: null, repairEncoding: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') ? a.split(/=(.*)/s, 2) : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new CliError(`${flag} needs a value`);
      return v;
    };
    if (!flag.startsWith('--') || flag === '--') {
      if (flag !== '--') args.files.push(a);
      continue;
    }
    if (!allowed.includes(flag)) throw new CliError(`unknown option ${flag} (see: npm run -s jobnote -- help)`);
    if (flag === '--repair-encoding') {
      if (inline !== undefined) throw new CliError('--repair-encoding takes no value');
      args.repairEncoding = true;
    } else if (flag === '--out-dir') args.outDir = value();
    else if (flag === '--url') args.url = value();
    else if (flag === '--date-format') {
      const v = value();
      if (!isOneOf(DATE_FORMATS, v))
        throw new CliError(`--date-format must be one of ${DATE_FORMATS.join(', ')}, not "${v}"`);
      args.dateFormat = v;
    }
  }
  return args;
}

/** Why a file operation failed, in words: "no such file", "is a directory"… */
function reason(e: unknown): string {
  if (e instanceof CliError) return e.message;
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'a folder on the path is a file',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
    ENXIO: 'not a regular file (a socket or a device)',
  };
  return (code && words[code]) ?? (e as Error).message;
}

/** What a file that is not a regular file is, for the one-line refusal. */
function kind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

/**
 * The bytes of a regular file. Anything else is refused before a byte is read: a FIFO waits for a writer,
 * `/dev/zero` never ends. The type is checked on the open descriptor (no window between a stat and the read),
 * and O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer.
 */
function readBytes(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(userPath(file), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new CliError(`${file}: ${reason(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new CliError('is a directory');
    if (!st.isFile()) throw new CliError(`not a regular file (${kind(st)})`);
    return readFileSync(fd);
  } catch (e) {
    throw new CliError(`${file}: ${reason(e)}`);
  } finally {
    closeSync(fd);
  }
}

function readText(file: string): string {
  const bytes = readBytes(file);
  const decoded = decodeText(bytes);
  if ('error' in decoded) throw new CliError(`${file}: cannot be read: ${decoded.error}`);
  return decoded.text;
}

interface Staged {
  /** The target as the user would write it (`out/a.json`), for messages. */
  shown: string;
  path: string;
  tmp: string;
  /** A second name for the file the rename replaces (a hard link, or a copy), kept until every rename is done. */
  old: string | null;
  renamed: boolean;
}

/** The file at `path` under a second name, so it can be put back; null when there is none. */
function keepOld(s: Staged, tag: string): string | null {
  let st: Stats;
  try {
    st = lstatSync(s.path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (st.isDirectory()) throw new CliError('is a directory');
  const old = `${s.path}.${tag}.old`;
  try {
    linkSync(s.path, old);
  } catch {
    // No hard links here (some file systems): a copy then.
    try {
      copyFileSync(s.path, old, constants.COPYFILE_EXCL);
    } catch (e) {
      rmSync(old, { force: true });
      throw e;
    }
  }
  return old;
}

/** Puts the folder back as it was: temporary files removed, replaced files restored. What could not be undone. */
function rollBack(staged: Staged[]): string[] {
  const failed: string[] = [];
  for (const s of [...staged].reverse()) {
    try {
      if (s.renamed && s.old) renameSync(s.old, s.path);
      else if (s.renamed) unlinkSync(s.path);
      else {
        rmSync(s.tmp, { force: true });
        if (s.old) rmSync(s.old, { force: true });
      }
    } catch (e) {
      failed.push(`${s.shown} (${reason(e)})`);
    }
  }
  return failed;
}

/**
 * Writes every file or none. All of them go to temporary files first, then each is renamed over its target
 * (so a reader never sees half a file); when any step fails, the temporary files are removed and every target
 * already replaced gets its old file back, so the folder is left as it was.
 */
function writeAll(files: { shown: string; path: string; text: string; mode?: number }[]) {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const staged: Staged[] = [];
  let current = '';
  try {
    for (const f of files) {
      current = f.shown;
      const s: Staged = { shown: f.shown, path: f.path, tmp: `${f.path}.${tag}.tmp`, old: null, renamed: false };
      // 'wx': the temporary name is ours alone; only once it is created is it ours to remove.
      const fd = openSync(s.tmp, 'wx');
      staged.push(s);
      try {
        // A file rewritten in place keeps its permissions.
        if (f.mode !== undefined) fchmodSync(fd, f.mode);
        writeFileSync(fd, f.text);
      } finally {
        closeSync(fd);
      }
    }
    for (const s of staged) {
      current = s.shown;
      s.old = keepOld(s, tag);
      renameSync(s.tmp, s.path);
      s.renamed = true;
    }
  } catch (e) {
    const failed = rollBack(staged);
    const undo = failed.length ? `; could not undo: ${failed.join(', ')}` : '; nothing was written';
    throw new CliError(`${current}: ${reason(e)}${undo}`);
  }
  for (const s of staged) if (s.old) rmSync(s.old, { force: true });
}

/** Produces every output before writing any, so bad input leaves nothing half-written. */
function emit(outputs: { name: string; text: string }[], outDir: string | null, io: Io) {
  if (outDir === null) {
    for (const o of outputs) io.out(o.text);
    return;
  }
  const names = new Set<string>();
  for (const o of outputs) {
    if (names.has(o.name)) throw new CliError(`${o.name}: two inputs would write the same file`);
    names.add(o.name);
  }
  const dirPath = userPath(outDir);
  let made: string | undefined;
  try {
    made = mkdirSync(dirPath, { recursive: true });
  } catch (e) {
    throw new CliError(`${outDir}: cannot create the output directory (${reason(e)})`);
  }
  try {
    writeAll(outputs.map((o) => ({ shown: join(outDir, o.name), path: join(dirPath, o.name), text: o.text })));
  } catch (e) {
    // The folders this run made go too (each only if empty).
    for (let d = dirPath; made !== undefined; d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        break;
      }
      if (d === made) break;
    }
    throw e;
  }
  io.err(`wrote ${count(outputs.length, 'file')} to ${outDir}`);
}

const stem = (file: string) => basename(file, extname(file));

function cmdImport(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--out-dir', '--repair-encoding']);
  if (!args.files.length) throw new CliError('import needs at least one FILE.md');
  const records: ApplicationRecord[] = [];
  const notes: string[] = [];
  const outputs = args.files.map((file) => {
    let text = readText(file);
    // Garbled text would import as a garbled record: refused, unless asked to read the UTF-8 it was.
    const repaired = repairMojibake(text);
    if (repaired !== null) {
      if (!args.repairEncoding) throw new CliError(`${file}: ${mojibakeMessage(REPAIR_OFFER.import)}`);
      notes.push(`${file}: ${REPAIRED_MESSAGE}`);
      text = repaired;
    }
    const { record, warnings, recognized } = importEntry(text);
    if (!recognized)
      throw new CliError(`${file}: not a jobname entry (no "# [Company](url)" heading and no known section)`);
    for (const w of warnings) notes.push(`${file}:${w.line}: ${w.severity}: ${w.message}`);
    records.push(record);
    return { name: `${stem(file)}.json`, text: JSON.stringify(record, null, 2) + '\n' };
  });
  // Warnings only once every file has been read: a failing run prints its one error line alone.
  for (const n of notes) io.err(n);
  if (args.outDir === null && outputs.length > 1) {
    io.out(JSON.stringify(records, null, 2) + '\n');
    return 0;
  }
  emit(outputs, args.outDir, io);
  return 0;
}

function cmdExport(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['--out-dir', '--date-format']);
  if (!args.files.length) throw new CliError('export needs at least one FILE.json');
  const outputs = args.files.map((file) => {
    const text = readText(file);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new CliError(`${file}: not valid JSON (${(e as Error).message.replace(/\n/g, '\\n')})`);
    }
    // A record as `jobnote import` prints it, a list of one, or a backup of one (the dashboard's export).
    const count = Array.isArray(json) ? json.length : null;
    if (count !== null && count !== 1)
      throw new CliError(`${file}: holds ${count} records; export takes one record per file`);
    const parsed = parseBackup(json);
    if (!parsed.ok) {
      const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
      throw new CliError(`${file}: not a Jobnote record: ${parsed.errors[0]!.replace(/^records\[0\]\./, '')}${more}`);
    }
    if (parsed.records.length !== 1)
      throw new CliError(`${file}: holds ${parsed.records.length} records; export takes one record per file`);
    return { name: `${stem(file)}.md`, text: exportEntry(parsed.records[0]!, { dateFormat: args.dateFormat }) };
  });
  emit(outputs, args.outDir, io);
  return 0;
}

/**
 * Rewrites each entry that is UTF-8 read as Windows-1252 as the UTF-8 it was, in place (all or none, each
 * keeping its permissions); returns the texts as they are now.
 */
function repairInPlace(texts: { file: string; text: string }[], io: Io): { file: string; text: string }[] {
  const fixes = new Map<string, { shown: string; path: string; text: string; mode: number }>();
  const out = texts.map(({ file, text }) => {
    const repaired = repairMojibake(text);
    if (repaired === null) return { file, text };
    const path = userPath(file);
    fixes.set(path, { shown: file, path, text: repaired, mode: statSync(path).mode & 0o7777 });
    return { file, text: repaired };
  });
  writeAll([...fixes.values()]);
  for (const f of fixes.values())
    io.err(
      `${f.shown}: the text was UTF-8 read as Windows-1252 (such as "ðŸ“œ" for 📜): rewritten as the UTF-8 it was`,
    );
  return out;
}

async function cmdLint(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['--repair-encoding']);
  if (!args.files.length) throw new CliError('lint needs at least one FILE.md');
  let texts = args.files.map((f) => ({ file: f, text: readText(f) }));
  if (args.repairEncoding) texts = repairInPlace(texts, io);
  const validateDiagram = texts.some((t) => t.text.includes('```mermaid'))
    ? ((await mermaidValidator()) ?? undefined)
    : undefined;
  let errors = 0;
  let warnings = 0;
  for (const { file, text } of texts) {
    for (const m of await lintEntry(text, { validateDiagram })) {
      if (m.severity === 'error') errors++;
      else warnings++;
      // The one mojibake message names this command's way to repair it.
      const message = m.message === MOJIBAKE_MESSAGE ? mojibakeMessage(REPAIR_OFFER.lint) : m.message;
      io.out(`${file}:${m.line}: ${m.severity}: ${message}\n`);
    }
  }
  io.err(`${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(texts.length, 'file')}`);
  return errors ? 1 : 0;
}

async function cmdScrape(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['--url']);
  if (args.files.length !== 1) throw new CliError('scrape takes one FILE.html (and --url URL)');
  const file = args.files[0];
  const html = readText(file);
  const { JSDOM } = await import('jsdom');
  // A page too large or deep to read is never parsed whole (jsdom would take minutes, then overflow its stack).
  const page = readableHtml(html);
  // jsdom runs no script and loads no resource unless asked: the page is only read.
  const dom = new JSDOM(page.html, args.url && /^https?:\/\//i.test(args.url) ? { url: args.url } : {});
  const doc = dom.window.document;
  let url = args.url;
  if (!url) {
    url =
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
      doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
      null;
    if (!url) throw new CliError(`${file}: no --url given and the page names no canonical URL`);
  }
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) throw new Error('not http(s)');
  } catch {
    throw new CliError(`--url: "${url}" is not an http(s) URL`);
  }
  const posting = extractPosting(doc, url, { oversize: page.oversize });
  dom.window.close();
  if (page.oversize) io.err(`${file}: ${posting.notes.join('; ')}`);
  io.out(JSON.stringify(scrapeJson(posting), null, 2) + '\n');
  return 0;
}

type Command = (argv: string[], io: Io) => number | Promise<number>;

export const COMMANDS: Record<string, Command> = {
  import: cmdImport,
  export: cmdExport,
  lint: cmdLint,
  scrape: cmdScrape,
  help: (_argv, io) => {
    io.out(USAGE + '\n');
    return 0;
  },
};

/** Runs one command line; returns the exit code. Errors become one line on stderr. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.err(USAGE);
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`jobnote: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  try {
    return await cmd(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`jobnote ${name}: ${e.message}`);
      return e.code;
    }
    io.err(`jobnote ${name}: unexpected failure: ${(e as Error).message}`);
    return 2;
  }
}

const invokedDirectly = process.argv[1] && /jobnote\.[cm]?[tj]s$/.test(process.argv[1]);
if (invokedDirectly) {
  // A reader that stops early (`jobnote export … | head -1`) closes the pipe: that is not a failure, so the run
  // ends there, quietly and with 0. Every file write is synchronous, so this never lands in the middle of one.
  const closedPipe = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  };
  process.stdout.on('error', closedPipe);
  process.stderr.on('error', closedPipe);
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s + '\n'),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

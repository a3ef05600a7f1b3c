/**
 * The `jobnote` command line (cli/jobnote.ts), driven through `main(argv, io)` in temporary folders, with
 * INIT_CWD set the way `npm run` sets it; plus one real `npm run -s jobnote` from another folder.
 */
import { execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../cli/jobnote';
import { makeBackup } from '../../utils/backup';

const ROOT = resolve(__dirname, '../..');

// -------------------------------------------------------------------------------------------------------
// Fixtures

/** Generator (mdgen) layout, Gregorian dates as its datepicker writes them, no trailing newline. */
const GEN = `# [Acme](https://acme.example/)

### Status
#### 📜📞🔧❌

## Back-End Developer

### Interview Process
\`\`\`mermaid
flowchart LR
    sr(Send Resume) --> hr(HR Call) --> ti(Technical Interview) --rejected--x hri(HR Interview) -.-> o(Offer)
\`\`\`

### Apply Way
Site & LinkedIn

### Interview Date

- **Sent Resume**<br />2025/01/05

- **HR Call**<br />2025/01/12

- **Technical Interview**<br />2025/01/20

- **Response Email**<br />Date not set

### Interview Duration
- **Technical Interview**<br />1 hour & 10 minutes

### Interview Platform
Google Meet

### Technical Interview
- What is a goroutine?
    <details>
    <summary style="font-size:14px"><b><em>Answer</em></b></summary>
    <div>

    A lightweight thread managed by the Go runtime.

    </div>
    </details>

- Explain ACID.

## Score
<h4><mark style="background-color:#ff9800; color:#ffffff; padding:4px 8px; border-radius:4px">6.5/10</mark></h4>`;

/** Hand-written legacy layout: compact headings, lower-case diagram, Jalali dot dates with times, final newline. */
const HAND = `# [narvan](https://narvan.example/)

### Status
#### 📜📞🔧👱🏻‍♀️✅
## Software Engineer (Golang/Python) - Map
### Interview process
\`\`\`mermaid
flowchart LR
    sr(Send resume) --> hr(HR call) --> ti(Technical Interview) --> hri(HR Interview) --> o(Offer) --accepted--> r((" "))
\`\`\`

### Apply way
jobinja & Quera

### Interview date
- **Sent Resume** <br /> 1402.08.13

- **HR Call**<br /> 1402.08.20 AT 11 AM

- **Technical Interview** <br> 1402.08.27 AT 4 PM

- **HR Interview** <br> 1402.09.04 AT 11:30 AM

- **Offer** <br> 1402.09.10

### Interview duration
- **Technical Interview** <br>About 45 minutes

- **HR Interview** <br>30 minutes

### Interview Platform
Skype

### Technical Interview
- Difference between a process and a thread?

- How does a hash map grow?
  <details>
  <summary style="font-size:14px"><b><em>My answer</em></b></summary>
  <div>

  It doubles its buckets and rehashes.

  </div>
  </details>

### Score
<h4><mark style="background-color:#54ca56">8/10</mark></h4>
<p dir="rtl">
تجربه خوبی بود.
</p>
`;

const DATE_RE = /\d{4}[./]\d{2}[./]\d{2}/;

// -------------------------------------------------------------------------------------------------------
// Harness

let dir: string;
let savedInitCwd: string | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobnote-cli-'));
  savedInitCwd = process.env.INIT_CWD;
  // `npm run` starts the script in the package folder and says where the user was in INIT_CWD.
  process.env.INIT_CWD = dir;
});

afterEach(() => {
  if (savedInitCwd === undefined) delete process.env.INIT_CWD;
  else process.env.INIT_CWD = savedInitCwd;
  rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join(''), stderr: err };
}

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return name;
}

/** Makes the directory `name` in the scratch directory; its name. */
function madeDir(name: string): string {
  mkdirSync(join(dir, name));
  return name;
}

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/** Imports an entry fixture with the CLI and stores the record JSON next to it. */
async function recordFile(mdName: string, md: string, jsonName = mdName.replace(/\.md$/, '.json')): Promise<string> {
  write(mdName, md);
  const r = await run('import', mdName);
  expect(r.code, r.stderr.join('\n')).toBe(0);
  write(jsonName, r.stdout);
  return jsonName;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

// -------------------------------------------------------------------------------------------------------

describe('jobnote import', () => {
  it('one file: prints the record JSON with the public fields', async () => {
    write('gen.md', GEN);
    const r = await run('import', 'gen.md');
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([]);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const rec = JSON.parse(r.stdout);
    expect(typeof rec.schema).toBe('number');
    expect(rec.schema).toBe(1);
    expect(rec.company).toEqual({ name: 'Acme', website: 'https://acme.example/' });
    expect(rec.role).toBe('Back-End Developer');
    expect(rec.applyWays).toEqual(['Site', 'LinkedIn']);
    expect(rec.platform).toBe('Google Meet');
    expect(rec.score).toBe(6.5);
    expect(
      rec.stages.map((s: { label: string; date: string | null; dateText: string | null }) => [
        s.label,
        s.date,
        s.dateText,
      ]),
    ).toEqual([
      ['Sent Resume', '2025-01-05', '2025/01/05'],
      ['HR Call', '2025-01-12', '2025/01/12'],
      ['Technical Interview', '2025-01-20', '2025/01/20'],
      ['Response Email', null, 'Date not set'],
    ]);
    for (const s of rec.stages) if (s.date !== null) expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      rec.rounds.map((x: { title: string; questions: { text: string; answers: string[] }[] }) => [
        x.title,
        x.questions.map((q) => [q.text, q.answers]),
      ]),
    ).toEqual([
      [
        'Technical Interview',
        [
          ['What is a goroutine?', ['A lightweight thread managed by the Go runtime.']],
          ['Explain ACID.', []],
        ],
      ],
    ]);
  });

  it('a hand-written entry: Jalali dates become days, the text as written is kept', async () => {
    write('hand.md', HAND);
    const r = await run('import', 'hand.md');
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([]);
    const rec = JSON.parse(r.stdout);
    expect(rec.company).toEqual({ name: 'narvan', website: 'https://narvan.example/' });
    expect(rec.role).toBe('Software Engineer (Golang/Python) - Map');
    expect(rec.applyWays).toEqual(['jobinja', 'Quera']);
    expect(rec.platform).toBe('Skype');
    expect(rec.score).toBe(8);
    expect(
      rec.stages.map((s: { label: string; date: string | null; dateText: string | null }) => [
        s.label,
        s.date,
        s.dateText,
      ]),
    ).toEqual([
      ['Sent Resume', '2023-11-04', '1402.08.13'],
      ['HR Call', '2023-11-11', '1402.08.20 AT 11 AM'],
      ['Technical Interview', '2023-11-18', '1402.08.27 AT 4 PM'],
      ['HR Interview', '2023-11-25', '1402.09.04 AT 11:30 AM'],
      ['Offer', '2023-12-01', '1402.09.10'],
    ]);
    expect(rec.rounds[0].title).toBe('Technical Interview');
    expect(rec.rounds[0].questions.map((q: { text: string; answers: string[] }) => [q.text, q.answers])).toEqual([
      ['Difference between a process and a thread?', []],
      ['How does a hash map grow?', ['It doubles its buckets and rehashes.']],
    ]);
  });

  it('paths are relative to INIT_CWD (where npm was started), not to the package folder', async () => {
    expect(process.cwd()).not.toBe(dir);
    write('sub/gen.md', GEN);
    const r = await run('import', 'sub/gen.md');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).company.name).toBe('Acme');
  });

  it('several files with --out-dir: DIR/<basename>.json each, nothing on stdout', async () => {
    write('gen.md', GEN);
    write('in/hand.md', HAND);
    const r = await run('import', '--out-dir', 'out', 'gen.md', 'in/hand.md');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/wrote 2 files/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['gen.json', 'hand.json']);
    expect(JSON.parse(read('out/gen.json')).company.name).toBe('Acme');
    expect(JSON.parse(read('out/hand.json')).company.name).toBe('narvan');
  });

  it('several files without --out-dir: one JSON list on stdout', async () => {
    write('gen.md', GEN);
    write('hand.md', HAND);
    const r = await run('import', 'gen.md', 'hand.md');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.map((x: { company: { name: string } }) => x.company.name)).toEqual(['Acme', 'narvan']);
  });
});

describe('jobnote export', () => {
  it('an imported generator-style entry (no final newline) exports byte for byte', async () => {
    const json = await recordFile('gen.md', GEN);
    const r = await run('export', json);
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([]);
    expect(r.stdout).toBe(GEN);
  });

  it('an imported hand-written entry exports byte for byte', async () => {
    const json = await recordFile('hand.md', HAND);
    const r = await run('export', json);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(HAND);
  });

  it("takes the dashboard's backup of one application, and refuses one of two", async () => {
    const record = JSON.parse(read(await recordFile('hand.md', HAND)));
    write('one.json', JSON.stringify(makeBackup([record])));
    const r = await run('export', 'one.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(HAND);
    write('two.json', JSON.stringify(makeBackup([record, { ...record, id: 'other' }])));
    const two = await run('export', 'two.json');
    expect(two.code).not.toBe(0);
    expect(two.stderr.join('\n')).toMatch(/two\.json: holds 2 records; export takes one record per file/);
  });

  it('--date-format gregorian rewrites the Jalali dates, keeps the " AT 11 AM" times and everything else', async () => {
    const json = await recordFile('hand.md', HAND);
    const r = await run('export', '--date-format', 'gregorian', json);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('2023/11/04');
    expect(out).toContain('2023/11/11 AT 11 AM');
    expect(out).toContain('2023/11/18 AT 4 PM');
    expect(out).toContain('2023/11/25 AT 11:30 AM');
    expect(out).toContain('2023/12/01');
    expect(out).not.toMatch(/1402\./);
    const undated = (t: string) => t.split('\n').filter((l) => !DATE_RE.test(l));
    expect(undated(out)).toEqual(undated(HAND));
  });

  it('--date-format jalali-slash (also as --date-format=…) rewrites Gregorian and Jalali dot dates', async () => {
    const gen = await recordFile('gen.md', GEN);
    const a = await run('export', '--date-format=jalali-slash', gen);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('- **Sent Resume**<br />1403/10/16');
    expect(a.stdout).toContain('- **HR Call**<br />1403/10/23');
    expect(a.stdout).toContain('- **Technical Interview**<br />1403/11/01');
    expect(a.stdout).toContain('- **Response Email**<br />Date not set');
    expect(a.stdout).not.toMatch(/2025\//);

    const hand = await recordFile('hand.md', HAND);
    const b = await run('export', '--date-format', 'jalali-slash', hand);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('1402/08/20 AT 11 AM');
    expect(b.stdout).toContain('1402/09/04 AT 11:30 AM');
    expect(b.stdout).not.toMatch(/1402\.\d/);
  });

  it('--out-dir writes DIR/<basename>.md', async () => {
    const gen = await recordFile('gen.md', GEN, 'a.json');
    const hand = await recordFile('hand.md', HAND, 'b.json');
    const r = await run('export', '--out-dir', 'entries', gen, hand);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(join(dir, 'entries')).sort()).toEqual(['a.md', 'b.md']);
    expect(read('entries/a.md')).toBe(GEN);
    expect(read('entries/b.md')).toBe(HAND);
  });
});

describe('bad input: exit 2, one stderr line naming the file and the reason, nothing written', () => {
  // "# [A\xe9\xff](x)\n"
  const LATIN1 = Buffer.from([0x23, 0x20, 0x5b, 0x41, 0xe9, 0xff, 0x5d, 0x28, 0x78, 0x29, 0x0a]);

  const invalidRecord = async () => {
    const json = await recordFile('src.md', GEN, 'src.json');
    const rec = JSON.parse(read(json));
    rec.stages[0].date = '2025-02-30';
    return write('invalid.json', JSON.stringify(rec, null, 2));
  };

  type Case = [what: string, command: 'import' | 'export', make: () => string | Promise<string>, reason: RegExp];
  const CASES: Case[] = [
    ['import: a missing file', 'import', () => 'missing.md', /no such file/],
    ['import: a directory', 'import', () => madeDir('adir.md'), /is a directory/],
    ['import: non-UTF-8 bytes', 'import', () => write('latin.md', LATIN1), /UTF-8/],
    ['import: an empty .md', 'import', () => write('empty.md', ''), /not a jobname entry/],
    ['import: a blank .md', 'import', () => write('blank.md', '  \n\n'), /not a jobname entry/],
    [
      'import: a markdown file that is not an entry',
      'import',
      () => write('notes.md', 'Just some notes about my week.\n'),
      /not a jobname entry/,
    ],
    ['export: a missing file', 'export', () => 'missing.json', /no such file/],
    ['export: a directory', 'export', () => madeDir('adir.json'), /is a directory/],
    ['export: invalid JSON', 'export', () => write('bad.json', '{"company": {"name": "Acme",\n'), /not valid JSON/],
    ['export: a markdown entry instead of JSON', 'export', () => write('entry.json', GEN), /not valid JSON/],
    [
      'export: JSON that is not a record',
      'export',
      () => write('other.json', '{"hello": "world"}'),
      /not a Jobnote record/,
    ],
    ['export: a JSON string', 'export', () => write('string.json', '"hello"'), /not a Jobnote record/],
    [
      'export: a record failing validation (stages[0].date 2025-02-30)',
      'export',
      invalidRecord,
      /not a Jobnote record: stages\[0\]\.date/,
    ],
    ['export: non-UTF-8 bytes', 'export', () => write('latin.json', LATIN1), /UTF-8/],
  ];

  it.each(CASES)('%s (alone)', async (_what, command, make, reason) => {
    const file = await make();
    const r = await run(command, file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).not.toContain('\n');
    expect(r.stderr[0]).toContain(file);
    expect(r.stderr[0]).toMatch(reason);
  });

  it.each(CASES)('%s (last of several, --out-dir): nothing written', async (_what, command, make, reason) => {
    const good =
      command === 'import'
        ? [write('one.md', GEN), write('two.md', HAND)]
        : [await recordFile('one.md', GEN), await recordFile('two.md', HAND)];
    const file = await make();
    mkdirSync(join(dir, 'out'));
    const r = await run(command, '--out-dir', 'out', ...good, file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toContain(file);
    expect(r.stderr[0]).toMatch(reason);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('the bad file first: nothing written either, and a missing out dir is not created', async () => {
    write('one.md', GEN);
    const r = await run('import', '--out-dir', 'fresh', 'missing.md', 'one.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
  });

  it('a good file with import warnings before the bad one: still exactly one stderr line', async () => {
    // hamkaran/1402 writes "1402.03.00" (day 00): importing it alone prints a warning and succeeds.
    write('warned.md', GEN.replace('2025/01/12', '1402.03.00'));
    const alone = await run('import', 'warned.md');
    expect(alone.code).toBe(0);
    expect(alone.stderr.some((l) => /warned\.md:\d+: warning: /.test(l))).toBe(true);
    mkdirSync(join(dir, 'out'));
    const r = await run('import', '--out-dir', 'out', 'warned.md', 'missing.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual(['jobnote import: missing.md: no such file']);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('two inputs with the same basename would write the same file', async () => {
    write('a/x.md', GEN);
    write('b/x.md', HAND);
    mkdirSync(join(dir, 'out'));
    const r = await run('import', '--out-dir', 'out', 'a/x.md', 'b/x.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toContain('x.json');
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown option', ['import', '--out-dir', 'out', '--bogus', 'gen.md'], /unknown option --bogus/],
    [
      'a bad --date-format value',
      ['export', '--out-dir', 'out', '--date-format', 'iso', 'gen.json'],
      /--date-format must be one of .*"iso"/,
    ],
    [
      '--date-format without a value',
      ['export', '--out-dir', 'out', 'gen.json', '--date-format'],
      /--date-format needs a value/,
    ],
    ['an unknown command', ['frobnicate', '--out-dir', 'out', 'gen.md'], /unknown command "frobnicate"/],
    ['no file', ['import', '--out-dir', 'out'], /needs at least one FILE/],
  ])('usage: %s → exit 2, one line, nothing written', async (_what, argv, reason) => {
    write('gen.md', GEN);
    write('gen.json', '{}');
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(reason);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('--out-dir is all or nothing', () => {
  it.each<[string, 'import' | 'export']>([
    ['import', 'import'],
    ['export', 'export'],
  ])('%s: the third target is a directory: no output, no temporary file, the old file as it was', async (_w, cmd) => {
    const ext = cmd === 'import' ? 'json' : 'md';
    const inputs =
      cmd === 'import'
        ? [write('a.md', GEN), write('b.md', HAND), write('c.md', GEN)]
        : [await recordFile('a.md', GEN), await recordFile('b.md', HAND), await recordFile('c.md', GEN)];
    write(`out/a.${ext}`, 'the old a\n');
    mkdirSync(join(dir, `out/c.${ext}`));
    const r = await run(cmd, '--out-dir', 'out', ...inputs);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toEqual([`jobnote ${cmd}: ${join('out', `c.${ext}`)}: is a directory; nothing was written`]);
    // a.* was replaced and b.* written before c.* failed: both undone, and no temporary file left.
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([`a.${ext}`, `c.${ext}`]);
    expect(read(`out/a.${ext}`)).toBe('the old a\n');
    expect(readdirSync(join(dir, `out/c.${ext}`))).toEqual([]);
  });

  it('a successful run replaces existing files and leaves nothing else behind', async () => {
    write('a.md', GEN);
    write('b.md', HAND);
    write('out/a.json', 'the old a\n');
    const r = await run('import', '--out-dir', 'out', 'a.md', 'b.md');
    expect(r.code, r.stderr.join('\n')).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.json', 'b.json']);
    expect(JSON.parse(read('out/a.json')).company.name).toBe('Acme');
    expect(statSync(join(dir, 'out/a.json')).nlink).toBe(1);
  });
});

// -------------------------------------------------------------------------------------------------------
// The CLI as its own process (through tsx, as `npm run jobnote` starts it)

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'cli/jobnote.ts');

/**
 * Runs the CLI in the scratch folder. tsx runs the script in a child node process, so the hang guard kills the
 * whole process group (detached: a group of its own) after `timeoutMs`: a CLI that waits for ever fails the
 * test and leaves nothing running.
 */
function spawnCli(argv: string[], timeoutMs = 20_000) {
  const env = { ...process.env, INIT_CWD: dir };
  const child = spawn(TSX, [CLI, ...argv], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }, timeoutMs);
  const done = new Promise<{ code: number | null; killed: boolean; stderr: string }>((ok) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ code, killed, stderr });
    }),
  );
  return { child, done };
}

describe('jobnote as a process', () => {
  it.each<[string, string[], string]>([
    ['import /dev/zero', ['import'], '/dev/zero'],
    ['import a FIFO', ['import'], 'fifo'],
    ['export a FIFO', ['export'], 'fifo'],
    ['lint /dev/zero', ['lint'], '/dev/zero'],
    ['scrape a FIFO', ['scrape', '--url', 'https://jobinja.ir/'], 'fifo'],
  ])(
    '%s: refused at once, exit 2, one line naming it',
    async (_what, argv, file) => {
      if (file === 'fifo') await promisify(execFile)('mkfifo', [join(dir, 'fifo')]);
      const started = Date.now();
      const { child, done } = spawnCli([...argv, file]);
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        stdout += s;
      });
      const r = await done;
      expect(r.killed, `still running after ${Date.now() - started} ms: killed`).toBe(false);
      expect(r.code).toBe(2);
      expect(stdout).toBe('');
      const what = file === 'fifo' ? 'a FIFO' : 'a character device';
      expect(r.stderr).toBe(`jobnote ${argv[0]}: ${file}: not a regular file (${what})\n`);
    },
    60_000,
  );

  it('a stdout closed early (| head -1) ends quietly with exit 0', async () => {
    const files = Array.from({ length: 100 }, (_, i) => write(`e${i}.md`, GEN));
    const { child, done } = spawnCli(['import', ...files]);
    let first = '';
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString('utf8');
      child.stdout.destroy();
    });
    const r = await done;
    expect(first.startsWith('[')).toBe(true);
    expect(r.killed).toBe(false);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);
});

describe('jobnote lint', () => {
  const LINE = /^(.+):(\d+): (error|warning): (.+)$/;
  const lintLines = (stdout: string) => stdout.split('\n').filter(Boolean);

  async function lint(name: string, text: string) {
    write(name, text);
    const r = await run('lint', name);
    const lines = lintLines(r.stdout);
    for (const l of lines) expect(l).toMatch(LINE);
    return { ...r, lines, errors: lines.filter((l) => l.includes(': error: ')) };
  }

  it('clean entries: no messages, exit 0, a summary on stderr', async () => {
    write('gen.md', GEN);
    write('hand.md', HAND);
    const r = await run('lint', 'gen.md', 'hand.md');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toEqual(['0 errors, 0 warnings in 2 files']);
  }, 60_000);

  it('no "# [Company](url)" heading', async () => {
    const r = await lint('nohead.md', GEN.replace('# [Acme](https://acme.example/)', 'Acme'));
    expect(r.code).toBe(1);
    expect(r.errors).toContain('nohead.md:1: error: no "# [Company](url)" heading');
  }, 60_000);

  it('an unclosed <details>', async () => {
    const text = GEN.replace('    </details>\n', '');
    const r = await lint('unclosed.md', text);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([`unclosed.md:${lineOf(text, '<details>')}: error: <details> is never closed`]);
  }, 60_000);

  it('an invalid date 1404/13/40 (month 13)', async () => {
    const text = GEN.replace('2025/01/12', '1404/13/40');
    const r = await lint('month.md', text);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      new RegExp(`^month\\.md:${lineOf(text, '1404/13/40')}: error: invalid date "1404/13/40"`),
    );
    expect(r.errors[0]).toMatch(/[Mm]onth 13/);
  }, 60_000);

  it('an invalid date 1404/12/30 (1404 is not a leap year) while 1403/12/30 is fine', async () => {
    const text = GEN.replace('2025/01/12', '1404/12/30');
    const r = await lint('leap.md', text);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      new RegExp(`^leap\\.md:${lineOf(text, '1404/12/30')}: error: invalid date "1404/12/30"`),
    );
    expect(r.errors[0]).toMatch(/leap/);
    const ok = await lint('leap-ok.md', GEN.replace('2025/01/12', '1403/12/30'));
    expect(ok.errors).toEqual([]);
  }, 60_000);

  it('a diagram only the real mermaid parser rejects (ti(hr@acme.io))', async () => {
    const text = GEN.replace('ti(Technical Interview)', 'ti(hr@acme.io)');
    const r = await lint('diagram.md', text);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      new RegExp(`^diagram\\.md:${lineOf(text, 'sr(Send Resume)')}: error: mermaid cannot parse the diagram`),
    );
  }, 60_000);

  it('a broken diagram (two edges in a row)', async () => {
    const text = GEN.replace('--rejected--x hri', '--rejected--x --> hri');
    const r = await lint('broken.md', text);
    expect(r.code).toBe(1);
    expect(r.errors.some((e) => /^broken\.md:\d+: error: mermaid cannot parse the diagram/.test(e))).toBe(true);
    const line = Number(LINE.exec(r.errors.find((e) => e.includes('mermaid'))!)![2]);
    expect(line).toBe(lineOf(text, 'sr(Send Resume)'));
  }, 60_000);

  it.each([
    ['11/10', 'score 11 is outside 0-10'],
    ['-1/10', 'score -1 is outside 0-10'],
  ])(
    'a score outside 0-10 (%s)',
    async (value, message) => {
      const text = GEN.replace('6.5/10', value);
      const r = await lint('score.md', text);
      expect(r.code).toBe(1);
      expect(r.errors).toEqual([`score.md:${lineOf(text, '<h4><mark')}: error: ${message}`]);
    },
    60_000,
  );

  it('an unknown status emoji', async () => {
    const text = GEN.replace('#### 📜📞🔧❌', '#### 📜📞🔧🤷❌');
    const r = await lint('emoji.md', text);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual(['emoji.md:4: error: unknown status emoji "🤷"']);
  }, 60_000);

  it('warnings only: exit 0', async () => {
    const r = await lint('warn.md', GEN.replace('#### 📜📞🔧❌', '#### 📜📞❌'));
    expect(r.code).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.lines.some((l) => /^warn\.md:4: warning: /.test(l))).toBe(true);
  }, 60_000);

  it('several files: each message names its file; exit 1 when any has errors', async () => {
    write('good.md', GEN);
    write('bad.md', GEN.replace('6.5/10', '12/10'));
    const r = await run('lint', 'good.md', 'bad.md');
    expect(r.code).toBe(1);
    const lines = lintLines(r.stdout);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith('bad.md:'))).toBe(true);
    expect(r.stderr).toEqual(['1 error, 0 warnings in 2 files']);
  }, 60_000);

  it('a missing file is a usage error (exit 2)', async () => {
    const r = await run('lint', 'nope.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/nope\.md: no such file/);
  });
});

describe('an entry that went through a wrong decoding (UTF-8 read as Windows-1252)', () => {
  /** Windows-1252's characters for the bytes 0x80-0x9F (undefined ones kept as C1 controls); the rest is Latin-1. */
  const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
  /** HAND as an editor that took its UTF-8 bytes for Windows-1252 saves it: every emoji and letter as 2-4 characters. */
  const GARBLED = Array.from(Buffer.from(HAND, 'utf8'), (b) =>
    b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b),
  ).join('');
  const WHAT =
    'the text looks like UTF-8 that was read as Windows-1252 (characters such as "ðŸ“œ" stand for one emoji or letter each): re-save the file as UTF-8, or ';
  const statusLine = lineOf(HAND, '#### ');
  /** The record without what a fresh import makes anew. */
  const content = (json: string) => ({ ...JSON.parse(json), id: '', createdAt: '', updatedAt: '' });

  it('is garbled for real: the status line is "ðŸ“œ…", and the entry is otherwise the same', () => {
    expect(GARBLED.split('\n')[statusLine - 1]).toMatch(/^#### ðŸ“œðŸ“ž/);
    expect(GARBLED).toContain('ØªØ¬Ø±Ø¨Ù‡');
    expect(GARBLED.split('\n').length).toBe(HAND.split('\n').length);
  });

  it('import refuses it with the one message, naming --repair-encoding, and writes nothing', async () => {
    write('narvan.md', GARBLED);
    write('acme.md', GEN);
    const r = await run('import', '--out-dir', 'out', 'acme.md', 'narvan.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `jobnote import: narvan.md: ${WHAT}run again with --repair-encoding to import the repaired text`,
    ]);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('import --repair-encoding imports the UTF-8 it was, says so, and leaves the file as it is', async () => {
    write('narvan.md', GARBLED);
    write('clean.md', HAND);
    const repaired = await run('import', '--repair-encoding', 'narvan.md');
    expect(repaired.code).toBe(0);
    expect(repaired.stderr).toEqual([
      'narvan.md: the text was UTF-8 read as Windows-1252 (such as "ðŸ“œ" for 📜) and has been repaired: check it, and re-save the file as UTF-8',
    ]);
    const clean = await run('import', 'clean.md');
    expect(content(repaired.stdout)).toEqual(content(clean.stdout));
    expect(JSON.parse(repaired.stdout).review).toContain('تجربه خوبی بود.');
    expect(read('narvan.md')).toBe(GARBLED);
    // The record exports the entry as it was before the wrong decoding, byte for byte.
    write('narvan.json', repaired.stdout);
    const exported = await run('export', 'narvan.json');
    expect(exported.stdout).toBe(HAND);
    // A clean file with the option: read as it is, nothing said.
    const plain = await run('import', '--repair-encoding', 'clean.md');
    expect(plain.stderr).toEqual([]);
    expect(content(plain.stdout)).toEqual(content(clean.stdout));
  });

  it('lint gives the one error, naming --repair-encoding, not one per garbled character', async () => {
    write('narvan.md', GARBLED);
    const r = await run('lint', 'narvan.md');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `narvan.md:${statusLine}: error: ${WHAT}run lint with --repair-encoding to rewrite the file as the UTF-8 it was\n`,
    );
    expect(r.stderr).toEqual(['1 error, 0 warnings in 1 file']);
  }, 60_000);

  it('lint --repair-encoding rewrites the file in place as the UTF-8 it was (permissions kept), then checks it', async () => {
    write('narvan.md', GARBLED);
    write('acme.md', GEN);
    chmodSync(join(dir, 'narvan.md'), 0o640);
    const before = statSync(join(dir, 'acme.md')).mtimeMs;
    const r = await run('lint', '--repair-encoding', 'narvan.md', 'acme.md', 'narvan.md');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toEqual([
      'narvan.md: the text was UTF-8 read as Windows-1252 (such as "ðŸ“œ" for 📜): rewritten as the UTF-8 it was',
      '0 errors, 0 warnings in 3 files',
    ]);
    expect(readFileSync(join(dir, 'narvan.md'))).toEqual(Buffer.from(HAND, 'utf8'));
    expect(statSync(join(dir, 'narvan.md')).mode & 0o777).toBe(0o640);
    // The clean entry is not touched, and nothing else is left in the folder.
    expect(statSync(join(dir, 'acme.md')).mtimeMs).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['acme.md', 'narvan.md']);
    // Run again: nothing left to repair.
    const again = await run('lint', '--repair-encoding', 'narvan.md');
    expect(again.stderr).toEqual(['0 errors, 0 warnings in 1 file']);
  }, 60_000);

  it('--repair-encoding takes no value, and only import and lint know it', async () => {
    write('narvan.md', GARBLED);
    expect((await run('import', '--repair-encoding=yes', 'narvan.md')).stderr).toEqual([
      'jobnote import: --repair-encoding takes no value',
    ]);
    write('r.json', '{}');
    const r = await run('export', '--repair-encoding', 'r.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual(['jobnote export: unknown option --repair-encoding (see: npm run -s jobnote -- help)']);
    const help = await run('help');
    expect(help.stdout).toMatch(/import \[--out-dir DIR\] \[--repair-encoding\] FILE\.md/);
    expect(help.stdout).toMatch(/lint \[--repair-encoding\] FILE\.md/);
  });
});

describe('jobnote scrape', () => {
  it('a saved page a script nested 50,000 deep: ends with its title and a note, not a stack overflow', async () => {
    const ld = JSON.stringify({ '@type': 'JobPosting', title: 'Deep Engineer', hiringOrganization: 'Deep Co' });
    const deep = '<div>'.repeat(50_000) + 'the bottom' + '</div>'.repeat(50_000);
    write(
      'deep.html',
      `<!DOCTYPE html><html><head><title>Deep Engineer</title><script type="application/ld+json">${ld}</script>` +
        `</head><body>${deep}</body></html>`,
    );
    const r = await run('scrape', 'deep.html', '--url', 'https://careers.example.com/jobs/7');
    expect(r.code, r.stderr.join('\n')).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ title: 'Deep Engineer', description: null });
    expect(r.stderr).toEqual([
      'deep.html: the page nests more than 512 levels deep: its description was not read, only its title and structured data',
    ]);
  }, 10_000);
});

describe('help', () => {
  it('lists the commands', async () => {
    expect(Object.keys(COMMANDS)).toEqual(expect.arrayContaining(['import', 'export', 'lint']));
    const r = await run('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/import .*FILE\.md/);
    expect(r.stdout).toMatch(/--date-format/);
    const none = await run();
    expect(none.code).toBe(2);
  });
});

describe('npm run jobnote, for real', () => {
  it('npm --prefix <project> run -s jobnote -- export <file> from another folder prints the entry', async () => {
    const json = await recordFile('gen.md', GEN);
    const env = { ...process.env };
    delete env.INIT_CWD;
    for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['--prefix', ROOT, 'run', '-s', 'jobnote', '--', 'export', json],
      {
        cwd: dir,
        env,
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 16 << 20,
      },
    );
    expect(stderr).toBe('');
    expect(stdout).toBe(GEN);
  }, 90_000);
});

describe("the README's CLI examples", () => {
  /** The command lines of the README's CLI section, as a user would paste them into a shell. */
  const examples = () => {
    const section = readFileSync(join(ROOT, 'README.md'), 'utf8').split(/^## CLI$/m)[1] ?? '';
    const block = /^```sh\n(.*?)\n```$/ms.exec(section);
    if (!block) throw new Error('README.md: no ```sh block in the CLI section');
    return block[1].split('\n');
  };

  it('every one keeps npm quiet (-s), so its banner never lands in a redirected file', () => {
    const lines = examples();
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^npm run -s jobnote -- /);
  });

  it('the first one, run through a shell, redirects valid record JSON into the file', async () => {
    const line = examples()[0];
    expect(line).toMatch(/> entry\.json/);
    // Inside the project (where npm finds its package.json), in a folder git ignores.
    const cache = join(ROOT, 'node_modules/.cache');
    mkdirSync(cache, { recursive: true });
    const here = mkdtempSync(join(cache, 'jobnote-readme-'));
    try {
      writeFileSync(join(here, 'entry.md'), GEN);
      const env = { ...process.env };
      delete env.INIT_CWD;
      for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
      await promisify(execFile)('sh', ['-c', line], { cwd: here, env, timeout: 60_000 });
      const record = JSON.parse(readFileSync(join(here, 'entry.json'), 'utf8'));
      expect(record.company.name).toBe('Acme');
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  }, 90_000);
});

/**
 * The applications `npm run bench` stores before it opens the popup: a realistic mix, built in Node with
 * the extension's own code (nothing is hand-written JSON):
 *
 * - imported entries: the real jobname entries in ../shared/jobname/entries (or, without them, the fixture
 *   entries in tests/fixtures/jobname) through `importEntry` (each
 *   keeps its text in `source.parts`, the biggest kind of record), repeated under other ids and company
 *   names (Zibal 2, Zibal 3, …) to reach their share;
 * - clipped postings: every fixture page in tests/clip/<board>/ read by the extension's clipper
 *   (`extractPosting` under jsdom, as `jobnote scrape` does) and made a record by `recordFromPosting`, as the
 *   background does after a clip; repeated with other job ids;
 * - notes taken in the popup: `newApplication` + `logStep` + `addQuestions` + `setOutcome`, as the popup does.
 *
 * `updatedAt` is spread over the past year, so the list order is mixed. The records go into the extension
 * through the dashboard's file input (a backup JSON, one IndexedDB transaction: `bulkPut`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { extractPosting } from '../../utils/clip/extract';
import { recordFromPosting } from '../../utils/clip/record';
import { importEntry } from '../../utils/jobname/import';
import type { ApplicationRecord } from '../../utils/record';
import { logStep, newApplication, setOutcome } from '../../utils/steps';
import { addQuestions } from '../../utils/questions';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS_ENTRIES = resolve(process.env.JOBNAME_CORPUS || resolve(ROOT, '../shared/jobname'), 'entries');
/** The real entries when they are beside the project, else the project's own hand-written fixture entries. */
const ENTRIES_DIR = existsSync(CORPUS_ENTRIES) ? CORPUS_ENTRIES : join(ROOT, 'tests/fixtures/jobname');
if (ENTRIES_DIR !== CORPUS_ENTRIES)
  process.stderr.write(`bench: no jobname corpus at ${CORPUS_ENTRIES}; imported records from ${ENTRIES_DIR}\n`);
const CLIP_DIR = join(ROOT, 'tests/clip');

export interface SeedMix {
  imported: number;
  clipped: number;
  noted: number;
}

/** A deterministic pseudo-random sequence (the same records every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function cycle<T>(xs: T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => xs[i % xs.length]!);
}

function entryRecords(n: number): ApplicationRecord[] {
  const files = readdirSync(ENTRIES_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort();
  return cycle(files, n).map((f, i) => {
    const round = Math.floor(i / files.length);
    const { record } = importEntry(readFileSync(join(ENTRIES_DIR, f), 'utf8'), { id: `bench-entry-${i}` });
    if (round > 0) record.company.name = `${record.company.name} ${round + 1}`;
    return record;
  });
}

function clippedRecords(n: number): ApplicationRecord[] {
  const pages: { html: string; url: string }[] = [];
  for (const board of readdirSync(CLIP_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    for (const f of readdirSync(join(CLIP_DIR, board))
      .filter((x) => x.endsWith('.html'))
      .sort()) {
      const meta = join(CLIP_DIR, board, f.replace(/\.html$/, '.json'));
      let url: string;
      try {
        url = (JSON.parse(readFileSync(meta, 'utf8')) as { url: string }).url;
      } catch {
        continue;
      }
      pages.push({ html: readFileSync(join(CLIP_DIR, board, f), 'utf8'), url });
    }
  }
  const postings = pages.map(({ html, url }) => {
    const dom = new JSDOM(html, { url });
    try {
      return extractPosting(dom.window.document, url);
    } finally {
      dom.window.close();
    }
  });
  return cycle(postings, n).map((p, i) => {
    const round = Math.floor(i / postings.length);
    const posting = round
      ? {
          ...p,
          jobId: p.jobId ? `${p.jobId}${round}` : null,
          url: `${p.url}${p.url.includes('?') ? '&' : '?'}copy=${round}`,
        }
      : p;
    return recordFromPosting(posting, { id: `bench-clip-${i}` });
  });
}

const COMPANIES = [
  'Snapp',
  'Divar',
  'Cafe Bazaar',
  'Digikala',
  'Tapsi',
  'Alibaba Travel',
  'Sheypoor',
  'Balad',
  'Hamravesh',
  'Arvan Cloud',
  'دیوار',
  'اسنپ‌فود',
  'تپسی',
  'کافه‌بازار',
];
const QUESTIONS = [
  {
    text: 'What happens when you type a URL into the browser?',
    answer: 'DNS, TCP and TLS handshakes, the request, then rendering.',
  },
  {
    text: 'How does a B-tree index speed up a query?',
    answer: 'It keeps keys sorted in wide pages, so a lookup reads a few pages.',
  },
  { text: 'تفاوت process و thread چیست؟', answer: 'thread ها حافظه را به اشتراک می‌گذارند.' },
  { text: 'Design a URL shortener.', answer: '' },
  { text: 'چرا می‌خواهید از شرکت فعلی بروید؟', answer: '' },
];

function notedRecords(n: number, random: () => number): ApplicationRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const r = newApplication(
      COMPANIES[i % COMPANIES.length]! + (i >= COMPANIES.length ? ` ${Math.floor(i / COMPANIES.length) + 1}` : ''),
      { role: i % 3 ? 'Backend Developer' : null },
    );
    r.id = `bench-note-${i}`;
    const day = (k: number) => new Date(Date.UTC(2025, 8, 1 + k + (i % 40))).toISOString().slice(0, 10);
    logStep(r, { kind: 'resume', date: day(0) });
    if (random() < 0.8) logStep(r, { kind: 'hr-call', date: day(5), duration: '30 minutes', platform: 'Phone' });
    if (random() < 0.6) {
      const ti = logStep(r, {
        kind: 'technical',
        date: day(12),
        duration: '1 hour & 30 minutes',
        platform: 'Google Meet',
      });
      addQuestions(r, null, QUESTIONS.slice(0, 2 + Math.floor(random() * 4)));
      if (random() < 0.5) setOutcome(r, 'rejected', ti);
      r.score = Math.round(random() * 20) / 2;
      r.review =
        random() < 0.5 ? 'مصاحبه‌کننده دقیق بود و سؤال‌های خوبی پرسید.' : 'Friendly team, a fair technical round.';
    }
    return r;
  });
}

/** The seed records, newest first is not assumed: `updatedAt` is spread over the year before `now`. */
export function seedRecords(total = 200, now = Date.now()): { records: ApplicationRecord[]; mix: SeedMix } {
  const random = rng(20251025);
  const mix: SeedMix = { imported: Math.round(total * 0.4), clipped: Math.round(total * 0.35), noted: 0 };
  mix.noted = total - mix.imported - mix.clipped;
  const records = [...entryRecords(mix.imported), ...clippedRecords(mix.clipped), ...notedRecords(mix.noted, random)];
  for (const r of records) {
    const t = new Date(now - Math.floor(random() * 365 * 24 * 3600 * 1000)).toISOString();
    r.createdAt = t;
    r.updatedAt = t;
    r.revision = 1;
  }
  return { records, mix };
}

import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../utils/dates';
import { dateValue, deriveStatus, entryFileName, exportEntry, scoreColor } from '../../utils/jobname/export';
import { importEntry } from '../../utils/jobname/import';
import { renderProcess } from '../../utils/jobname/mermaid';
import {
  createRecord,
  newQuestion,
  newRound,
  newStage,
  type ApplicationRecord,
  type OutcomeKind,
  type Stage,
} from '../../utils/record';
import { generateMarkdown, type MdgenForm } from './mdgen-oracle';

/** A small deterministic PRNG so failures reproduce. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const COMPANIES = ['Snapp', 'دیجی‌کالا', 'Cafe Bazaar', 'Arvan Cloud', 'Divar', 'Okala (Snapp Market)'];
const SITES = ['https://snapp.ir/', 'https://www.digikala.com/', 'https://cafebazaar.ir', ''];
const TITLES = ['Software Engineer', 'Back-End Developer', 'Front-End Developer', 'Golang Developer', 'Data Engineer'];
const WAYS = ['Site', 'LinkedIn', 'Refer', 'Jobinja', 'Jobvision', 'Quera'];
const PLATFORMS = ['Google Meet', 'Microsoft Teams', 'Zoom', 'In-person', 'Phone'];
const QUESTIONS = [
  'Tell me about yourself.',
  'What is **idempotency**?',
  'چرا می‌خواهید از شرکت فعلی بروید؟',
  'What is the difference between `is` and `==`?',
  'Design a URL shortener.',
];
const ANSWERS = [
  'Atomicity, Consistency, Isolation, Durability.',
  'Use `select_related` for foreign keys.',
  'See [the docs](https://docs.djangoproject.com/) for details.',
  'پاسخ فارسی با ZWNJ: می‌شود.',
];

function isoDay(r: ReturnType<typeof rng>): string {
  return `${2022 + r.int(4)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
}

/** One random generator form, and the record a user would build in Jobnote for the same application. */
function scenario(seed: number): { form: MdgenForm; record: ApplicationRecord } {
  const r = rng(seed);
  const dates = { resume: r.chance(0.8) ? isoDay(r) : '', hr: isoDay(r), ti: isoDay(r) };
  const ending = r.pick(['rejection', 'offer', 'none'] as const);
  const endDate = ending === 'none' ? '' : isoDay(r);
  const minutes = r.pick([0, 30, 60, 70, 90, 120, 135]);
  const stage = (id: string, kind: Stage['kind'], label: string, iso: string, extra: Partial<Stage> = {}) =>
    newStage(id, kind, label, { date: iso || null, dateText: iso ? null : 'Date not set', ...extra });
  const stages = [
    stage('s1', 'resume', 'Sent Resume', dates.resume),
    stage('s2', 'hr-call', 'HR Call', dates.hr),
    stage('s3', 'technical', 'Technical Interview', dates.ti, { duration: formatDuration(minutes) }),
  ];
  if (ending === 'rejection') stages.push(stage('s4', 'rejection', 'Rejection Email', endDate));
  else if (ending === 'offer') stages.push(stage('s4', 'offer', 'Offer Email', endDate));
  else stages.push(newStage('s4', 'response', 'Response Email', { dateText: 'Date not set' }));
  const outcome: OutcomeKind =
    ending === 'rejection'
      ? 'rejected'
      : ending === 'offer'
        ? r.pick(['offer', 'accepted', 'declined'] as const)
        : 'pending';
  const qa = Array.from({ length: r.int(5) }, () => ({
    q: r.pick(QUESTIONS),
    a: r.pick(ANSWERS),
    hasAnswer: r.chance(0.6),
  }));
  const ways = WAYS.filter(() => r.chance(0.4));
  if (!ways.length) ways.push('LinkedIn');
  const score = r.int(21) / 2;
  const record = createRecord({
    company: { name: r.pick(COMPANIES), website: r.pick(SITES) },
    role: r.pick(TITLES),
    applyWays: ways,
    platform: r.pick(PLATFORMS),
    stages,
    outcome: { kind: outcome, afterStageId: outcome === 'pending' ? null : 's3', remaining: null },
    rounds: [
      newRound('r1', 'Technical Interview', {
        questions: qa.map((x, i) =>
          newQuestion(`q${i + 1}`, x.q, x.hasAnswer ? { answers: [x.a], answerLabels: ['Answer'] } : {}),
        ),
      }),
    ],
    score,
    exportPrefs: { dateFormat: 'gregorian', answerStyle: 'boxed', labelCase: 'title', celebrate: true },
  });
  const slash = (iso: string) => iso.replace(/-/g, '/');
  const form: MdgenForm = {
    companyName: record.company.name,
    companySite: record.company.website,
    jobTitle: record.role!,
    // The generator takes the status and the diagram as typed; a user of it would type what we derive.
    statusValues: deriveStatus(record),
    interviewProcess: renderProcess(record.stages, record.outcome, record.exportPrefs)!,
    applyWays: ways,
    sentResume: slash(dates.resume),
    hrCall: slash(dates.hr),
    technicalInterview: slash(dates.ti),
    rejectionEmail: ending === 'rejection' ? slash(endDate) : '',
    offerEmail: ending === 'offer' ? slash(endDate) : '',
    hours: Math.floor(minutes / 60),
    minutes: minutes % 60,
    interviewPlatform: record.platform!,
    score: String(score),
    qaItems: qa,
  };
  return { form, record };
}

/**
 * The generator's output as Jobnote writes it, without the empty shells no entry of the repository has
 * (issue 9): where the form has no website the generator writes an empty `# [name]()` link, Jobnote the name
 * alone; where it has no question, the generator writes an empty `### Technical Interview` section, Jobnote
 * none (a record imported with one keeps it: see the import round trips).
 */
const asJobnoteWrites = (generated: string) =>
  generated.replace(/^# \[(.*)\]\(\)\n/, '# $1\n').replace(/^### Technical Interview\n\n\n(?=## Score\n)/m, '');

describe('export matches the repository generator (mdgen) byte for byte, but for the empty shells', () => {
  it('on its default form', () => {
    const { form, record } = scenario(1);
    Object.assign(form, {
      qaItems: [{ q: 'Why are you applying for this job?', a: "Because I'm unemployed.", hasAnswer: true }],
    });
    record.rounds[0].questions = [
      newQuestion('q1', 'Why are you applying for this job?', {
        answers: ["Because I'm unemployed."],
        answerLabels: ['Answer'],
      }),
    ];
    expect(exportEntry(record)).toBe(asJobnoteWrites(generateMarkdown(form)) + '\n');
  });

  it.each(Array.from({ length: 200 }, (_, i) => i + 2))('on random form %i', (seed) => {
    const { form, record } = scenario(seed);
    expect(exportEntry(record)).toBe(asJobnoteWrites(generateMarkdown(form)) + '\n');
  });

  it('writes the generator default diagram for a rejection after the technical interview', () => {
    const { record } = scenario(3);
    record.outcome = { kind: 'rejected', afterStageId: 's3', remaining: null };
    expect(renderProcess(record.stages, record.outcome, record.exportPrefs)).toBe(
      'flowchart LR\n    sr(Send Resume) --> hr(HR Call) --> ti(Technical Interview) --rejected--x hri(HR Interview) -.-> o(Offer)',
    );
  });

  it('indents every line of a multi-line answer (the generator indents only the first, which breaks the list)', () => {
    const { record } = scenario(4);
    record.rounds[0].questions = [
      newQuestion('q1', 'Explain', {
        answers: ['line one\n\n```go\nfunc f() {}\n```\n- a point'],
        answerLabels: ['Answer'],
      }),
    ];
    const md = exportEntry(record);
    expect(md).toContain('    line one\n\n    ```go\n    func f() {}\n    ```\n    - a point\n');
    expect(importEntry(md).record.rounds[0].questions[0].answers).toEqual([
      'line one\n\n```go\nfunc f() {}\n```\n- a point',
    ]);
  });
});

describe('empty rounds', () => {
  const withRounds = () =>
    createRecord({
      company: { name: 'Acme', website: 'https://acme.example' },
      rounds: [
        newRound('r1', 'Technical Interview', { questions: [newQuestion('q1', 'What is a B-tree?')] }),
        newRound('r2', 'HR Interview'),
      ],
    });

  it('writes no section for a round made here and never filled', () => {
    const md = exportEntry(withRounds());
    expect(md).toContain('### Technical Interview\n');
    expect(md).not.toContain('### HR Interview');
  });

  it('keeps the empty section an imported entry had, byte for byte, until it is filled', () => {
    const text =
      '# [Acme](https://acme.example)\n\n### Technical Interview\n- **What is a B-tree?**\n\n### HR Interview\n\n\n## Score\n';
    const { record } = importEntry(text);
    expect(record.rounds.map((r) => [r.title, r.questions.length])).toEqual([
      ['Technical Interview', 1],
      ['HR Interview', 0],
    ]);
    expect(exportEntry(record)).toBe(text);
    // Filled in later, it is written with its question, and reads back so.
    record.rounds[1]!.questions.push(newQuestion('q9', 'Why us?'));
    // Under its heading at once, as a section written with its question (not after the empty one's blank lines).
    expect(exportEntry(record)).toContain('### HR Interview\n- Why us?\n');
    const again = importEntry(exportEntry(record)).record;
    expect(again.rounds.map((r) => [r.title, r.questions.map((q) => q.text)])).toEqual([
      ['Technical Interview', ['**What is a B-tree?**']],
      ['HR Interview', ['Why us?']],
    ]);
  });
});

describe('beyond the generator', () => {
  const rich = () =>
    createRecord({
      company: { name: 'Zibal', website: 'https://zibal.ir/' },
      role: 'Senior Python Developer',
      applyWays: ['Jobinja'],
      platform: 'Google Meet',
      stages: [
        newStage('s1', 'resume', 'Sent Resume', { date: '2025-10-07' }),
        newStage('s2', 'hr-call', 'HR Call', { date: '2025-10-20', time: '11 AM' }),
        newStage('s3', 'technical', 'Technical Interview I', { date: '2025-10-25', duration: '1 hour' }),
        newStage('s4', 'task', 'Task', { date: '2025-10-26', duration: '7 days', durationLabel: 'Task Deadline' }),
        newStage('s5', 'technical', 'Technical Interview II', { date: '2025-11-05', duration: '1 hour & 30 minutes' }),
        newStage('s6', 'rejection', 'Rejection Email', { date: '2025-11-15' }),
      ],
      outcome: { kind: 'rejected', afterStageId: 's5', remaining: null },
      rounds: [
        newRound('r1', 'Technical Interview I', {
          stageId: 's3',
          intro: 'مصاحبه با دو نفر بود.',
          questions: [
            newQuestion('q1', 'Tell me about yourself'),
            newQuestion('q2', 'What is a generator?', {
              followUps: ['And a coroutine?'],
              answers: ['A function that yields values lazily.', 'Leetcode says: an iterator.'],
              answerLabels: ['My answer', 'Answer'],
            }),
          ],
        }),
        newRound('r2', 'Technical Interview II', {
          stageId: 's5',
          questions: [newQuestion('q3', 'Design a rate limiter.')],
        }),
      ],
      task: {
        text: 'پس از مصاحبه فنی تسکی فرستادند.',
        links: [{ text: 'task', url: './zibal task.pdf' }],
        duration: '7 days',
      },
      score: 6.5,
      review: 'تجربه خوبی بود.\n\nWould apply again.',
    });

  it('writes any number of dated stages, per-stage durations, rounds, follow-ups, several answers, task and review', () => {
    const md = exportEntry(rich());
    expect(md).toBe(`# [Zibal](https://zibal.ir/)

### Status
#### 📜📞🔧📝🔧❌

## Senior Python Developer

### Interview Process
\`\`\`mermaid
flowchart LR
    sr(Send Resume) --> hr(HR Call) --> ti(Technical Interview I) --> task(Task) --> ti2(Technical Interview II) --rejected--x hri(HR Interview) -.-> o(Offer)
\`\`\`

### Apply Way
Jobinja

### Interview Date

- **Sent Resume**<br />1404.07.15

- **HR Call**<br />1404.07.28 AT 11 AM

- **Technical Interview I**<br />1404.08.03

- **Task**<br />1404.08.04

- **Technical Interview II**<br />1404.08.14

- **Rejection Email**<br />1404.08.24

### Interview Duration
- **Technical Interview I**<br />1 hour

- **Task Deadline**<br />7 days

- **Technical Interview II**<br />1 hour & 30 minutes

### Interview Platform
Google Meet

### Technical Interview I
<p dir="rtl">
مصاحبه با دو نفر بود.
</p>

- Tell me about yourself

- What is a generator?

  > **Follow-up:** And a coroutine?

    <details>
    <summary style="font-size:14px"><b><em>My answer</em></b></summary>
    <div>

    A function that yields values lazily.

    </div>
    </details>

    <details>
    <summary style="font-size:14px"><b><em>Answer</em></b></summary>
    <div>

    Leetcode says: an iterator.

    </div>
    </details>

### Task
<p dir="rtl">
پس از مصاحبه فنی تسکی فرستادند.
</p>

- [task](<./zibal task.pdf>)

### Technical Interview II
- Design a rate limiter.

## Score
<h4><mark style="background-color:#ff9800; color:#ffffff; padding:4px 8px; border-radius:4px">6.5/10</mark></h4>

<p dir="rtl">
تجربه خوبی بود.
</p>

Would apply again.
`);
  });

  it('survives its own round trip: importing the export gives back the structure', () => {
    const rec = rich();
    const back = importEntry(exportEntry(rec)).record;
    expect(back.stages.map((s) => [s.kind, s.label, s.date, s.duration, s.durationLabel])).toEqual(
      rec.stages.map((s) => [s.kind, s.label, s.date, s.duration, s.durationLabel]),
    );
    expect(back.outcome).toMatchObject({ kind: 'rejected', afterStageId: 's5' });
    expect(
      back.rounds.map((r) => [
        r.title,
        r.intro,
        r.questions.map((q) => [q.text, q.followUps, q.answers, q.answerLabels]),
      ]),
    ).toEqual(
      rec.rounds.map((r) => [
        r.title,
        r.intro,
        r.questions.map((q) => [q.text, q.followUps, q.answers, q.answerLabels]),
      ]),
    );
    expect(back.review).toBe(rec.review);
    expect(back.score).toBe(6.5);
    expect(back.task?.links).toEqual([{ text: 'task', url: './zibal task.pdf' }]);
    expect(exportEntry(back)).toBe(exportEntry(rec));
  });

  it('writes every outcome of docs/format.md §6.4', () => {
    const base = rich();
    const draw = (kind: OutcomeKind, celebrate = true) => {
      const r = structuredClone(base);
      r.stages = r.stages.filter((s) => s.kind !== 'rejection');
      if (kind === 'accepted' || kind === 'declined' || kind === 'offer')
        r.stages.push(newStage('s9', 'offer', 'Offer', { date: '2025-11-20' }));
      r.outcome = { kind, afterStageId: null, remaining: null };
      r.exportPrefs.celebrate = celebrate;
      return {
        diagram: renderProcess(r.stages, r.outcome, r.exportPrefs)!.split('\n')[1].trim(),
        status: deriveStatus(r),
      };
    };
    expect(draw('pending')).toEqual({
      diagram: expect.stringMatching(/ti2\(Technical Interview II\)$/),
      status: '📜📞🔧📝🔧',
    });
    expect(draw('rejected').diagram).toMatch(
      /ti2\(Technical Interview II\) --rejected--x hri\(HR Interview\) -\.-> o\(Offer\)$/,
    );
    expect(draw('ghosted').status).toBe('📜📞🔧📝🔧❌');
    expect(draw('offer').diagram).toMatch(/--> o\(Offer\)$/);
    expect(draw('declined')).toEqual({
      diagram: expect.stringMatching(/--> o\(Offer\) --rejected--> r\(\(" "\)\)$/),
      status: '📜📞🔧📝🔧❎',
    });
    expect(draw('accepted')).toEqual({
      diagram: expect.stringMatching(/--> o\(Offer\) --accepted :\) --> r\(\("🎉"\)\)$/),
      status: '📜📞🔧📝🔧✅',
    });
    expect(draw('accepted', false).diagram).toMatch(/--> o\(Offer\) --accepted--> r\(\(" "\)\)$/);
  });
});

describe('user text cannot break the structure', () => {
  const hostile = () =>
    createRecord({
      company: { name: '**ACME** [beta] \\_labs\\_ `x`', website: 'https://acme.example/a b(c)' },
      role: '# Lead (Go) & Rust',
      applyWays: ['Site & LinkedIn', 'R&D', '&amp; raw'],
      platform: 'Zoom <script>',
      stages: [
        newStage('s1', 'resume', 'Sent "CV" --> HR', { date: '2025-03-20' }),
        newStage('s2', 'technical', 'Tech **round** (live) --x "A" #1', {
          date: '2025-03-21',
          duration: '45 minutes',
          diagramLabel: 'Tech "round" --> (live) #quot;',
        }),
        newStage('s3', 'other', 'Coffee; chat | [x] {y}', { dateText: 'IDK' }),
      ],
      outcome: { kind: 'rejected', afterStageId: 's3', remaining: [{ kind: 'other', label: 'Final "boss" (CTO)' }] },
      rounds: [
        newRound('r1', '### Weird ## round', {
          questions: [
            newQuestion('q1', '# Not a heading\n</details>\n<details>\n- not a bullet\n&lt;details> literal'),
            newQuestion('q2', 'Close </details> inline?', {
              answers: [
                '</details>\n\nText after a stray close.\n\n```html\n</details>\n<details>\n```\n\n<details><summary>hint</summary>\nnested\n</details>\n&lt;/details> typed escaped\n&amp;lt;details> doubly',
              ],
              answerLabels: ['My answer'],
              followUps: ['> quoted follow-up\n</details>'],
            }),
            newQuestion('q3', '-->  arrows "quotes" `code` | pipes'),
          ],
        }),
      ],
      score: 0,
      review: '<b>bold</b> review </details>',
    });

  it('comes back unchanged after export and import', () => {
    const rec = hostile();
    const md = exportEntry(rec);
    const back = importEntry(md);
    expect(back.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    const r = back.record;
    expect(r.company).toEqual(rec.company);
    expect(r.role).toBe(rec.role);
    expect(r.applyWays).toEqual(rec.applyWays);
    expect(r.platform).toBe(rec.platform);
    expect(
      r.stages.map((s) => [s.label, s.date, s.dateText === null ? null : dateValue(s, 'jalali-dot'), s.duration]),
    ).toEqual(rec.stages.map((s) => [s.label, s.date, dateValue(s, 'jalali-dot'), s.duration]));
    expect(r.stages[1].diagramLabel).toBe('Tech "round" --> (live) #quot;');
    expect(r.outcome.remaining).toEqual(rec.outcome.remaining);
    expect(r.rounds[0].title).toBe(rec.rounds[0].title);
    expect(r.rounds[0].questions.map((q) => [q.text, q.answers, q.answerLabels, q.followUps])).toEqual(
      rec.rounds[0].questions.map((q) => [q.text, q.answers, q.answerLabels, q.followUps]),
    );
    expect(r.score).toBe(0);
    expect(exportEntry(r)).toBe(md);
  });
});

describe('one-line fields are text, not markdown', () => {
  it.each(['C #', '###', 'Lead ##', '# Go #', 'C\\ #', 'C \\#', 'x\\[y\\]'])('a heading %j keeps its text', (text) => {
    const rec = createRecord({ company: { name: text, website: '' }, role: text });
    rec.rounds = [newRound('r1', text, { questions: [newQuestion('q1', 'Q?')] })];
    rec.platform = text;
    const back = importEntry(exportEntry(rec)).record;
    expect([back.company.name, back.role, back.rounds[0]?.title, back.platform]).toEqual([text, text, text, text]);
  });

  it('writes a role from a page title as text: no link, no image', () => {
    const rec = createRecord({
      company: { name: 'Acme', website: '' },
      role: '[x](javascript:alert(1)) ![](https://e.example/t.png)',
    });
    expect(exportEntry(rec)).toContain('## \\[x\\](javascript:alert(1)) !\\[\\](https://e.example/t.png)\n');
  });
});

describe('dates and helpers', () => {
  it('keeps the text as written and rewrites only the date', () => {
    const s = newStage('s1', 'technical', 'TI', { date: '2023-11-11', dateText: '1402.08.20 AT 11:30 AM' });
    expect(dateValue(s, 'jalali-dot')).toBe('1402.08.20 AT 11:30 AM');
    expect(dateValue(s, 'gregorian')).toBe('2023/11/11 AT 11:30 AM');
    expect(dateValue({ ...s, date: '2023-11-12' }, 'jalali-dot')).toBe('1402.08.21 AT 11:30 AM');
    expect(dateValue({ ...s, dateText: null }, 'jalali-slash')).toBe('1402/08/20');
    expect(dateValue({ ...s, date: null, dateText: 'IDK' }, 'gregorian')).toBe('IDK');
    expect(dateValue({ ...s, date: null, dateText: null }, 'gregorian')).toBe('Date not set');
  });

  it('colours scores as the generator does', () => {
    expect([0, 4.5, 5, 7.5, 8, 10].map(scoreColor)).toEqual([
      '#f44336',
      '#f44336',
      '#ff9800',
      '#ff9800',
      '#4caf50',
      '#4caf50',
    ]);
  });

  it('names files as the repository does', () => {
    expect(entryFileName({ company: { name: 'Cafe Bazaar', website: '' } })).toEqual({
      slug: 'cafe-bazaar',
      path: 'src/cafe-bazaar/cafe-bazaar.md',
    });
    expect(entryFileName({ company: { name: 'دیجی‌کالا', website: 'https://www.digikala.com/' } }).slug).toBe(
      'digikala',
    );
  });
});

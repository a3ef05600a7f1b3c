/**
 * Jobvision adapter (utils/clip/boards/jobvision.ts): every `<name>.html` + `<name>.json` pair in this folder
 * through extractPosting and through `jobnote scrape`, then transfer-state parsing and stale-state rules.
 */
import { describe, expect, it } from 'vitest';
import { jobvision, stateFields, stateJobs, tidyPlace } from '../../../utils/clip/boards/jobvision';
import { extractPosting } from '../../../utils/clip/extract';
import { fixturePairSuite, jsdomPage, loadFixture } from '../fixture-pairs';

const DIR = __dirname;
const NOW = new Date('2026-09-22T08:00:00Z');
const API = 'https://candidateapi.jobvision.ir/api/v1/JobPost/Detail?jobPostId=';

const load = (name: string) => loadFixture(DIR, name);
const page = jsdomPage;

fixturePairSuite({
  title: 'jobvision',
  dir: DIR,
  now: NOW,
  required: ['fresh', 'old-state', 'stale', 'no-salary', 'remote'],
  canonical: true,
});

describe('jobvision transfer state', () => {
  const data = (id: number, title: string) => ({ id, title, company: { name: { titleFa: 'آکمه', titleEn: 'Acme' } } });
  const doc = (state: string, id = 'ng-state') =>
    page(`<script id="${id}" type="application/json">${state}</script>`, 'https://jobvision.ir/jobs/5').doc;

  it('reads the Angular 17 form: {b, u} keyed by a hash', () => {
    const s = JSON.stringify({
      123: { b: { isSuccess: true, data: data(5, 'x') }, h: {}, s: 200, st: 'OK', u: API + '5', rt: 'json' },
    });
    expect(stateJobs(doc(s))).toEqual([{ id: '5', data: data(5, 'x') }]);
  });

  it('reads the old escaped form: {body, url} keyed by the request, in script#serverApp-state', () => {
    const raw = JSON.stringify({
      [`G.${API}5`]: {
        body: { isSuccess: true, data: data(5, '<b>R&D</b>') },
        headers: {},
        status: 200,
        url: API + '5',
      },
    });
    const escaped = raw.replace(/&/g, '&a;').replace(/"/g, '&q;').replace(/</g, '&l;').replace(/>/g, '&g;');
    expect(stateJobs(doc(escaped, 'serverApp-state'))).toEqual([{ id: '5', data: data(5, '<b>R&D</b>') }]);
  });

  it('reads a bare body keyed by the URL, and a body kept as a JSON string', () => {
    expect(stateJobs(doc(JSON.stringify({ [API + '5']: { isSuccess: true, data: data(5, 'x') } })))[0].id).toBe('5');
    expect(
      stateJobs(
        doc(
          JSON.stringify({
            9: { b: JSON.stringify({ isSuccess: true, data: data(5, 'x') }), u: API + '5', rt: 'text' },
          }),
        ),
      )[0].data.title,
    ).toBe('x');
  });

  it('skips failed responses, other API calls and broken JSON', () => {
    expect(
      stateJobs(
        doc(JSON.stringify({ 1: { b: { isSuccess: false, data: null, message: 'not found' }, u: API + '5' } })),
      ),
    ).toEqual([]);
    expect(
      stateJobs(
        doc(
          JSON.stringify({
            1: {
              b: { isSuccess: true, data: data(5, 'x') },
              u: 'https://candidateapi.jobvision.ir/api/v1/JobPost/List',
            },
          }),
        ),
      ),
    ).toEqual([]);
    expect(stateJobs(doc('{"1": {'))).toEqual([]);
  });

  it('maps fields the fixtures do not show', () => {
    const { ctx } = page('<p></p>', 'https://jobvision.ir/jobs/5');
    const f = stateFields(
      {
        id: 5,
        title: ' کارشناس  فروش ',
        company: { name: { titleEn: 'Acme' }, website: 'acme.example' },
        location: { province: { titleFa: 'تهران' }, city: { titleFa: 'تهران ، بلوار کشاورز' } },
        salary: { min: 20, max: 30, titleFa: null },
        workType: { id: 121, titleFa: 'پاره وقت' },
        seniorityLevel: 2,
        isRemote: true,
        activationTime: { date: 'نامشخص' },
      },
      ctx,
    ).fields;
    expect(f).toMatchObject({
      title: 'کارشناس فروش',
      companyName: 'Acme',
      companyNameEn: null,
      website: 'https://acme.example',
      location: 'تهران، بلوار کشاورز (دورکاری)',
      salary: '20 - 30 میلیون تومان',
      employmentType: 'پاره وقت',
      seniority: null,
      postedAt: null,
      skills: [],
      jobId: '5',
    });
    expect(
      stateFields({ workType: 122, company: { website: 'https://jobvision.ir/companies/1' } }, ctx).fields,
    ).toMatchObject({ employmentType: 'پروژه‌ای', website: null });
  });

  it('tidies «تهران ، بلوار کشاورز» places', () => {
    expect(tidyPlace(['تهران ، بلوار کشاورز'])).toBe('تهران، بلوار کشاورز');
    expect(tidyPlace(['تهران', 'تهران'])).toBe('تهران');
    expect(tidyPlace(['البرز', ' کرج ', null])).toBe('البرز، کرج');
    expect(tidyPlace([null, ''])).toBeNull();
  });
});

describe('jobvision stale state', () => {
  it('skips state and JSON-LD written for the previous job, and says so', () => {
    const { html, fx } = load('stale');
    const { doc, ctx } = page(html, fx.url);
    expect(ctx.jobId).toBe('1130001');
    const findings = jobvision.read(ctx);
    expect(findings.map((f) => [f.source, Object.keys(f.fields).length > 0])).toEqual([
      ['state', false],
      ['json-ld', false],
      ['dom', true],
    ]);
    const notes = extractPosting(doc, fx.url, { now: NOW }).notes;
    expect(notes).toContain('embedded state was for job 1120000, not 1130001; skipped');
    expect(notes).toContain('JSON-LD was for job 1120000, not 1130001; skipped');
  });

  it('uses the same page when visited at the job it was rendered for', () => {
    const { html } = load('stale');
    const url = 'https://jobvision.ir/jobs/1120000/x';
    const p = extractPosting(page(html, url).doc, url, { now: NOW });
    expect([p.title, p.sources.title, p.salary, p.notes]).toEqual([
      'برنامه‌نویس ارشد Angular',
      'state',
      '45 - 60 میلیون تومان',
      [],
    ]);
  });

  it('distrusts JSON-LD without an id when it carries the stale state title', () => {
    const state = { 7: { b: { isSuccess: true, data: { id: 1, title: 'قدیمی' } }, u: API + '1' } };
    const ld = { '@type': 'JobPosting', title: 'قدیمی', datePosted: '2026-01-01' };
    const html = `<script type="application/ld+json">${JSON.stringify(ld)}</script><h1>جدید</h1><script id="ng-state" type="application/json">${JSON.stringify(state)}</script>`;
    const p = extractPosting(page(html, 'https://jobvision.ir/jobs/2').doc, 'https://jobvision.ir/jobs/2', {
      now: NOW,
    });
    expect([p.title, p.postedAt, p.jobId]).toEqual(['جدید', null, '2']);
    expect(p.notes).toContain('JSON-LD was for «قدیمی», not 2; skipped');
  });

  it('keeps JSON-LD without an id when nothing says it is stale', () => {
    const ld = { '@type': 'JobPosting', title: 'عنوان', datePosted: '2026-01-01' };
    const html = `<script type="application/ld+json">${JSON.stringify(ld)}</script><h1>عنوان</h1>`;
    const p = extractPosting(page(html, 'https://jobvision.ir/jobs/2').doc, 'https://jobvision.ir/jobs/2', {
      now: NOW,
    });
    expect([p.title, p.sources.title, p.postedAt]).toEqual(['عنوان', 'json-ld', '2026-01-01']);
  });
});

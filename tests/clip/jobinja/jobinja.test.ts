/**
 * Jobinja adapter (utils/clip/boards/jobinja.ts): every `<name>.html` + `<name>.json` pair in this folder
 * through extractPosting and through `jobnote scrape`, then the label matching and ordering rules alone.
 */
import { describe, expect, it } from 'vitest';
import { infoLabel, jobinja, stripHiring } from '../../../utils/clip/boards/jobinja';
import { splitCompanyName } from '../../../utils/clip/normalize';
import { extractPosting, scrapeJson } from '../../../utils/clip/extract';
import { fixturePairSuite, jsdomPage, loadFixture } from '../fixture-pairs';

const DIR = __dirname;
const NOW = new Date('2026-09-22T08:00:00Z');
const load = (name: string) => loadFixture(DIR, name);
const page = jsdomPage;

fixturePairSuite({ title: 'jobinja', dir: DIR, now: NOW, required: 9, canonical: true });

describe('jobinja labels', () => {
  it('matches info-box titles after normalising ZWNJ, spaces, ي/ك and colons', () => {
    for (const t of ['دسته‌بندی شغلی', 'دستهبندی شغلی', 'دسته بندی شغلی', 'دسته‌بندي شغلي', ' دسته‌بندی  شغلی: '])
      expect(infoLabel(t)).toBe('category');
    for (const t of ['مهارت‌های مورد نیاز', 'مهارتهای مورد نیاز', 'مهارت های مورد نياز'])
      expect(infoLabel(t)).toBe('skills');
    for (const t of ['حداقل سابقه کار', 'حداقل سابقه كار', 'حداقل سابقه‌کار', 'حداقل\u00a0سابقه\nکار'])
      expect(infoLabel(t)).toBe('seniority');
    expect(infoLabel('موقعيت مكاني')).toBe('location');
    expect(infoLabel('نوع همکاری')).toBe('employmentType');
    expect(infoLabel('حقوق')).toBe('salary');
  });

  it('matches the labels a browser translation writes', () => {
    expect(infoLabel('Location')).toBe('location');
    expect(infoLabel('Type of cooperation')).toBe('employmentType');
    expect(infoLabel('Minimum work experience')).toBe('seniority');
    expect(infoLabel('Rights')).toBe('salary');
    expect(infoLabel('Salary:')).toBe('salary');
    expect(infoLabel('Required skills')).toBe('skills');
    expect(infoLabel('Job category')).toBe('category');
    expect(infoLabel('Gender')).toBe('gender');
  });

  it('ignores labels it does not know (and never matches on a part)', () => {
    expect(infoLabel('حقوق و مزایا در شرکت')).toBeNull();
    expect(infoLabel('Location of the office building')).toBeNull();
    expect(infoLabel('')).toBeNull();
    expect(infoLabel(null)).toBeNull();
  });

  it('strips «استخدام » from titles only at the start', () => {
    expect(stripHiring('استخدام برنامه‌نویس PHP')).toBe('برنامه‌نویس PHP');
    expect(stripHiring('  استخدام\u00a0 کارشناس استخدام و جذب ')).toBe('کارشناس استخدام و جذب');
    expect(stripHiring('کارشناس استخدام')).toBe('کارشناس استخدام');
    expect(stripHiring('استخدام')).toBe('استخدام');
    expect(stripHiring(null)).toBeNull();
  });

  it('splits company names into Persian and English (splitCompanyName, shared by every board)', () => {
    const both = { name: 'ایده‌پردازان نوین', nameEn: 'Idea Pardazan Novin' };
    expect(splitCompanyName(['ایده‌پردازان نوین | Idea Pardazan Novin'])).toEqual(both);
    expect(splitCompanyName('Idea Pardazan Novin | ایده‌پردازان نوین')).toEqual(both);
    expect(splitCompanyName(['ایده‌پردازان نوین', 'Idea Pardazan Novin'])).toEqual(both);
    expect(splitCompanyName('Müller GmbH | مولر')).toEqual({ name: 'مولر', nameEn: 'Müller GmbH' });
    expect(splitCompanyName(['ایده‌پردازان نوین'])).toEqual({ name: 'ایده‌پردازان نوین', nameEn: null });
    expect(splitCompanyName(['Acme | Widgets'])).toEqual({ name: 'Acme | Widgets', nameEn: null });
    expect(splitCompanyName(['Acme', 'Widgets'])).toEqual({ name: 'Acme | Widgets', nameEn: null });
    expect(splitCompanyName('Acme|Widgets')).toEqual({ name: 'Acme|Widgets', nameEn: null });
    expect(splitCompanyName([])).toEqual({ name: null, nameEn: null });
    expect(splitCompanyName(null)).toEqual({ name: null, nameEn: null });
  });
});

describe('jobinja findings', () => {
  const info = (items: [string, string[]][]) =>
    `<ul class="c-jobView__firstInfoBox c-infoBox">${items
      .map(
        ([t, v]) =>
          `<li class="c-infoBox__item"><h4 class="c-infoBox__itemTitle">${t}</h4>` +
          `<div class="tags">${v.map((x) => `<span class="black">${x}</span>`).join('')}</div></li>`,
      )
      .join('')}</ul>`;
  const URL_ = 'https://jobinja.ir/companies/acme/jobs/AbC1/x';

  it('reads every field from English labels', () => {
    const html = `<section class="c-jobView">${info([
      ['Job category', ['Web, programming and software']],
      ['Location', ['Tehran , Tehran']],
      ['Type of cooperation', ['Full time', 'Remote']],
      ['Minimum work experience', ['Three to six years']],
      ['Rights', ['From 30 to 40 million tomans']],
      ['Required skills', ['Python', 'Django']],
    ])}</section>`;
    const dom = jobinja.read(page(html, URL_).ctx).find((f) => f.fields.employmentType)!;
    expect(dom.source).toBe('dom');
    expect(dom.fields).toMatchObject({
      location: 'Tehran، Tehran',
      employmentType: 'Full time، Remote',
      seniority: 'Three to six years',
      skills: ['Python', 'Django'],
    });
  });

  it('puts the salary as shown before JSON-LD, and only the salary', () => {
    const ld = {
      '@type': 'JobPosting',
      title: 'استخدام طراح',
      baseSalary: { currency: 'IRT', value: { minValue: 1, maxValue: 2, unitText: 'MONTH' } },
      employmentType: 'FULL_TIME',
    };
    const html = `<script type="application/ld+json">${JSON.stringify(ld)}</script>${info([
      ['حقوق', ['توافقی']],
      ['نوع همکاری', ['پاره وقت']],
    ])}`;
    const findings = jobinja.read(page(html, URL_).ctx);
    expect(findings.map((f) => f.source)).toEqual(['dom', 'json-ld', 'dom']);
    expect(findings[0].fields).toEqual({ salary: 'توافقی' });
    expect(findings[1].fields).toMatchObject({
      title: 'طراح',
      salary: '1 - 2 Toman / month',
      employmentType: 'Full-time',
    });
    expect(findings[2].fields.salary).toBeUndefined();
    const p = extractPosting(page(html, URL_).doc, URL_, { now: NOW });
    expect([p.salary, p.sources.salary, p.employmentType, p.sources.employmentType]).toEqual([
      'توافقی',
      'dom',
      'Full-time',
      'json-ld',
    ]);
  });

  it('uses JSON-LD salary when the page shows none', () => {
    const ld = {
      '@type': 'JobPosting',
      title: 'طراح',
      baseSalary: { currency: 'IRT', value: { minValue: 30000000, maxValue: 40000000, unitText: 'MONTH' } },
    };
    const html = `<script type="application/ld+json">${JSON.stringify(ld)}</script>`;
    const p = extractPosting(page(html, URL_).doc, URL_, { now: NOW });
    expect([p.salary, p.sources.salary]).toEqual(['30,000,000 - 40,000,000 Toman / month', 'json-ld']);
  });

  it('does not take Jobinja company pages for the company website', () => {
    const ld = {
      '@type': 'JobPosting',
      title: 'x',
      hiringOrganization: { name: 'آکمه', sameAs: 'https://jobinja.ir/companies/acme' },
    };
    const html = `<script type="application/ld+json">${JSON.stringify(ld)}</script>
      <div class="c-companyHeader__meta"><a class="c-companyHeader__metaLink" href="https://jobinja.ir/company/list/it">IT</a></div>`;
    const p = extractPosting(page(html, URL_).doc, URL_, { now: NOW });
    expect(p.company.website).toBeNull();
  });

  it('notes an expired posting, but not an error on a live one', () => {
    const expired = `<div class="c-alert c-alert--error">این آگهی منقضی شده است.</div><div class="c-jobView__titleText"><h1>استخدام طراح</h1></div>`;
    expect(extractPosting(page(expired, URL_).doc, URL_, { now: NOW }).notes).toContain(
      'the posting has expired («این آگهی منقضی شده است.»)',
    );
    const live = `${expired}<input type="submit" value="ارسال رزومه">`;
    expect(extractPosting(page(live, URL_).doc, URL_, { now: NOW }).notes.join()).not.toMatch(/expired/);
    const fx = load('expired');
    expect(extractPosting(page(fx.html, fx.fx.url).doc, fx.fx.url, { now: NOW }).notes).toEqual([
      'the posting has expired («مهلت ارسال رزومه برای این آگهی به پایان رسیده است.»)',
    ]);
    const full = load('full');
    expect(extractPosting(page(full.html, full.fx.url).doc, full.fx.url, { now: NOW }).notes).toEqual([]);
  });

  it('leaves postedAt null without JSON-LD (the page only says «۵ روز پیش»)', () => {
    const { html, fx } = load('dom-only');
    expect(html).toContain('۵ روز پیش');
    expect(extractPosting(page(html, fx.url).doc, fx.url, { now: NOW }).postedAt).toBeNull();
  });

  it('reads an item without span.black tags from its text', () => {
    const html = `<ul class="c-infoBox"><li class="c-infoBox__item"><h4 class="c-infoBox__itemTitle">حداقل سابقه کار</h4><div>بیش از شش سال</div></li></ul>`;
    expect(jobinja.read(page(html, URL_).ctx).at(-1)!.fields.seniority).toBe('بیش از شش سال');
  });

  it('finds nothing (and throws nothing) on an unrelated page', () => {
    const p = extractPosting(page('<p>hello</p>', URL_).doc, URL_, { now: NOW, readability: false });
    expect(scrapeJson(p)).toMatchObject({
      board: 'jobinja',
      jobId: 'AbC1',
      title: null,
      skills: [],
      salary: null,
      description: null,
    });
  });

  it('reads the DOM of a logged-out page (content inside c-forceToLogin__content)', () => {
    const { html, fx } = load('logged-out');
    const { ctx } = page(html, fx.url);
    const dom = jobinja.read(ctx).filter((f) => f.source === 'dom');
    const fields = Object.assign({}, ...dom.map((f) => f.fields));
    expect(ctx.doc.querySelector('.c-forceToLogin__content .c-jobView')).not.toBeNull();
    expect(fields.title).toBe(fx.expected.title);
    expect(fields.companyName).toBe(fx.expected.company.name);
    expect(fields.seniority).toBe(fx.expected.seniority);
    expect(fields.salary).toBe(fx.expected.salary);
    expect(fields.skills).toEqual(fx.expected.skills);
    expect(fields.description).toBeTruthy();
  });

  it('strips tracking parameters from the stored URL', () => {
    const { fx } = load('tracking');
    expect(new URL(fx.url).searchParams.has('_ref')).toBe(true);
    expect(fx.expected.url).not.toMatch(/[?&](_ref|_t|utm_\w+)=|#/);
  });
});

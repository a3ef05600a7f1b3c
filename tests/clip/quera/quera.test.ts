/**
 * The Quera Magnet adapter (utils/clip/boards/quera.ts) against the page fixtures next to this file: each
 * `<name>.html` with `<name>.json` = { url, expected (the exact `scrape` output), sources? }, read both by
 * extractPosting on a jsdom document and through the CLI (`jobnote scrape FILE --url URL`). Then targeted
 * cases: stale embedded state, broken JSON, what a description must never carry.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { quera } from '../../../utils/clip/boards/quera';
import { extractPosting } from '../../../utils/clip/extract';
import { fixturePairSuite, jsdomPage, loadFixture } from '../fixture-pairs';

const DIR = __dirname;
const NOW = new Date('2025-10-08T12:00:00Z');
const html = (name: string) => loadFixture(DIR, name).html;
const extract = (page: string, url: string) => extractPosting(jsdomPage(page, url).doc, url, { now: NOW });
const context = (page: string, url: string) => jsdomPage(page, url).ctx;

fixturePairSuite({ title: 'quera', dir: DIR, now: NOW, required: 5, canonical: true });

describe('quera adapter', () => {
  it('reads __NEXT_DATA__ as state, and a description with no scripts, handlers or javascript: links', () => {
    const posting = extract(html('next-data'), 'https://quera.org/magnet/jobs/k7x2p');
    expect(posting.sources.title).toBe('state');
    expect(posting.description).not.toMatch(/evil\.example|document\.cookie|onclick|track\(/);
    const nested = extract(html('nested-state'), 'https://quera.org/magnet/jobs/m3n8q');
    expect(nested.description).toContain('اینجا کلیک کنید');
    expect(nested.description).not.toMatch(/javascript:|alert/);
  });

  it('skips embedded state for another job (client-side navigation) and reads the page instead', () => {
    // The page was opened on k7x2p, then the user went on to h8g3n: __NEXT_DATA__ still holds k7x2p only.
    const page = html('next-data')
      .replace(
        '<h1 class="chakra-heading css-1jb3vzl">برنامه‌نویس بک‌اند (Python/Django)</h1>',
        '<h1 class="chakra-heading css-1jb3vzl">مهندس یادگیری ماشین</h1>',
      )
      .replace('<p class="chakra-text css-7viiwh">کافه‌بازار</p>', '<p class="chakra-text css-7viiwh">دیجی‌کالا</p>');
    const posting = extract(page, 'https://quera.org/magnet/jobs/h8g3n');
    expect(posting.title).toBe('مهندس یادگیری ماشین');
    expect(posting.company.name).toBe('دیجی‌کالا');
    expect(posting.sources.title).toBe('dom');
    expect(posting.skills).toEqual([]);
    expect(posting.company.website).toBeNull();
    expect(posting.notes).toContain("the page's embedded data is for job k7x2p, not h8g3n; read from the page instead");
  });

  it('takes the job out of a similar-jobs list only when it is that job', () => {
    // p4k9d is in pageProps only as a thin list node: its title is the only field it gives.
    const findings = quera.read(context(html('next-data'), 'https://quera.org/magnet/jobs/p4k9d'));
    const state = findings.find((f) => f.source === 'state');
    expect(state?.fields.title).toBe('برنامه‌نویس فرانت‌اند (React)');
    expect(state?.fields.description).toBeNull();
    expect(state?.fields.jobId).toBe('p4k9d');
  });

  it('survives a broken __NEXT_DATA__ and falls back to the DOM', () => {
    const page = html('remote-salary').replace(
      /<script id="__NEXT_DATA__" type="application\/json">\{/,
      '<script id="__NEXT_DATA__" type="application/json">{oops',
    );
    const posting = extract(page, 'https://quera.org/magnet/jobs/x9c4b');
    expect(posting.title).toBe('توسعه‌دهنده Go (دورکاری)');
    expect(posting.company.name).toBe('ویپاد');
    expect(posting.seniority).toBe('Junior');
    expect(posting.postedAt).toBe('2025-10-06');
    expect(posting.sources.title).toBe('dom');
  });

  it('never reads another job card: title, company, level and date come from outside the cards', () => {
    const finding = quera
      .read(context(html('dom-only'), 'https://quera.org/magnet/jobs/a1b2c'))
      .find((f) => f.source === 'dom');
    expect(finding?.fields).toMatchObject({
      title: 'کارآموز تحلیل داده',
      companyName: 'علی‌بابا',
      seniority: 'Intern',
      postedAt: '2025-10-04',
    });
    expect(finding?.fields.description).not.toMatch(/Data Analyst|BI Developer|تپسی/);
  });

  it('caps a markdown description at maxDescription, with a note', () => {
    const url = 'https://quera.org/magnet/jobs/x9c4b';
    const posting = extractPosting(new JSDOM(html('remote-salary'), { url }).window.document, url, {
      now: NOW,
      maxDescription: 40,
    });
    expect(posting.description!.endsWith('…')).toBe(true);
    expect(posting.description!.length).toBeLessThanOrEqual(45);
    expect(posting.notes).toContain('description truncated to 40 characters');
  });

  it('returns no state finding on an App Router page, and no fields it cannot see', () => {
    const findings = quera.read(context(html('app-router-jsonld'), 'https://quera.org/magnet/jobs/d2f7h'));
    expect(findings.map((f) => f.source)).toEqual(['json-ld', 'dom']);
  });
});

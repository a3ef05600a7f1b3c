/**
 * The LinkedIn adapter (utils/clip/boards/linkedin.ts) against the page fixtures next to this file: each
 * `<name>.html` with `<name>.json` = { url, expected (the exact `scrape` output), sources? }, read both by
 * extractPosting on a jsdom document and through the CLI (`jobnote scrape FILE --url URL`). Then targeted
 * cases: which job a search page shows (currentJobId), error pages, and linkedinDescriptionMissing.
 */
import { describe, expect, it } from 'vitest';
import { linkedin, linkedinDescriptionMissing } from '../../../utils/clip/boards/linkedin';
import type { Finding } from '../../../utils/clip/types';
import { canonicalUrl } from '../../../utils/clip/url';
import { fixturePairSuite, jsdomPage, loadFixture } from '../fixture-pairs';

const DIR = __dirname;
const NOW = new Date('2025-10-08T12:00:00Z');
const html = (name: string) => loadFixture(DIR, name).html;
const fixture = (name: string) => loadFixture(DIR, name).fx;
const doc = (page: string, url: string) => jsdomPage(page, url).doc;
const read = (page: string, url: string): Finding[] => linkedin.read(jsdomPage(page, url).ctx);
const isBlocked = (f: Finding) => (f as Finding & { blocked?: boolean }).blocked === true;

fixturePairSuite({ title: 'linkedin', dir: DIR, now: NOW, required: 7, canonical: true });

describe('linkedin: the job of a search page is currentJobId', () => {
  const SEARCH = fixture('search-current-job').url;
  const CARD_TITLES = [
    'Staff Frontend Engineer',
    'Frontend Developer (React) with verification',
    'Senior Angular Developer',
  ];

  it("reads the details pane, never a side-list card's title or company", () => {
    const dom = read(html('search-current-job'), SEARCH).find((f) => f.source === 'dom');
    expect(dom?.fields.title).toBe('Frontend Developer (React)');
    expect(dom?.fields.companyName).toBe('Trendyol');
    expect(dom?.fields.jobId).toBe('4045678901');
    expect(CARD_TITLES).not.toContain(dom?.fields.title);
  });

  it('accepts a pane that names no job (the SPA shows the selected one)', () => {
    const page = html('search-current-job').replace(
      /href="\/jobs\/view\/4045678901\/\?alternateChannel[^"]*"/,
      'href="#"',
    );
    const dom = read(page, SEARCH).find((f) => f.source === 'dom');
    expect(dom?.fields.title).toBe('Frontend Developer (React)');
    expect(dom?.fields.jobId).toBe('4045678901');
  });

  it('reads nothing while the pane still shows the previous job', () => {
    // The user clicked the first card: the address says 4099990001, the pane has not re-rendered yet.
    const url = SEARCH.replace('4045678901', '4099990001');
    const findings = read(html('search-current-job'), url);
    expect(findings).toHaveLength(1);
    expect(findings[0].fields).toEqual({});
    expect(isBlocked(findings[0])).toBe(true);
    expect(findings[0].notes).toEqual([
      'the job pane shows job 4045678901, not 4099990001 from the address; ' +
        'nothing was read (wait for the job to load and clip again)',
    ]);
  });

  it('reads nothing from the side list when the pane has not loaded at all', () => {
    const page = html('search-current-job').replace(
      /<div class="scaffold-layout__detail[\s\S]*?<\/main>/,
      '</div></main>',
    );
    const findings = read(page, SEARCH);
    expect(findings).toHaveLength(1);
    expect(findings[0].fields).toEqual({});
    expect(isBlocked(findings[0])).toBe(true);
  });

  it('picks the pane whose data-job-id is the current job on a collections page', () => {
    const findings = read(html('ab-layout'), fixture('ab-layout').url);
    const dom = findings.find((f) => f.source === 'dom');
    expect(dom?.fields).toMatchObject({
      title: 'Site Reliability Engineer',
      companyName: 'Snapp',
      location: 'Tehran, Iran (On-site)',
    });
    const other = read(
      html('ab-layout'),
      'https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4077770001',
    );
    expect(other.every((f) => !f.fields.title)).toBe(true);
  });
});

describe('linkedin: error, sign-in and security-check pages', () => {
  const expectBlocked = (findings: Finding[]) => {
    expect(findings).toHaveLength(1);
    expect(findings[0].fields).toEqual({});
    expect(isBlocked(findings[0])).toBe(true);
    expect(findings[0].notes?.[0]).toMatch(/^LinkedIn showed an error, sign-in or security check page/);
  };

  it('security verification (fixture): no fields and a note', () => {
    expectBlocked(read(html('error-security-check'), fixture('error-security-check').url));
  });

  it('"Something went wrong" in the SPA pane', () => {
    const page = `<!DOCTYPE html><html><head><title>(2) Jobs | LinkedIn</title></head><body><main class="scaffold-layout__main">
      <div class="jobs-search__job-details--container"><div class="jobs-details__main-content"><div class="artdeco-empty-state">
      <h2 class="artdeco-empty-state__headline">Something went wrong</h2><p class="artdeco-empty-state__message">Please try reloading the page.</p>
      <button class="artdeco-button">Reload</button></div></div></div></main></body></html>`;
    expectBlocked(read(page, 'https://www.linkedin.com/jobs/view/4012345678/'));
  });

  it('the authwall (sign in or join)', () => {
    const page = `<!DOCTYPE html><html><head><title>Sign Up | LinkedIn</title></head><body><main class="main">
      <h1 class="authwall-join-form__title">Join LinkedIn</h1><form class="authwall-join-form__form" action="https://www.linkedin.com/signup/cold-join"><input name="email-address"></form>
      <p>Already on LinkedIn? <a href="https://www.linkedin.com/login">Sign in</a></p></main></body></html>`;
    expectBlocked(
      read(
        page,
        'https://www.linkedin.com/authwall?trk=public_jobs&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fjobs%2Fview%2F4012345678',
      ),
    );
  });

  it('a guest page in an unknown layout is not a sign-in page for its sign-in modal', () => {
    // The top card's classes changed: the adapter finds no title, and the page is left to the generic fallbacks.
    const page = html('guest-jsonld')
      .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '')
      .replace(/top-card-layout__title|topcard__title/g, 'x-title-7f3a');
    const findings = read(page, fixture('guest-jsonld').url);
    expect(findings.some(isBlocked)).toBe(false);
    expect(findings[0].notes).toContain('no LinkedIn job details were found on the page');
  });

  it('a job whose text says "something went wrong" is still a job', () => {
    const page = html('guest-criteria').replace(
      'Build dashboards that track credit performance',
      'Find out why something went wrong in a security verification flow',
    );
    const findings = read(page, fixture('guest-criteria').url);
    expect(findings.some(isBlocked)).toBe(false);
    expect(findings.find((f) => f.source === 'dom')?.fields.title).toBe('Data Analyst');
  });
});

describe('linkedin: details', () => {
  it('the JSON-LD description was entity-escaped and becomes markdown; the LinkedIn company page is no website', () => {
    const ld = read(html('guest-jsonld'), fixture('guest-jsonld').url).find((f) => f.source === 'json-ld');
    expect(ld?.fields.description).toContain('together with the R&D team');
    expect(ld?.fields.description).not.toMatch(/&lt;|&amp;|<p>/);
    expect(ld?.fields.website).toBeUndefined();
  });

  it('country subdomains and tracking parameters give the canonical www URL', () => {
    for (const name of ['guest-jsonld', 'country-subdomain']) {
      const { url } = fixture(name);
      expect(new URL(url).hostname).toBe('ir.linkedin.com');
      expect(url).toMatch(/refId=.*trackingId=.*trk=/);
      expect(canonicalUrl(url)).toMatch(/^https:\/\/www\.linkedin\.com\/jobs\/view\/\d+\/$/);
    }
  });

  it('drops the "About the job" heading and screen-reader duplicates', () => {
    const dom = read(html('view-logged-in'), fixture('view-logged-in').url).find((f) => f.source === 'dom');
    expect(dom?.fields.description).not.toMatch(/About the job|About the company/);
    expect(dom?.fields.location).not.toMatch(/Matches your job preferences/);
    expect(dom?.fields.title).toBe('Senior Product Designer');
  });
});

describe('linkedinDescriptionMissing', () => {
  const missing = (page: string, url: string) => linkedinDescriptionMissing(doc(page, url));
  const VIEW = fixture('view-logged-in').url;
  const SEARCH = fixture('search-current-job').url;

  it('false once the description is there (logged-in, search pane, guest)', () => {
    expect(missing(html('view-logged-in'), VIEW)).toBe(false);
    expect(missing(html('search-current-job'), SEARCH)).toBe(false);
    expect(missing(html('ab-layout'), fixture('ab-layout').url)).toBe(false);
    expect(missing(html('guest-criteria'), fixture('guest-criteria').url)).toBe(false);
  });

  it('true while the pane has no description element, or only its heading', () => {
    const noElement = html('view-logged-in').replace(
      /<div class="jobs-box--fadein[\s\S]*?<\/article>\s*<\/div>/,
      '<div class="jobs-box--fadein"><div class="artdeco-loader"></div></div>',
    );
    expect(missing(noElement, VIEW)).toBe(true);
    const headingOnly = html('view-logged-in').replace(
      /<div class="mt4">[\s\S]*?<\/ul>\s*<\/div>/,
      '<div class="mt4"></div>',
    );
    expect(missing(headingOnly, VIEW)).toBe(true);
    const emptyGuest = html('guest-criteria').replace(
      /(<div class="show-more-less-html__markup[^>]*>)[\s\S]*?(<\/div>)/,
      '$1$2',
    );
    expect(missing(emptyGuest, fixture('guest-criteria').url)).toBe(true);
  });

  it('true while the pane still shows another job than currentJobId', () => {
    expect(missing(html('search-current-job'), SEARCH.replace('4045678901', '4099990003'))).toBe(true);
  });

  it('false where there is nothing to wait for: no job pane, an error page', () => {
    const feed =
      '<!DOCTYPE html><html><head><title>Feed | LinkedIn</title></head><body><main><h2>Start a post</h2></main></body></html>';
    expect(missing(feed, 'https://www.linkedin.com/feed/')).toBe(false);
    expect(missing(html('error-security-check'), fixture('error-security-check').url)).toBe(false);
  });
});

/**
 * Generic JobPosting pages (docs/boards.md §3.5, §5): the fixture pairs in this folder (see ../fixture-pairs.ts)
 * through extractPosting and `jobnote scrape`, then JSON-LD reading details one by one.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractPosting, scrapeJson } from '../../../utils/clip/extract';
import { fixturePairSuite } from '../fixture-pairs';

const DIR = __dirname;
const NOW = new Date('2025-10-08T09:30:00Z');

fixturePairSuite({
  title: 'generic JobPosting',
  dir: DIR,
  now: NOW,
  required: [
    'graph',
    'type-array',
    'invalid-first',
    'array-of-objects',
    'escaped-description',
    'telecommute',
    'greenhouse',
    'lever',
    'readability',
    'two-postings',
  ],
  // A page's own canonical link may differ from the address it was read at.
  canonical: false,
});

describe('JSON-LD reading details', () => {
  const read = (html: string, url = 'https://jobs.example.com/p/1') => {
    const dom = new JSDOM(html, { url });
    return scrapeJson(extractPosting(dom.window.document, url, { now: NOW }));
  };
  const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
  const posting = (extra: Record<string, unknown>) => ({
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: 'Engineer',
    ...extra,
  });

  it('reads a JobPosting under mainEntity and an @graph given as one object', () => {
    expect(read(ld({ '@type': 'WebPage', mainEntity: posting({ title: 'Main entity' }) })).title).toBe('Main entity');
    expect(read(ld({ '@graph': posting({ title: 'Graph object' }) })).title).toBe('Graph object');
  });

  it('skips blocks that stay invalid and a non-JSON-LD script', () => {
    const html = `<script type="application/ld+json">{"@type": "JobPosting", "title": </script><script type="application/json">${JSON.stringify(posting({ title: 'Not LD' }))}</script>${ld(posting({ title: 'Good' }))}`;
    expect(read(html).title).toBe('Good');
    const none = read('<script type="application/ld+json">not json at all</script><p>x</p>');
    expect(none.board).toBe('readability');
  });

  it('keeps every salary in its own currency and unit, never assuming $', () => {
    const salary = (baseSalary: unknown) => read(ld(posting({ baseSalary }))).salary;
    expect(
      salary({
        '@type': 'MonetaryAmount',
        currency: 'IRT',
        value: { minValue: 30e6, maxValue: 40e6, unitText: 'MONTH' },
      }),
    ).toBe('30,000,000 - 40,000,000 Toman / month');
    expect(salary({ '@type': 'MonetaryAmount', currency: 'IRR', value: { value: 5e8, unitText: 'MONTH' } })).toBe(
      '500,000,000 Rial / month',
    );
    expect(
      salary({
        '@type': 'MonetaryAmount',
        currency: 'USD',
        value: { minValue: 90000, maxValue: 120000, unitText: 'YEAR' },
      }),
    ).toBe('90,000 - 120,000 USD / year');
    expect(salary({ '@type': 'MonetaryAmount', currency: 'usd', value: 45, unitText: 'HOUR' })).toBe('45 USD / hour');
    expect(
      salary({
        '@type': 'MonetaryAmount',
        currency: 'IRT',
        value: { minValue: 50e6, maxValue: 50e6, unitText: 'MONTH' },
      }),
    ).toBe('50,000,000 Toman / month');
    expect(salary({ '@type': 'MonetaryAmount', value: { minValue: '۴۰۰۰۰۰۰۰' } })).toBe('40,000,000');
    expect(salary('از ۳۰ تا ۴۰ میلیون تومان')).toBe('از 30 تا 40 میلیون تومان');
    expect(salary([{ '@type': 'MonetaryAmount', currency: 'EUR', value: { value: 4000, unitText: 'MONTH' } }])).toBe(
      '4,000 EUR / month',
    );
    expect(salary({ '@type': 'MonetaryAmount', currency: 'IRT' })).toBeNull();
    expect(
      read(
        ld(
          posting({
            estimatedSalary: {
              '@type': 'MonetaryAmount',
              currency: 'IRT',
              value: { minValue: 2e7, maxValue: 3e7, unitText: 'MONTH' },
            },
          }),
        ),
      ).salary,
    ).toBe('20,000,000 - 30,000,000 Toman / month');
  });

  it('prefers baseSalary over estimatedSalary', () => {
    const p = posting({ baseSalary: 'توافقی', estimatedSalary: { currency: 'USD', value: 1 } });
    expect(read(ld(p)).salary).toBe('توافقی');
  });

  it('takes the day as the publisher wrote it, whatever the offset, and Jalali dates converted', () => {
    const day = (datePosted: unknown) => read(ld(posting({ datePosted }))).postedAt;
    expect(day('2025-10-07T01:00:00+03:30')).toBe('2025-10-07');
    expect(day('2025-09-30T23:45:00-07:00')).toBe('2025-09-30');
    expect(day('2025-10-07')).toBe('2025-10-07');
    expect(day('1404-07-15')).toBe('2025-10-07');
    expect(day('۱۴۰۳/۱۲/۳۰')).toBe('2025-03-20');
    expect(day('1404-12-30')).toBeNull();
    expect(day('2025-02-30')).toBeNull();
    expect(day('Oct 7, 2025')).toBeNull();
    expect(day(20251007)).toBeNull();
  });

  it('reads locations as string, object, list and remote', () => {
    const loc = (extra: Record<string, unknown>) => read(ld(posting(extra))).location;
    expect(loc({ jobLocation: 'Tehran' })).toBe('Tehran');
    expect(loc({ jobLocation: { '@type': 'Place', address: 'Valiasr St, Tehran' } })).toBe('Valiasr St, Tehran');
    expect(
      loc({ jobLocation: [{ address: { addressLocality: 'Tehran' } }, { address: { addressLocality: 'Tehran' } }] }),
    ).toBe('Tehran');
    expect(loc({ jobLocationType: 'TELECOMMUTE' })).toBe('Remote');
    expect(
      loc({
        jobLocationType: 'TELECOMMUTE',
        applicantLocationRequirements: [
          { '@type': 'Country', name: 'Iran' },
          { '@type': 'Country', name: 'Turkey' },
        ],
      }),
    ).toBe('Remote (Iran; Turkey)');
    expect(
      loc({
        jobLocationType: 'TELECOMMUTE',
        jobLocation: { address: { addressLocality: 'Berlin', addressCountry: 'DE' } },
      }),
    ).toBe('Berlin, DE (Remote)');
  });

  it('reads employment types as enum, list, comma list and free text', () => {
    const emp = (employmentType: unknown) => read(ld(posting({ employmentType }))).employmentType;
    expect(emp('FULL_TIME')).toBe('Full-time');
    expect(emp(['FULL_TIME', 'PART_TIME', 'FULL_TIME'])).toBe('Full-time, Part-time');
    expect(emp('INTERN, TEMPORARY')).toBe('Internship, Temporary');
    expect(emp('full-time')).toBe('Full-time');
    expect(emp('پاره وقت')).toBe('پاره وقت');
    expect(emp(7)).toBeNull();
  });

  it('reads the organisation as object, list or «fa | en» string', () => {
    const org = (hiringOrganization: unknown) => read(ld(posting({ hiringOrganization }))).company;
    expect(org('اسنپ | Snapp')).toEqual({ name: 'اسنپ', nameEn: 'Snapp', website: null });
    expect(org('Snapp | اسنپ')).toEqual({ name: 'اسنپ', nameEn: 'Snapp', website: null });
    expect(org([null, { name: 'Acme &amp; Co', url: 'https://acme.example' }])).toEqual({
      name: 'Acme & Co',
      nameEn: null,
      website: 'https://acme.example',
    });
    expect(org({ name: 'X', url: 'javascript:alert(1)' })).toEqual({ name: 'X', nameEn: null, website: null });
  });

  it('picks the posting matching the page among several, else the first', () => {
    const two = ld([
      posting({ title: 'A', url: 'https://jobs.example.com/p/1' }),
      posting({ title: 'B', url: 'https://jobs.example.com/p/2' }),
    ]);
    expect(read(two, 'https://jobs.example.com/p/2?utm_source=x').title).toBe('B');
    expect(read(two, 'https://jobs.example.com/p/1').title).toBe('A');
    expect(read(two, 'https://jobs.example.com/p/3').title).toBe('A');
  });

  it('makes a plain-text description into paragraphs, line breaks and lists', () => {
    const d = read(
      ld(posting({ description: 'Line one\r\nLine two\n\n• first\n• second\n\n<b> is not a tag here? 3 < 4' })),
    ).description;
    // `<b>` is a tag, so that description is read as HTML; a description with no tag at all is text.
    expect(d).toContain('Line one Line two');
    const t = read(
      ld(posting({ description: 'Line one\r\nLine two\n\n• first\n• second\n\n3 < 4 & 5 > 2' })),
    ).description;
    expect(t).toBe('Line one  \nLine two\n\n- first\n- second\n\n3 < 4 & 5 > 2');
  });
});

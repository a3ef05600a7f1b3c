/** A hostile posting page: markup in plain-text fields and the description never reaches the record as HTML. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../utils/clip/extract';
import { groupThousands } from '../../utils/clip/jsonld';
import { exportEntry } from '../../utils/jobname/export';
import { recordFromPosting } from '../../utils/clip/record';

const ld = {
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Senior Engineer <img src=x onerror="fetch(\'/beacon\')"><script>alert(1)</script>',
  hiringOrganization: { '@type': 'Organization', name: 'Evil <b onmouseover=alert(1)>Corp</b>' },
  jobLocation: { '@type': 'Place', address: { addressLocality: 'Tehran <svg onload=alert(1)>' } },
  description: '<p>Hi <img src=x onerror=alert(1)><a href="javascript:alert(1)">apply</a></p><script>alert(2)</script>',
  datePosted: '2025-10-01',
};

describe('a hostile JobPosting page', () => {
  const dom = new JSDOM(
    `<html><head><script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script></head><body></body></html>`,
    { url: 'https://careers.example.com/j/1' },
  );
  const p = extractPosting(dom.window.document, 'https://careers.example.com/j/1');

  it('keeps plain-text fields as text without markup', () => {
    expect(p.title).toBe('Senior Engineer');
    expect(p.company.name).toBe('Evil Corp');
    expect(p.location).toBe('Tehran');
  });

  it('keeps no script, handler or javascript: link in the description', () => {
    expect(p.description).toBe('Hi apply');
  });

  it('exports an entry with no HTML from the page in its headings', () => {
    const md = exportEntry(recordFromPosting(p));
    expect(md).toContain('# [Evil Corp]()');
    expect(md).toContain('## Senior Engineer');
    expect(md).not.toMatch(/<img|<script|onerror|onmouseover/);
  });
});

describe('groupThousands', () => {
  it('groups digits without the locale machinery', () => {
    expect([40_000_000, 1234.5, 999, 1000, 12.345, -5000].map(groupThousands)).toEqual([
      '40,000,000',
      '1,234.5',
      '999',
      '1,000',
      '12.35',
      '-5,000',
    ]);
  });
});

/** A hostile posting page: markup in plain-text fields and the description never reaches the record as HTML. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { clipperOf } from '../../entrypoints/clip';
import { extractPosting, readableHtml } from '../../utils/clip/extract';
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
    // The page's javascript: website is not stored, so the heading is the name alone.
    expect(md).toMatch(/^# Evil Corp\n/);
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

// -------------------------------------------------------------------------------------------------------
// Pages built to crash or block the clipper

const POSTING_LD = JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Deep Engineer',
  hiringOrganization: { '@type': 'Organization', name: 'Deep Co' },
  datePosted: '2026-09-20',
});
const PAGE_URL = 'https://careers.example.com/jobs/7';
const head = (ld = POSTING_LD) =>
  `<!DOCTYPE html><html lang="en"><head><title>Deep Engineer | Deep Co</title>` +
  `<meta property="og:site_name" content="Deep Co"><script type="application/ld+json">${ld}</script></head>`;

/** A page whose script put `count` elements below its body, nested (`deep`) or side by side. */
function builtPage(shape: 'deep' | 'wide', count: number, ld?: string): JSDOM {
  const dom = new JSDOM(`${head(ld)}<body><main><p>Short intro.</p></main></body></html>`, { url: PAGE_URL });
  const doc = dom.window.document;
  // Built detached and attached once: jsdom itself walks the ancestors on every insertion.
  let node = doc.createElement('div');
  node.textContent = 'the bottom';
  if (shape === 'deep') {
    for (let i = 1; i < count; i++) {
      const parent = doc.createElement('div');
      parent.appendChild(node);
      node = parent;
    }
  } else for (let i = 1; i < count; i++) node.appendChild(doc.createElement('i'));
  doc.body.appendChild(node);
  return dom;
}

const DESCRIPTION_NOT_READ = 'its description was not read, only its title and structured data';

describe('a page too deep or too large to read', () => {
  it.each([
    ['nested 2,000 deep', 'deep', 2_000, 'the page nests more than 512 levels deep: '],
    ['500,000 elements side by side', 'wide', 500_000, 'the page has more than 100000 elements: '],
  ] as const)(
    'in the DOM (%s): the title and company from JSON-LD, and a note',
    (_, shape, count, what) => {
      const dom = builtPage(shape, count);
      const p = extractPosting(dom.window.document, PAGE_URL);
      expect(p.title).toBe('Deep Engineer');
      expect(p.company.name).toBe('Deep Co');
      expect(p.postedAt).toBe('2026-09-20');
      expect(p.description).toBeNull();
      expect(p.notes).toEqual([what + DESCRIPTION_NOT_READ]);
      // The page is left as it was.
      expect(dom.window.document.body.textContent).toContain('the bottom');
    },
    120_000,
  );

  it('in the DOM, with a description in its JSON-LD: that description is kept', () => {
    const ld = JSON.stringify({ ...JSON.parse(POSTING_LD), description: '<p>We build <b>deep</b> things.</p>' });
    const p = extractPosting(builtPage('deep', 2_000, ld).window.document, PAGE_URL);
    expect(p.description).toBe('We build **deep** things.');
    expect(p.notes).toEqual(['the page nests more than 512 levels deep: only its title and structured data were read']);
  });

  it('a page just within the limits is read as usual', () => {
    const p = extractPosting(builtPage('deep', 100, POSTING_LD).window.document, PAGE_URL);
    expect(p.title).toBe('Deep Engineer');
    expect(p.notes.join(' ')).not.toMatch(/levels deep|elements:/);
  });

  /** A saved page (its HTML), as `jobnote scrape` reads it: jsdom could not even build these trees. */
  const savedPage = (inner: string) => `${head()}<body><main><p>Short intro.</p>${inner}</main></body></html>`;
  it.each([
    ['nested 50,000 deep', savedPage('<div>'.repeat(50_000) + 'the bottom' + '</div>'.repeat(50_000)), 'deep'],
    ['nested 20,000 deep', savedPage('<div>'.repeat(20_000) + 'the bottom'), 'deep'],
    ['500,000 elements side by side', savedPage('<span>x</span>'.repeat(500_000)), 'large'],
  ] as const)(
    'as saved HTML (%s): only its metadata is parsed, with the note',
    (_, html, kind) => {
      const page = readableHtml(html);
      expect(page.oversize?.kind).toBe(kind);
      expect(page.html.length).toBeLessThan(1_000);
      const dom = new JSDOM(page.html, { url: PAGE_URL });
      const p = extractPosting(dom.window.document, PAGE_URL, { oversize: page.oversize });
      expect(p.title).toBe('Deep Engineer');
      expect(p.company.name).toBe('Deep Co');
      expect(p.description).toBeNull();
      expect(p.notes).toHaveLength(1);
      expect(p.notes[0]).toMatch(
        new RegExp(`^the page (nests|has) more than \\d+ (levels deep|elements): ${DESCRIPTION_NOT_READ}$`),
      );
    },
    60_000,
  );

  it('a saved page within the limits is parsed whole', () => {
    const html = savedPage('<div>'.repeat(100) + 'the bottom' + '</div>'.repeat(100));
    expect(readableHtml(html)).toEqual({ html });
  });
});

describe('a page element named __jobnoteClip', () => {
  it.each([
    ['a div with that id', '<div id="__jobnoteClip"></div>'],
    ['an img with that name', '<img name="__jobnoteClip" alt="">'],
    ['a form with that name', '<form name="__jobnoteClip"></form>'],
    ['an iframe with that name', '<iframe name="__jobnoteClip"></iframe>'],
    ['an embed and an object with that name', '<embed name="__jobnoteClip"><object name="__jobnoteClip"></object>'],
  ])('%s: the clip works, and a second one reuses the first clipper', async (_, element) => {
    const dom = new JSDOM(`${head()}<body><h1>Deep Engineer</h1>${element}</body></html>`, { url: PAGE_URL });
    // The page's element is what `window.__jobnoteClip` names (named access on the window).
    expect((dom.window as unknown as Record<string, unknown>).__jobnoteClip).toBeTruthy();
    const win = dom.window as unknown as Window & typeof globalThis;
    const first = await clipperOf(win)();
    expect(first).toMatchObject({ ok: true, posting: { title: 'Deep Engineer' } });
    expect(clipperOf(win)).toBe(clipperOf(win));
    expect(await clipperOf(win)()).toMatchObject({ ok: true, posting: { title: 'Deep Engineer' } });
    dom.window.close();
  });
});

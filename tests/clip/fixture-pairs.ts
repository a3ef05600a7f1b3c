/**
 * The clip tests' fixture pairs: in a board's folder, each `<name>.html` (a saved page) with `<name>.json` =
 * `{ url, expected, sources? }`, where `expected` is the exact `jobnote scrape` output.
 * `fixturePairSuite` reads every pair through extractPosting on a jsdom document and through the CLI; each
 * board's test file adds what is particular to the board, with `loadFixture` and `jsdomPage`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/jobnote';
import { extractPosting, scrapeJson } from '../../utils/clip/extract';
import type { PageContext } from '../../utils/clip/types';
import { boardOf } from '../../utils/boards';
import { canonicalUrl } from '../../utils/clip/url';

export type Scrape = ReturnType<typeof scrapeJson>;

export interface Fixture {
  url: string;
  expected: Scrape;
  /** Where each field came from, when the fixture pins it. */
  sources?: Record<string, string>;
}

/** The fixture names in `dir` (each `.html` file, without its extension), sorted. */
export function fixtureNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
}

export function loadFixture(dir: string, name: string): { html: string; fx: Fixture; file: string } {
  const file = join(dir, `${name}.html`);
  return {
    html: readFileSync(file, 'utf8'),
    fx: JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Fixture,
    file,
  };
}

/** A page as the clipper sees it: the jsdom document, and the context a board adapter reads. */
export function jsdomPage(html: string, url: string): { doc: Document; ctx: PageContext } {
  const doc = new JSDOM(html, { url }).window.document;
  const u = new URL(url);
  return { doc, ctx: { doc, url: u, jobId: boardOf(u)?.jobId(u) ?? null, maxDescription: 60_000 } };
}

/** `jobnote scrape FILE --url URL`, run in-process. */
export async function scrapeCli(file: string, url: string): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const code = await main(['scrape', file, '--url', url], { out: (s) => (out += s), err: (s) => err.push(s) });
  return { code, out, err };
}

/** What a description must never carry, whatever the page had (the fixtures plant all of these). */
const UNSAFE = new RegExp(
  [
    // markup and script URLs
    '<script',
    '<div',
    'javascript:',
    String.raw`\bon(?:error|click|mouseover|load)\b`,
    // what the planted scripts call or touch
    String.raw`alert\(`,
    String.raw`steal\(`,
    String.raw`track\(`,
    String.raw`document\.cookie`,
    String.raw`evil\.example`,
  ].join('|'),
  'i',
);

export interface FixturePairOptions {
  /** Shown in the suite's name. */
  title: string;
  dir: string;
  /** The clip time given to extractPosting (postings are dated with it). */
  now: Date;
  /** Fixtures that must be there, or how many at least. */
  required: string[] | number;
  /** Board pages: the scraped URL is the canonical form of the page's URL. */
  canonical: boolean;
}

export function fixturePairSuite(o: FixturePairOptions): void {
  const names = fixtureNames(o.dir);

  describe(`${o.title} fixtures`, () => {
    it('has its fixtures, each with its expectation', () => {
      if (typeof o.required === 'number') expect(names.length).toBeGreaterThanOrEqual(o.required);
      else expect(names).toEqual(expect.arrayContaining(o.required));
      for (const name of names) expect(() => loadFixture(o.dir, name), name).not.toThrow();
    });

    describe.each(names)('%s', (name) => {
      const { html, fx, file } = loadFixture(o.dir, name);
      const read = () => {
        const dom = new JSDOM(html, { url: fx.url });
        const posting = extractPosting(dom.window.document, fx.url, { now: o.now });
        dom.window.close();
        return posting;
      };

      it('extractPosting gives the expected posting', () => {
        const posting = read();
        expect(scrapeJson(posting)).toEqual(fx.expected);
        expect(posting.clippedAt).toBe(o.now.toISOString());
        if (fx.sources) expect(posting.sources).toEqual(fx.sources);
        // Every field that has a value says where it came from.
        for (const [k, v] of Object.entries({
          title: posting.title,
          companyName: posting.company.name,
          description: posting.description,
        }))
          if (v !== null) expect(posting.sources[k], k).toBeDefined();
      });

      it('jobnote scrape prints the same', async () => {
        const r = await scrapeCli(file, fx.url);
        expect(r.err).toEqual([]);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.out)).toEqual(fx.expected);
        expect(r.out.endsWith('}\n')).toBe(true);
      });

      it('the description is safe markdown', () => {
        expect(fx.expected.description ?? '').not.toMatch(UNSAFE);
        if (o.canonical) expect(fx.expected.url).toBe(canonicalUrl(fx.url));
      });
    });
  });
}

/**
 * A page in, a posting out: the board's adapter (JSON-LD, embedded state, DOM, in order of trust), a
 * generic JobPosting reader for any other page, and Readability for the description of pages nobody knows.
 * Pure: a `Document` and a URL; it runs in the content script, the CLI (jsdom) and tests alike. It never
 * executes page code: everything it converts is copied into an inert document first.
 */
import { Readability } from '@mozilla/readability';
import { escapeRegExp } from '../regexp';
import { boardOf, type BoardId, type PostingBoard } from '../boards';
import type { FieldSource, Posting } from '../record';
import { jobinja } from './boards/jobinja';
import { jobvision } from './boards/jobvision';
import { linkedin } from './boards/linkedin';
import { quera } from './boards/quera';
import { jsonLdFinding } from './jsonld';
import { describe, inertCopy, inertDocument, oversize, oversizeHtml, type Oversize, type TreeLimits } from './markdown';
import { cleanText, splitCompanyName } from './normalize';
import type { BoardAdapter, FieldName, Finding, PageContext, PostingFields } from './types';
import { canonicalUrl } from './url';

/** Each board's page adapter: a board in the registry (utils/boards.ts) without one does not compile. */
export const ADAPTERS = { jobinja, jobvision, quera, linkedin } satisfies {
  [Id in BoardId]: BoardAdapter<Id>;
};

export interface ExtractOptions {
  /** Longest description kept, in characters of markdown (default 60 000). */
  maxDescription?: number;
  /** The clip time (default now). */
  now?: Date;
  /** Skip Readability (the extension's LinkedIn wait polls without it). */
  readability?: boolean;
  /**
   * The caller found the page over `PAGE_LIMITS` and hands only its metadata (`metadataHtml`): say so in the
   * notes, as when the page itself is over them.
   */
  oversize?: Oversize;
}

const FIELDS: FieldName[] = [
  'title',
  'companyName',
  'companyNameEn',
  'website',
  'location',
  'employmentType',
  'seniority',
  'salary',
  'skills',
  'description',
  'postedAt',
  'jobId',
];

/** Readability only on pages of a sane size; its own limit throws beyond that. */
const READABILITY_MAX_ELEMS = 30_000;

/**
 * The most a page may have for anything but its metadata to be read. Browsers' parsers nest at most 512
 * deep, so only a page's script builds deeper; copying a tree (importNode), Readability and descendant
 * selectors recurse or walk up per level, and crash or freeze the tab on a page a script nested 50,000 deep.
 */
export const PAGE_LIMITS: TreeLimits = { elements: 100_000, depth: 512 };

/** Whether the page is over `PAGE_LIMITS` (an iterative walk that stops at the first element over them). */
export function pageOversize(doc: Document): Oversize | null {
  return doc.documentElement ? oversize(doc.documentElement, PAGE_LIMITS) : null;
}

/** Elements kept from a page too large to read: what JSON-LD, embedded state and the page title come from. */
const METADATA_TAGS = ['title', 'meta', 'link', 'base', 'script'];
/** At most this many of each (a page may have millions). */
const METADATA_MAX = 500;

/**
 * A new inert document with only the page's metadata: its `<html>` attributes, title, and its first
 * `<meta>`, `<link>`, `<base>` and `<script>` elements (attributes and text, never their child elements, which
 * a script may have nested arbitrarily deep). Built without copying any subtree or parsing any HTML.
 */
function metadataOnly(doc: Document): Document {
  const copy = inertDocument(doc);
  const attributes = (from: Element, to: Element) => {
    for (const a of Array.from(from.attributes)) {
      try {
        to.setAttribute(a.name, a.value);
      } catch {
        // A name only a script could have set (setAttributeNS allows more): not needed here.
      }
    }
  };
  attributes(doc.documentElement, copy.documentElement);
  copy.title = doc.title;
  for (const tag of METADATA_TAGS) {
    if (tag === 'title') continue;
    const found = doc.getElementsByTagName(tag);
    for (let i = 0; i < Math.min(found.length, METADATA_MAX); i++) {
      const el = found[i];
      const kept = copy.createElement(tag);
      attributes(el, kept);
      if (tag === 'script') kept.textContent = el.textContent;
      (tag === 'script' && el.closest('body') ? copy.body : copy.head).appendChild(kept);
    }
  }
  return copy;
}

/** What is kept of an HTML string over `PAGE_LIMITS`: the same elements as `metadataOnly`, as HTML. */
function metadataHtml(html: string): string {
  const pick = (re: RegExp) => Array.from(html.matchAll(re), (m) => m[0]).slice(0, METADATA_MAX);
  const open = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  const head = [
    ...pick(/<title\b[^>]*>[\s\S]*?<\/title\s*>/gi).slice(0, 1),
    ...pick(/<(?:meta|link|base)\b[^>]*>/gi),
    ...pick(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi),
  ];
  return `<!DOCTYPE html>${open}<head>${head.join('\n')}</head><body></body></html>`;
}

/**
 * A saved page's HTML as it may be parsed (the CLI, with jsdom): the page itself, or, when it is over
 * `PAGE_LIMITS` (checked without parsing: jsdom takes minutes to build a page nested 20,000 deep, and then
 * overflows its stack), only its metadata, with the `oversize` to hand `extractPosting`.
 */
export function readableHtml(html: string): { html: string; oversize?: Oversize } {
  const over = oversizeHtml(html, PAGE_LIMITS);
  return over ? { html: metadataHtml(html), oversize: over } : { html };
}

function oversizeNote(o: Oversize, described: boolean): string {
  const what = o.kind === 'deep' ? `nests more than ${o.limit} levels deep` : `has more than ${o.limit} elements`;
  return (
    `the page ${what}: ` +
    (described
      ? 'only its title and structured data were read'
      : 'its description was not read, only its title and structured data')
  );
}

function readabilityFinding(ctx: PageContext): Finding | null {
  try {
    // Its limit, checked before the copy rather than after it.
    if (oversize(ctx.doc.documentElement, { elements: READABILITY_MAX_ELEMS, depth: PAGE_LIMITS.depth }))
      throw new Error(`more than ${READABILITY_MAX_ELEMS} elements`);
    const copy = inertCopy(ctx.doc.documentElement, ctx.doc);
    const inert = copy.ownerDocument;
    inert.replaceChild(copy, inert.documentElement);
    const article = new Readability(inert, { maxElemsToParse: READABILITY_MAX_ELEMS, keepClasses: false }).parse();
    if (!article?.content) return null;
    const d = describe(article.content, ctx);
    const fields: Partial<PostingFields> = {};
    if (d.description) fields.description = d.description;
    const site = cleanText(article.siteName);
    const title = withoutSiteName(cleanText(article.title), site);
    if (title) fields.title = title;
    if (site) fields.companyName = site;
    return { source: 'readability', fields, notes: d.notes };
  } catch (e) {
    return {
      source: 'readability',
      fields: {},
      notes: [`the page could not be read as an article (${(e as Error).message})`],
    };
  }
}

/** «Data Analyst | Parsian Careers» → «Data Analyst»: a page title without the site's name at either end. */
export function withoutSiteName(title: string | null, site: string | null): string | null {
  if (!title || !site) return title;
  const name = escapeRegExp(site);
  const sep = '(?:\\s*[|｜·•»«]\\s*|\\s+[-–—:/]\\s+)';
  const t = title
    .replace(new RegExp(`${sep}${name}$`, 'iu'), '')
    .replace(new RegExp(`^${name}${sep}`, 'iu'), '')
    .trim();
  return t || title;
}

/** Page-level hints any page has: og:title, the document title. Used last, as DOM. */
function pageFinding(ctx: PageContext, onBoard: boolean): Finding {
  const meta = (name: string) =>
    cleanText(ctx.doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content'));
  const fields: Partial<PostingFields> = {};
  const title = withoutSiteName(meta('og:title') ?? cleanText(ctx.doc.title), meta('og:site_name'));
  if (title) fields.title = title;
  // On a job board the site name is the board, not the employer.
  const site = onBoard ? null : meta('og:site_name');
  if (site) fields.companyName = site;
  return { source: 'dom', fields };
}

function present(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '';
}

/** Reads a posting off a page. */
export function extractPosting(page: Document, pageUrl: string, options: ExtractOptions = {}): Posting {
  const url = new URL(pageUrl);
  const rule = boardOf(url);
  const jobId = rule?.jobId(url) ?? null;
  // A page over the limits is read from a copy of its metadata only: nothing else touches its tree.
  const over = options.oversize ?? pageOversize(page);
  const doc = over && !options.oversize ? metadataOnly(page) : page;
  const ctx: PageContext = { doc, url, jobId, maxDescription: options.maxDescription ?? 60_000 };
  const adapter: BoardAdapter | undefined = rule ? ADAPTERS[rule.id] : undefined;
  const findings: Finding[] = [];
  if (adapter) findings.push(...adapter.read(ctx));
  else {
    const ld = jsonLdFinding(ctx);
    if (ld) findings.push(ld);
  }
  const fields: Partial<PostingFields> = {};
  const sources: Record<string, FieldSource> = {};
  const notes: string[] = [];
  const take = (f: Finding) => {
    for (const k of FIELDS) {
      const v = f.fields[k];
      if (!present(fields[k]) && present(v)) {
        (fields as Record<string, unknown>)[k] = v;
        sources[k] = f.source;
      }
    }
    notes.push(...(f.notes ?? []));
  };
  findings.forEach(take);
  const blocked = findings.some((f) => f.blocked);
  if (!blocked && !over && !present(fields.description) && options.readability !== false) {
    const r = readabilityFinding(ctx);
    if (r) take(r);
  }
  if (!blocked) take(pageFinding(ctx, !!adapter));
  if (over) notes.push(oversizeNote(over, present(fields.description)));

  const board: PostingBoard = adapter
    ? adapter.board
    : findings.some((f) => f.source === 'json-ld')
      ? 'jsonld'
      : 'readability';
  const split = splitCompanyName(fields.companyName ?? null);
  const company = fields.companyNameEn
    ? { name: split.nameEn ? split.name : (fields.companyName ?? null), nameEn: fields.companyNameEn }
    : split;
  if (!fields.companyNameEn && company.nameEn && sources.companyName) sources.companyNameEn = sources.companyName;
  return {
    board,
    url: canonicalUrl(url),
    jobId: jobId ?? fields.jobId ?? null,
    title: fields.title ?? null,
    company: { name: company.name, nameEn: company.nameEn, website: fields.website ?? null },
    location: fields.location ?? null,
    employmentType: fields.employmentType ?? null,
    seniority: fields.seniority ?? null,
    salary: fields.salary ?? null,
    skills: fields.skills ?? [],
    description: fields.description ?? null,
    postedAt: fields.postedAt ?? null,
    clippedAt: (options.now ?? new Date()).toISOString(),
    sources,
    notes: [...new Set(notes)],
  };
}

/** The `jobnote scrape` output: the posting's public fields, absent values as null. */
export function scrapeJson(p: Posting) {
  return {
    board: p.board,
    url: p.url,
    jobId: p.jobId,
    title: p.title,
    company: { name: p.company.name, nameEn: p.company.nameEn, website: p.company.website },
    location: p.location,
    employmentType: p.employmentType,
    seniority: p.seniority,
    salary: p.salary,
    skills: p.skills,
    description: p.description,
    postedAt: p.postedAt,
  };
}

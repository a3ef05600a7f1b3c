/**
 * A page in, a posting out: the board's adapter (JSON-LD, embedded state, DOM, in order of trust), a
 * generic JobPosting reader for any other page, and Readability for the description of pages nobody knows.
 * Pure: a `Document` and a URL; it runs in the content script, the CLI (jsdom) and tests alike. It never
 * executes page code: everything it converts is copied into an inert document first.
 */
import { Readability } from '@mozilla/readability';
import { boardOf, type BoardId, type PostingBoard } from '../boards';
import type { FieldSource, Posting } from '../record';
import { jobinja } from './boards/jobinja';
import { jobvision } from './boards/jobvision';
import { linkedin } from './boards/linkedin';
import { quera } from './boards/quera';
import { jsonLdFinding } from './jsonld';
import { describe, inertCopy } from './markdown';
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

function readabilityFinding(ctx: PageContext): Finding | null {
  try {
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
  const name = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
export function extractPosting(doc: Document, pageUrl: string, options: ExtractOptions = {}): Posting {
  const url = new URL(pageUrl);
  const rule = boardOf(url);
  const jobId = rule?.jobId(url) ?? null;
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
  if (!blocked && !present(fields.description) && options.readability !== false) {
    const r = readabilityFinding(ctx);
    if (r) take(r);
  }
  if (!blocked) take(pageFinding(ctx, !!adapter));

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

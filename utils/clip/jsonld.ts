/**
 * schema.org JobPosting in JSON-LD (FACTS.md §3.5, §5): every `script[type="application/ld+json"]`, arrays,
 * `@graph`, `@type` arrays, invalid JSON skipped; organisation, location and salary as object, array or
 * string; HTML descriptions that were entity-escaped once more.
 */
import { describe } from './markdown';
import { cleanText, decodeEntities, isoDay } from './normalize';
import type { Finding, PageContext, PostingFields } from './types';

type Json = Record<string, unknown>;

const MAX_LD_CHARS = 2_000_000;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function types(v: Json): string[] {
  const t = v['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Every JobPosting object on the page, in document order. */
export function findJobPostings(doc: Document): Json[] {
  const found: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || found.length > 20) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (isObj(v)) {
      if (types(v).some((t) => /^(https?:\/\/schema\.org\/)?JobPosting$/i.test(t))) found.push(v);
      else if (Array.isArray(v['@graph'])) visit(v['@graph'], depth + 1);
      else if (isObj(v.mainEntity)) visit(v.mainEntity, depth + 1);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = s.textContent ?? '';
    if (!text.trim() || text.length > MAX_LD_CHARS) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // Invalid JSON-LD is common; the next block may be fine.
    }
  }
  return found;
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return cleanText(decodeEntities(v));
  if (typeof v === 'number') return String(v);
  return null;
}

function orgName(v: unknown): { name: string | null; website: string | null } {
  const o = first(v);
  if (typeof o === 'string') return { name: cleanText(o), website: null };
  if (!isObj(o)) return { name: null, website: null };
  const sameAs = first(o.sameAs);
  const url = str(o.url) ?? (typeof sameAs === 'string' ? sameAs : null);
  return { name: str(o.name) ?? str(o.legalName), website: url && /^https?:\/\//i.test(url) ? url : null };
}

function place(v: unknown): string | null {
  const parts: string[] = [];
  for (const loc of Array.isArray(v) ? v : [v]) {
    if (typeof loc === 'string') parts.push(loc);
    else if (isObj(loc)) {
      const a = isObj(loc.address) ? loc.address : typeof loc.address === 'string' ? { streetAddress: loc.address } : loc;
      const country = isObj(a.addressCountry) ? str(a.addressCountry.name) : str(a.addressCountry);
      const bits = [str(a.addressLocality), str(a.addressRegion), country].filter((x): x is string => !!x);
      const uniq = bits.filter((b, i) => bits.indexOf(b) === i);
      if (uniq.length) parts.push(uniq.join(', '));
      else if (str(loc.name)) parts.push(str(loc.name)!);
    }
  }
  const out = [...new Set(parts.map((p) => cleanText(p)).filter((p): p is string => !!p))];
  return out.length ? out.join('; ') : null;
}

const CURRENCY: Record<string, string> = { IRT: 'Toman', IRR: 'Rial', USD: 'USD', EUR: 'EUR', GBP: 'GBP', AED: 'AED', TRY: 'TRY', CAD: 'CAD' };
const UNIT: Record<string, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month', YEAR: 'year' };

function amount(n: unknown): string | null {
  const v = typeof n === 'string' ? Number(n.replace(/[,\s]/g, '')) : n;
  if (typeof v !== 'number' || !Number.isFinite(v)) return typeof n === 'string' ? cleanText(n) : null;
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** `baseSalary` as readable text with its currency and unit (never assuming `$`). */
export function salaryText(v: unknown): string | null {
  const s = first(v);
  if (typeof s === 'string' || typeof s === 'number') return str(s);
  if (!isObj(s)) return null;
  const currencyCode = typeof s.currency === 'string' ? s.currency.toUpperCase() : null;
  const value = isObj(s.value) ? s.value : s;
  const min = amount(value.minValue);
  const max = amount(value.maxValue);
  const single = amount(isObj(s.value) ? value.value : s.value);
  const range = min && max ? (min === max ? min : `${min} - ${max}`) : (min ?? max ?? single);
  if (!range) return null;
  const unit = typeof value.unitText === 'string' ? (UNIT[value.unitText.toUpperCase()] ?? value.unitText.toLowerCase()) : null;
  const currency = currencyCode ? (CURRENCY[currencyCode] ?? currencyCode) : null;
  return [range, currency].filter(Boolean).join(' ') + (unit ? ` / ${unit}` : '');
}

const EMPLOYMENT: Record<string, string> = {
  FULL_TIME: 'Full-time',
  PART_TIME: 'Part-time',
  CONTRACTOR: 'Contract',
  TEMPORARY: 'Temporary',
  INTERN: 'Internship',
  VOLUNTEER: 'Volunteer',
  PER_DIEM: 'Per diem',
  OTHER: 'Other',
};

function employment(v: unknown): string | null {
  const list = (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? (EMPLOYMENT[x.toUpperCase().replace(/[-\s]/g, '_')] ?? cleanText(x)) : null));
  const out = [...new Set(list.filter((x): x is string => !!x))];
  return out.length ? out.join(', ') : null;
}

function skillList(v: unknown): string[] | null {
  const raw = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,،;]\s*/) : [];
  const out = raw
    .map((x) => (typeof x === 'string' ? x : isObj(x) ? (x.name as string) : null))
    .map((x) => cleanText(typeof x === 'string' ? x : null))
    .filter((x): x is string => !!x && x.length < 80);
  return out.length ? [...new Set(out)] : null;
}

/** The description as HTML: decoded once more when the page escaped it (`&lt;p&gt;`). */
export function descriptionHtml(v: unknown): string | null {
  const d = first(v);
  if (typeof d !== 'string' || !d.trim()) return null;
  return /&lt;\/?[a-z][^&]*&gt;/i.test(d) && !/<\/?[a-z]/i.test(d) ? decodeEntities(d) : d;
}

export interface LdJobPosting {
  fields: Partial<PostingFields>;
  /** The description as HTML, for the markdown converter. */
  descriptionHtml: string | null;
  /** The posting's own URL, when it names one. */
  url: string | null;
}

/** Reads one JobPosting object. */
export function readJobPosting(o: Json): LdJobPosting {
  const org = orgName(o.hiringOrganization);
  const identifier = first(o.identifier);
  const id = isObj(identifier) ? str(identifier.value) : str(identifier);
  const remote = typeof o.jobLocationType === 'string' && /telecommute/i.test(o.jobLocationType) ? 'Remote' : null;
  const location = place(o.jobLocation);
  const fields: Partial<PostingFields> = {
    title: str(o.title) ?? str(o.name),
    companyName: org.name,
    website: org.website,
    location: location && remote ? `${location} (Remote)` : (location ?? remote),
    employmentType: employment(o.employmentType),
    seniority: str(first(o.experienceRequirements) && isObj(first(o.experienceRequirements)) ? (first(o.experienceRequirements) as Json).name : o.experienceRequirements) ?? str(o.seniorityLevel),
    salary: salaryText(o.baseSalary) ?? salaryText(o.estimatedSalary),
    skills: skillList(o.skills),
    postedAt: isoDay(o.datePosted),
    jobId: id,
  };
  for (const k of Object.keys(fields) as (keyof PostingFields)[]) if (fields[k] == null) delete fields[k];
  return { fields, descriptionHtml: descriptionHtml(o.description), url: typeof o.url === 'string' ? o.url : null };
}

/**
 * The page's JobPosting as a finding, description converted to markdown. With several postings, the one
 * whose url or identifier matches the page wins, else the first.
 */
export function jsonLdFinding(ctx: PageContext, posting?: LdJobPosting): Finding | null {
  let p = posting;
  if (!p) {
    const all = findJobPostings(ctx.doc).map(readJobPosting);
    p = all.find((x) => (ctx.jobId && (x.fields.jobId === ctx.jobId || x.url?.includes(ctx.jobId))) || x.url === ctx.url.href) ?? all[0];
  }
  if (!p) return null;
  const d = describe(p.descriptionHtml, ctx);
  return { source: 'json-ld', fields: { ...p.fields, ...(d.description ? { description: d.description } : {}) }, notes: d.notes };
}

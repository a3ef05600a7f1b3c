/**
 * schema.org JobPosting in JSON-LD (docs/boards.md §3.5, §5): every `script[type="application/ld+json"]`, arrays,
 * `@graph`, `@type` arrays, invalid JSON skipped; organisation, location and salary as object, array or
 * string; HTML descriptions that were entity-escaped once more.
 */
import { isObject, type Json } from '../basics';
import { toAsciiDigits } from '../dates';
import { describe } from './markdown';
import { cleanText, decodeEntities, isoDay } from './normalize';
import type { Finding, PageContext, PostingFields } from './types';
import { canonicalUrl } from './url';

/** Larger blocks are skipped (a 5 MB description still fits: JSON.parse of that takes milliseconds). */
const MAX_LD_CHARS = 16_000_000;

/**
 * JSON-LD text as JSON. Pages wrap it in HTML comments or CDATA, end it with `;`, or leave raw line
 * breaks and tabs inside strings (invalid JSON that browsers' JSON-LD readers still accept): retried
 * with those fixed, and null when it still does not parse.
 */
function parseLd(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const fixed = text
      .trim()
      .replace(/^(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)\s*/, '')
      .replace(/\s*(?:-->|\/\*\s*\]\]>\s*\*\/|\]\]>)$/, '')
      .replace(/;\s*$/, '')
      // Outside strings these are whitespace anyway; inside, a raw line break becomes a space.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching raw control characters is the point
      .replace(/[\u0000-\u001f]+/g, ' ');
    try {
      return JSON.parse(fixed);
    } catch {
      return null;
    }
  }
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
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isObject(v)) {
      if (types(v).some((t) => /^(https?:\/\/schema\.org\/|schema:)?JobPosting$/i.test(t.trim()))) {
        found.push(v);
        return;
      }
      if (v['@graph'] != null) visit(v['@graph'], depth + 1);
      if (v.mainEntity != null) visit(v.mainEntity, depth + 1);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/^\s*application\/ld\+json\s*(;|$)/i.test(s.getAttribute('type') ?? '')) continue;
    const text = s.textContent ?? '';
    // Invalid JSON-LD is common; the next block may be fine.
    if (text.trim() && text.length <= MAX_LD_CHARS) visit(parseLd(text), 0);
  }
  return found;
}

/** The first useful item of a value that may be a list. */
function first(v: unknown): unknown {
  return Array.isArray(v) ? v.find((x) => x != null && x !== '') : v;
}

/** A plain-text field: entities decoded, any markup a publisher left in dropped (it is text, not HTML). */
function str(v: unknown): string | null {
  if (typeof v === 'string')
    return cleanText(
      decodeEntities(v.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')).replace(/<\/?[a-z!][^>]*>/gi, ' '),
    );
  if (typeof v === 'number') return String(v);
  return null;
}

function orgName(v: unknown): { name: string | null; website: string | null } {
  const o = first(v);
  if (typeof o === 'string') return { name: str(o), website: null };
  if (!isObject(o)) return { name: null, website: null };
  const sameAs = first(o.sameAs);
  const url = str(o.url) ?? (typeof sameAs === 'string' ? sameAs : null);
  return { name: str(o.name) ?? str(o.legalName), website: url && /^https?:\/\//i.test(url) ? url : null };
}

/** A Place, PostalAddress, Country or plain string (or a list of them) as «locality, region, country». */
function place(v: unknown): string | null {
  const parts: string[] = [];
  for (const loc of Array.isArray(v) ? v : [v]) {
    if (typeof loc === 'string') {
      const s = str(loc);
      if (s) parts.push(s);
    } else if (isObject(loc)) {
      const address = first(loc.address);
      if (typeof address === 'string' && str(address)) {
        parts.push(str(address)!);
        continue;
      }
      const a = isObject(address) ? address : loc;
      const country = isObject(a.addressCountry) ? str(a.addressCountry.name) : str(a.addressCountry);
      const bits = [str(a.addressLocality), str(a.addressRegion), country].filter((x): x is string => !!x);
      const uniq = bits.filter((b, i) => bits.indexOf(b) === i);
      if (uniq.length) parts.push(uniq.join(', '));
      else if (str(loc.name)) parts.push(str(loc.name)!);
    }
  }
  const out = [...new Set(parts)];
  return out.length ? out.join('; ') : null;
}

function isRemote(v: unknown): boolean {
  return (Array.isArray(v) ? v : [v]).some((x) => typeof x === 'string' && /telecommute/i.test(x));
}

/** ISO 4217 codes as written in the record; IRT (not ISO, but what Iranian boards use) is the toman. */
const CURRENCY: Record<string, string> = {
  IRT: 'Toman',
  TOMAN: 'Toman',
  تومان: 'Toman',
  IRR: 'Rial',
  RIAL: 'Rial',
  ریال: 'Rial',
};
const UNIT: Record<string, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month', YEAR: 'year' };
/** MonetaryAmountDistribution's `duration` (ISO 8601) as a unit. */
const DURATION: Record<string, string> = { PT1H: 'hour', P1D: 'day', P1W: 'week', P1M: 'month', P1Y: 'year' };

function amount(n: unknown): string | null {
  if (typeof n === 'string' && !n.trim()) return null;
  const v = typeof n === 'string' ? Number(toAsciiDigits(n).replace(/[,٬،\s]/g, '')) : n;
  if (typeof v !== 'number' || !Number.isFinite(v)) return typeof n === 'string' ? str(n) : null;
  return groupThousands(v);
}

/**
 * 40000000 → "40,000,000" (2 decimals at most). Not toLocaleString: the first call in a page starts the
 * browser's number formatter, 20-70 ms, which alone broke the clip time budget.
 */
export function groupThousands(v: number): string {
  const [int, frac] = String(Math.round(Math.abs(v) * 100) / 100).split('.');
  return (v < 0 ? '-' : '') + int.replace(/\B(?=(\d{3})+$)/g, ',') + (frac ? '.' + frac : '');
}

/**
 * `baseSalary` / `estimatedSalary` as readable text with its currency and unit, never assuming `$`:
 * a MonetaryAmount (value a number or a QuantitativeValue with minValue/maxValue/value and unitText), a
 * MonetaryAmountDistribution (percentile10…percentile90 or median, duration), or a plain string.
 */
export function salaryText(v: unknown): string | null {
  const s = first(v);
  if (typeof s === 'string' || typeof s === 'number') return str(s);
  if (!isObject(s)) return null;
  const code = typeof s.currency === 'string' ? s.currency.trim().toUpperCase() : null;
  const value = isObject(s.value) ? s.value : s;
  const min = amount(value.minValue) ?? amount(s.percentile10) ?? amount(s.percentile25);
  const max = amount(value.maxValue) ?? amount(s.percentile90) ?? amount(s.percentile75);
  const single = amount(isObject(s.value) ? value.value : s.value) ?? amount(s.median);
  const range = min && max ? (min === max ? min : `${min} - ${max}`) : (min ?? max ?? single);
  if (!range) return null;
  const unitText =
    typeof value.unitText === 'string' ? value.unitText : typeof s.unitText === 'string' ? s.unitText : null;
  const unit = unitText
    ? (UNIT[unitText.trim().toUpperCase()] ?? unitText.trim().toLowerCase())
    : typeof s.duration === 'string'
      ? (DURATION[s.duration.trim().toUpperCase()] ?? null)
      : null;
  const currency = code ? (CURRENCY[code] ?? code) : null;
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
  const raw = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === 'string' ? x.split(/\s*[,،]\s*/) : []));
  const list = raw.map((x) => EMPLOYMENT[x.trim().toUpperCase().replace(/[-\s]/g, '_')] ?? str(x));
  const out = [...new Set(list.filter((x): x is string => !!x))];
  return out.length ? out.join(', ') : null;
}

function skillList(v: unknown): string[] | null {
  const raw = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,،;]\s*/) : [];
  const out = raw.map((x) => str(isObject(x) ? x.name : x)).filter((x): x is string => !!x && x.length < 80);
  return out.length ? [...new Set(out)] : null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const BULLET = /^\s*[-*•●▪◦]\s+/;

/** A plain-text block: lines kept as line breaks, a run of `- ` / `• ` lines as a list. */
function textBlock(block: string): string {
  let html = '';
  let text: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (text.length) html += `<p>${text.join('<br>')}</p>`;
    if (items.length) html += `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
    text = [];
    items = [];
  };
  for (const line of block.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    if (BULLET.test(t)) {
      if (text.length) flush();
      items.push(escapeHtml(t.replace(BULLET, '')));
    } else {
      if (items.length) flush();
      text.push(escapeHtml(t));
    }
  }
  flush();
  return html;
}

/**
 * The description as HTML: decoded once more when the page escaped it (`&lt;p&gt;`, LinkedIn), and plain
 * text (no tags at all) made into paragraphs, line breaks and lists, which HTML would otherwise collapse.
 */
export function descriptionHtml(v: unknown): string | null {
  const d = first(v);
  if (typeof d !== 'string' || !d.trim()) return null;
  if (/<\/?[a-z][^<>]*>/i.test(d)) return d;
  if (/&lt;\/?[a-z][^&]*&gt;/i.test(d)) return decodeEntities(d);
  return decodeEntities(d.replace(/\r\n?/g, '\n'))
    .split(/\n\s*\n/)
    .map(textBlock)
    .join('');
}

export interface LdJobPosting {
  fields: Partial<PostingFields>;
  /** The description as HTML, for the markdown converter. */
  descriptionHtml: string | null;
  /** The posting's own URL, when it names one. */
  url: string | null;
}

function seniority(o: Json): string | null {
  const exp = first(o.experienceRequirements);
  return str(isObject(exp) ? exp.name : exp) ?? str(first(o.seniorityLevel));
}

/** Reads one JobPosting object. */
export function readJobPosting(o: Json): LdJobPosting {
  const org = orgName(o.hiringOrganization);
  const identifier = first(o.identifier);
  const id = isObject(identifier) ? str(identifier.value) : str(identifier);
  const applicants = place(o.applicantLocationRequirements);
  const remote = isRemote(o.jobLocationType) ? `Remote${applicants ? ` (${applicants})` : ''}` : null;
  const location = place(o.jobLocation);
  const fields: Partial<PostingFields> = {
    title: str(o.title) ?? str(o.name),
    companyName: org.name,
    website: org.website,
    location: location && remote ? `${location} (Remote)` : (location ?? remote),
    employmentType: employment(o.employmentType),
    seniority: seniority(o),
    salary: salaryText(o.baseSalary) ?? salaryText(o.estimatedSalary),
    skills: skillList(o.skills),
    postedAt: isoDay(o.datePosted),
    jobId: id,
  };
  for (const k of Object.keys(fields) as (keyof PostingFields)[]) if (fields[k] == null) delete fields[k];
  const url = first(o.url);
  return { fields, descriptionHtml: descriptionHtml(o.description), url: typeof url === 'string' ? url.trim() : null };
}

/** The posting's own URL, resolved against the page and canonical, or null. */
function canonicalOf(url: string | null, page: URL): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, page);
    return /^https?:$/.test(u.protocol) ? canonicalUrl(u) : null;
  } catch {
    return null;
  }
}

/**
 * The page's JobPosting as a finding, description converted to markdown. With several postings, the one
 * whose url or identifier matches the page wins, else the first.
 */
export function jsonLdFinding(ctx: PageContext, posting?: LdJobPosting): Finding | null {
  let p = posting;
  if (!p) {
    const all = findJobPostings(ctx.doc).map(readJobPosting);
    const page = canonicalUrl(ctx.url);
    p =
      all.find((x) => canonicalOf(x.url, ctx.url) === page) ??
      (ctx.jobId ? all.find((x) => x.fields.jobId === ctx.jobId || x.url?.includes(ctx.jobId!)) : undefined) ??
      all[0];
  }
  if (!p) return null;
  const d = describe(p.descriptionHtml, ctx);
  return {
    source: 'json-ld',
    fields: { ...p.fields, ...(d.description ? { description: d.description } : {}) },
    notes: d.notes,
  };
}

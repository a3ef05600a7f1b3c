/**
 * Jobvision (docs/boards.md §3.2): an Angular SPA. Best source is the SSR transfer state
 * (`script#ng-state`, older `script#serverApp-state`) holding the cached `JobPost/Detail?jobPostId=` API
 * response; then JSON-LD; then the visible DOM. Navigation inside the app changes the page but not the
 * state or the JSON-LD written at load, so both are checked against the URL's job id and skipped when they
 * describe another job; the DOM is always the job on screen.
 */
import { isObject, type Json } from '../../basics';
import { findJobPostings, jsonLdFinding, readJobPosting } from '../jsonld';
import { describe } from '../markdown';
import { cleanText, isoDay, labelKey, splitCompanyName, textOf } from '../normalize';
import type { BoardAdapter, Finding, PageContext, PostingFields } from '../types';

const text = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? cleanText(String(v)) : null;
/** `{titleFa, titleEn}` objects, Persian first. */
const titled = (v: unknown): string | null => (isObject(v) ? (text(v.titleFa) ?? text(v.titleEn)) : text(v));

const DETAIL = /JobPost\/Detail\?(?:[^#]*&)?jobPostId=(\d+)/i;

/** One cached Detail response found in the transfer state. */
export interface StateJob {
  /** The job the response describes (the request's jobPostId, else data.id). */
  id: string | null;
  data: Json;
}

/** Angular before v16 escaped the state as `{&q;key&q;:…}`. */
function unescapeState(s: string): string {
  const map: Record<string, string> = { '&a;': '&', '&q;': '"', '&s;': "'", '&l;': '<', '&g;': '>' };
  return s.replace(/&[aqslg];/g, (m) => map[m]);
}

function parseState(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    try {
      return raw.includes('&q;') ? JSON.parse(unescapeState(raw)) : null;
    } catch {
      return null;
    }
  }
}

/**
 * Every JobPost/Detail response in the page's transfer state: entries `{b, u, s…}` keyed by a hash (Angular
 * 16+), `{body, url, status…}` or a bare body keyed by the request itself (older builds).
 */
export function stateJobs(doc: Document): StateJob[] {
  const jobs: StateJob[] = [];
  for (const script of Array.from(
    doc.querySelectorAll('script#ng-state, script#serverApp-state, script[id$="-state"][type="application/json"]'),
  )) {
    const state = parseState(script.textContent ?? '');
    if (!isObject(state)) continue;
    for (const [key, entry] of Object.entries(state)) {
      const url = (isObject(entry) && (text(entry.u) ?? text(entry.url))) || key;
      const m = DETAIL.exec(url) ?? DETAIL.exec(key);
      if (!m) continue;
      let body: unknown = isObject(entry) ? ('b' in entry ? entry.b : 'body' in entry ? entry.body : entry) : entry;
      if (typeof body === 'string') body = parseState(body);
      if (!isObject(body) || body.isSuccess === false || !isObject(body.data)) continue;
      jobs.push({ id: m[1] ?? text(body.data.id), data: body.data });
    }
  }
  return jobs;
}

/** Detail has no workType; when a build adds it, it is the list's code (docs/boards.md §3.2). */
const WORK_TYPES: Record<string, string> = { 120: 'تمام وقت', 121: 'پاره وقت', 122: 'پروژه‌ای' };

/** «تهران ، بلوار کشاورز» → «تهران، بلوار کشاورز»; repeated parts once («تهران، تهران» → «تهران»). */
export function tidyPlace(parts: (string | null)[]): string | null {
  const bits = parts
    .flatMap((p) => (p ? p.split(/\s*[،,]\s*/) : []))
    .map((p) => cleanText(p))
    .filter((p): p is string => !!p);
  return bits.length ? [...new Set(bits)].join('، ') : null;
}

/** A bare `www.example.com` as a link; anything that is not http(s) dropped. */
function website(v: unknown): string | null {
  const w = text(v);
  if (!w || /\s/.test(w)) return null;
  const url = /^https?:\/\//i.test(w) ? w : /^[\w-]+(\.[\w-]+)+(\/.*)?$/.test(w) ? `https://${w}` : null;
  return url && !/^https?:\/\/([^/]*\.)?jobvision\.ir(\/|$)/i.test(url) ? url : null;
}

const latin = (s: string) => /^[\x20-\x7e]+$/.test(s);

function salary(v: unknown): string | null {
  if (!isObject(v)) return null;
  const shown = text(v.titleFa);
  if (shown) return shown.replace(/\u066c/g, ',');
  const [min, max] = [v.min, v.max].map((n) => (typeof n === 'number' && n > 0 ? n : null));
  const range = min && max && min !== max ? `${min} - ${max}` : (min ?? max);
  return range ? `${range} میلیون تومان` : null;
}

/** The fields of a Detail response's `data`. */
export function stateFields(data: Json, ctx: PageContext): { fields: Partial<PostingFields>; notes: string[] } {
  const company = isObject(data.company) ? data.company : {};
  const name = isObject(company.name) ? company.name : {};
  const location = isObject(data.location) ? data.location : {};
  const place = tidyPlace([titled(location.province), titled(location.city), titled(location.region)]);
  const workType = isObject(data.workType) ? titled(data.workType) : WORK_TYPES[String(data.workType)];
  const skills = (Array.isArray(data.softwareRequirements) ? data.softwareRequirements : [])
    .map((r) => (isObject(r) ? titled(r.software) : null))
    .filter((s): s is string => !!s);
  const posted = isoDay(isObject(data.activationTime) ? data.activationTime.date : data.activationTime);
  const d = describe(typeof data.description === 'string' ? data.description : null, ctx);
  const fa = text(name.titleFa);
  const en = text(name.titleEn);
  const fields: Partial<PostingFields> = {
    title: text(data.title),
    companyName: fa ?? en,
    companyNameEn: en && fa && en !== fa && latin(en) ? en : null,
    website: website(company.website),
    location: data.isRemote === true ? (place ? `${place} (دورکاری)` : 'دورکاری') : place,
    employmentType: workType ?? null,
    seniority: typeof data.seniorityLevel === 'number' ? null : titled(data.seniorityLevel),
    salary: salary(data.salary),
    skills: [...new Set(skills)],
    description: d.description ?? null,
    postedAt: posted && Number(posted.slice(0, 4)) > 1900 ? posted : null,
    jobId: text(data.id),
  };
  return { fields, notes: d.notes };
}

/** The job id a JSON-LD posting names (its url, else a numeric identifier), if any. */
function ldJobId(p: ReturnType<typeof readJobPosting>): string | null {
  return (
    (p.url && /\/jobs\/(\d+)/.exec(p.url)?.[1]) ||
    (p.fields.jobId && /^\d+$/.test(p.fields.jobId) ? p.fields.jobId : null)
  );
}

/** What the page shows: h1, the company link, the «نرم‌افزارها» tags, the «شرح شغل» section. */
function domFinding(ctx: PageContext): Finding {
  const { doc } = ctx;
  const fields: Partial<PostingFields> = {};
  const title = textOf(doc, 'h1');
  if (title) fields.title = title;
  const companyLink = Array.from(doc.querySelectorAll('a[href*="/companies/"]')).find(
    (a) => /\/companies\/\d+/.test(a.getAttribute('href') ?? '') && cleanText(a.textContent),
  );
  const company = cleanText(companyLink?.textContent);
  if (company) {
    const names = splitCompanyName(company);
    fields.companyName = names.name ?? company;
    if (names.nameEn) fields.companyNameEn = names.nameEn;
  }
  const heading = (name: string) =>
    Array.from(doc.querySelectorAll('h1,h2,h3,h4,h5,h6,div,span,p,label')).find(
      (el) => el.children.length === 0 && labelKey(el.textContent ?? '').replace(/\s+/g, '') === name,
    );
  let tagRoot: Element | null = heading('نرمافزارها') ?? null;
  while (tagRoot && !tagRoot.querySelector('app-tag')) tagRoot = tagRoot.parentElement;
  const skills = Array.from((tagRoot ?? doc).querySelectorAll('app-tag span.tag-title')).map((s) =>
    cleanText(s.textContent),
  );
  fields.skills = [...new Set(skills.filter((s): s is string => !!s))];
  const notes: string[] = [];
  const descHeading = heading('شرحشغل');
  if (descHeading) {
    let after: Element | null = descHeading;
    while (after && !after.nextElementSibling) after = after.parentElement;
    const body: string[] = [];
    for (let el = after?.nextElementSibling; el; el = el.nextElementSibling) body.push(el.outerHTML);
    const d = describe(body.join(''), ctx);
    if (d.description) fields.description = d.description;
    notes.push(...d.notes);
  }
  return { source: 'dom', fields, notes };
}

export const jobvision: BoardAdapter<'jobvision'> = {
  board: 'jobvision',
  read(ctx): Finding[] {
    const findings: Finding[] = [];
    const notes: string[] = [];
    const staleTitles: string[] = [];
    const jobs = stateJobs(ctx.doc);
    const current = jobs.find((j) => !ctx.jobId || j.id === ctx.jobId);
    for (const j of jobs) {
      if (!ctx.jobId || j.id === ctx.jobId) continue;
      notes.push(`embedded state was for job ${j.id}, not ${ctx.jobId}; skipped`);
      const t = text(j.data.title);
      if (t) staleTitles.push(t);
    }
    if (current) {
      const s = stateFields(current.data, ctx);
      findings.push({ source: 'state', fields: s.fields, notes: [...notes, ...s.notes] });
    } else if (notes.length) findings.push({ source: 'state', fields: {}, notes });

    for (const p of findJobPostings(ctx.doc).map(readJobPosting)) {
      const id = ldJobId(p);
      const stale =
        ctx.jobId && id ? id !== ctx.jobId : !id && !!p.fields.title && staleTitles.includes(p.fields.title);
      if (stale) {
        findings.push({
          source: 'json-ld',
          fields: {},
          notes: [`JSON-LD was for ${id ? `job ${id}` : `«${p.fields.title}»`}, not ${ctx.jobId}; skipped`],
        });
        continue;
      }
      const ld = jsonLdFinding(ctx, p);
      if (ld?.fields.website && !website(ld.fields.website)) delete ld.fields.website;
      if (ld) findings.push(ld);
      break;
    }
    findings.push(domFinding(ctx));
    return findings;
  },
};

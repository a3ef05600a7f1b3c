/**
 * Quera Magnet (docs/boards.md §3.3): Next.js with Chakra UI, hashed classes. Read in order of trust: JSON-LD when
 * there is any, the job in the `__NEXT_DATA__` page props (source 'state'), then the DOM (title heading,
 * `p.chakra-text` company, `span[title]` publish date, level spans). The embedded job is used only when its
 * pk is the URL's job: after a client-side navigation `__NEXT_DATA__` still holds the first page's job.
 */
import { isObject, type Json } from '../../basics';
import { findDate } from '../../date-find';
import { jsonLdFinding, salaryText } from '../jsonld';
import { capText, describe } from '../markdown';
import { cleanText, isoDay, labelKey } from '../normalize';
import type { BoardAdapter, Finding, PageContext, PostingFields } from '../types';

/** A display string from a string, a number or a `{name|title|label}` object. */
function name(v: unknown): string | null {
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObject(v)) return name(v.name ?? v.title ?? v.label ?? v.display);
  return null;
}

/** The first of `keys` that `o` has a value for. */
function pick(o: Json, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] != null && o[k] !== '') return o[k];
  return undefined;
}

const COLLABORATION: Record<string, string> = {
  full_time: 'Full-time',
  fulltime: 'Full-time',
  part_time: 'Part-time',
  parttime: 'Part-time',
  internship: 'Internship',
  intern: 'Internship',
  project: 'Project-based',
  project_based: 'Project-based',
  freelance: 'Freelance',
  contract: 'Contract',
};
const LEVELS: Record<string, string> = {
  intern: 'Intern',
  internship: 'Intern',
  junior: 'Junior',
  mid: 'Mid-level',
  mid_level: 'Mid-level',
  midlevel: 'Mid-level',
  middle: 'Mid-level',
  senior: 'Senior',
  lead: 'Lead',
  team_lead: 'Lead',
  manager: 'Manager',
};

/** A code (`FULL_TIME`, `{value:'mid_level', name:'…'}`) through `map`, else the text as shown; arrays joined. */
function coded(v: unknown, map: Record<string, string>): string | null {
  const one = (x: unknown): string | null => {
    const code = isObject(x) ? pick(x, 'value', 'key', 'code', 'slug') : x;
    const mapped =
      typeof code === 'string'
        ? map[
            code
              .trim()
              .toLowerCase()
              .replace(/[-\s]+/g, '_')
          ]
        : undefined;
    return mapped ?? name(x);
  };
  const out = (Array.isArray(v) ? v : [v]).map(one).filter((x): x is string => !!x);
  return out.length ? [...new Set(out)].join(', ') : null;
}

/** Salary as shown (a string keeps its words, digits made ASCII), or an amount/range with its own currency. */
function salary(job: Json): string | null {
  const v = pick(job, 'salary', 'salary_range');
  if (typeof v === 'string' || typeof v === 'number') return salaryText(v);
  const o = isObject(v) ? v : job;
  const shown = name(pick(o, 'text', 'display', 'title'));
  if (isObject(v) && shown) return shown;
  const min = pick(o, 'min', 'minimum', 'from', 'min_salary', 'salary_min');
  const max = pick(o, 'max', 'maximum', 'to', 'max_salary', 'salary_max');
  if (min == null && max == null) return null;
  const currency = pick(o, 'currency', 'salary_currency');
  const unit = pick(o, 'period', 'unit', 'salary_period');
  return salaryText({ currency, value: { minValue: min, maxValue: max, unitText: unit } });
}

function skills(job: Json): string[] | null {
  const v = pick(job, 'skills', 'technologies', 'techs', 'tags');
  const list = (Array.isArray(v) ? v : []).map(name).filter((x): x is string => !!x && x.length < 80);
  return list.length ? [...new Set(list)] : null;
}

function day(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v < 1e12 ? v * 1000 : v).toISOString().slice(0, 10);
  return typeof v === 'string' ? (isoDay(v) ?? findDate(v)?.iso ?? null) : null;
}

function website(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim() : '';
  if (/^https?:\/\/\S+$/i.test(s)) return s;
  return /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(s) ? `https://${s}` : null;
}

/** A description or requirements text: HTML through describe(); without tags it is markdown or plain text. */
function body(v: unknown, ctx: PageContext, notes: string[]): string | null {
  if (typeof v !== 'string' || !v.trim()) return null;
  if (/<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i.test(v)) {
    const d = describe(v, ctx);
    notes.push(...d.notes);
    return d.description ?? null;
  }
  // Kept as written, minus links a click would run (`[x](javascript:…)` keeps its text).
  const text = v
    .replace(/\r\n?/g, '\n')
    .replace(/\[([^\]\n]*)\]\(\s*<?\s*(?:javascript|vbscript|data|file):[^\n]*?\)+/gi, '$1')
    .replace(/<\s*(?:javascript|vbscript|data):[^>\s]*>/gi, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const r = capText(text, ctx.maxDescription);
  if (r.truncated) notes.push(`description truncated to ${ctx.maxDescription} characters`);
  return r.markdown || null;
}

/** `props.pageProps` of `script#__NEXT_DATA__`, or null (App Router pages have none). */
function pageProps(doc: Document): Json | null {
  const text = doc.querySelector('script#__NEXT_DATA__')?.textContent;
  if (!text) return null;
  try {
    const data: unknown = JSON.parse(text);
    const props = isObject(data) && isObject(data.props) ? data.props.pageProps : null;
    return isObject(props) ? props : null;
  } catch {
    return null;
  }
}

const samePk = (pk: unknown, id: string) =>
  (typeof pk === 'string' || typeof pk === 'number') && String(pk).toLowerCase() === id.toLowerCase();

/** The job object: `pageProps.job` when it is this job, else the fullest object anywhere whose pk is the job id. */
function findJob(props: Json, jobId: string | null): { job: Json | null; stalePk: string | null } {
  const direct = isObject(props.job) ? props.job : null;
  if (direct && (!jobId || samePk(direct.pk, jobId))) return { job: direct, stalePk: null };
  const matches: Json[] = [];
  const queue: unknown[] = [props];
  for (let seen = 0; jobId && queue.length && seen < 20_000; seen++) {
    const v = queue.shift();
    if (Array.isArray(v)) queue.push(...v);
    else if (isObject(v)) {
      if (samePk(v.pk, jobId) && typeof v.title === 'string') matches.push(v);
      queue.push(...Object.values(v));
    }
  }
  const job = matches.find((m) => typeof m.description === 'string') ?? matches[0] ?? null;
  return { job, stalePk: !job && direct && direct.pk != null ? String(direct.pk) : null };
}

function stateFinding(job: Json, ctx: PageContext): Finding {
  const notes: string[] = [];
  const company = isObject(job.company) ? job.company : {};
  const remote = [job.offers_remote, job.remote, job.is_remote].some((x) => x === true);
  const city = name(pick(job, 'city', 'location'));
  const description = [body(job.description, ctx, notes), body(job.requirements, ctx, notes)];
  const fields: Partial<PostingFields> = {
    title: name(job.title),
    companyName: name(company.name) ?? name(job.company),
    companyNameEn: name(pick(company, 'name_en', 'en_name', 'english_name', 'title_en')),
    website: website(pick(company, 'website', 'site', 'url', 'homepage')),
    location: remote ? (city ? `${city} (Remote)` : 'Remote') : city,
    employmentType: coded(
      pick(job, 'collaboration_type', 'collaboration_types', 'employment_type', 'job_type'),
      COLLABORATION,
    ),
    seniority: coded(pick(job, 'level', 'seniority', 'seniority_level', 'experience_level', 'levels'), LEVELS),
    salary: salary(job),
    skills: skills(job),
    description: description[1]
      ? [description[0], `## Requirements\n\n${description[1]}`].filter(Boolean).join('\n\n')
      : description[0],
    postedAt: day(pick(job, 'published_at', 'publish_date', 'published', 'created', 'created_at', 'date')),
    jobId: job.pk != null ? String(job.pk) : null,
  };
  return { source: 'state', fields, notes };
}

const LEVEL_WORDS = ['Intern', 'Junior', 'Mid-level', 'Senior', 'Lead', 'Manager'];

/** The block holding the most paragraph and list text, outside page chrome and other jobs' cards. */
function descriptionBlock(blocks: Element[], heading: Element | null): Element | null {
  const score = new Map<Element, number>();
  for (const el of blocks) {
    const box = el.tagName === 'LI' ? el.parentElement?.parentElement : el.parentElement;
    if (
      !box ||
      box.querySelector('article, h1') ||
      box.closest('header, footer, nav') ||
      (heading && box.contains(heading))
    )
      continue;
    score.set(box, (score.get(box) ?? 0) + (cleanText(el.textContent)?.length ?? 0));
  }
  const best = [...score].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 80 ? best[0] : null;
}

/** The DOM: headings and spans outside the cards (`<article>`) of other jobs. */
function domFinding(ctx: PageContext): Finding {
  const { doc, jobId } = ctx;
  const otherCard = (el: Element) => {
    const card = el.closest('article');
    const href =
      card?.querySelector('a[href*="/magnet/jobs/"]')?.getAttribute('href') ??
      card?.closest('a')?.getAttribute('href') ??
      '';
    const pk = /\/magnet\/jobs\/([a-z0-9]+)/i.exec(href)?.[1];
    return !!card && !!pk && pk.toLowerCase() !== jobId?.toLowerCase();
  };
  const all = (sel: string) =>
    Array.from(doc.querySelectorAll(sel)).filter((el) => !otherCard(el) && cleanText(el.textContent));
  const heading = all('h1')[0] ?? all('h2')[0] ?? null;
  const after = (el: Element) => !heading || !!((heading.compareDocumentPosition(el) & 4) /* FOLLOWING */);
  const company =
    all('a[href*="/magnet/companies/"]').find(after) ??
    all('p.chakra-text').find((p) => after(p) && (cleanText(p.textContent)?.length ?? 99) <= 80);
  const date = Array.from(doc.querySelectorAll('span[title]'))
    .filter((el) => !otherCard(el))
    .map((el) => day(el.getAttribute('title')))
    .find(Boolean);
  const levels = all('span')
    .map((el) => LEVEL_WORDS.find((w) => labelKey(w) === labelKey(el.textContent ?? '')))
    .filter((x): x is string => !!x);
  const d = describe(descriptionBlock(all('p, li').filter(after), heading), ctx);
  const fields: Partial<PostingFields> = {
    title: cleanText(heading?.textContent),
    companyName: cleanText(company?.textContent),
    seniority: levels.length ? [...new Set(levels)].join(', ') : null,
    postedAt: date ?? null,
    description: d.description ?? null,
  };
  return { source: 'dom', fields, notes: d.notes };
}

export const quera: BoardAdapter<'quera'> = {
  board: 'quera',
  read(ctx): Finding[] {
    const findings: Finding[] = [];
    const ld = jsonLdFinding(ctx);
    if (ld) findings.push(ld);
    const props = pageProps(ctx.doc);
    if (props) {
      const { job, stalePk } = findJob(props, ctx.jobId);
      if (job) findings.push(stateFinding(job, ctx));
      else if (stalePk)
        findings.push({
          source: 'state',
          fields: {},
          notes: [`the page's embedded data is for job ${stalePk}, not ${ctx.jobId}; read from the page instead`],
        });
    }
    findings.push(domFinding(ctx));
    return findings;
  },
};

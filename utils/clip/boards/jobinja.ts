/**
 * Jobinja (docs/boards.md §3.1): server-rendered pages. JSON-LD first, then the page's `c-jobView` /
 * `c-companyHeader` / `c-infoBox` structure, read by class and label only (logged-out pages wrap everything
 * in `div.c-forceToLogin__content`, so positional paths break). Info-box labels are matched by key, in
 * Persian spelled any way (ZWNJ, space or nothing; ي/ك; digits) and in a browser's auto-translated English.
 *
 * Salary is the exception to "JSON-LD first": the page shows it as the employer wrote it («توافقی»,
 * «از 30 تا 40 میلیون تومان»), JSON-LD only as numbers, so a DOM finding holding just the salary goes first.
 */
import { jsonLdFinding } from '../jsonld';
import { describe, textNodes } from '../markdown';
import { cleanText, labelKey, splitCompanyName, textOf } from '../normalize';
import type { BoardAdapter, Finding, PageContext, PostingFields } from '../types';

/** What an info-box item holds; only some of them are posting fields. */
export type InfoLabel =
  | 'category'
  | 'location'
  | 'employmentType'
  | 'seniority'
  | 'salary'
  | 'skills'
  | 'gender'
  | 'military'
  | 'degree'
  | 'languages';

/** Labels as Jobinja writes them, then as Chrome/Edge translation renders them. */
const LABELS: Record<InfoLabel, string[]> = {
  category: ['دسته‌بندی شغلی', 'Job category', 'Job classification', 'Category'],
  location: ['موقعیت مکانی', 'Location', 'Geographical location'],
  employmentType: [
    'نوع همکاری',
    'Type of cooperation',
    'Cooperation type',
    'Type of collaboration',
    'Employment type',
    'Type of employment',
  ],
  seniority: ['حداقل سابقه کار', 'Minimum work experience', 'Minimum experience', 'Minimum work record'],
  salary: ['حقوق', 'Rights', 'Salary', 'Wages'],
  skills: ['مهارت‌های مورد نیاز', 'Required skills', 'Skills required', 'Necessary skills'],
  gender: ['جنسیت', 'Gender', 'Sex'],
  military: ['وضعیت نظام وظیفه', 'Military service status', 'Conscription status'],
  degree: ['حداقل مدرک تحصیلی', 'Minimum education', 'Minimum educational qualification', 'Minimum degree'],
  languages: ['زبان‌های مورد نیاز', 'Required languages', 'Languages required'],
};

/** labelKey, and spaces dropped too: «دسته‌بندی», «دستهبندی» and «دسته بندی» are one key. */
const squash = (s: string) => labelKey(s).replace(/\s+/g, '');

const BY_KEY = new Map<string, InfoLabel>(
  (Object.entries(LABELS) as [InfoLabel, string[]][]).flatMap(([label, names]) =>
    names.map((n) => [squash(n), label] as [string, InfoLabel]),
  ),
);

/** Which info-box item a title names, or null for one we do not know. */
export function infoLabel(title: string | null | undefined): InfoLabel | null {
  return title ? (BY_KEY.get(squash(title)) ?? null) : null;
}

/** «استخدام برنامه‌نویس PHP» → «برنامه‌نویس PHP». */
export function stripHiring(title: string | null | undefined): string | null {
  const t = cleanText(title);
  return t ? (cleanText(t.replace(/^استخدام[\s\u200c]+/, '')) ?? t) : null;
}

/** The text nodes under an element, each cleaned (a header may hold «فارسی» and «English» as two nodes). */
function cleanTexts(el: Element): string[] {
  return textNodes(el)
    .map((t) => cleanText(t))
    .filter((t): t is string => !!t);
}

/** A link to somewhere other than Jobinja itself (its company pages are not the company's website). */
function externalLink(href: string | null | undefined): string | null {
  const h = href?.trim();
  if (!h || !/^https?:\/\//i.test(h)) return null;
  try {
    return /(^|\.)jobinja\.ir$/i.test(new URL(h).hostname) ? null : h;
  } catch {
    return null;
  }
}

/** «تهران ، تهران» → «تهران، تهران». */
const tidyPlace = (s: string) => s.replace(/\s*([،,])\s*/g, '، ').replace(/(، )+$/, '');

/** Each info-box item's values (the `span.black` tags, else the item's text without its title), by label. */
function infoBoxes(root: ParentNode): Map<InfoLabel, string[]> {
  const found = new Map<InfoLabel, string[]>();
  for (const item of Array.from(root.querySelectorAll('li.c-infoBox__item'))) {
    const titleEl = item.querySelector('.c-infoBox__itemTitle');
    const label = infoLabel(titleEl?.textContent);
    if (!label || found.has(label)) continue;
    let values = Array.from(item.querySelectorAll('.tags span.black, .tags .black')).map((s) =>
      cleanText(s.textContent),
    );
    if (!values.some(Boolean)) {
      const rest = (item.textContent ?? '').replace(titleEl?.textContent ?? '', '');
      values = [cleanText(rest)];
    }
    found.set(label, [...new Set(values.filter((v): v is string => !!v))]);
  }
  return found;
}

/** Everything the page shows, except postedAt: the page only says «۳ روز پیش». */
function domFields(ctx: PageContext): { fields: Partial<PostingFields>; notes: string[] } {
  const { doc } = ctx;
  const fields: Partial<PostingFields> = {};
  const notes: string[] = [];
  const title = stripHiring(textOf(doc, '.c-jobView__titleText h1', 'section.c-jobView h1', '#singleJob h1'));
  if (title) fields.title = title;
  const header = doc.querySelector('h2.c-companyHeader__name, .c-companyHeader__name');
  const names = splitCompanyName(header ? cleanTexts(header) : null);
  if (names.name) fields.companyName = names.name;
  if (names.nameEn) fields.companyNameEn = names.nameEn;
  for (const a of Array.from(doc.querySelectorAll('a.c-companyHeader__metaLink'))) {
    const href = a.getAttribute('href') ?? '';
    const site = /\/company\/list/i.test(href) ? null : externalLink(href);
    if (site) {
      fields.website = site;
      break;
    }
  }
  const info = infoBoxes(doc);
  for (const key of ['location', 'employmentType', 'seniority', 'salary'] as const) {
    const values = info.get(key);
    if (values?.length) fields[key] = values.join('، ');
  }
  if (fields.location) fields.location = tidyPlace(fields.location);
  if (fields.salary) fields.salary = fields.salary.replace(/\u066c/g, ','); // «۳۰٬۰۰۰٬۰۰۰» → 30,000,000
  const skills = info.get('skills') ?? [];
  if (skills.length) fields.skills = skills;
  const d = describe(doc.querySelector('div.o-box__text.s-jobDesc, .s-jobDesc'), ctx);
  if (d.description) fields.description = d.description;
  notes.push(...d.notes);
  const expired = doc.querySelector('.c-alert.c-alert--error');
  const canApply = Array.from(doc.querySelectorAll('input[value]')).some(
    (i) => labelKey(i.getAttribute('value') ?? '') === 'ارسال رزومه',
  );
  if (expired && !canApply) notes.push(`the posting has expired («${cleanText(expired.textContent) ?? ''}»)`);
  return { fields, notes };
}

/** The JSON-LD finding with Jobinja's habits undone: «استخدام » titles, «فا | En» names, self links. */
function ldFinding(ctx: PageContext): Finding | null {
  const ld = jsonLdFinding(ctx);
  if (!ld) return null;
  const f = ld.fields;
  if (f.title) f.title = stripHiring(f.title) ?? undefined;
  if (f.website && !externalLink(f.website)) delete f.website;
  const names = splitCompanyName(f.companyName ?? null);
  if (names.nameEn) Object.assign(f, { companyName: names.name, companyNameEn: names.nameEn });
  return ld;
}

export const jobinja: BoardAdapter<'jobinja'> = {
  board: 'jobinja',
  read(ctx): Finding[] {
    const ld = ldFinding(ctx);
    const dom = domFields(ctx);
    const { salary, ...rest } = dom.fields;
    return [
      ...(salary ? [{ source: 'dom' as const, fields: { salary } }] : []),
      ...(ld ? [ld] : []),
      { source: 'dom', fields: rest, notes: dom.notes },
    ];
  },
};

/**
 * LinkedIn (docs/boards.md §3.4): the guest page (`top-card-layout`, criteria list, JSON-LD only sometimes) and the
 * logged-in SPA (unified top card in a details pane). On search and collection pages the job is the URL's
 * `currentJobId`: only a details pane for that job is read, never a card of the side list. Error, sign-in
 * and security-check pages yield no fields, only a note.
 */
import { findJobPostings, jsonLdFinding } from '../jsonld';
import { describe, inertCopy, textNodes } from '../markdown';
import { cleanText, labelKey } from '../normalize';
import type { BoardAdapter, Finding, PageContext, PostingFields } from '../types';
import { boardOf } from '../../boards';

/** Job cards and the lists that hold them (side list, similar jobs): never read for the job. */
const CARD = [
  '.job-card-container',
  '[data-occludable-job-id]',
  '.scaffold-layout__list',
  '.jobs-search-results-list',
  '.jobs-search__results-list',
  '.base-card',
  '.base-search-card',
].join(', ');
/** The job details pane of the SPA and of the guest search page, outermost first. */
const PANE = [
  '.scaffold-layout__detail',
  '.jobs-search__job-details--container',
  '.jobs-search__job-details',
  '.job-view-layout',
  '.jobs-details',
  '.details-pane__content',
].join(', ');
const TITLE = [
  '.job-details-jobs-unified-top-card__job-title',
  '.jobs-unified-top-card__job-title',
  '.top-card-layout__title',
  '.topcard__title',
].join(', ');
const COMPANY = [
  '.job-details-jobs-unified-top-card__company-name',
  '.jobs-unified-top-card__company-name',
  '.topcard__org-name-link',
  '.topcard__flavor a[href*="/company/"]',
].join(', ');
const BULLET = [
  '.topcard__flavor--bullet',
  '.job-details-jobs-unified-top-card__bullet',
  '.jobs-unified-top-card__bullet',
].join(', ');
/** "Location · 2 weeks ago · 80 applicants", or in an A/B layout "Company · Location (On-site)". */
const LINE = [
  '.job-details-jobs-unified-top-card__tertiary-description-container',
  '.job-details-jobs-unified-top-card__primary-description-container',
  '.job-details-jobs-unified-top-card__primary-description',
  '.jobs-unified-top-card__primary-description',
  '.jobs-unified-top-card__subtitle-primary-grouping',
].join(', ');
const INSIGHTS = [
  '.job-details-jobs-unified-top-card__job-insight',
  '.jobs-unified-top-card__job-insight',
  '.job-details-preferences-and-skills',
  '.job-details-fit-level-preferences',
  '.jobs-unified-top-card__workplace-type',
  '.job-details-jobs-unified-top-card__workplace-type',
].join(', ');
const DESCRIPTION = [
  '#job-details',
  '.jobs-description__content .jobs-box__html-content',
  '.jobs-description-content__text',
  '.show-more-less-html__markup',
  '.description__text',
].join(', ');
const HIDDEN = '.visually-hidden, .a11y-text, script, style, template';
const ERROR =
  /something went wrong|security verification|security check|too many requests|rate limit|unusual activity/i;
/**
 * Sign-in walls: by address, by form, by page title (guest job pages carry a sign-in modal, so never by
 * its text).
 */
const SIGN_IN_PATH = /^\/(authwall|login|signup|uas\/login|checkpoint)\b/i;
const SIGN_IN_TITLE = /^(sign up|sign in|log in)\b|log in or sign up/i;

const EMPLOYMENT = ['Full-time', 'Part-time', 'Contract', 'Temporary', 'Internship', 'Volunteer'];
const SENIORITY = ['Internship', 'Entry level', 'Associate', 'Mid-Senior level', 'Director', 'Executive'];
const WORKPLACE = ['On-site', 'Remote', 'Hybrid'];
/** Currencies a LinkedIn pay line names by code. */
const CURRENCIES = ['usd', 'eur', 'gbp', 'cad', 'aed', 'try', 'irr', 'irt', 'toman', 'rial'];
/** A pay line: a number with a per-period unit, a currency sign or code; or a currency sign before a number. */
const SALARY = new RegExp(
  String.raw`\d.*(\/\s?(yr|mo|hr|wk)\b|per (year|month|hour)|[$€£₹]|\b(${CURRENCIES.join('|')})\b)|[$€£₹].*\d`,
  'i',
);
const AGO = /\bago\b|reposted|applicants?|people|clicked|promoted|actively/i;

/** The top card's link to the job's own page (/jobs/view/<id>), in either layout. */
const TOP_CARD_JOB_LINK = [
  `:is(${[
    TITLE,
    '.job-details-jobs-unified-top-card__container--two-pane',
    '.jobs-unified-top-card',
    '.top-card-layout',
  ].join(', ')}) a[href*="/jobs/view/"]`,
  'a.topcard__link[href*="/jobs/view/"]',
].join(', ');

const notInCard = (el: Element) => !el.closest(CARD);

/** Text a reader sees: without screen-reader-only duplicates. */
function shown(el: Element | null | undefined): string | null {
  return el ? cleanText(visibleTexts(el).join('')) : null;
}

/** The text nodes a reader sees under `el` (none when `el` itself is hidden). */
function visibleTexts(el: Element): string[] {
  return el.matches(HIDDEN) ? [] : textNodes(el, { skip: (e) => e.matches(HIDDEN) });
}

/**
 * The first element for the first of `selectors` (in their order) under `root`, outside job cards, with
 * visible text.
 */
function first(root: ParentNode, selectors: string): Element | null {
  for (const sel of selectors.split(/,\s*/)) {
    const el = Array.from(root.querySelectorAll(sel)).find((e) => notInCard(e) && shown(e));
    if (el) return el;
  }
  return null;
}

/** Text chunks split on `·`, one text node at a time (pills sit in separate spans without separators). */
function chunks(el: Element): string[] {
  return visibleTexts(el)
    .flatMap((t) => t.split('·'))
    .map((s) => cleanText(s))
    .filter((s): s is string => !!s);
}

const jobIdIn = (s: string | null | undefined) => /(\d{6,})/.exec(s ?? '')?.[1] ?? null;

/** The job a pane shows, when it says: a `data-job-id` on it or in it, or the top card's /jobs/view/<id> link. */
function paneJobId(pane: Element): string | null {
  const own = pane.closest('[data-job-id]') ?? Array.from(pane.querySelectorAll('[data-job-id]')).find(notInCard);
  if (own) return jobIdIn(own.getAttribute('data-job-id'));
  const link = Array.from(pane.querySelectorAll(TOP_CARD_JOB_LINK)).find(notInCard);
  return link ? (/\/jobs\/view\/(?:[^/?#]*?-)?(\d{6,})/.exec(link.getAttribute('href') ?? '')?.[1] ?? null) : null;
}

/** Where to read: the pane for `jobId` (or one that names no job), the page itself when there is no pane. */
function chooseRoot(
  doc: Document,
  jobId: string | null,
): { root: ParentNode | null; pane: boolean; id: string | null } {
  const panes = Array.from(doc.querySelectorAll(PANE)).filter(notInCard);
  if (!panes.length) return { root: doc.body ?? doc, pane: false, id: null };
  const ids = panes.map(paneJobId);
  const i = jobId ? ids.indexOf(jobId) : 0;
  const j = i >= 0 ? i : ids.indexOf(null);
  return j >= 0 ? { root: panes[j], pane: true, id: ids[j] } : { root: null, pane: true, id: ids[0] };
}

/** An error, rate-limit, sign-in or security-check page: no job title, no JobPosting, and signs that say so. */
function isErrorPage(doc: Document): boolean {
  if (first(doc, TITLE) || findJobPostings(doc).length) return false;
  if (SIGN_IN_PATH.test(/^https?:\/\/[^/]+(\/[^?#]*)/.exec(doc.URL)?.[1] ?? '') || SIGN_IN_TITLE.test(doc.title.trim()))
    return true;
  if (doc.querySelector('[class*="authwall"], form[action*="/checkpoint/"], #captcha-internal')) return true;
  const heads = Array.from(doc.querySelectorAll('h1, h2, h3, .error-container')).map(shown);
  return ERROR.test([doc.title, ...heads].join(' '));
}

/** The description element, copied into an inert document without its "About the job" heading and buttons. */
function descriptionElement(root: ParentNode, doc: Document): Element | null {
  const el = first(root, DESCRIPTION);
  if (!el) return null;
  const copy = inertCopy(el, doc);
  for (const b of Array.from(copy.querySelectorAll('button, script, style, template'))) b.remove();
  const head = copy.firstElementChild;
  if (head && /^h[1-6]$/i.test(head.tagName) && /^about (the|this) job$/i.test(cleanText(head.textContent) ?? ''))
    head.remove();
  return shown(copy) ? copy : null;
}

/** Location from the bullet or the description line, and the company when the line starts with it. */
function placeLine(root: ParentNode, company: string | null): { location: string | null; company: string | null } {
  const bullet = shown(first(root, BULLET));
  if (bullet) return { location: bullet, company };
  const line = first(root, LINE);
  const segs = line ? chunks(line) : [];
  if (segs.length > 1 && (!company || labelKey(segs[0]) === labelKey(company)) && !AGO.test(segs[1]))
    return { location: segs[1], company: company ?? segs[0] };
  return { location: segs[0] && !AGO.test(segs[0]) ? segs[0] : null, company };
}

function domFinding(root: ParentNode, doc: Document, ctx: PageContext, paneId: string | null): Finding {
  const fields: Partial<PostingFields> = { title: shown(first(root, TITLE)), jobId: paneId ?? ctx.jobId };
  const place = placeLine(root, shown(first(root, COMPANY)));
  fields.companyName = place.company;
  for (const item of Array.from(root.querySelectorAll('.description__job-criteria-item')).filter(notInCard)) {
    const label = labelKey(shown(item.querySelector('.description__job-criteria-subheader')) ?? '');
    const value = shown(item.querySelector('.description__job-criteria-text'));
    if (!value || /^not applicable$/i.test(value)) continue;
    if (label === 'seniority level') fields.seniority ??= value;
    if (label === 'employment type') fields.employmentType ??= value;
  }
  let workplace: string | null = null;
  for (const c of Array.from(root.querySelectorAll(INSIGHTS)).filter(notInCard).flatMap(chunks)) {
    const is = (list: string[]) => list.find((w) => labelKey(w) === labelKey(c)) ?? null;
    fields.employmentType ??= is(EMPLOYMENT);
    fields.seniority ??= is(SENIORITY);
    workplace ??= is(WORKPLACE);
    if (!fields.salary && SALARY.test(c)) fields.salary = c;
  }
  fields.salary ??= shown(first(root, '.compensation__salary'));
  const loc = place.location;
  fields.location = loc && workplace && !/\)$/.test(loc) ? `${loc} (${workplace})` : (loc ?? workplace);
  const d = describe(descriptionElement(root, doc), ctx);
  if (d.description) fields.description = d.description;
  return { source: 'dom', fields, notes: d.notes };
}

/**
 * Nothing on the page is this job: no fields, a note, and `blocked` so that the extractor reads nothing else
 * (Readability, page title). The cast stays valid once `Finding.blocked` is declared in types.ts.
 */
function blocked(note: string): Finding {
  return { source: 'dom', fields: {}, notes: [note], blocked: true } as Finding;
}

export const linkedin: BoardAdapter<'linkedin'> = {
  board: 'linkedin',
  read(ctx): Finding[] {
    if (isErrorPage(ctx.doc)) {
      return [
        blocked(
          'LinkedIn showed an error, sign-in or security check page instead of the job; ' +
            'nothing was read (reload the job and clip again)',
        ),
      ];
    }
    const { root, id } = chooseRoot(ctx.doc, ctx.jobId);
    if (!root)
      return [
        blocked(
          `the job pane shows job ${id}, not ${ctx.jobId} from the address; ` +
            'nothing was read (wait for the job to load and clip again)',
        ),
      ];
    const findings: Finding[] = [];
    const ld = jsonLdFinding(ctx);
    if (ld) {
      // hiringOrganization.sameAs is the company's LinkedIn page, not its website.
      if (/^https?:\/\/([^/?#]*\.)?linkedin\.com([/?#]|$)/i.test(ld.fields.website ?? '')) delete ld.fields.website;
      findings.push(ld);
    }
    const dom = domFinding(root, ctx.doc, ctx, id);
    if (!dom.fields.title && !ld) {
      // A search or collection page without the job's pane shows only other jobs: nothing there is this job.
      if (ctx.url.searchParams.has('currentJobId'))
        return [
          blocked(
            'the job details pane was not found on the page; ' +
              'nothing was read (wait for the job to load and clip again)',
          ),
        ];
      dom.notes = [...(dom.notes ?? []), 'no LinkedIn job details were found on the page'];
    }
    findings.push(dom);
    return findings;
  },
};

/**
 * For the content script's wait: a job pane (or top card) is on the page but the description is not there
 * yet, or the pane still shows another job than the address's `currentJobId`. False on pages with no job
 * pane and on error pages (nothing to wait for).
 */
export function linkedinDescriptionMissing(doc: Document): boolean {
  if (isErrorPage(doc)) return false;
  const { root, pane } = chooseRoot(doc, pageJobId(doc));
  if (!root) return true;
  if (!pane && !first(root, TITLE)) return false;
  return !descriptionElement(root, doc);
}

function pageJobId(doc: Document): string | null {
  try {
    const url = new URL(doc.URL);
    return boardOf(url)?.jobId(url) ?? null;
  } catch {
    return null;
  }
}

/**
 * The canonical URL a posting is stored under (tracking parameters and fragments removed), so that a second
 * clip of the same posting finds the first, and what the popup knows of a tab from its URL. Which board a
 * URL belongs to and its job id are in the board registry (utils/boards.ts).
 */
import { boardOf, type BoardId, type PostingRef } from '../boards';

/** A case-insensitive regex matching a whole key that is one of `words` (regex sources themselves). */
const wholeWord = (words: string[]) => new RegExp(`^(${words.join('|')})$`, 'i');

/**
 * Query parameters that only say where a visitor came from, on any site. Not `gh_jid` (Greenhouse's job id
 * on embedded boards) nor `id`, `jobId`, `position`, `src`, `source`…, which some career sites key on.
 */
const TRACKING = wholeWord([
  // campaign and referrer tags
  'utm_.*',
  '_ref',
  '_t',
  'ref',
  'refid',
  'ref_id',
  'trackingid',
  'trk',
  'trkinfo',
  // ad click ids
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  // mailing and marketing tools (Mailchimp, HubSpot)
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  // share links
  'igshid',
  'si',
  // applicant-tracking systems' source tags
  'gh_src',
  'lever-source',
  'lever-origin',
]);

/** LinkedIn's own tracking parameters (its job pages are canonicalised to `/jobs/view/{id}/` anyway). */
const LINKEDIN_TRACKING = wholeWord([
  'lipi',
  'midtoken',
  'midsig',
  'eid',
  'otptoken',
  'position',
  'pagenum',
  'ebp',
  'recommendedflavor',
  'alternatechannel',
  'originalsubdomain',
  'original_referer',
  'refid',
  'trackingid',
  'trk',
  'trkinfo',
  'currentjobid',
]);

/** The URL without tracking parameters and fragment; a board's canonical job URL when it has one. */
export function canonicalUrl(input: string | URL): string {
  const url = new URL(String(input));
  const rule = boardOf(url);
  const id = rule?.jobId(url) ?? null;
  if (rule && id) {
    const c = rule.canonical(url, id);
    if (c) return c;
  }
  url.hash = '';
  const linkedin = rule?.id === 'linkedin';
  // forEach, not the iterator protocol: in a Firefox content script (where clip.js runs) the URLSearchParams
  // iterators come through an Xray wrapper and are not iterable ("searchParams.keys() is not iterable").
  const keys = new Set<string>();
  url.searchParams.forEach((_, key) => {
    keys.add(key);
  });
  for (const key of keys)
    if (TRACKING.test(key) || (linkedin && LINKEDIN_TRACKING.test(key))) url.searchParams.delete(key);
  if (url.href.includes('?') && url.searchParams.toString() === '') url.search = '';
  url.hostname = url.hostname.replace(/\.$/, '');
  return url.href;
}

export interface UrlIdentity extends PostingRef {
  board: BoardId | null;
  jobId: string | null;
  /** The canonical URL. */
  url: string;
  /** A job page of a known board (the popup offers "Clip this posting"). */
  isJobPage: boolean;
}

/** What the popup knows about a tab from its URL alone, before anything runs in the page. */
export function identify(input: string): UrlIdentity | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol)) return null;
  const rule = boardOf(url);
  const jobId = rule?.jobId(url) ?? null;
  return { board: rule?.id ?? null, jobId, url: canonicalUrl(url), isJobPage: !!jobId };
}

/**
 * Which board a URL belongs to, its job id, and the canonical URL a posting is stored under (tracking
 * parameters and fragments removed), so that a second clip of the same posting finds the first.
 */
import type { Board } from './types';

/**
 * Query parameters that only say where a visitor came from, on any site. Not `gh_jid` (Greenhouse's job id
 * on embedded boards) nor `id`, `jobId`, `position`, `src`, `source`…, which some career sites key on.
 */
const TRACKING =
  /^(utm_.*|_ref|_t|ref|refid|ref_id|trackingid|trk|trkinfo|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id|mc_cid|mc_eid|_hsenc|_hsmi|igshid|si|gh_src|lever-source|lever-origin)$/i;

/** LinkedIn's own tracking parameters (its job pages are canonicalised to `/jobs/view/{id}/` anyway). */
const LINKEDIN_TRACKING =
  /^(lipi|midtoken|midsig|eid|otptoken|position|pagenum|ebp|recommendedflavor|alternatechannel|originalsubdomain|original_referer|refid|trackingid|trk|trkinfo|currentjobid)$/i;

export interface BoardRule {
  board: Exclude<Board, 'jsonld' | 'readability'>;
  host: RegExp;
  /** The job id in a job page's URL. */
  jobId(url: URL): string | null;
  /** The canonical URL of a job page with that id (null: keep the page's own path). */
  canonical(url: URL, id: string): string | null;
}

export const BOARD_RULES: BoardRule[] = [
  {
    board: 'jobinja',
    host: /(^|\.)jobinja\.ir$/i,
    jobId: (u) => /^\/companies\/[^/]+\/jobs\/([A-Za-z0-9]+)(?:\/|$)/.exec(u.pathname)?.[1] ?? null,
    canonical: () => null,
  },
  {
    board: 'jobvision',
    host: /(^|\.)jobvision\.ir$/i,
    jobId: (u) => /^\/jobs\/(\d+)(?:\/|$)/.exec(u.pathname)?.[1] ?? null,
    canonical: (_u, id) => `https://jobvision.ir/jobs/${id}`,
  },
  {
    board: 'quera',
    host: /(^|\.)quera\.(org|ir)$/i,
    jobId: (u) => /^\/magnet\/jobs\/([a-z0-9]+)\/?$/i.exec(u.pathname)?.[1] ?? null,
    canonical: (u, id) => `https://${u.hostname.replace(/^www\./, '')}/magnet/jobs/${id}`,
  },
  {
    board: 'linkedin',
    host: /(^|\.)linkedin\.com$/i,
    jobId: (u) => {
      // The job shown in the side panel of a search or collection (`?currentJobId=`), or the job page's id,
      // the digits after the slug's last hyphen (`/jobs/view/senior-dev-at-acme-3912345678/`).
      const current = u.searchParams.get('currentJobId');
      if (current && /^\d+$/.test(current)) return current;
      return /^\/(?:comm\/)?jobs\/view\/(?:[^/]*-)?(\d{6,})(?:\/|$)/.exec(u.pathname)?.[1] ?? null;
    },
    canonical: (_u, id) => `https://www.linkedin.com/jobs/view/${id}/`,
  },
];

export function boardRule(url: URL): BoardRule | null {
  if (!/^https?:$/.test(url.protocol)) return null;
  const host = url.hostname.replace(/\.$/, '');
  return BOARD_RULES.find((r) => r.host.test(host)) ?? null;
}

/** The URL without tracking parameters and fragment; a board's canonical job URL when it has one. */
export function canonicalUrl(input: string | URL): string {
  const url = new URL(String(input));
  const rule = boardRule(url);
  const id = rule?.jobId(url) ?? null;
  if (rule && id) {
    const c = rule.canonical(url, id);
    if (c) return c;
  }
  url.hash = '';
  const linkedin = rule?.board === 'linkedin';
  for (const key of [...new Set(url.searchParams.keys())])
    if (TRACKING.test(key) || (linkedin && LINKEDIN_TRACKING.test(key))) url.searchParams.delete(key);
  if (url.href.includes('?') && ![...url.searchParams].length) url.search = '';
  url.hostname = url.hostname.replace(/\.$/, '');
  return url.href;
}

export interface UrlIdentity {
  board: Board | null;
  jobId: string | null;
  canonical: string;
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
  const rule = boardRule(url);
  const jobId = rule?.jobId(url) ?? null;
  return { board: rule?.board ?? null, jobId, canonical: canonicalUrl(url), isJobPage: !!jobId };
}

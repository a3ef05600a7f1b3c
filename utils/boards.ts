/**
 * The board registry: every job board Jobnote knows, once. For each: its id, the name shown to the user,
 * the "Apply Way" an entry writes for it, which URLs are its job pages, their job id and canonical URL.
 * Each board's page adapter is in utils/clip/extract.ts (`ADAPTERS`, typed so that no board lacks one);
 * this table is light on purpose, for the popup and the dashboard, which must not load the adapters.
 *
 * Also the identity of a posting: the keys under which an application is found again from its posting, or
 * from the URL of the tab it was clipped from (`postingIdentity`).
 *
 * Plain TypeScript, no browser API.
 */
import { isOneOf } from './basics';

/** The job boards with their own adapter. */
export const BOARD_IDS = ['jobinja', 'jobvision', 'quera', 'linkedin'] as const;
export type BoardId = (typeof BOARD_IDS)[number];

/** Any other page: a schema.org JobPosting in JSON-LD, or an article Readability found. */
export const GENERIC_BOARDS = ['jsonld', 'readability'] as const;
export type GenericBoard = (typeof GENERIC_BOARDS)[number];

/** What a posting's `board` says: a known board, or how a generic page was read. */
export const POSTING_BOARDS = [...BOARD_IDS, ...GENERIC_BOARDS] as const;
export type PostingBoard = (typeof POSTING_BOARDS)[number];

export interface BoardInfo<Id extends BoardId = BoardId> {
  id: Id;
  /** The board's name as shown ("Quera Magnet"). */
  name: string;
  /** How an entry's "Apply Way" names it (what the jobname entries write: "Quera", not "Quera Magnet"). */
  applyWay: string;
  /** Its hosts (subdomains included). */
  host: RegExp;
  /** The job id in a job page's URL. */
  jobId(url: URL): string | null;
  /** The canonical URL of a job page with that id (null: keep the page's own path). */
  canonical(url: URL, id: string): string | null;
}

export const BOARDS: { readonly [Id in BoardId]: BoardInfo<Id> } = {
  jobinja: {
    id: 'jobinja',
    name: 'Jobinja',
    applyWay: 'Jobinja',
    host: /(^|\.)jobinja\.ir$/i,
    jobId: (u) => /^\/companies\/[^/]+\/jobs\/([A-Za-z0-9]+)(?:\/|$)/.exec(u.pathname)?.[1] ?? null,
    canonical: () => null,
  },
  jobvision: {
    id: 'jobvision',
    name: 'Jobvision',
    applyWay: 'Jobvision',
    host: /(^|\.)jobvision\.ir$/i,
    jobId: (u) => /^\/jobs\/(\d+)(?:\/|$)/.exec(u.pathname)?.[1] ?? null,
    canonical: (_u, id) => `https://jobvision.ir/jobs/${id}`,
  },
  quera: {
    id: 'quera',
    name: 'Quera Magnet',
    applyWay: 'Quera',
    host: /(^|\.)quera\.(org|ir)$/i,
    jobId: (u) => /^\/magnet\/jobs\/([a-z0-9]+)\/?$/i.exec(u.pathname)?.[1] ?? null,
    canonical: (u, id) => `https://${u.hostname.replace(/^www\./, '')}/magnet/jobs/${id}`,
  },
  linkedin: {
    id: 'linkedin',
    name: 'LinkedIn',
    applyWay: 'LinkedIn',
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
};

const GENERIC_NAMES: { readonly [B in GenericBoard]: string } = {
  jsonld: 'Job posting (JSON-LD)',
  readability: 'Web page',
};

export function isBoardId(v: unknown): v is BoardId {
  return isOneOf(BOARD_IDS, v);
}

/** The name shown for a posting's board. */
export function boardName(board: PostingBoard): string {
  return isBoardId(board) ? BOARDS[board].name : GENERIC_NAMES[board];
}

/** The "Apply Way" a clip from this board fills in, or null for a generic page (the user says how). */
export function applyWayOf(board: PostingBoard): string | null {
  return isBoardId(board) ? BOARDS[board].applyWay : null;
}

/** The board whose job pages live at this URL (http and https only). */
export function boardOf(url: URL): BoardInfo | null {
  if (!/^https?:$/.test(url.protocol)) return null;
  const host = url.hostname.replace(/\.$/, '');
  return BOARD_IDS.map((id): BoardInfo => BOARDS[id]).find((b) => b.host.test(host)) ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Posting identity

/** What identifies a posting: a clipped posting, or what the popup reads off a tab's URL. */
export interface PostingRef {
  board: string | null;
  jobId: string | null;
  /** The canonical URL (utils/clip/url.ts `canonicalUrl`). */
  url: string;
}

function hostOf(url: string): string | null {
  try {
    return (
      new URL(url).hostname
        .replace(/\.$/, '')
        .replace(/^www\./, '')
        .toLowerCase() || null
    );
  } catch {
    return null;
  }
}

/**
 * The keys an application is indexed and found under: `job:<board>:<id>` for a known board's job id (the
 * same posting under any URL), `job:generic:<host>:<id>` for the id a generic page gives (two career sites
 * both numbering their jobs from 1 are two postings), and `url:<url>`. Defensive: also run on raw stored
 * rows during a database migration.
 */
export function postingIdentity(p: { board?: unknown; jobId?: unknown; url?: unknown } | null | undefined): string[] {
  const keys: string[] = [];
  if (!p || typeof p !== 'object') return keys;
  const url = typeof p.url === 'string' && p.url ? p.url : null;
  if (typeof p.jobId === 'string' && p.jobId) {
    if (isBoardId(p.board)) keys.push(`job:${p.board}:${p.jobId}`);
    else {
      const host = url && hostOf(url);
      if (host) keys.push(`job:generic:${host}:${p.jobId}`);
    }
  }
  if (url) keys.push(`url:${url}`);
  return keys;
}

/**
 * From a clipped posting to an application record, and back onto an existing one: a new clip fills the
 * company, role and apply way; a second clip of the same posting replaces only the posting part and keeps
 * everything the user wrote.
 */
import { applyWayOf } from '../boards';
import { createRecord, type ApplicationRecord, type Posting } from '../record';

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** An absolute http(s) address, or '' (a page's `javascript:` or `data:` "website" is not a website). */
function webAddress(url: string | null): string {
  const u = url?.trim() ?? '';
  try {
    return /^https?:$/.test(new URL(u).protocol) && /^https?:\/\//i.test(u) ? u : '';
  } catch {
    return '';
  }
}

/** A new application for a clipped posting. */
export function recordFromPosting(posting: Posting, init: { id?: string; now?: string } = {}): ApplicationRecord {
  const way = applyWayOf(posting.board);
  return createRecord({
    id: init.id,
    createdAt: init.now,
    updatedAt: init.now,
    company: {
      name: posting.company.name || posting.company.nameEn || hostName(posting.url) || 'Unknown company',
      website: webAddress(posting.company.website),
    },
    role: posting.title,
    applyWays: way ? [way] : [],
    posting,
  });
}

/**
 * A re-clip: the posting part is replaced; company and role are filled only where the user left them
 * empty; stages, rounds, notes, score and review are untouched.
 */
export function applyPosting(record: ApplicationRecord, posting: Posting): ApplicationRecord {
  const next = structuredClone(record);
  next.posting = posting;
  if (!next.company.name.trim())
    next.company.name = posting.company.name || posting.company.nameEn || next.company.name;
  if (!next.company.website.trim()) next.company.website = webAddress(posting.company.website);
  if (!next.role?.trim() && posting.title) next.role = posting.title;
  const way = applyWayOf(posting.board);
  if (way && !next.applyWays.length) next.applyWays = [way];
  return next;
}

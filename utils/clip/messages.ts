/**
 * Messages between the clipper in the page, the background and the extension pages. Everything that comes
 * back from a page is checked before it is stored.
 */
import type { Posting } from '../record';
import { validatePosting } from '../record-validate';

/** What the injected clipper returns. */
export type ClipResponse = { ok: true; posting: Posting; ms?: number } | { ok: false; error: string };

/** Ask the background to clip a tab (the popup's "Clip this posting"). */
export interface ClipRequest {
  type: 'jobnote/clip';
  tabId: number;
}

/** The background's answer: the stored record, or what went wrong. */
export type ClipResult =
  | { ok: true; recordId: string; created: boolean; title: string | null; company: string; notes: string[] }
  | { ok: false; error: string };

export function isClipRequest(m: unknown): m is ClipRequest {
  return (
    typeof m === 'object' &&
    m !== null &&
    (m as ClipRequest).type === 'jobnote/clip' &&
    Number.isInteger((m as ClipRequest).tabId)
  );
}

/** Checks what the clipper sent back: a well-formed posting or a clear error. */
export function readClipResponse(value: unknown): { ok: true; posting: Posting } | { ok: false; error: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, error: 'the page returned nothing' };
  const r = value as Partial<ClipResponse>;
  if (r.ok === false) return { ok: false, error: typeof r.error === 'string' ? r.error : 'the clipper failed' };
  const v = validatePosting((r as { posting?: unknown }).posting);
  if (!v.ok) return { ok: false, error: `the page returned an invalid posting (${v.errors[0]})` };
  const p = v.value;
  // An error, sign-in or empty page: nothing worth an application.
  if (!p.title && !p.description && !p.company.name && !p.company.nameEn) {
    return {
      ok: false,
      error: p.notes[0] ? `No job posting on this page: ${p.notes[0]}` : 'No job posting found on this page.',
    };
  }
  return { ok: true, posting: p };
}

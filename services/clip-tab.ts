/**
 * Clipping a tab, from the background: inject the clipper (once per page), read the posting it returns,
 * check it, and store it in the extension's IndexedDB, a new application or the posting part of the one
 * already clipped from the same posting. Runs only in response to the user (toolbar, menu, shortcut),
 * which is what grants activeTab for the tab.
 */
import { browser } from 'wxt/browser';
import { applyPosting, recordFromPosting } from '@/utils/clip/record';
import { readClipResponse, type ClipResult } from '@/utils/clip/messages';
import { getRepository } from '@/services/db';

/** Longest a page may take to answer (LinkedIn waits up to 5 s for its description). */
const CLIP_TIMEOUT_MS = 15_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/**
 * The page-side result. One injection per clip: clip.js reuses the clipper a previous clip left in the
 * page (a probe first would cost the first clip, the common case, a second round trip).
 */
async function runClipper(tabId: number): Promise<unknown> {
  const [res] = await browser.scripting.executeScript({ target: { tabId }, files: ['/clip.js'] });
  return res?.result;
}

/** A message a user can act on, for the errors browsers give. */
export function explainClipError(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  if (
    /cannot access|cannot be scripted|extensions gallery|chrome:\/\/|about:|missing host permission|permission/i.test(m)
  ) {
    return (
      'Jobnote cannot read this page. Browser pages and add-on stores are off limits; ' +
      'on a posting, click the Jobnote button (or use the menu or shortcut) so the browser lets it read the page.'
    );
  }
  if (/no tab with id|tab was closed|frame with id/i.test(m))
    return 'The tab was closed or changed before the clip finished.';
  return m;
}

export async function clipTab(tabId: number): Promise<ClipResult> {
  try {
    const read = readClipResponse(await withTimeout(runClipper(tabId), CLIP_TIMEOUT_MS, 'Reading the page'));
    if (!read.ok) return { ok: false, error: read.error };
    const posting = read.posting;
    const repo = await getRepository();
    const existing = await repo.findByPosting(posting);
    const stored = existing
      ? await repo.mutate(existing.id, (r) => applyPosting(r, posting))
      : await repo.create(recordFromPosting(posting));
    return {
      ok: true,
      recordId: stored.id,
      created: !existing,
      title: posting.title,
      company: stored.company.name,
      notes: posting.notes,
    };
  } catch (err) {
    return { ok: false, error: explainClipError(err) };
  }
}

/** The toolbar button says how the last clip went in this tab. */
export async function showClipBadge(tabId: number, result: ClipResult): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  try {
    await action.setBadgeBackgroundColor({ tabId, color: result.ok ? '#1b7f3b' : '#b3261e' });
    await action.setBadgeText({ tabId, text: result.ok ? '✓' : '!' });
    await action.setTitle({
      tabId,
      title: result.ok
        ? `${browser.i18n.getMessage('clipDone') || 'Clipped'}: ${result.company}` +
          (result.title ? ` — ${result.title}` : '')
        : `${browser.i18n.getMessage('clipFailed') || 'Not clipped'}: ${result.error}`,
    });
  } catch {
    // The tab may be gone; the badge is only a courtesy.
  }
}

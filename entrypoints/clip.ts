/**
 * The clipper, injected into a tab only when the user asks (toolbar popup, context menu, shortcut) with
 * `scripting.executeScript`. It reads the page and returns the posting; it stores nothing (IndexedDB here
 * would be the page's). A second injection into the same page reuses the first one's function.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPosting } from '@/utils/clip/extract';
import { linkedinDescriptionMissing } from '@/utils/clip/boards/linkedin';
import type { ClipResponse } from '@/utils/clip/messages';

/** LinkedIn fills the description in late; wait for it a few seconds at most. */
const LINKEDIN_WAIT_MS = 5000;

function waitFor(ready: () => boolean, timeoutMs: number): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (ready()) done();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(done, timeoutMs);
  });
}

async function clip(): Promise<ClipResponse> {
  const started = performance.now();
  try {
    if (/(^|\.)linkedin\.com$/i.test(location.hostname))
      await waitFor(() => !linkedinDescriptionMissing(document), LINKEDIN_WAIT_MS);
    const posting = extractPosting(document, location.href);
    return { ok: true, posting, ms: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

type Host = { __jobnoteClip?: () => Promise<ClipResponse> };

export default defineUnlistedScript(() => {
  const g = globalThis as Host;
  g.__jobnoteClip ??= clip;
  return g.__jobnoteClip();
});

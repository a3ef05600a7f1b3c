/**
 * The clipper, injected into a tab only when the user asks (toolbar popup, context menu, shortcut) with
 * `scripting.executeScript`. It reads the page and returns the posting; it stores nothing (IndexedDB here
 * would be the page's). A second injection into the same page reuses the first one's function.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractPosting, pageOversize } from '@/utils/clip/extract';
import { linkedinDescriptionMissing } from '@/utils/clip/boards/linkedin';
import type { ClipResponse } from '@/utils/clip/messages';

/** LinkedIn fills the description in late; wait for it a few seconds at most. */
const LINKEDIN_WAIT_MS = 5000;

/** The page's window, as the clipper uses it. */
type PageWindow = Pick<Window, 'document' | 'location'> & { MutationObserver: typeof MutationObserver };

function waitFor(win: PageWindow, ready: () => boolean, timeoutMs: number): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new win.MutationObserver(() => {
      if (ready()) done();
    });
    observer.observe(win.document.documentElement, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(done, timeoutMs);
  });
}

async function clip(win: PageWindow): Promise<ClipResponse> {
  const started = performance.now();
  try {
    const doc = win.document;
    // A page too large to read is not waited for either (the check walks a bounded part of it).
    if (/(^|\.)linkedin\.com$/i.test(win.location.hostname) && !pageOversize(doc))
      await waitFor(win, () => !linkedinDescriptionMissing(doc), LINKEDIN_WAIT_MS);
    const posting = extractPosting(doc, win.location.href);
    return { ok: true, posting, ms: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Where an injection leaves its clipper for the next: a symbol, which no page element can shadow (a window
 * names its elements by id and name, strings only), held as an own, non-enumerable, read-only property of
 * the clipper's own global (the extension's isolated world: page scripts never see it).
 */
const CLIPPER = Symbol.for('jobnote/clipper');

type Clipper = () => Promise<ClipResponse>;

/**
 * The clipper of this page's window: the one an earlier injection left on `host` (the clipper's global:
 * in Firefox a sandbox over the window), else a new one left there for the next.
 */
export function clipperOf(win: PageWindow, host: object = win): Clipper {
  const left: unknown = Object.getOwnPropertyDescriptor(host, CLIPPER)?.value;
  if (typeof left === 'function') return left as Clipper;
  const clipper: Clipper = () => clip(win);
  try {
    Object.defineProperty(host, CLIPPER, { value: clipper, enumerable: false, writable: false, configurable: true });
  } catch {
    // Not kept for the next clip (a global that takes no new property): that one injects its own.
  }
  return clipper;
}

export default defineUnlistedScript(() => clipperOf(window, globalThis)());

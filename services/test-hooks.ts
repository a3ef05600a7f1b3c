/**
 * The hooks the shipped extension leaves for its browser tests and benchmarks, all in one place. Nothing in
 * the extension reads them; each is cheap (a global set once, a capped array, a DOM flag and a perf mark).
 *
 * - `globalThis.jobnote.clipTab(tabId)` (background): the path the context menu and the shortcut take
 *   (clip, store, badge). Read by tests/e2e/clip.e2e.test.ts (headless browsers cannot click a native menu)
 *   and scripts/bench.ts (a clip timed in the service worker).
 * - `globalThis.__jobnoteRecordSaves` (popup): ms from a record edit to its commit (EditSession.onSaved).
 * - `globalThis.__jobnoteDraftSaves` (popup): ms from a draft change to its IndexedDB commit (useDraft).
 *   Both read and emptied by scripts/bench/popup.ts; at most 1000 figures each.
 * - `<html data-ready>` and `performance.mark('jobnote:interactive')` (popup): the first full view with data
 *   is on screen. tests/e2e/popup-helpers.ts (`ready`) waits for the attribute; scripts/bench/popup.ts and
 *   scripts/bench.ts read the mark.
 *
 * Not a hook: `__jobnoteClip` in entrypoints/clip.ts is the injected clipper's own re-entry guard.
 */
import type { ClipResult } from '@/utils/clip/messages';

/** The globals' names, for readers that evaluate code in the extension (where they cannot import this). */
export const HOOKS = {
  clip: 'jobnote',
  recordSaves: '__jobnoteRecordSaves',
  draftSaves: '__jobnoteDraftSaves',
} as const;

type LatencyHook = 'recordSaves' | 'draftSaves';

/** What `globalThis.jobnote` holds in the background. */
export interface ClipHook {
  clipTab(tabId: number): Promise<ClipResult>;
}

const MAX_FIGURES = 1000;

const globals = globalThis as unknown as Record<string, unknown>;

/** Background: exposes the menu's and shortcut's clip path as `globalThis.jobnote.clipTab`. */
export function exposeClipTab(clipTab: ClipHook['clipTab']): void {
  globals[HOOKS.clip] = { clipTab } satisfies ClipHook;
}

/**
 * Popup: a recorder for one latency array. The array exists from this call on (the bench empties it in
 * place before it types), and keeps the first 1000 figures.
 */
export function latencyRecorder(hook: LatencyHook): (ms: number) => void {
  const name = HOOKS[hook];
  if (!Array.isArray(globals[name])) globals[name] = [];
  const figures = globals[name] as number[];
  return (ms) => {
    if (figures.length < MAX_FIGURES) figures.push(ms);
  };
}

/** Popup: the first full view with data is committed (once per page). */
export function markInteractive(): void {
  if (document.documentElement.dataset.ready) return;
  document.documentElement.dataset.ready = 'true';
  performance.mark('jobnote:interactive');
}

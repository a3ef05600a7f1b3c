/**
 * The popup's draft (open application, tab, half-filled forms, half-written paste text): every change is
 * written to localStorage at once (synchronous, so closing the popup mid-word loses nothing) and to
 * IndexedDB right after; on open the newer copy wins.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Repository } from '@/utils/repository';
import { latencyRecorder } from '@/services/test-hooks';
import { DRAFT_KEY, emptyDraft, newerDraft, readDraft, type PopupDraft } from '@/utils/popup-draft';

const LOCAL_KEY = `jobnote:${DRAFT_KEY}`;

/** Latencies (ms) from a draft change to its IndexedDB commit, for `npm run bench`. */
const draftSave = latencyRecorder('draftSaves');

/** The synchronous copy of the draft (localStorage), if any. */
export function readLocalDraft(): PopupDraft | null {
  try {
    return readDraft(JSON.parse(localStorage.getItem(LOCAL_KEY) ?? 'null'));
  } catch {
    return null;
  }
}

export async function loadDraft(repo: Repository): Promise<PopupDraft> {
  const stored = readDraft(await repo.getMeta(DRAFT_KEY).catch(() => null));
  return newerDraft(readLocalDraft(), stored) ?? emptyDraft();
}

/** The draft, from `initial` (read at boot, before the first render), saved on every change. */
export function useDraft(repo: Repository, initial: PopupDraft, onError: (e: unknown) => void) {
  const [draft, setDraft] = useState<PopupDraft>(initial);
  const latest = useRef(draft);
  const writing = useRef<Promise<void> | null>(null);
  const dirtySince = useRef<number | null>(null);

  const writeIdb = useCallback(() => {
    if (writing.current || dirtySince.current === null) return;
    const since = dirtySince.current;
    dirtySince.current = null;
    writing.current = repo
      .setMeta(DRAFT_KEY, latest.current)
      .then(
        () => {
          draftSave(performance.now() - since);
        },
        (e: unknown) => onError(e),
      )
      .finally(() => {
        writing.current = null;
        if (dirtySince.current !== null) writeIdb();
      });
  }, [repo, onError]);

  const update = useCallback(
    (fn: (d: PopupDraft) => PopupDraft) => {
      const next = { ...fn(latest.current), at: Date.now() };
      latest.current = next;
      setDraft(next);
      try {
        localStorage.setItem(LOCAL_KEY, JSON.stringify(next));
      } catch {
        // Storage full or disabled: IndexedDB still has it.
      }
      dirtySince.current ??= performance.now();
      writeIdb();
    },
    [writeIdb],
  );

  // The popup is closing: start the last write now (a started IndexedDB request still commits).
  useEffect(() => {
    const flush = () => writeIdb();
    addEventListener('pagehide', flush);
    addEventListener('visibilitychange', flush);
    return () => {
      removeEventListener('pagehide', flush);
      removeEventListener('visibilitychange', flush);
    };
  }, [writeIdb]);

  return [draft, update] as const;
}

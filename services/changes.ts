/**
 * Telling the extension's other pages which records changed: the repository's `onWrite` (services/db.ts)
 * announces the ids of every committed write on a BroadcastChannel, and open pages (popup, dashboard, and
 * the background's clips) hear the writes of the others, never their own, and re-read what they show.
 */
const CHANNEL = 'jobnote:changes';

interface ChangeMessage {
  kind: 'records';
  ids: string[];
}

let channel: BroadcastChannel | null | undefined;
const listeners = new Set<(ids: string[]) => void>();

/** This page's one channel (a message never comes back to the channel that sent it). */
function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  if (channel)
    channel.onmessage = (e: MessageEvent<ChangeMessage>) => {
      const m = e.data;
      if (m?.kind !== 'records' || !Array.isArray(m.ids)) return;
      const ids = m.ids.filter((id): id is string => typeof id === 'string');
      for (const l of listeners) l(ids);
    };
  return channel;
}

/** Announces records written by this page. */
export function announceWrites(ids: string[]): void {
  try {
    open()?.postMessage({ kind: 'records', ids } satisfies ChangeMessage);
  } catch {
    // The page is going away: the others read the database when they next look.
  }
}

/** Calls `listener` with the ids of the records other pages wrote; returns the unsubscribe function. */
export function onRecordsChanged(listener: (ids: string[]) => void): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

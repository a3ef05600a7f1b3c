/**
 * The browser's storage for the extension's origin (its IndexedDB and the pages' localStorage): whether the
 * browser keeps it when the disk runs low (persistent storage) and how much of what it allows is used. The
 * popup's settings show both and ask for persistence (`navigator.storage.persist()`); the manifest does not ask
 * for `unlimitedStorage` (as few permissions as Jobnote can do with).
 *
 * Every answer is null where the browser does not give one (no `navigator.storage`, or that method missing).
 */

/** What the extension's pages use of the browser's StorageManager. */
type StorageLike = Partial<Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>>;

function storage(): StorageLike | undefined {
  return (globalThis.navigator as { storage?: StorageLike } | undefined)?.storage;
}

/** Whether the browser keeps the data when the disk runs low (true), or may clear it (false). */
export async function persisted(): Promise<boolean | null> {
  const s = storage();
  if (!s?.persisted) return null;
  try {
    return await s.persisted();
  } catch {
    return null;
  }
}

/**
 * Asks the browser to keep the data (it may ask the user, or decide by itself): its answer, true when the data
 * is persistent now. Rejects when the browser fails to answer.
 */
export async function requestPersist(): Promise<boolean | null> {
  const s = storage();
  return s?.persist ? await s.persist() : null;
}

export interface StorageUse {
  /** Bytes the extension's origin stores. */
  usage: number;
  /** The most it may store, as the browser reports it. */
  quota: number;
}

/** Bytes used and the most the browser allows the extension's origin. */
export async function estimate(): Promise<StorageUse | null> {
  const s = storage();
  if (!s?.estimate) return null;
  try {
    const { usage, quota } = await s.estimate();
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null;
  } catch {
    return null;
  }
}

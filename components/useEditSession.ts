/**
 * One record edited from a page (the popup, the dashboard's record page) through an EditSession
 * (utils/edit-session.ts), wired the same way everywhere:
 * - every edit is saved at once; until it is stored, its fields and old values are journalled in localStorage
 *   (`jobnote:journal/<id>`), which a page opening the record later starts from (a full disk, a closed page);
 * - a write to the record by another page (services/changes.ts) re-bases the page's copy on the stored one;
 *   edits made meanwhile are merged three-way, and a value both sides changed keeps both texts as a conflict
 *   (localStorage `jobnote:conflicts`, shared by the pages: the storage event tells the others);
 * - the last edits are flushed when the page goes away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { EditSession, type Edit } from '@/utils/edit-session';
import { readJournal, writeJournal } from '@/utils/journal';
import { CONFLICTS_KEY, conflictsOf, type StoredConflict } from '@/utils/conflicts';
import type { ApplicationRecord } from '@/utils/record';
import type { Repository } from '@/utils/repository';
import { onRecordsChanged } from '@/services/changes';
import type { SaveState } from './SaveStatus';

/** How a page edits its record: `fn` changes a draft in place; the session saves, merges and journals it. */
export type EditRecord = (fn: (d: ApplicationRecord) => void) => void;

export interface EditSessionOptions {
  /** A save reached the database, `ms` after the first edit it carries. */
  onSaved?(stored: ApplicationRecord, ms: number): void;
  /** Other pages wrote these records (any of them, not only this one). */
  onOtherWrites?(ids: string[]): void;
  /** The save state to start with (the popup's failed restore of a journal). */
  initialSave?: SaveState;
}

export function useEditSession(repo: Repository, initial: ApplicationRecord | null, options: EditSessionOptions = {}) {
  const opts = useRef(options);
  opts.current = options;
  // The session's hooks reach the state through these (the first session is made before the state).
  const setRecordRef = useRef<(r: ApplicationRecord) => void>(() => {});
  const setConflictsRef = useRef<(c: StoredConflict[]) => void>(() => {});
  const [save, setSave] = useState<SaveState>(options.initialSave ?? { kind: 'idle' });
  const reportError = useCallback((error: unknown) => setSave({ kind: 'error', error }), []);

  const makeSession = useCallback(
    (r: ApplicationRecord | null) =>
      r
        ? new EditSession(
            repo,
            r,
            {
              onChange: (next) => setRecordRef.current(next),
              onSaved: (stored, ms) => {
                setSave({ kind: 'saved' });
                opts.current.onSaved?.(stored, ms);
              },
              onError: reportError,
              onJournal: (j) => writeJournal(localStorage, r.id, j),
              onConflict: (stored) => setConflictsRef.current(conflictsOf(localStorage, stored.id)),
            },
            // Edits an earlier page could not store (a full disk): shown, built on, saved when there is room.
            { journal: readJournal(localStorage, r.id), conflicts: localStorage },
          )
        : null,
    [repo, reportError],
  );
  const session = useRef<EditSession | null | undefined>(undefined);
  // The session of the record shown first, made once, before the first render.
  if (session.current === undefined) session.current = makeSession(initial);
  const [record, setRecord] = useState<ApplicationRecord | null>(() => session.current?.record ?? null);
  setRecordRef.current = setRecord;
  const [conflicts, setConflicts] = useState<StoredConflict[]>(() =>
    initial ? conflictsOf(localStorage, initial.id) : [],
  );
  setConflictsRef.current = setConflicts;

  /** Shows another record (or none); the edits of the one shown before are stored first. */
  const open = useCallback(
    (r: ApplicationRecord | null) => {
      const previous = session.current;
      if (previous?.dirty) void previous.flush().catch(reportError);
      session.current = makeSession(r);
      setRecord(session.current?.record ?? null);
      setConflicts(r ? conflictsOf(localStorage, r.id) : []);
    },
    [makeSession, reportError],
  );

  /** Edits the record; returns the page's copy as the edit left it (what the undo history keeps). */
  const edit = useCallback((fn: Edit): ApplicationRecord | undefined => {
    setSave({ kind: 'saving' });
    session.current?.edit(fn);
    return session.current?.record;
  }, []);

  /** Resolves when every edit so far is stored (never rejects: a failure is in `save`). */
  const flush = useCallback(() => session.current?.flush().catch(() => {}) ?? Promise.resolve(), []);

  /** Reads this record's conflicts again (one was resolved). */
  const refreshConflicts = useCallback(() => {
    const id = session.current?.id;
    setConflicts(id ? conflictsOf(localStorage, id) : []);
  }, []);

  // Another page wrote records (an edit, an import, a clip): show the new copy of this one.
  useEffect(
    () =>
      onRecordsChanged((ids) => {
        const s = session.current;
        if (s && ids.includes(s.id)) void s.rebase();
        opts.current.onOtherWrites?.(ids);
      }),
    [],
  );
  // Conflicts found or resolved in another page.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === CONFLICTS_KEY) refreshConflicts();
    };
    addEventListener('storage', onStorage);
    return () => removeEventListener('storage', onStorage);
  }, [refreshConflicts]);
  // The page goes away: its last edits are written now (a started IndexedDB request still commits).
  useEffect(() => {
    const onHide = () => void flush();
    addEventListener('pagehide', onHide);
    return () => removeEventListener('pagehide', onHide);
  }, [flush]);

  return { record, conflicts, save, reportError, edit, open, flush, refreshConflicts };
}

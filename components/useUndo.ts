/**
 * Undo and redo of a page's edits to one record (utils/undo.ts), around the edit function of its edit session:
 * every edit made through `edit` is a step (keystrokes in one text field join into one), `undo` and `redo` are
 * edits themselves, so they are saved, journalled and merged like any other, and replayed on a re-based copy.
 */
import { useCallback, useRef, useState } from 'react';
import type { Edit } from '@/utils/edit-session';
import type { ApplicationRecord } from '@/utils/record';
import { lay, UndoHistory } from '@/utils/undo';
import type { EditRecord } from './useEditSession';

/** The text field being typed in: its keystrokes are one step. */
function typingIn(): string | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return null;
  return el.id || null;
}

/** The edit session's edit (components/useEditSession.ts): it returns the record as the edit left it. */
type SessionEdit = (fn: Edit) => ApplicationRecord | undefined;

export function useUndo(record: ApplicationRecord, edit: SessionEdit) {
  const history = useRef<UndoHistory | null>(null);
  history.current ??= new UndoHistory();
  // The record as the last edit left it (two edits in one event both see their predecessor's).
  const latest = useRef(record);
  latest.current = record;
  const [, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((n) => n + 1), []);

  const tracked: EditRecord = useCallback(
    (fn) => {
      const before = latest.current;
      const after = edit(fn);
      if (!after) return;
      history.current!.push(before, after, typingIn());
      latest.current = after;
      bump();
    },
    [edit, bump],
  );
  const take = useCallback(
    (which: 'undo' | 'redo') => {
      const change = which === 'undo' ? history.current!.undo() : history.current!.redo();
      if (!change) return false;
      edit((d) => lay(change, d));
      bump();
      return true;
    },
    [edit, bump],
  );
  const undo = useCallback(() => take('undo'), [take]);
  const redo = useCallback(() => take('redo'), [take]);
  return { edit: tracked, undo, redo, canUndo: history.current.canUndo, canRedo: history.current.canRedo };
}

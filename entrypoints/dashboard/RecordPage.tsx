/**
 * One application in the dashboard (`#/app/<id>`): its heading (company, status emojis, the stage reached),
 * and its fields edited through the same edit session as the popup (components/useEditSession.ts): saved as
 * typed, merged with what the popup or another tab writes meanwhile, a value both changed shown with both texts.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DashboardTranslator } from '@/utils/i18n';
import type { ApplicationRecord } from '@/utils/record';
import type { Repository } from '@/utils/repository';
import OutcomePanel from '@/components/OutcomePanel';
import { SaveStatus } from '@/components/SaveStatus';
import { StageLine, StatusEmojis } from '@/components/summary';
import { Notice } from '@/components/Notice';
import { useEditSession } from '@/components/useEditSession';
import { useUndo } from '@/components/useUndo';
import { getRepository } from '@/services/db';
import { RecordDetails } from '@/components/DetailFields';
import { RoundsEditor } from './RoundsEditor';
import { StagesEditor } from './StagesEditor';
import { TaskFields } from './TaskFields';
import { writeErrorText } from './errors';

const ConflictNotice = lazy(() => import('@/components/ConflictNotice'));
const loadPreview = () => import('./Preview');
const Preview = lazy(loadPreview);

type Loaded =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'error'; error: string }
  | { kind: 'ready'; repo: Repository; record: ApplicationRecord };

export function RecordPage({
  id,
  tr,
  onSaved,
}: {
  id: string;
  tr: DashboardTranslator;
  /** A save of this record reached the database (the list shows the new row). */
  onSaved(stored: ApplicationRecord): void;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    // The preview (and mermaid, which it starts loading) comes while the record is read.
    void loadPreview();
    setLoaded({ kind: 'loading' });
    void (async () => {
      try {
        const repo = await getRepository();
        const record = await repo.get(id);
        if (live) setLoaded(record ? { kind: 'ready', repo, record } : { kind: 'missing' });
      } catch (err) {
        if (live) setLoaded({ kind: 'error', error: writeErrorText(err, tr) });
      }
    })();
    return () => {
      live = false;
    };
  }, [id, tr]);

  return (
    <section className="record-page" aria-labelledby="record-heading" data-testid="record-page">
      <a className="back-link" href="#/" data-testid="back-to-list">
        <span aria-hidden="true">{tr.dir === 'rtl' ? '→' : '←'}</span> {tr.t('backToList')}
      </a>
      {loaded.kind === 'loading' ? <p className="muted">{tr.t('loading')}</p> : null}
      {loaded.kind === 'missing' ? (
        <p className="empty" data-testid="record-missing">
          {tr.t('recordMissing')}
        </p>
      ) : null}
      {loaded.kind === 'error' ? <Notice kind="error" title={tr.t('loadFailed')} items={[loaded.error]} /> : null}
      {loaded.kind === 'ready' ? (
        <RecordEditor key={id} repo={loaded.repo} initial={loaded.record} tr={tr} onSaved={onSaved} />
      ) : null}
    </section>
  );
}

function RecordEditor({
  repo,
  initial,
  tr,
  onSaved,
}: {
  repo: Repository;
  initial: ApplicationRecord;
  tr: DashboardTranslator;
  onSaved(stored: ApplicationRecord): void;
}) {
  const session = useEditSession(repo, initial, { onSaved: (stored) => onSaved(stored) });
  const { conflicts, save, refreshConflicts } = session;
  // The session always has the record it was made with.
  const record = session.record ?? initial;
  // Every edit of this page goes through the undo history; undo and redo are edits of the session too.
  const { edit, undo, redo, canUndo, canRedo } = useUndo(record, session.edit);
  const [removed, setRemoved] = useState<string | null>(null);
  const undoLast = () => {
    undo();
    setRemoved(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    const redoKey = key === 'y' || (key === 'z' && e.shiftKey);
    if (key !== 'z' && !redoKey) return;
    e.preventDefault();
    if (redoKey) redo();
    else undoLast();
  };
  const name = record.company.name || tr.t('unnamedCompany');

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+Z / Ctrl+Shift+Z anywhere in the editor (its fields).
    <div className="record-editor" onKeyDown={onKeyDown}>
      <header className="record-head">
        <h2 id="record-heading">
          <bdi data-testid="record-company">{name}</bdi>
          {record.role ? (
            <span className="muted">
              {' — '}
              <bdi>{record.role}</bdi>
            </span>
          ) : null}{' '}
          <StatusEmojis record={record} tr={tr} />
        </h2>
        <p>
          <StageLine record={record} tr={tr} /> <SaveStatus state={save} />
        </p>
        <div className="undo-bar" role="toolbar" aria-label={tr.t('undoKeys')}>
          <button
            type="button"
            className="btn btn-small"
            disabled={!canUndo}
            aria-keyshortcuts="Control+Z"
            data-testid="page-undo"
            onClick={undoLast}
          >
            {tr.t('undoEdit')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={!canRedo}
            aria-keyshortcuts="Control+Shift+Z"
            data-testid="page-redo"
            onClick={redo}
          >
            {tr.t('redoEdit')}
          </button>
        </div>
      </header>
      <div aria-live="polite">
        {removed ? (
          <div className="notice notice-ok list-undo" role="status" data-testid="removed-notice">
            <span>{removed}</span>
            <button type="button" className="btn" data-testid="removed-undo" onClick={undoLast}>
              {tr.t('undo')}
            </button>
          </div>
        ) : null}
      </div>
      {conflicts.length ? (
        <Suspense fallback={null}>
          <ConflictNotice record={record} conflicts={conflicts} edit={edit} onResolved={refreshConflicts} />
        </Suspense>
      ) : null}
      <fieldset className="record-fields">
        <legend>{tr.t('recordDetails')}</legend>
        <RecordDetails record={record} edit={edit} tr={tr} />
      </fieldset>
      <StagesEditor record={record} edit={edit} tr={tr} onRemoved={setRemoved} />
      <RoundsEditor record={record} edit={edit} tr={tr} onRemoved={setRemoved} />
      <TaskFields task={record.task} tr={tr} edit={edit} />
      <OutcomePanel record={record} edit={edit} />
      <Suspense fallback={null}>
        <Preview record={record} tr={tr} />
      </Suspense>
    </div>
  );
}

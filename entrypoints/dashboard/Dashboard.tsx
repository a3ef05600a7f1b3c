/**
 * The dashboard: every application, backup export and import (backups and jobname entries), in the language
 * and date format chosen in the popup's settings (the same `settings` row of the database).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent, ReactNode } from 'react';
import {
  DEFAULT_SETTINGS,
  loadDashboardDictionary,
  readSettings,
  resolveLang,
  translator,
  type DashboardTranslator,
} from '@/utils/i18n';
import type { ApplicationRecord, DateFormat } from '@/utils/record';
import { makeBackup, parseImportFiles } from '@/utils/backup';
import { entryFileName, exportEntry } from '@/utils/jobname/export';
import { InvalidRecordError } from '@/utils/repository';
import { todayIso } from '@/utils/dates';
import { Brand } from '@/components/Brand';
import { LocaleContext, type Locale } from '@/components/locale';
import { Notice } from '@/components/Notice';
import { downloadText } from '@/components/download';
import { PostingView } from '@/components/PostingView';
import { ScoreBadge, StageLine, StatusEmojis } from '@/components/summary';
import { getRepository } from '@/services/db';

/** Backups are a few MB at most; refuse anything absurd before reading it into memory. */
const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

type Message = { kind: 'ok'; title: string; notes?: string[] } | { kind: 'error'; title: string; errors: string[] };

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `3 applications` / «۳ درخواست». */
function apps(tr: DashboardTranslator, n: number): string {
  return tr.t(n === 1 ? 'appsOne' : 'appsMany', { n });
}

/** A message whose `{name}` is a node (a <bdi>, so a name written the other way stays whole). */
function Filled({ text, name }: { text: string; name: ReactNode }) {
  const [before, after = ''] = text.split('{name}');
  return (
    <>
      {before}
      {name}
      {after}
    </>
  );
}

function download(name: string, text: string, type = 'application/json') {
  downloadText(name, text, type);
}

export interface DashboardBoot {
  tr: DashboardTranslator;
  dateFormat: DateFormat;
}

/**
 * The browser's UI language, as the popup reads it. Through the global `chrome` (Firefox has it too): importing
 * @wxt-dev/browser here splits the chunk the popup shares with the dashboard, 0.4 KB more for the popup to load.
 */
function uiLanguage(): string {
  const ext = (globalThis as { chrome?: { i18n?: { getUILanguage?(): string } } }).chrome;
  return ext?.i18n?.getUILanguage?.() ?? navigator.language;
}

/**
 * The settings chosen in the popup (the same `settings` row of the database; the defaults if it cannot be
 * read, and the page then says why) and the words of their language.
 */
export async function boot(): Promise<DashboardBoot> {
  const settings = await getRepository()
    .then((repo) => repo.getMeta('settings'))
    .then(readSettings, () => DEFAULT_SETTINGS);
  const lang = resolveLang(settings.lang, uiLanguage());
  return { tr: translator(lang, await loadDashboardDictionary(lang)), dateFormat: settings.dateFormat };
}

export function Dashboard({ boot: first }: { boot: DashboardBoot }) {
  const [{ tr, dateFormat }, setSettings] = useState(first);
  const locale: Locale = useMemo(() => ({ tr, dateFormat, today: todayIso() }), [tr, dateFormat]);

  // The page's language, direction and title, before the first paint and whenever they change.
  useLayoutEffect(() => {
    document.documentElement.lang = tr.lang;
    document.documentElement.dir = tr.dir;
    document.title = tr.t('dashboardTitle');
  }, [tr]);

  // Settings changed in the popup while this tab was in the background: shown in them when it is back.
  useEffect(() => {
    const onShow = () => {
      if (document.visibilityState !== 'visible') return;
      void boot().then((b) =>
        setSettings((cur) => (cur.tr.lang === b.tr.lang && cur.dateFormat === b.dateFormat ? cur : b)),
      );
    };
    document.addEventListener('visibilitychange', onShow);
    return () => document.removeEventListener('visibilitychange', onShow);
  }, []);
  const [records, setRecords] = useState<ApplicationRecord[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      const repo = await getRepository();
      setRecords(await repo.list());
      setLoadError(null);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function onImport(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const files = [...(input.files ?? [])];
    if (!files.length) return;
    setBusy(true);
    setMessage(null);
    const names = files.map((f) => f.name).join(', ');
    try {
      const big = files.find((f) => f.size > MAX_BACKUP_BYTES);
      if (big) {
        setMessage({ kind: 'error', title: tr.t('importTooLarge', { name: big.name }), errors: [] });
        return;
      }
      const parsed = parseImportFiles(
        // Bytes, not f.text(): the encoding is read from them (UTF-16, Windows-1256), never guessed as UTF-8.
        await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
      );
      if (!parsed.ok) {
        setMessage({
          kind: 'error',
          title: tr.t('importUnreadable', { names }),
          errors: parsed.errors,
        });
        return;
      }
      const repo = await getRepository();
      await repo.bulkPut(parsed.records);
      await reload();
      setMessage({
        kind: 'ok',
        title: tr.t('imported', { apps: apps(tr, parsed.records.length) }),
        notes: parsed.warnings.slice(0, 20),
      });
    } catch (err) {
      setMessage({
        kind: 'error',
        title: tr.t('importFailed', { names }),
        errors: err instanceof InvalidRecordError ? err.errors : [errorText(err)],
      });
    } finally {
      // Choosing the same file again must fire `change` again.
      input.value = '';
      setBusy(false);
    }
  }

  async function onExport() {
    setMessage(null);
    try {
      const repo = await getRepository();
      const all = await repo.list();
      download(`jobnote-backup-${todayIso()}.json`, JSON.stringify(makeBackup(all), null, 2) + '\n');
      setMessage({ kind: 'ok', title: tr.t('exported', { apps: apps(tr, all.length) }) });
    } catch (err) {
      setMessage({ kind: 'error', title: tr.t('exportFailed'), errors: [errorText(err)] });
    }
  }

  async function onDelete(record: ApplicationRecord) {
    setMessage(null);
    try {
      const repo = await getRepository();
      await repo.delete(record.id);
      // The list first: "Deleted X" never shows beside X still listed.
      await reload();
      setMessage({ kind: 'ok', title: tr.t('deleted', { name: record.company.name || tr.t('theApplication') }) });
    } catch (err) {
      setMessage({ kind: 'error', title: tr.t('deleteFailed'), errors: [errorText(err)] });
    }
  }

  return (
    <LocaleContext.Provider value={locale}>
      <div className="page" dir={tr.dir}>
        <header className="bar">
          <Brand name={tr.t('appName')} />
          {records ? (
            <span className="muted" data-testid="count">
              {apps(tr, records.length)}
            </span>
          ) : null}
        </header>

        <section className="panel" aria-labelledby="backup-heading">
          <h2 id="backup-heading">{tr.t('backup')}</h2>
          <p className="muted">{tr.t('backupHint')}</p>
          <div className="actions">
            <div className="file-field">
              <label htmlFor="import-file">{tr.t('importLabel')}</label>
              <input
                id="import-file"
                type="file"
                multiple
                accept=".json,application/json,.md,text/markdown"
                data-testid="import-file"
                disabled={busy}
                onChange={(e) => void onImport(e)}
              />
            </div>
            <button type="button" className="btn" onClick={() => void onExport()} data-testid="export">
              {tr.t('exportBackup')}
            </button>
          </div>
          <div aria-live="polite">
            {message ? (
              <Notice
                kind={message.kind}
                title={message.title}
                items={message.kind === 'error' ? message.errors : (message.notes ?? [])}
                testId={message.kind === 'ok' ? 'message-ok' : 'message-error'}
              />
            ) : null}
          </div>
        </section>

        <section aria-labelledby="apps-heading">
          <h2 id="apps-heading">{tr.t('applications')}</h2>
          {loadError ? <Notice kind="error" title={tr.t('loadFailed')} items={[loadError]} /> : null}
          {records === null && !loadError ? <p className="muted">{tr.t('loading')}</p> : null}
          {records && records.length === 0 ? (
            <p className="empty" data-testid="empty">
              {tr.t('noApplicationsYet')}
            </p>
          ) : null}
          {records && records.length > 0 ? <ApplicationTable records={records} onDelete={onDelete} tr={tr} /> : null}
        </section>
      </div>
    </LocaleContext.Provider>
  );
}

function ApplicationTable({
  records,
  onDelete,
  tr,
}: {
  records: ApplicationRecord[];
  onDelete: (r: ApplicationRecord) => Promise<void>;
  tr: DashboardTranslator;
}) {
  return (
    <div className="table-wrap">
      <table className="apps" data-testid="applications">
        <thead>
          <tr>
            <th scope="col">{tr.t('company')}</th>
            <th scope="col">{tr.t('role')}</th>
            <th scope="col">{tr.t('lastStage')}</th>
            <th scope="col">{tr.t('outcome')}</th>
            <th scope="col">{tr.t('score')}</th>
            <th scope="col">
              <span className="visually-hidden">{tr.t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <Row key={r.id} record={r} onDelete={onDelete} tr={tr} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({
  record,
  onDelete,
  tr,
}: {
  record: ApplicationRecord;
  onDelete: (r: ApplicationRecord) => Promise<void>;
  tr: DashboardTranslator;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const name = record.company.name || tr.t('unnamedCompany');

  const wasConfirming = useRef(false);

  // Focus follows the question: onto "Yes, delete" when asked, back onto "Delete" when cancelled.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const cancel = () => setConfirming(false);

  return (
    <tr data-testid="application">
      <th scope="row">
        <bdi data-testid="company">{name}</bdi>
        {record.posting ? (
          <details className="posting-details">
            <summary>{tr.t('posting')}</summary>
            <PostingView posting={record.posting} tr={tr} />
          </details>
        ) : null}
      </th>
      <td data-testid="role">
        <bdi>{record.role ?? ''}</bdi>
      </td>
      <td>
        <StageLine record={record} tr={tr} />
      </td>
      <td>
        {tr.outcome(record.outcome.kind)} <StatusEmojis record={record} tr={tr} />
      </td>
      <td className="num">
        <ScoreBadge score={record.score} tr={tr} />
      </td>
      <td>
        {confirming ? (
          <fieldset
            className="confirm"
            aria-label={tr.t('confirmDelete', { name })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') cancel();
            }}
          >
            <span>
              <Filled text={tr.t('deleteQuestion')} name={<bdi>{name}</bdi>} />
            </span>
            <button
              ref={confirmButton}
              type="button"
              className="btn btn-danger-solid"
              onClick={() => void onDelete(record)}
            >
              {tr.t('yesDelete')}
            </button>
            <button type="button" className="btn" onClick={cancel}>
              {tr.t('cancel')}
            </button>
          </fieldset>
        ) : (
          <span className="row-actions">
            <button
              type="button"
              className="btn"
              aria-label={tr.t('downloadEntry', { name })}
              data-testid="download-entry"
              onClick={() => download(`${entryFileName(record).slug}.md`, exportEntry(record), 'text/markdown')}
            >
              {tr.t('entryMd')}
            </button>
            <button
              ref={deleteButton}
              type="button"
              className="btn btn-danger"
              aria-label={tr.t('deleteName', { name })}
              onClick={() => setConfirming(true)}
            >
              {tr.t('delete')}
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}

/**
 * The dashboard: every application, backup export and import (backups and jobname entries), in the language
 * and date format chosen in the popup's settings (the same `settings` row of the database).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { DEFAULT_SETTINGS, readSettings, resolveLang, translator, type DashboardTranslator } from '@/utils/i18n';
import { loadDashboardDictionary } from '@/utils/i18n-dashboard';
import type { ApplicationRecord, DateFormat } from '@/utils/record';
import { makeBackup } from '@/utils/backup';
import { importFiles } from '@/services/importer';
import type { ImportRunProgress, MatchChoice } from '@/utils/import-run';
import type { ImportMatch } from '@/utils/import-match';
import { InvalidRecordError, UpgradeBlockedError, type DamagedRow, type RecordSummary } from '@/utils/repository';
import { parseRecord } from '@/utils/record-validate';
import { todayIso } from '@/utils/dates';
import { Brand } from '@/components/Brand';
import { LocaleContext, type Locale } from '@/components/locale';
import { Notice } from '@/components/Notice';
import { downloadText } from '@/components/download';
import { getRepository } from '@/services/db';
import { onRecordsChanged } from '@/services/changes';
import { readRoute, type DashboardRoute } from '@/utils/dashboard-route-read';
import { summarize } from '@/utils/summary';
import { ApplicationList } from './ApplicationList';
import { RecordPage } from './RecordPage';
import { writeErrorText } from './errors';

/** Rows read first, before the whole list: more than a window shows. */
const FIRST_SCREEN = 40;

/** Other pages' writes (the popup saves as the user types) reload the list at most this often. */
const RELOAD_AFTER_WRITES_MS = 400;

/** Backups are a few MB at most; refuse anything absurd before reading it into memory. */
const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

type Message = { kind: 'ok'; title: string; notes?: string[] } | { kind: 'error'; title: string; errors: string[] };

const PHASE_KEY = { reading: 'importReading', checking: 'importChecking', writing: 'importWriting' } as const;

/** Marks a point of an import, for the benchmark (scripts/bench/import.ts): `jobnote:import:<what>`. */
function mark(what: string) {
  performance.mark(`jobnote:import:${what}`);
}

/** How many names a question lists before "and N more". */
const NAMES_SHOWN = 8;

/**
 * An import's entries that are applications already here: update them, add them as new, or import nothing.
 * Update has the focus (Enter takes it); Escape cancels.
 */
function DuplicatesQuestion({
  matches,
  tr,
  onAnswer,
}: {
  matches: ImportMatch[];
  tr: DashboardTranslator;
  onAnswer(choice: MatchChoice): void;
}) {
  // The import waits for this answer: it takes the focus, and Enter gives the first choice.
  const update = useRef<HTMLButtonElement>(null);
  useEffect(() => update.current?.focus(), []);
  const names = matches.slice(0, NAMES_SHOWN).map((m) => m.company);
  const more = matches.length - names.length;
  return (
    <div
      className="notice import-question"
      role="alertdialog"
      aria-labelledby="import-question-title"
      data-testid="import-duplicates"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onAnswer('cancel');
      }}
    >
      <p id="import-question-title">{tr.t('importDuplicates', { n: matches.length })}</p>
      <p className="muted">
        <bdi>{names.join(tr.t('listSeparator'))}</bdi>
        {more > 0 ? ` ${tr.t('andMore', { n: more })}` : null}
      </p>
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          ref={update}
          onClick={() => onAnswer('update')}
          data-testid="import-update"
        >
          {tr.t('importUpdate')}
        </button>
        <button type="button" className="btn" onClick={() => onAnswer('new')} data-testid="import-as-new">
          {tr.t('importAsNew')}
        </button>
        <button type="button" className="btn" onClick={() => onAnswer('cancel')} data-testid="import-cancel">
          {tr.t('cancel')}
        </button>
      </div>
    </div>
  );
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `3 applications` / «۳ درخواست». */
function apps(tr: DashboardTranslator, n: number): string {
  return tr.t(n === 1 ? 'appsOne' : 'appsMany', { n });
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
  // What the list shows: summaries (utils/summary.ts), never the full records.
  const [summaries, setSummaries] = useState<RecordSummary[] | null>(null);
  // Whether `summaries` holds them all yet (the first screen is shown before).
  const [complete, setComplete] = useState(false);
  const loadedAll = useRef(false);
  const [damaged, setDamaged] = useState<DamagedRow[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportRunProgress | null>(null);
  // An import waiting for the user: some of its entries are applications already here.
  const [asking, setAsking] = useState<{ matches: ImportMatch[]; answer(choice: MatchChoice): void } | null>(null);

  const reload = useCallback(async () => {
    try {
      const repo = await getRepository();
      // The first screen of the list at once, then all of it (what search, filters and orders work on), then the
      // damaged rows. On a reload (after an import) the list shown stays until all of it is read.
      if (!loadedAll.current) {
        const first = await repo.listSummaries({ limit: FIRST_SCREEN });
        setSummaries((cur) => cur ?? first);
      }
      const all = await repo.listSummaries();
      loadedAll.current = true;
      setSummaries(all);
      setComplete(true);
      setDamaged(await repo.listDamaged());
      setLoadError(null);
    } catch (err) {
      setLoadError(err instanceof UpgradeBlockedError ? tr.t('upgradeBlocked') : writeErrorText(err, tr));
    }
  }, [tr]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Records written by other pages (an edit in the popup, a clip, an import in another tab): the list shows them,
  // read again once the writes pause.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onRecordsChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), RELOAD_AFTER_WRITES_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [reload]);

  // The page the address names: the list, or one application (`#/app/<id>`, utils/dashboard-route.ts).
  const [route, setRoute] = useState<DashboardRoute>(() => readRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(readRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // This page's own saves of a record: its row, without reading the list again.
  const onRecordSaved = useCallback((stored: ApplicationRecord) => {
    const row = summarize(stored);
    setSummaries((cur) => cur?.map((x) => (x.id === row.id ? row : x)) ?? cur);
  }, []);

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
      mark('start');
      setProgress({ phase: 'reading', done: 0, total: files.length });
      let phase: ImportRunProgress['phase'] = 'reading';
      // Read, checked and written in a worker, the page rendering the progress and taking input meanwhile.
      const done = await importFiles(
        // Bytes, not f.text(): the encoding is read from them (UTF-16, Windows-1256), never guessed as UTF-8.
        await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
        (progress) => {
          if (progress.phase === 'writing' && phase !== 'writing') mark('checked');
          phase = progress.phase;
          setProgress(progress);
        },
        (matches) =>
          new Promise<MatchChoice>((resolve) =>
            setAsking({
              matches,
              answer: (choice) => {
                setAsking(null);
                resolve(choice);
              },
            }),
          ),
      );
      if (!done.ok && done.cancelled) {
        setMessage({ kind: 'error', title: tr.t('importCancelled'), errors: [] });
        return;
      }
      if (!done.ok) {
        setMessage({
          kind: 'error',
          title: tr.t('importUnreadable', { names }),
          errors: done.errors,
        });
        return;
      }
      mark('written');
      if (loadedAll.current && !done.damagedIds.length) {
        // The list from what was written, not read again: 50,000 rows read back took three seconds. (Until the
        // whole list is loaded, or with damaged rows written, it is read: a read begun before the import would
        // overwrite it.)
        const imported = new Map(done.summaries.map((x) => [x.id, x]));
        // In no order: the list sorts what it shows.
        setSummaries((cur) => [...(cur ?? []).filter((x) => !imported.has(x.id)), ...imported.values()]);
        setDamaged((cur) => cur.filter((d) => !imported.has(d.id)));
      } else await reload();
      mark('listed');
      setMessage({
        kind: 'ok',
        title: tr.t('imported', { apps: apps(tr, done.summaries.length) }),
        notes: [
          ...(done.updated ? [tr.t('importedUpdated', { n: done.updated })] : []),
          ...(done.damagedIds.length ? [tr.t('importedDamaged', { n: done.damagedIds.length })] : []),
          ...done.kept.map((id) => tr.t('importKeptReadable', { id })),
          ...done.warnings.slice(0, 20),
        ],
      });
    } catch (err) {
      setMessage({
        kind: 'error',
        title: tr.t('importFailed', { names }),
        errors: err instanceof InvalidRecordError ? err.errors : [writeErrorText(err, tr)],
      });
    } finally {
      // Choosing the same file again must fire `change` again.
      input.value = '';
      setBusy(false);
      setProgress(null);
    }
  }

  async function onExport() {
    setMessage(null);
    try {
      const repo = await getRepository();
      const [all, broken] = await Promise.all([repo.list(), repo.listDamaged()]);
      download(
        `jobnote-backup-${todayIso()}.json`,
        JSON.stringify(makeBackup(all, new Date(), broken), null, 2) + '\n',
      );
      setMessage({
        kind: 'ok',
        title: tr.t('exported', { apps: apps(tr, all.length) }),
        notes: broken.length ? [tr.t('exportedDamaged', { n: broken.length })] : [],
      });
    } catch (err) {
      setMessage({ kind: 'error', title: tr.t('exportFailed'), errors: [errorText(err)] });
    }
  }

  // A delete in the list drops its rows here, an undo puts them back: nothing is read again.
  const onRemoved = useCallback(
    (ids: ReadonlySet<string>) => setSummaries((cur) => cur?.filter((x) => !ids.has(x.id)) ?? null),
    [],
  );
  const onRestored = useCallback((back: RecordSummary[]) => {
    const ids = new Set(back.map((x) => x.id));
    setSummaries((cur) => [...back, ...(cur ?? []).filter((x) => !ids.has(x.id))]);
  }, []);

  async function onDeleteDamaged(row: DamagedRow) {
    setMessage(null);
    try {
      await (await getRepository()).delete(row.id);
      await reload();
      setMessage({ kind: 'ok', title: tr.t('deleted', { name: row.id }) });
    } catch (err) {
      setMessage({ kind: 'error', title: tr.t('deleteFailed'), errors: [writeErrorText(err, tr)] });
    }
  }

  /** Stores the edited JSON of a damaged row once it is a valid record with the same id; else says why not. */
  async function onRepair(row: DamagedRow, text: string): Promise<boolean> {
    setMessage(null);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      setMessage({ kind: 'error', title: tr.t('repairNotJson', { error: errorText(err) }), errors: [] });
      return false;
    }
    const parsed = parseRecord(json);
    if (!parsed.ok) {
      setMessage({ kind: 'error', title: tr.t('repairInvalid'), errors: parsed.errors.slice(0, 20) });
      return false;
    }
    if (parsed.value.id !== row.id) {
      setMessage({ kind: 'error', title: tr.t('repairId', { id: row.id }), errors: [] });
      return false;
    }
    try {
      await (await getRepository()).bulkPut([parsed.value]);
      await reload();
      setMessage({ kind: 'ok', title: tr.t('repaired', { name: parsed.value.company.name || row.id }) });
      return true;
    } catch (err) {
      setMessage({ kind: 'error', title: tr.t('importFailed', { names: row.id }), errors: [writeErrorText(err, tr)] });
      return false;
    }
  }

  return (
    <LocaleContext.Provider value={locale}>
      <div className="page" dir={tr.dir}>
        <header className="bar">
          <Brand name={tr.t('appName')} />
          {summaries && complete ? (
            <span className="muted" data-testid="count">
              {apps(tr, summaries.length)}
            </span>
          ) : null}
        </header>

        {route.page === 'app' ? <RecordPage id={route.id} tr={tr} onSaved={onRecordSaved} /> : null}
        {/* Kept while an application is open: its search, filters and scroll are there on the way back. */}
        <div className="list-page" hidden={route.page === 'app'}>
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
            {asking ? <DuplicatesQuestion matches={asking.matches} tr={tr} onAnswer={asking.answer} /> : null}
            {progress && !asking ? (
              <div className="import-progress" data-testid="import-progress">
                <label htmlFor="import-progress">
                  {tr.t(PHASE_KEY[progress.phase], { done: progress.done, total: progress.total })}
                </label>
                <progress id="import-progress" max={Math.max(progress.total, 1)} value={progress.done} />
              </div>
            ) : null}
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
            {summaries === null && !loadError ? <p className="muted">{tr.t('loading')}</p> : null}
            {summaries && summaries.length === 0 ? (
              <p className="empty" data-testid="empty">
                {tr.t('noApplicationsYet')}
              </p>
            ) : null}
            {summaries && summaries.length > 0 ? (
              <ApplicationList summaries={summaries} tr={tr} onRemoved={onRemoved} onRestored={onRestored} />
            ) : null}
          </section>

          {damaged.length ? (
            <section aria-labelledby="damaged-heading" data-testid="damaged">
              <h2 id="damaged-heading">{tr.t('damagedHeading')}</h2>
              <p className="muted">{tr.t('damagedHint')}</p>
              <ul className="damaged-list">
                {damaged.map((d) => (
                  <DamagedItem key={d.id} row={d} tr={tr} onDelete={onDeleteDamaged} onRepair={onRepair} />
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </LocaleContext.Provider>
  );
}

function DamagedItem({
  row,
  tr,
  onDelete,
  onRepair,
}: {
  row: DamagedRow;
  tr: DashboardTranslator;
  onDelete: (row: DamagedRow) => Promise<void>;
  onRepair: (row: DamagedRow, text: string) => Promise<boolean>;
}) {
  const [text, setText] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const id = `damaged-${row.id}`;
  return (
    <li data-testid="damaged-row">
      <bdi dir="ltr">
        <code>{row.id}</code>
      </bdi>
      <p data-testid="damaged-reason">
        <bdi>{tr.t('damagedWhy', { reason: row.reason })}</bdi>
      </p>
      {text === null ? (
        <span className="row-actions">
          <button type="button" className="btn" onClick={() => setText(JSON.stringify(row.row, null, 2))}>
            {tr.t('repair')}
          </button>
          {confirming ? (
            <>
              <button type="button" className="btn btn-danger-solid" onClick={() => void onDelete(row)}>
                {tr.t('yesDelete')}
              </button>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                {tr.t('cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn btn-danger"
              aria-label={tr.t('deleteName', { name: row.id })}
              onClick={() => setConfirming(true)}
            >
              {tr.t('delete')}
            </button>
          )}
        </span>
      ) : (
        <div className="repair">
          <label htmlFor={id}>{tr.t('damagedJson', { id: row.id })}</label>
          <textarea
            id={id}
            dir="ltr"
            rows={12}
            spellCheck={false}
            value={text}
            data-testid="damaged-json"
            onChange={(e) => setText(e.target.value)}
          />
          <span className="row-actions">
            <button
              type="button"
              className="btn"
              onClick={() => void onRepair(row, text).then((ok) => ok && setText(null))}
            >
              {tr.t('saveRepair')}
            </button>
            <button type="button" className="btn" onClick={() => setText(null)}>
              {tr.t('cancel')}
            </button>
          </span>
        </div>
      )}
    </li>
  );
}

/**
 * The popup: the application for the current tab (or the one touched last), its steps, questions,
 * outcome and export. It closes the moment focus leaves it, so every edit is saved as it happens (an
 * EditSession per record) and half-done input lives in the draft (useDraft).
 */
import { lazy, startTransition, type ComponentType, Suspense, useEffect, useMemo, useRef, useState } from 'react';
// The native promise-based API (Chrome MV3's `chrome`, Firefox's `browser`): the polyfill would cost the
// popup 3 KB of its 90 KB budget for the five calls it makes, which both browsers answer natively.
import { browser } from '@wxt-dev/browser';
import { pendingJournals } from '@/utils/journal';
import { summarize } from '@/utils/summary';
import {
  loadDictionary,
  loadPanelWords,
  readSettings,
  resolveLang,
  translator,
  type Dictionary,
  type Lang,
  type MessageKey,
  type Settings,
} from '@/utils/i18n';
import { todayIso } from '@/utils/dates';
import type { UrlIdentity } from '@/utils/clip/url';
import { newApplication } from '@/utils/steps';
import type { ApplicationRecord } from '@/utils/record';
import type { RecordSummary, Repository } from '@/utils/repository';
import { POPUP_TABS, type PopupDraft, type PopupTab } from '@/utils/popup-draft';
import { getRepository } from '@/services/db';
import { useEditSession } from '@/components/useEditSession';
import { appHash } from '@/utils/dashboard-route';
import { SaveStatus } from '@/components/SaveStatus';
import { preload, usePreloaded } from '@/components/preload';
import { latencyRecorder, markInteractive } from '@/services/test-hooks';
import { PopupContext, type PopupContextValue } from './context';
import { loadDraft, readLocalDraft, useDraft } from './useDraft';
import { StepsPanel } from './StepsPanel';
import { Brand } from '@/components/Brand';

/** The words of the panels below (utils/i18n/en-panels.ts), loading from boot on. */
let panelWords: Promise<void> = Promise.resolve();

/**
 * Loaded when shown, with their words: the popup's JS budget (90 KB gzipped, React is 70 of it) keeps only the
 * first view eager.
 */
// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own bound for any component.
function panel<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(() => Promise.all([load(), panelWords]).then(([m]) => m));
}
const QuestionsPanel = panel(() => import('./QuestionsPanel'));
const ExportPanel = panel(() => import('./ExportPanel'));
const OutcomePanel = panel(() => import('@/components/OutcomePanel'));
const SettingsPanel = panel(() => import('./SettingsPanel'));
const DetailsPanel = panel(() => import('./DetailsPanel'));
const NewApplication = panel(() => import('./NewApplication'));
const ClipPanel = panel(() => import('./ClipPanel'));
const ConflictNotice = panel(() => import('@/components/ConflictNotice'));
// In the first view (letters typed right after tabbing to it must reach it), loaded beside it.
const switcher = preload(() => import('./Switcher').then((m) => m.default));
interface Boot {
  repo: Repository;
  settings: Settings;
  dictionary: Dictionary;
  summaries: RecordSummary[];
  draft: PopupDraft;
  tab: { id: number; identity: UrlIdentity } | null;
  record: ApplicationRecord | null;
  /** Why the edits journalled by an earlier page could not be put back (they are kept), if so. */
  restoreError: unknown;
}

async function activeTab(): Promise<Boot['tab']> {
  try {
    // The URL reader loads beside the tab query (it is not part of the first view's budget).
    const [[t], { identify }] = await Promise.all([
      browser.tabs.query({ active: true, currentWindow: true }),
      import('@/utils/clip/url'),
    ]);
    const identity = t?.url ? identify(t.url) : null;
    return t?.id !== undefined && identity ? { id: t.id, identity } : null;
  } catch {
    return null;
  }
}

/** The browser's UI language (the popup follows it unless the settings choose one). */
function browserLang(): string | undefined {
  return browser.i18n?.getUILanguage?.() ?? navigator.language;
}

/**
 * Everything the first view needs, read at once: each await here is a round trip to another process, so
 * whatever can start early does (the words of the browser's language, the tab, the record the last
 * session had open) and the rest runs side by side.
 */
async function boot(): Promise<Boot> {
  // The browser's language is the usual choice: its words load while the database opens.
  const guess = resolveLang('auto', browserLang());
  const guessed = loadDictionary(guess);
  const tabP = activeTab();
  const repo = await getRepository();
  // Edits a closed page could not store: put back first (the merge is loaded only when there are some).
  const journals = pendingJournals(localStorage);
  const restoreError =
    journals.ids.length || journals.legacy
      ? (await import('@/utils/journal-merge').then((m) => m.restoreJournals(repo, localStorage))).error
      : null;
  const settingsP = repo.getMeta('settings').then(readSettings);
  const dictionaryP = settingsP.then((s) => {
    const lang = resolveLang(s.lang, browserLang());
    const dictionary = lang === guess ? guessed : loadDictionary(lang);
    // The other panels' words load beside the first view (the panels wait for them).
    panelWords = dictionary.then((d) => loadPanelWords(lang, d)).catch(() => {});
    return dictionary;
  });
  const byTab = tabP.then((t) => (t ? repo.findByPosting(t.identity) : undefined));
  // Most likely the application open last time (its id is in the synchronous copy of the draft).
  const hintId = readLocalDraft()?.recordId;
  const hinted = hintId ? repo.get(hintId).catch(() => undefined) : undefined;
  const [settings, dictionary, summaries, draft, tab, tabRecord] = await Promise.all([
    settingsP,
    dictionaryP,
    // The first view shows the newest few (the switcher's first screen); the switcher reads the rest when
    // it is used (`FIRST_SUMMARIES`), so the open costs the same with 10,000 applications as with none.
    repo.listSummaries({ limit: FIRST_SUMMARIES }),
    loadDraft(repo),
    tabP,
    byTab,
  ]);
  // Which application opens: the one clipped from this tab, else the one touched (edited or opened) last.
  let record = tabRecord;
  if (!record) {
    const read = async (id: string) =>
      (id === hintId ? await hinted : undefined) ?? (await repo.get(id).catch(() => undefined));
    const newest = summaries[0];
    // The one opened last, unless another was written since; one deleted meanwhile is not there to read.
    if (draft.recordId && (!newest || draft.at >= Date.parse(newest.updatedAt))) record = await read(draft.recordId);
    if (!record && newest) record = await read(newest.id);
  }
  return { repo, settings, dictionary, summaries, draft, tab, record: record ?? null, restoreError };
}

const TAB_LABELS: Record<PopupTab, MessageKey> = {
  steps: 'tabSteps',
  questions: 'tabQuestions',
  outcome: 'tabOutcome',
  details: 'tabDetails',
  export: 'tabExport',
};

/** How many summaries the first view reads: the newest, and the switcher's first screen beside the open one. */
const FIRST_SUMMARIES = 9;

/** Started as this module runs; main.tsx renders the popup once it is done, in one pass with its data. */
export const booting = boot();

/** Latencies (ms) from a record edit to its commit, for `npm run bench`. */
const recordSave = latencyRecorder('recordSaves');

/** The popup when its database could not be opened (the only thing that can stop it). */
export function BootError({ error }: { error: unknown }) {
  return (
    <p role="alert" className="notice notice-error">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

export function App({ boot: b }: { boot: Boot }) {
  const [summaries, setSummaries] = useState<RecordSummary[]>(b.summaries);
  // Whether `summaries` is the whole list (read when the switcher is first used) or the first view's few.
  const wholeList = useRef(false);
  const refreshSummaries = () =>
    b.repo.listSummaries(wholeList.current ? {} : { limit: FIRST_SUMMARIES }).then(setSummaries, () => {});
  const readWholeList = () => {
    if (wholeList.current) return;
    wholeList.current = true;
    void refreshSummaries();
  };
  const [settings, setSettings] = useState<Settings>(b.settings);
  const [dict, setDict] = useState<{ lang: Lang; dictionary: Dictionary }>(() => ({
    lang: resolveLang(b.settings.lang, browserLang()),
    dictionary: b.dictionary,
  }));
  const [showSettings, setShowSettings] = useState(false);
  const { record, conflicts, save, reportError, edit, open, flush, refreshConflicts } = useEditSession(
    b.repo,
    b.record,
    {
      initialSave: b.restoreError ? { kind: 'restore-error', error: b.restoreError } : undefined,
      onSaved: (stored, ms) => {
        // The list's row for this application, without reading the others again.
        setSummaries((list) => [summarize(stored), ...list.filter((x) => x.id !== stored.id)]);
        recordSave(ms);
      },
      // Another page wrote records (an edit, an import, a clip): the new list.
      onOtherWrites: () => void refreshSummaries(),
    },
  );
  const [draft, updateDraft] = useDraft(b.repo, b.draft, reportError);
  // The New application form: open while the draft holds one, with what was typed in it.
  const creating = draft.newApp !== null;
  const setCreating = (open: boolean) =>
    updateDraft((d) => ({ ...d, newApp: open ? (d.newApp ?? { company: '', role: '' }) : null }));
  const Switcher = usePreloaded(switcher);

  // Remember which application is open (it is "touched" by opening it).
  useEffect(() => {
    if (record && draft.recordId !== record.id) updateDraft((d) => ({ ...d, recordId: record.id }));
  }, [record, draft.recordId, updateDraft]);

  const lang = resolveLang(settings.lang, browserLang());
  // Another language chosen in the settings: load its words.
  useEffect(() => {
    if (dict.lang !== lang)
      void loadDictionary(lang).then(async (dictionary) => {
        await loadPanelWords(lang, dictionary);
        setDict({ lang, dictionary });
      });
  }, [lang, dict]);
  const ctx: PopupContextValue = useMemo(
    () => ({ tr: translator(dict.lang, dict.dictionary), dateFormat: settings.dateFormat, today: todayIso() }),
    [dict, settings.dateFormat],
  );

  useEffect(() => {
    document.documentElement.lang = ctx.tr.lang;
    document.documentElement.dir = ctx.tr.dir;
    document.title = ctx.tr.t('appName');
  }, [ctx]);

  // Interactive: the app with its data is on screen (the browser tests and npm run bench wait for it).
  useEffect(() => markInteractive(), []);

  async function switchTo(id: string) {
    const r = await b.repo.get(id).catch(() => undefined);
    if (r) open(r);
  }

  async function create(company: string, role: string) {
    try {
      const r = await b.repo.create(newApplication(company, { role, dateFormat: settings.dateFormat }));
      await refreshSummaries();
      open(r);
      updateDraft((d) => ({ ...d, recordId: r.id, tab: 'steps', newApp: null }));
    } catch (e) {
      reportError(e);
    }
  }

  async function changeSettings(next: Settings) {
    setSettings(next);
    await b.repo.setMeta('settings', next).catch(reportError);
  }

  async function openDashboard() {
    await flush();
    // The application shown here, open in the dashboard (its list when none is).
    const page = browser.runtime.getURL('/dashboard.html');
    await browser.tabs.create({ url: record ? page + appHash(record.id) : page });
    window.close();
  }

  const { tr } = ctx;
  const tab: PopupTab = draft.tab;
  // A transition: the tab shown stays until the next one's code has loaded (no "Loading…" flash).
  const setTab = (t: PopupTab) => startTransition(() => updateDraft((d) => ({ ...d, tab: t })));
  // Nothing stored yet: the popup offers its first actions (Clip on a posting page, then New application).
  const firstRun = !record && !summaries.length;
  const TABS = POPUP_TABS.map((id) => [id, tr.t(TAB_LABELS[id])] as const);

  return (
    <PopupContext.Provider value={ctx}>
      <div className="popup-shell" dir={tr.dir}>
        <header className="bar">
          <Brand name={tr.t('appName')} />
          <div className="bar-actions">
            <button
              type="button"
              className="btn"
              onClick={() => setCreating(!creating)}
              aria-expanded={creating}
              data-testid="new-application"
            >
              + {tr.t('newApplication')}
            </button>
            <button type="button" className="btn" onClick={() => void openDashboard()}>
              {tr.t('openDashboard')}
            </button>
            <button
              type="button"
              className="btn btn-icon"
              onClick={() => setShowSettings((s) => !s)}
              aria-expanded={showSettings}
              aria-label={tr.t('settings')}
              title={tr.t('settings')}
              data-testid="settings"
            >
              ⚙
            </button>
          </div>
        </header>
        <Suspense fallback={null}>
          {showSettings ? <SettingsPanel settings={settings} onChange={(s) => void changeSettings(s)} /> : null}
          {b.tab ? (
            <ClipPanel
              tabId={b.tab.id}
              identity={b.tab.identity}
              current={record}
              onClipped={(id) => {
                void switchTo(id);
                void refreshSummaries();
              }}
            />
          ) : null}
          {creating || firstRun ? (
            <NewApplication
              value={draft.newApp ?? { company: '', role: '' }}
              onChange={(newApp) => updateDraft((d) => ({ ...d, newApp }))}
              onCreate={(c, r) => void create(c, r)}
              onCancel={summaries.length ? () => setCreating(false) : undefined}
              // On a posting page's first run Clip is the first action and keeps the focus.
              autoFocus={creating || !b.tab}
            />
          ) : null}
        </Suspense>
        {summaries.length && Switcher ? (
          <Switcher
            summaries={summaries}
            currentId={record?.id ?? null}
            onPick={(id) => void switchTo(id)}
            onUse={readWholeList}
          />
        ) : null}
        {record ? (
          <main className="app-view" aria-label={record.company.name}>
            <div className="app-title">
              <bdi className="app-company" data-testid="current-company">
                {record.company.name}
              </bdi>
              {record.role ? (
                <span className="muted">
                  {' — '}
                  <bdi>{record.role}</bdi>
                </span>
              ) : null}
              <SaveStatus state={save} />
            </div>
            {conflicts.length ? (
              <Suspense fallback={null}>
                <ConflictNotice record={record} conflicts={conflicts} edit={edit} onResolved={refreshConflicts} />
              </Suspense>
            ) : null}
            <div
              role="tablist"
              aria-label={record.company.name}
              className="tabs"
              onKeyDown={(e) => tabKeys(e, POPUP_TABS, tab, setTab, tr.dir)}
            >
              {TABS.map(([id, label]) => (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  id={`tab-${id}`}
                  aria-selected={tab === id}
                  aria-controls={`panel-${id}`}
                  tabIndex={tab === id ? 0 : -1}
                  className="tab"
                  onClick={() => setTab(id)}
                  data-testid={`tab-${id}`}
                >
                  {label}
                </button>
              ))}
            </div>
            <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
              {tab === 'steps' ? (
                <StepsPanel
                  record={record}
                  edit={edit}
                  draft={draft.step}
                  updateDraft={(step) => updateDraft((d) => ({ ...d, step: { ...d.step, ...step } }))}
                />
              ) : null}
              <Suspense fallback={<p className="muted">{tr.t('loading')}</p>}>
                {tab === 'questions' ? (
                  <QuestionsPanel
                    record={record}
                    edit={edit}
                    newTitle={draft.roundTitle}
                    setNewTitle={(roundTitle) => updateDraft((d) => ({ ...d, roundTitle }))}
                    paste={draft.pastes[record.id] ?? { roundId: null, text: '', excluded: [] }}
                    updatePaste={(p) =>
                      updateDraft((d) => {
                        const pastes = {
                          ...d.pastes,
                          [record.id]: { ...(d.pastes[record.id] ?? { roundId: null, text: '', excluded: [] }), ...p },
                        };
                        if (!pastes[record.id].text) delete pastes[record.id];
                        return { ...d, pastes };
                      })
                    }
                  />
                ) : null}
                {tab === 'export' ? <ExportPanel record={record} edit={edit} /> : null}
                {tab === 'outcome' ? <OutcomePanel record={record} edit={edit} /> : null}
                {tab === 'details' ? (
                  <DetailsPanel record={record} edit={edit} onOpenDashboard={() => void openDashboard()} />
                ) : null}
              </Suspense>
            </section>
          </main>
        ) : summaries.length ? null : (
          <p className="muted empty" data-testid="empty">
            {tr.t('noApplications')}
          </p>
        )}
      </div>
    </PopupContext.Provider>
  );
}

/** Arrow keys move between tabs (mirrored in RTL), Home/End to the ends. */
function tabKeys(
  e: React.KeyboardEvent,
  ids: readonly PopupTab[],
  current: PopupTab,
  set: (t: PopupTab) => void,
  dir: 'ltr' | 'rtl',
) {
  const i = ids.indexOf(current);
  const fwd = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  let next = -1;
  if (e.key === fwd) next = (i + 1) % ids.length;
  else if (e.key === back) next = (i - 1 + ids.length) % ids.length;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = ids.length - 1;
  if (next < 0) return;
  e.preventDefault();
  set(ids[next]);
  (document.getElementById(`tab-${ids[next]}`) as HTMLElement | null)?.focus();
}

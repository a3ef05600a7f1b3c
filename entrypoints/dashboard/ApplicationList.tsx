/**
 * The dashboard's list of applications, smooth with 10,000 of them: built from the summaries (utils/summary.ts,
 * never the full records, which are read only for what needs them: a download, the posting, an undo), rows
 * virtualised (@tanstack/react-virtual: only the rows in view are in the DOM), search as you type over the
 * repository's terms index (`searchIds`: company, role and question text, Persian folded: utils/search.ts), filters by
 * outcome, stage reached, board and year, three orders, and a selection (checkboxes, shift-click for a range,
 * all shown) to export as one zip of entries or delete with undo. A delete removes the rows here; nothing
 * is read again.
 *
 * The first render with rows sets `performance.mark('jobnote:list')` and `data-ready` on the list (read by
 * scripts/bench/dashboard.ts); the list's `data-query` says which search its rows answer.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import '@/assets/list.css';
import { BOARD_IDS, BOARDS, type BoardId } from '@/utils/boards';
import { isoToJalali, isValidIso } from '@/utils/dates';
import type { DashboardTranslator } from '@/utils/i18n';
import { entryDownload, exportEntry } from '@/utils/jobname/export';
import { entriesZip } from '@/utils/jobname/zip';
import { OUTCOME_KINDS, STAGE_KINDS } from '@/utils/record';
import { searchIds } from '@/utils/search';
import type { ApplicationRecord, DateFormat, OutcomeKind, Posting, StageKind } from '@/utils/record';
import { summarize, type RecordSummary } from '@/utils/summary';
import { downloadBytes, downloadText } from '@/components/download';
import { useLocale } from '@/components/locale';
import { Notice } from '@/components/Notice';
import { PostingView } from '@/components/PostingView';
import { ScoreBadge, ShownDate } from '@/components/summary';
import { getRepository } from '@/services/db';
import { appHash } from '@/utils/dashboard-route';
import { writeErrorText } from './errors';

export const SORTS = ['activity', 'applied', 'score'] as const;
export type SortKey = (typeof SORTS)[number];
const SORT_WORDS = { activity: 'sortActivity', applied: 'sortApplied', score: 'sortScore' } as const;

/** '' is "all"; 'none' the records without one. */
interface Filters {
  outcome: OutcomeKind | '';
  reached: StageKind | 'none' | '';
  board: BoardId | 'none' | '';
  year: string;
}
const NO_FILTERS: Filters = { outcome: '', reached: '', board: '', year: '' };

/** The year applied (the first stage's day) in the user's calendar, or null. */
function yearOf(s: RecordSummary, fmt: DateFormat): number | null {
  if (!s.firstDate || !isValidIso(s.firstDate)) return null;
  return fmt === 'gregorian' ? Number(s.firstDate.slice(0, 4)) : isoToJalali(s.firstDate).jy;
}

/** Newest first; a record without the value last; ties by last activity. */
function compare(sort: SortKey): (a: RecordSummary, b: RecordSummary) => number {
  const activity = (a: RecordSummary, b: RecordSummary) =>
    a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
  if (sort === 'activity') return activity;
  const value = sort === 'applied' ? (s: RecordSummary) => s.firstDate : (s: RecordSummary) => s.score;
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === y) return activity(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? 1 : -1;
  };
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function apps(tr: DashboardTranslator, n: number): string {
  return tr.t(n === 1 ? 'appsOne' : 'appsMany', { n });
}

type ListNotice =
  | { kind: 'deleted'; title: string; records: ApplicationRecord[] }
  | { kind: 'ok'; title: string }
  | { kind: 'error'; title: string; errors: string[] };

export interface ApplicationListProps {
  summaries: RecordSummary[];
  tr: DashboardTranslator;
  /** The rows of these ids are gone (deleted here): drop them from the page's list. */
  onRemoved(ids: ReadonlySet<string>): void;
  /** These records are back (an undo): add their summaries. */
  onRestored(summaries: RecordSummary[]): void;
}

/** Memoised: the dashboard re-renders for each step of an import's progress, the list only when its props change. */
export const ApplicationList = memo(function ApplicationList({
  summaries,
  tr,
  onRemoved,
  onRestored,
}: ApplicationListProps) {
  const { dateFormat, today } = useLocale();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; ids: Set<string> | null }>({ query: '', ids: null });
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('activity');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<ListNotice | null>(null);
  const [confirmingMany, setConfirmingMany] = useState(false);
  const anchor = useRef<number | null>(null);

  // Search as you type: the terms index answers. One search at a time: keys typed meanwhile are answered
  // together by the next one (no queue of stale searches behind a fast typist); an older answer is dropped.
  const asked = useRef(0);
  const searching = useRef(false);
  const wanted = useRef(query);
  const search = useCallback(() => {
    if (searching.current) return;
    const n = asked.current;
    const q = wanted.current;
    if (!q.trim()) {
      setFound({ query: q, ids: null });
      return;
    }
    searching.current = true;
    const done = (ids: Set<string> | null, err?: unknown) => {
      searching.current = false;
      if (n !== asked.current) return search();
      setFound({ query: q, ids });
      if (err !== undefined) setNotice({ kind: 'error', title: tr.t('loadFailed'), errors: [writeErrorText(err, tr)] });
    };
    void getRepository()
      .then((repo) => searchIds(q, (w) => repo.termIds(w)))
      .then(
        (ids) => done(ids),
        (err: unknown) => done(new Set(), err),
      );
  }, [tr]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again when the list changes (an import adds ids)
  useEffect(() => {
    asked.current++;
    wanted.current = query;
    search();
  }, [query, summaries, search]);

  const years = useMemo(() => {
    const m = new Map<string, number | null>();
    // Per day, not per row: 50,000 applications are a few hundred days, and a Jalali year is a calendar sum.
    const byDay = new Map<string | null, number | null>();
    for (const s of summaries) {
      let year = byDay.get(s.firstDate);
      if (year === undefined) {
        year = yearOf(s, dateFormat);
        byDay.set(s.firstDate, year);
      }
      m.set(s.id, year);
    }
    return m;
  }, [summaries, dateFormat]);
  const yearOptions = useMemo(
    () => [...new Set([...years.values()].filter((y): y is number => y !== null))].sort((a, b) => b - a),
    [years],
  );
  const sorted = useMemo(() => [...summaries].sort(compare(sort)), [summaries, sort]);
  const visible = useMemo(() => {
    const { outcome, reached, board, year } = filters;
    const ids = found.ids;
    return sorted.filter(
      (s) =>
        (!ids || ids.has(s.id)) &&
        (!outcome || s.outcome === outcome) &&
        (!reached || (reached === 'none' ? s.reached === null : s.reached === reached)) &&
        (!board || (board === 'none' ? s.board === null : s.board === board)) &&
        (!year || (year === 'none' ? years.get(s.id) === null : String(years.get(s.id)) === year)),
    );
  }, [sorted, found, filters, years]);

  const chosen = useMemo(() => visible.filter((s) => selected.has(s.id)), [visible, selected]);
  const allChosen = visible.length > 0 && chosen.length === visible.length;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !allChosen;
  }, [chosen.length, allChosen]);

  const toggle = useCallback(
    (index: number, id: string, on: boolean, range: boolean) => {
      setSelected((cur) => {
        const next = new Set(cur);
        const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
        const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
        for (let i = from; i <= to; i++) {
          const s = visible[i];
          if (!s) continue;
          if (on) next.add(s.id);
          else next.delete(s.id);
        }
        if (!range) on ? next.add(id) : next.delete(id);
        return next;
      });
      anchor.current = index;
    },
    [visible],
  );

  async function remove(ids: string[], name: string | null) {
    setNotice(null);
    setConfirmingMany(false);
    try {
      const repo = await getRepository();
      // Kept for the undo: the records as they are now.
      const records = (await Promise.all(ids.map((id) => repo.get(id)))).filter((r) => r !== undefined);
      await Promise.all(ids.map((id) => repo.delete(id)));
      const gone = new Set(ids);
      onRemoved(gone);
      setSelected((cur) => new Set([...cur].filter((id) => !gone.has(id))));
      setNotice({
        kind: 'deleted',
        title: name !== null ? tr.t('deleted', { name }) : tr.t('deletedMany', { apps: apps(tr, ids.length) }),
        records,
      });
    } catch (err) {
      setNotice({ kind: 'error', title: tr.t('deleteFailed'), errors: [writeErrorText(err, tr)] });
    }
  }

  async function undo(records: ApplicationRecord[]) {
    try {
      // Stored again as a new revision of what was deleted.
      const back = records.map((r) => ({ ...r, revision: r.revision + 1 }));
      await (await getRepository()).bulkPut(back);
      onRestored(back.map(summarize));
      setNotice({ kind: 'ok', title: tr.t('undone', { apps: apps(tr, back.length) }) });
    } catch (err) {
      setNotice({ kind: 'error', title: tr.t('undoFailed'), errors: [writeErrorText(err, tr)] });
    }
  }

  // The rows keep one callback (they are memoised); it calls the latest `remove`.
  const latestRemove = useRef(remove);
  latestRemove.current = remove;
  const removeOne = useCallback(
    (s: RecordSummary) => latestRemove.current([s.id], s.company || tr.t('theApplication')),
    [tr],
  );

  const downloadOne = useCallback(
    async (s: RecordSummary) => {
      try {
        const record = await (await getRepository()).get(s.id);
        if (!record) return;
        downloadText(entryDownload(record).name, exportEntry(record), 'text/markdown');
      } catch (err) {
        setNotice({ kind: 'error', title: tr.t('entriesExportFailed'), errors: [writeErrorText(err, tr)] });
      }
    },
    [tr],
  );

  async function exportChosen() {
    setNotice(null);
    try {
      const repo = await getRepository();
      const records = (await Promise.all(chosen.map((s) => repo.get(s.id)))).filter((r) => r !== undefined);
      const zip = entriesZip(records);
      downloadBytes(`jobnote-entries-${today}.zip`, zip as Uint8Array<ArrayBuffer>, 'application/zip');
      setNotice({ kind: 'ok', title: tr.t('exportedEntries', { apps: apps(tr, records.length) }) });
    } catch (err) {
      setNotice({ kind: 'error', title: tr.t('entriesExportFailed'), errors: [writeErrorText(err, tr)] });
    }
  }

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 52,
    overscan: 8,
    getItemKey: (i) => visible[i]!.id,
  });

  // The list is on screen with its rows (once per page).
  const list = useRef<HTMLTableElement>(null);
  useEffect(() => {
    const el = list.current;
    if (!el || el.dataset.ready) return;
    el.dataset.ready = 'true';
    performance.mark('jobnote:list');
  });

  const filtered = query.trim() !== '' || filters !== NO_FILTERS;
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const selectId = (name: string) => `list-${name}`;

  return (
    <div className="app-list">
      <search className="list-tools" aria-label={tr.t('listFilters')}>
        <div className="list-field list-search">
          <label htmlFor={selectId('search')}>{tr.t('listSearch')}</label>
          <input
            id={selectId('search')}
            type="search"
            value={query}
            placeholder={tr.t('listSearchHint')}
            autoComplete="off"
            spellCheck={false}
            dir="auto"
            data-testid="list-search"
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <Choice
          id={selectId('outcome')}
          label={tr.t('listOutcome')}
          value={filters.outcome}
          onChange={(v) => setFilter('outcome', v as Filters['outcome'])}
          options={[['', tr.t('listAll')], ...OUTCOME_KINDS.map((k): [string, string] => [k, tr.outcome(k)])]}
        />
        <Choice
          id={selectId('reached')}
          label={tr.t('listReached')}
          value={filters.reached}
          onChange={(v) => setFilter('reached', v as Filters['reached'])}
          options={[
            ['', tr.t('listAll')],
            ...STAGE_KINDS.map((k): [string, string] => [k, tr.stage(k)]),
            ['none', tr.t('listNoStage')],
          ]}
        />
        <Choice
          id={selectId('board')}
          label={tr.t('listBoard')}
          value={filters.board}
          onChange={(v) => setFilter('board', v as Filters['board'])}
          options={[
            ['', tr.t('listAll')],
            ...BOARD_IDS.map((b): [string, string] => [b, BOARDS[b].name]),
            ['none', tr.t('listNoBoard')],
          ]}
        />
        <Choice
          id={selectId('year')}
          label={tr.t('listYear')}
          value={filters.year}
          onChange={(v) => setFilter('year', v)}
          options={[
            ['', tr.t('listAll')],
            ...yearOptions.map((y): [string, string] => [String(y), tr.digits(y)]),
            ['none', tr.t('listNoYear')],
          ]}
        />
        <Choice
          id={selectId('sort')}
          label={tr.t('listSort')}
          value={sort}
          onChange={(v) => setSort(v as SortKey)}
          options={SORTS.map((k): [string, string] => [k, tr.t(SORT_WORDS[k])])}
        />
      </search>

      <div className="list-bar">
        <label className="list-select-all">
          <input
            ref={selectAll}
            type="checkbox"
            checked={allChosen}
            disabled={!visible.length}
            data-testid="select-all"
            onChange={(e) => {
              const on = e.target.checked;
              setSelected((cur) => {
                const next = new Set(cur);
                for (const s of visible) on ? next.add(s.id) : next.delete(s.id);
                return next;
              });
            }}
          />
          {tr.t('selectAllShown')}
        </label>
        <span className="muted" data-testid="shown" aria-live="polite">
          {tr.t('listShown', { n: visible.length })}
          {chosen.length ? ` · ${tr.t('selectedCount', { n: chosen.length })}` : ''}
        </span>
        {chosen.length ? (
          <span className="row-actions">
            <button type="button" className="btn" data-testid="export-selected" onClick={() => void exportChosen()}>
              {tr.t('exportSelected')}
            </button>
            {confirmingMany ? (
              <fieldset
                className="confirm"
                aria-label={tr.t('deleteSelectedQuestion', { apps: apps(tr, chosen.length) })}
                onKeyDown={(e) => e.key === 'Escape' && setConfirmingMany(false)}
              >
                <span>{tr.t('deleteSelectedQuestion', { apps: apps(tr, chosen.length) })}</span>
                <button
                  type="button"
                  className="btn btn-danger-solid"
                  data-testid="confirm-delete-selected"
                  // biome-ignore lint/a11y/noAutofocus: the question was just asked by this button's neighbour
                  autoFocus
                  onClick={() =>
                    void remove(
                      chosen.map((s) => s.id),
                      null,
                    )
                  }
                >
                  {tr.t('yesDelete')}
                </button>
                <button type="button" className="btn" onClick={() => setConfirmingMany(false)}>
                  {tr.t('cancel')}
                </button>
              </fieldset>
            ) : (
              <button
                type="button"
                className="btn btn-danger"
                data-testid="delete-selected"
                onClick={() => setConfirmingMany(true)}
              >
                {tr.t('deleteSelected')}
              </button>
            )}
          </span>
        ) : null}
      </div>

      <div aria-live="polite">
        {notice?.kind === 'deleted' ? (
          <div className="notice notice-ok list-undo" role="status" data-testid="list-notice">
            <span>{notice.title}</span>
            <button type="button" className="btn" data-testid="undo" onClick={() => void undo(notice.records)}>
              {tr.t('undo')}
            </button>
          </div>
        ) : notice ? (
          <Notice
            kind={notice.kind}
            title={notice.title}
            items={notice.kind === 'error' ? notice.errors : []}
            testId={notice.kind === 'ok' ? 'list-notice' : 'list-error'}
          />
        ) : null}
      </div>

      {/* A table drawn as a grid: the header stays, the body scrolls and holds only the rows in view. */}
      <div ref={scroller} className="app-scroll">
        <table
          ref={list}
          className="app-table"
          aria-label={tr.t('applications')}
          aria-rowcount={visible.length + 1}
          data-testid="applications"
          data-query={found.query}
          data-count={visible.length}
        >
          <thead>
            <tr className="app-row app-head" aria-rowindex={1}>
              <th scope="col">
                <span className="visually-hidden">{tr.t('selectAllShown')}</span>
              </th>
              <th scope="col">{tr.t('company')}</th>
              <th scope="col">{tr.t('role')}</th>
              <th scope="col">{tr.t('listReached')}</th>
              <th scope="col">{tr.t('listSinceStep')}</th>
              <th scope="col">{tr.t('outcome')}</th>
              <th scope="col">{tr.t('score')}</th>
              <th scope="col">
                <span className="visually-hidden">{tr.t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="app-rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const s = visible[item.index]!;
              return (
                <Row
                  key={item.key}
                  summary={s}
                  index={item.index}
                  start={item.start}
                  measure={virtualizer.measureElement}
                  selected={selected.has(s.id)}
                  today={today}
                  tr={tr}
                  onToggle={toggle}
                  onDelete={removeOne}
                  onDownload={downloadOne}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      {!visible.length ? (
        <p className="muted list-none" data-testid="no-match">
          {tr.t('listNoMatch')}{' '}
          {filtered ? (
            <button
              type="button"
              className="btn"
              onClick={() => {
                setQuery('');
                setFilters(NO_FILTERS);
              }}
            >
              {tr.t('listClear')}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
});

function Choice({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange(v: string): void;
}) {
  return (
    <div className="list-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={id} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

interface RowProps {
  summary: RecordSummary;
  index: number;
  start: number;
  measure(el: Element | null): void;
  selected: boolean;
  today: string;
  tr: DashboardTranslator;
  onToggle(index: number, id: string, on: boolean, range: boolean): void;
  onDelete(s: RecordSummary): Promise<void>;
  onDownload(s: RecordSummary): Promise<void>;
}

/** "HR Call · 1402.08.20", "12 days ago", the outcome and its emojis, the score, download and delete. */
const Row = memo(function Row({
  summary: s,
  index,
  start,
  measure,
  selected,
  today,
  tr,
  onToggle,
  onDelete,
  onDownload,
}: RowProps) {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const name = s.company || tr.t('unnamedCompany');

  // Focus follows the question: onto "Yes, delete" when asked, back onto "Delete" when cancelled.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const days = s.lastDate && isValidIso(s.lastDate) ? daysBetween(s.lastDate, today) : null;
  const shiftClick = useRef(false);

  return (
    <tr
      ref={measure}
      data-index={index}
      className={`app-row${selected ? ' is-selected' : ''}`}
      aria-rowindex={index + 2}
      data-testid="application"
      style={{ transform: `translateY(${start}px)` }}
    >
      <td>
        <input
          type="checkbox"
          checked={selected}
          aria-label={tr.t('selectName', { name })}
          data-testid="select"
          onClick={(e: MouseEvent<HTMLInputElement>) => {
            shiftClick.current = e.shiftKey;
          }}
          onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
            shiftClick.current = e.shiftKey;
          }}
          onChange={(e) => onToggle(index, s.id, e.target.checked, shiftClick.current)}
        />
      </td>
      <th scope="row" className="app-company">
        <a href={appHash(s.id)} className="app-open" aria-label={tr.t('openName', { name })} data-testid="open">
          <bdi data-testid="company">{name}</bdi>
        </a>
        {s.hasPosting ? <PostingDetails id={s.id} tr={tr} /> : null}
      </th>
      <td data-testid="role">
        <bdi>{s.role ?? ''}</bdi>
      </td>
      <td>
        {s.lastStage ? (
          <span className="app-stage" data-testid="last-stage">
            <bdi>{s.lastStage.label}</bdi>
            {s.lastStage.date ? (
              <>
                {' · '}
                <ShownDate iso={s.lastStage.date} />
              </>
            ) : null}
          </span>
        ) : (
          <span className="muted">{tr.t('noStages')}</span>
        )}
      </td>
      <td data-testid="since" className="num">
        {days === null
          ? ''
          : days <= 0
            ? tr.t('daysAgoToday')
            : tr.t(days === 1 ? 'daysAgoOne' : 'daysAgoMany', { n: days })}
      </td>
      <td>
        {tr.outcome(s.outcome)}{' '}
        {s.status ? (
          <span
            className="status-emojis"
            data-testid="status"
            role="img"
            aria-label={tr.t('statusOf', { outcome: tr.outcome(s.outcome) })}
            dir="ltr"
          >
            {s.status}
          </span>
        ) : null}
      </td>
      <td className="num">
        <ScoreBadge score={s.score} tr={tr} />
      </td>
      <td>
        {confirming ? (
          <fieldset
            className="confirm"
            aria-label={tr.t('confirmDelete', { name })}
            onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}
          >
            <span>
              <Filled text={tr.t('deleteQuestion')} name={<bdi>{name}</bdi>} />
            </span>
            <button ref={confirmButton} type="button" className="btn btn-danger-solid" onClick={() => void onDelete(s)}>
              {tr.t('yesDelete')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
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
              onClick={() => void onDownload(s)}
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
});

/** The clipped posting, read from the full record when first opened. */
function PostingDetails({ id, tr }: { id: string; tr: DashboardTranslator }) {
  const [posting, setPosting] = useState<Posting | null | undefined>(undefined);
  return (
    <details
      className="posting-details"
      onToggle={(e) => {
        if (!e.currentTarget.open || posting !== undefined) return;
        void getRepository()
          .then((repo) => repo.get(id))
          .then(
            (r) => setPosting(r?.posting ?? null),
            () => setPosting(null),
          );
      }}
    >
      <summary>{tr.t('posting')}</summary>
      {posting === undefined ? (
        <p className="muted">{tr.t('loadingPosting')}</p>
      ) : posting ? (
        <PostingView posting={posting} tr={tr} />
      ) : null}
    </details>
  );
}

/** A message whose `{name}` is a node (a <bdi>, so a name written the other way stays whole). */
function Filled({ text, name }: { text: string; name: React.ReactNode }) {
  const [before, after = ''] = text.split('{name}');
  return (
    <>
      {before}
      {name}
      {after}
    </>
  );
}

/**
 * One application in the dashboard (`#/app/<id>`): its heading (company, status emojis, the stage reached),
 * and its fields edited through the same edit session as the popup (components/useEditSession.ts): saved as
 * typed, merged with what the popup or another tab writes meanwhile, a value both changed shown with both texts.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { DashboardTranslator } from '@/utils/i18n';
import type { ApplicationRecord } from '@/utils/record';
import { linkUrlProblem } from '@/utils/record-validate';
import { BOARD_IDS, BOARDS } from '@/utils/boards';
import type { Repository } from '@/utils/repository';
import OutcomePanel from '@/components/OutcomePanel';
import { SaveStatus } from '@/components/SaveStatus';
import { StageLine, StatusEmojis } from '@/components/summary';
import { Notice } from '@/components/Notice';
import { useEditSession } from '@/components/useEditSession';
import { getRepository } from '@/services/db';
import { writeErrorText } from './errors';

const ConflictNotice = lazy(() => import('@/components/ConflictNotice'));

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
  const { conflicts, save, edit, refreshConflicts } = session;
  // The session always has the record it was made with.
  const record = session.record ?? initial;
  const name = record.company.name || tr.t('unnamedCompany');

  return (
    <>
      <header className="record-head">
        <h2 id="record-heading">
          <bdi data-testid="record-company">{name}</bdi>
          {record.role ? <bdi className="muted"> — {record.role}</bdi> : null} <StatusEmojis record={record} tr={tr} />
        </h2>
        <p>
          <StageLine record={record} tr={tr} /> <SaveStatus state={save} />
        </p>
      </header>
      {conflicts.length ? (
        <Suspense fallback={null}>
          <ConflictNotice record={record} conflicts={conflicts} edit={edit} onResolved={refreshConflicts} />
        </Suspense>
      ) : null}
      <fieldset className="record-fields">
        <legend>{tr.t('recordDetails')}</legend>
        <TextField
          id="record-company-name"
          label={tr.t('company')}
          value={record.company.name}
          testId="edit-company"
          onChange={(v) =>
            edit((d) => {
              d.company.name = v;
            })
          }
        />
        {englishName(record) ? (
          <p className="field-hint">
            <button
              type="button"
              className="btn btn-small"
              data-testid="use-english-name"
              onClick={() => {
                const en = englishName(record);
                if (en)
                  edit((d) => {
                    d.company.name = en;
                  });
              }}
            >
              {tr.t('useEnglishName', { name: englishName(record) ?? '' })}
            </button>
          </p>
        ) : null}
        <WebsiteField
          value={record.company.website}
          tr={tr}
          onChange={(v) =>
            edit((d) => {
              d.company.website = v;
            })
          }
        />
        <TextField
          id="record-role"
          label={tr.t('role')}
          value={record.role ?? ''}
          testId="edit-role"
          onChange={(v) =>
            edit((d) => {
              d.role = v || null;
            })
          }
        />
        <TextField
          id="record-platform"
          label={tr.t('platform')}
          value={record.platform ?? ''}
          testId="edit-platform"
          onChange={(v) =>
            edit((d) => {
              d.platform = v || null;
            })
          }
        />
        <ApplyWays
          ways={record.applyWays}
          tr={tr}
          onChange={(ways) =>
            edit((d) => {
              d.applyWays = ways;
            })
          }
        />
      </fieldset>
      <OutcomePanel record={record} edit={edit} />
    </>
  );
}

/** One line of text in the user's direction (`dir="auto"`: Persian or English as typed). */
function TextField(props: { id: string; label: string; value: string; testId: string; onChange(v: string): void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        dir="auto"
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * The clipped posting's English name of the company, when it has one besides another name: repository entries
 * head with the English name, so it is offered for the heading (null when there is nothing to offer).
 */
function englishName(record: ApplicationRecord): string | null {
  const en = record.posting?.company.nameEn?.trim();
  return en && en !== record.company.name.trim() ? en : null;
}

/**
 * The company's website. Only a link the validator takes is stored (http, https or no scheme: a
 * `javascript:` address never is); another text stays in the field, said to be refused, until it is corrected.
 */
function WebsiteField({ value, tr, onChange }: { value: string; tr: DashboardTranslator; onChange(v: string): void }) {
  const [text, setText] = useState(value);
  const [focused, setFocused] = useState(false);
  // Another page's edit shows here, unless this field is being typed in.
  useEffect(() => {
    if (!focused) setText(value);
  }, [value, focused]);
  const problem = linkUrlProblem(text.trim());
  return (
    <div className="field">
      <label htmlFor="record-website">{tr.t('website')}</label>
      <input
        id="record-website"
        type="url"
        dir="ltr"
        inputMode="url"
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'record-website-error' : undefined}
        data-testid="edit-website"
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setText(e.target.value);
          if (!linkUrlProblem(e.target.value.trim())) onChange(e.target.value.trim());
        }}
      />
      {problem ? (
        <p id="record-website-error" className="field-error" role="alert">
          {tr.t('websiteRefused')}
        </p>
      ) : null}
    </div>
  );
}

/** Quick choices of apply way, beside free text: the boards' names and the ways entries often name. */
const QUICK_WAYS = [...new Set([...BOARD_IDS.map((b) => BOARDS[b].applyWay), 'LinkedIn', 'Referral', 'Email'])];

/** How the user applied (several ways, in order): each removable, quick choices, free text with Enter. */
function ApplyWays({
  ways,
  tr,
  onChange,
}: {
  ways: string[];
  tr: DashboardTranslator;
  onChange(ways: string[]): void;
}) {
  const [text, setText] = useState('');
  const has = (w: string) => ways.some((x) => x.toLowerCase() === w.toLowerCase());
  const add = (w: string) => {
    const way = w.trim();
    if (way && !has(way)) onChange([...ways, way]);
  };
  return (
    <fieldset className="field plain">
      <legend>{tr.t('applyWays')}</legend>
      {ways.length ? (
        <ul className="ways" data-testid="apply-ways">
          {ways.map((w) => (
            <li key={w} className="way">
              <bdi data-testid="apply-way">{w}</bdi>
              <button
                type="button"
                className="way-remove"
                aria-label={tr.t('applyWayRemove', { way: w })}
                onClick={() => onChange(ways.filter((x) => x !== w))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        {QUICK_WAYS.filter((w) => !has(w)).map((w) => (
          <button key={w} type="button" className="btn btn-small" data-testid="apply-way-quick" onClick={() => add(w)}>
            + {w}
          </button>
        ))}
      </div>
      <input
        dir="auto"
        value={text}
        aria-label={tr.t('applyWayAdd')}
        placeholder={tr.t('applyWayAdd')}
        data-testid="apply-way-text"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && text.trim()) {
            e.preventDefault();
            add(text);
            setText('');
          }
        }}
      />
    </fieldset>
  );
}

/**
 * Steps: what happened so far, and "log a step" in two or three keystrokes: a step's key (T for a
 * technical interview) picks it and puts the cursor in the date, which is today unless typed; Enter logs
 * it. Duration and platform have quick choices and take free text.
 */
import type { EditRecord } from '@/components/useEditSession';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { formatDate, formatDuration } from '@/utils/dates';
import { DURATION_CHOICES, PLATFORM_CHOICES, STEP_CHOICES, logStep, removeStep, stepForKey } from '@/utils/steps';
import type { ApplicationRecord, Stage } from '@/utils/record';
import type { StepDraft } from '@/utils/popup-draft';
import { LazyDateField as DateField } from '@/components/LazyDateField';
import { uiLabel } from '@/utils/i18n';
import { usePopup } from './context';

/** A logged step's date, duration and platform, edited in place: loaded on the first click of its ✎. */
const StepEdit = lazy(() => import('./StepEdit'));

/** The quick durations, each a chip that puts its text in the field (of the log form, or of a logged step). */
export function DurationChips({ onPick }: { onPick(duration: string): void }) {
  const { tr } = usePopup();
  return DURATION_CHOICES.map((m) => (
    <button key={m} type="button" className="chip" onClick={() => onPick(formatDuration(m))}>
      {m === 30 ? tr.t('minutes30') : m === 60 ? tr.t('hour1') : tr.t('hour15')}
    </button>
  ));
}

function stageDate(s: Stage, fmt: Parameters<typeof formatDate>[1]): string {
  if (s.date) return formatDate(s.date, fmt) + (s.time ? ` ${s.time}` : '');
  return s.dateText ?? '';
}

export function StepsPanel({
  record,
  edit,
  draft,
  updateDraft,
}: {
  record: ApplicationRecord;
  edit: EditRecord;
  draft: StepDraft;
  updateDraft(p: Partial<StepDraft>): void;
}) {
  const { tr, dateFormat, today } = usePopup();
  const form = useRef<HTMLFormElement>(null);
  const date = draft.dateText || today;

  function pick(kind: StepDraft['kind']) {
    updateDraft({ kind });
    // The date field takes focus (autoFocus when it first appears; here when it is already shown).
    requestAnimationFrame(() => document.getElementById('step-date')?.focus());
  }

  // A step's key picks it wherever focus is (the popup opens with focus on a button), unless the user is
  // typing in a field.
  const latestPick = useRef(pick);
  latestPick.current = pick;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (
        e.defaultPrevented ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        (t && (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable))
      )
        return;
      const kind = stepForKey(e);
      if (!kind) return;
      e.preventDefault();
      latestPick.current(kind);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function submit() {
    if (!draft.kind) return;
    const input = { kind: draft.kind, date, duration: draft.duration, platform: draft.platform };
    edit((d) => void logStep(d, input));
    updateDraft({ kind: null, dateText: '', dateRaw: '', duration: '' });
    requestAnimationFrame(() => (form.current?.querySelector('.kind-choices button') as HTMLElement | null)?.focus());
  }

  return (
    <div className="steps">
      {record.stages.length ? (
        <ol className="stage-list" data-testid="stages">
          {record.stages.map((s) => (
            <li key={s.id} data-testid="stage">
              <bdi className="stage-label">{uiLabel(tr, s.label)}</bdi>{' '}
              <span dir="ltr" className="stage-date">
                {tr.digits(stageDate(s, dateFormat))}
              </span>
              {s.duration ? (
                <span className="muted">
                  {' · '}
                  <bdi>{s.duration}</bdi>
                </span>
              ) : null}
              {s.platform ? (
                <span className="muted">
                  {' · '}
                  <bdi>{s.platform}</bdi>
                </span>
              ) : null}
              <button
                type="button"
                className="btn btn-link"
                id={`stage-${s.id}-edit`}
                aria-expanded={draft.editing === s.id}
                aria-label={tr.t('editStep', { label: uiLabel(tr, s.label) })}
                data-testid="stage-edit"
                onClick={() => updateDraft({ editing: draft.editing === s.id ? null : s.id, editDateRaw: '' })}
              >
                ✎
              </button>
              <button
                type="button"
                className="btn btn-link"
                aria-label={tr.t('removeStep', { label: uiLabel(tr, s.label) })}
                onClick={() => edit((d) => removeStep(d, s.id))}
              >
                ✕
              </button>
              {draft.editing === s.id ? (
                <Suspense fallback={null}>
                  <StepEdit record={record} stage={s} edit={edit} draft={draft} updateDraft={updateDraft} />
                </Suspense>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{tr.t('noSteps')}</p>
      )}
      <form
        ref={form}
        className="log-step"
        aria-label={tr.t('logStep')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset>
          <legend>{tr.t('logStep')}</legend>
          {/* biome-ignore lint/a11y/useSemanticElements: buttons in a fieldset; a nested one draws a second border */}
          <div role="group" aria-label={tr.t('stepKind')} className="kind-choices">
            {STEP_CHOICES.map((c, i) => (
              <button
                key={c.kind}
                type="button"
                aria-pressed={draft.kind === c.kind}
                aria-keyshortcuts={c.key.toUpperCase()}
                tabIndex={draft.kind === c.kind || (!draft.kind && i === 0) ? 0 : -1}
                className="chip"
                data-testid={`kind-${c.kind}`}
                title={tr.t('keyHint', { key: c.key.toUpperCase() })}
                onClick={() => pick(c.kind)}
                onKeyDown={(e) => {
                  // Arrows move between the choices (mirrored in RTL); the roving tab stop is the chosen one.
                  let dir = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key] ?? 0;
                  if (!dir) return;
                  if (tr.dir === 'rtl' && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) dir = -dir;
                  e.preventDefault();
                  const buttons = [...(e.currentTarget.parentElement?.querySelectorAll<HTMLElement>('button') ?? [])];
                  buttons[(i + dir + buttons.length) % buttons.length]?.focus();
                }}
              >
                <kbd>{c.key.toUpperCase()}</kbd> {tr.stage(c.kind)}
              </button>
            ))}
          </div>
          {draft.kind ? (
            <>
              <DateField
                id="step-date"
                label={tr.t('date')}
                value={date}
                onChange={(iso) => updateDraft({ dateText: iso ?? '' })}
                text={draft.dateRaw}
                onText={(dateRaw) => dateRaw !== draft.dateRaw && updateDraft({ dateRaw })}
                format={dateFormat}
                today={today}
                autoFocus
              />
              <div className="field">
                <label htmlFor="step-duration">{tr.t('duration')}</label>
                <div className="with-choices">
                  <input
                    id="step-duration"
                    value={draft.duration}
                    onChange={(e) => updateDraft({ duration: e.target.value })}
                    dir="auto"
                    data-testid="step-duration"
                  />
                  <DurationChips onPick={(duration) => updateDraft({ duration })} />
                </div>
              </div>
              <div className="field">
                <label htmlFor="step-platform">{tr.t('platform')}</label>
                <input
                  id="step-platform"
                  list="platforms"
                  value={draft.platform}
                  onChange={(e) => updateDraft({ platform: e.target.value })}
                  dir="auto"
                  data-testid="step-platform"
                />
                <datalist id="platforms">
                  {PLATFORM_CHOICES.map((p) => (
                    <option key={p} value={p} />
                  ))}
                </datalist>
              </div>
              <button type="submit" className="btn btn-primary" data-testid="log-step">
                {tr.t('addStep')}
              </button>
            </>
          ) : null}
        </fieldset>
      </form>
    </div>
  );
}

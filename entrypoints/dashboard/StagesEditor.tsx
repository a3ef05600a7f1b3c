/**
 * The application page's steps: each logged step edited in place (kind, label, date with the popup's date
 * field, time, duration, platform, note), moved up or down, removed (the page offers the undo), and new ones
 * added, custom ones too (any label: on-site, screening, live coding). Field ids follow `stage-<id>-<field>`,
 * which the preview's lint messages focus.
 */
import { useState } from 'react';
import { DateField } from '@/components/DateField';
import { useLocale } from '@/components/locale';
import type { EditRecord } from '@/components/useEditSession';
import type { DashboardTranslator } from '@/utils/i18n';
import { formatDuration } from '@/utils/dates';
import { STAGE_KINDS, type ApplicationRecord, type Stage, type StageKind } from '@/utils/record';
import { editStage, moveStage, stageDuration } from '@/utils/stage-edit';
import { DURATION_CHOICES, logStep, PLATFORM_CHOICES, removeStep } from '@/utils/steps';
import { TextField } from '@/components/DetailFields';
import { focusLater } from './focus';
import { type ListEditorProps, MoveButtons } from './MoveButtons';

export function StagesEditor({ record, edit, tr, onRemoved }: ListEditorProps) {
  const [kind, setKind] = useState<StageKind>('technical');
  const count = record.stages.length;

  return (
    <fieldset className="record-fields" data-testid="stages">
      <legend>{tr.t('stagesTitle')}</legend>
      {count ? null : <p className="muted">{tr.t('noSteps')}</p>}
      <datalist id="stage-durations">
        {DURATION_CHOICES.map((m) => (
          <option key={m} value={formatDuration(m)} />
        ))}
      </datalist>
      <datalist id="stage-platforms">
        {PLATFORM_CHOICES.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <ol className="stage-list">
        {record.stages.map((s, i) => (
          <li key={s.id} data-testid="stage" data-stage-id={s.id}>
            <StageRow
              stage={s}
              record={record}
              tr={tr}
              edit={edit}
              first={i === 0}
              last={i === count - 1}
              onMove={(delta) => {
                edit((d) => moveStage(d, s.id, i + delta));
                focusLater(`stage-${s.id}-${delta < 0 ? 'up' : 'down'}`);
              }}
              onRemove={() => {
                edit((d) => removeStep(d, s.id));
                onRemoved(tr.t('stepRemoved', { name: s.label }));
              }}
            />
          </li>
        ))}
      </ol>
      <div className="stage-add">
        <label htmlFor="stage-add-kind">{tr.t('stageAddKind')}</label>
        <select
          id="stage-add-kind"
          value={kind}
          data-testid="stage-add-kind"
          onChange={(e) => setKind(e.target.value as StageKind)}
        >
          <KindOptions tr={tr} />
        </select>
        <button
          type="button"
          className="btn"
          data-testid="stage-add"
          onClick={() => {
            let id = '';
            edit((d) => {
              id = logStep(d, { kind, date: null });
            });
            if (id) focusLater(`stage-${id}-label`);
          }}
        >
          {tr.t('addStep')}
        </button>
      </div>
    </fieldset>
  );
}

function StageRow({
  stage: s,
  record,
  tr,
  edit,
  first,
  last,
  onMove,
  onRemove,
}: {
  stage: Stage;
  record: ApplicationRecord;
  tr: DashboardTranslator;
  edit: EditRecord;
  first: boolean;
  last: boolean;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}) {
  const { dateFormat, today } = useLocale();
  const id = (field: string) => `stage-${s.id}-${field}`;
  const set = (patch: Parameters<typeof editStage>[2]) => edit((d) => editStage(d, s.id, patch));
  const duration = stageDuration(s);

  return (
    <fieldset className="stage-edit">
      <legend>
        <bdi>{s.label}</bdi>
      </legend>
      <div className="stage-grid">
        <div className="field">
          <label htmlFor={id('kind')}>{tr.t('stepKind')}</label>
          <select
            id={id('kind')}
            value={s.kind}
            data-testid="stage-kind"
            onChange={(e) => set({ kind: e.target.value as StageKind })}
          >
            <KindOptions tr={tr} />
          </select>
        </div>
        <LabelField id={id('label')} stage={s} tr={tr} onCommit={(label) => set({ label })} />
        <DateField
          id={id('date')}
          label={tr.t('date')}
          value={s.date}
          format={dateFormat}
          today={today}
          onChange={(date) => set({ date })}
        />
        <TextField id={id('time')} label={tr.t('stageTime')} value={s.time ?? ''} onChange={(time) => set({ time })} />
        <TextField
          id={id('duration')}
          label={tr.t('duration')}
          value={duration}
          list="stage-durations"
          onChange={(v) => set({ duration: v })}
        />
        <TextField
          id={id('platform')}
          label={tr.t('platform')}
          value={s.platform ?? ''}
          placeholder={record.platform ?? ''}
          list="stage-platforms"
          onChange={(platform) => set({ platform })}
        />
        <TextField id={id('note')} label={tr.t('stageNote')} value={s.note ?? ''} onChange={(note) => set({ note })} />
      </div>
      <div className="row-actions">
        <MoveButtons
          id={`stage-${s.id}`}
          kind="stage"
          name={s.label}
          first={first}
          last={last}
          tr={tr}
          onMove={onMove}
          onRemove={onRemove}
        />
      </div>
    </fieldset>
  );
}

/**
 * The step's label: an empty one is not stored (the step keeps its label while the field is cleared to type
 * another); left empty, the field shows the label again.
 */
function LabelField({
  id,
  stage,
  tr,
  onCommit,
}: {
  id: string;
  stage: Stage;
  tr: DashboardTranslator;
  onCommit(label: string): void;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? stage.label;
  return (
    <div className="field">
      <label htmlFor={id}>{tr.t('label')}</label>
      <input
        id={id}
        dir="auto"
        value={shown}
        data-testid="stage-label"
        aria-describedby={text !== null && !text.trim() ? `${id}-hint` : undefined}
        onChange={(e) => {
          const v = e.target.value;
          setText(v.trim() ? null : v);
          if (v.trim()) onCommit(v);
        }}
        onBlur={() => setText(null)}
      />
      {text !== null && !text.trim() ? (
        <p id={`${id}-hint`} className="field-hint muted">
          {tr.t('stageLabelEmpty', { label: stage.label })}
        </p>
      ) : null}
    </div>
  );
}

/** The kinds of step, in the vocabulary's order, named in the user's language. */
function KindOptions({ tr }: { tr: DashboardTranslator }) {
  return STAGE_KINDS.map((k) => (
    <option key={k} value={k}>
      {tr.stage(k)}
    </option>
  ));
}

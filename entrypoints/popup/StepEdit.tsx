/**
 * A logged step edited in place, under its line in the Steps tab: its date (the popup's date field; no day
 * removes it), duration (quick choices and free text) and platform. Every change is saved as it happens
 * (utils/stage-edit.ts, as the dashboard's editor); a half-typed date is kept in the popup's draft with the
 * step being edited, so a close loses neither. Loaded on the first click of a step's ✎.
 */
import { DateField } from '@/components/DateField';
import type { EditRecord } from '@/components/useEditSession';
import type { StepDraft } from '@/utils/popup-draft';
import type { ApplicationRecord, Stage } from '@/utils/record';
import { editStage, stageDuration, type StagePatch } from '@/utils/stage-edit';
import { PLATFORM_CHOICES } from '@/utils/steps';
import { usePopup } from './context';
import { DurationChips } from './StepsPanel';

export default function StepEdit({
  record,
  stage: s,
  edit,
  draft,
  updateDraft,
}: {
  record: ApplicationRecord;
  stage: Stage;
  edit: EditRecord;
  draft: StepDraft;
  updateDraft(p: Partial<StepDraft>): void;
}) {
  const { tr, dateFormat, today } = usePopup();
  const id = (field: string) => `stage-${s.id}-${field}`;
  const set = (patch: StagePatch) => edit((d) => editStage(d, s.id, patch));
  const duration = stageDuration(s);
  const close = () => {
    updateDraft({ editing: null, editDateRaw: '' });
    requestAnimationFrame(() => document.getElementById(id('edit'))?.focus());
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the step's fields closes them.
    <div
      className="step-edit"
      data-testid="step-edit"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          close();
        }
      }}
    >
      <DateField
        id={id('date')}
        label={tr.t('date')}
        value={s.date}
        onChange={(date) => set({ date })}
        text={draft.editDateRaw}
        onText={(editDateRaw) => editDateRaw !== draft.editDateRaw && updateDraft({ editDateRaw })}
        format={dateFormat}
        today={today}
        autoFocus
      />
      <div className="field">
        <label htmlFor={id('duration')}>{tr.t('duration')}</label>
        <div className="with-choices">
          <input
            id={id('duration')}
            value={duration}
            onChange={(e) => set({ duration: e.target.value })}
            dir="auto"
            data-testid="stage-duration"
          />
          <DurationChips onPick={(duration) => set({ duration })} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={id('platform')}>{tr.t('platform')}</label>
        <input
          id={id('platform')}
          list={id('platforms')}
          value={s.platform ?? ''}
          placeholder={record.platform ?? ''}
          onChange={(e) => set({ platform: e.target.value })}
          dir="auto"
          data-testid="stage-platform"
        />
        <datalist id={id('platforms')}>
          {PLATFORM_CHOICES.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </div>
      <button type="button" className="btn" data-testid="stage-edit-done" onClick={close}>
        {tr.t('close')}
      </button>
    </div>
  );
}

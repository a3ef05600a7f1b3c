/** Outcome (and after which step), score 0-10 in steps of 0.5, and the review in the user's words: the popup's Outcome tab and the dashboard's record page. */
import type { EditRecord } from './useEditSession';
import { OUTCOME_KINDS, PROCESS_KINDS, type ApplicationRecord } from '@/utils/record';
import { clampScore, setOutcome } from '@/utils/steps';
import { localDigits, uiLabel } from '@/utils/i18n';
import { useLocale } from './locale';

export default function OutcomePanel({ record, edit }: { record: ApplicationRecord; edit: EditRecord }) {
  const { tr } = useLocale();
  const steps = record.stages.filter((s) => PROCESS_KINDS.has(s.kind));
  const kind = record.outcome.kind;
  return (
    <div className="outcome">
      <fieldset>
        <legend>{tr.t('outcome')}</legend>
        <div className="radio-list">
          {OUTCOME_KINDS.map((k) => (
            <label key={k} className="radio">
              <input
                type="radio"
                name="outcome"
                value={k}
                checked={kind === k}
                onChange={() => edit((d) => setOutcome(d, k, d.outcome.afterStageId))}
                data-testid={`outcome-${k}`}
              />
              {tr.outcome(k)}
            </label>
          ))}
        </div>
      </fieldset>
      {kind !== 'pending' && steps.length ? (
        <div className="field">
          <label htmlFor="outcome-after">{tr.t('afterStep')}</label>
          <select
            id="outcome-after"
            value={record.outcome.afterStageId ?? ''}
            onChange={(e) => {
              const after = e.target.value || null;
              edit((d) => setOutcome(d, d.outcome.kind, after));
            }}
            data-testid="outcome-after"
          >
            {steps.map((s) => (
              <option key={s.id} value={s.id}>
                {uiLabel(tr, s.label)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="score">{tr.t('score')}</label>
        <div className="score-row">
          <input
            id="score"
            type="range"
            // A scale of numbers reads left to right in both languages, as the number beside it does: in a
            // right-to-left page the range would be mirrored, and → would lower the score.
            dir="ltr"
            min={0}
            max={10}
            step={0.5}
            value={record.score ?? 5}
            aria-valuetext={record.score === null ? tr.t('noScore') : `${record.score}/10`}
            onChange={(e) => {
              const score = clampScore(Number(e.target.value));
              edit((d) => {
                d.score = score;
              });
            }}
            data-testid="score"
          />
          <output htmlFor="score" dir="ltr" data-testid="score-value">
            {record.score === null ? '—' : `${localDigits(record.score, tr.lang)}/10`}
          </output>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={record.score === null}
              onChange={(e) => {
                const score = e.target.checked ? null : 5;
                edit((d) => {
                  d.score = score;
                });
              }}
            />
            {tr.t('noScore')}
          </label>
        </div>
      </div>
      <div className="field">
        <label htmlFor="review">{tr.t('review')}</label>
        <textarea
          id="review"
          dir="auto"
          rows={4}
          value={record.review}
          placeholder={tr.t('reviewHint')}
          onChange={(e) => {
            const review = e.target.value;
            edit((d) => {
              d.review = review;
            });
          }}
          data-testid="review"
        />
      </div>
    </div>
  );
}

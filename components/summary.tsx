/**
 * Small pieces the dashboard shows for a record, in the user's language (words from the dashboard's
 * dictionary, hence the DashboardTranslator) and date format (the LocaleContext). Text only, never HTML.
 */
import type { ApplicationRecord, Stage } from '@/utils/record';
import { type DashboardTranslator, uiLabel } from '@/utils/i18n';
import { formatDate, isValidIso } from '@/utils/dates';
import { deriveStatus } from '@/utils/jobname/export';
import { useLocale } from './locale';

/** The stage reached last (stages are kept in order), or undefined. */
function lastStage(record: ApplicationRecord): Stage | undefined {
  return record.stages.at(-1);
}

/** A day as `<time>`: the user's format as text (ASCII digits, as the popup's steps), the ISO day as its value. */
export function ShownDate({ iso }: { iso: string }) {
  const { dateFormat } = useLocale();
  return (
    <time dateTime={iso} title={iso} dir="ltr">
      {isValidIso(iso) ? formatDate(iso, dateFormat) : iso}
    </time>
  );
}

/** "HR Call · 1402.08.20", or a muted "No stages yet". */
export function StageLine({ record, tr }: { record: ApplicationRecord; tr: DashboardTranslator }) {
  const stage = lastStage(record);
  if (!stage) return <span className="muted">{tr.t('noStages')}</span>;
  return (
    <span className="app-stage" data-testid="last-stage">
      <bdi>{uiLabel(tr, stage.label)}</bdi>
      {stage.date ? (
        <>
          {' · '}
          <ShownDate iso={stage.date} />
        </>
      ) : null}
    </span>
  );
}

/** `7.5/10`, in the language's digits (as the popup's outcome tab); its column header names it, the title says it. */
export function ScoreBadge({ score, tr }: { score: number | null; tr: DashboardTranslator }) {
  if (score === null) return null;
  return (
    <span className="score" data-testid="score" title={tr.t('scoreOf', { score })} dir="ltr">
      {tr.digits(`${score}/10`)}
    </span>
  );
}

/** The status emoji line of the jobname entry (📜📞🔧❌), derived from stages and outcome. */
export function StatusEmojis({ record, tr }: { record: ApplicationRecord; tr: DashboardTranslator }) {
  const status = deriveStatus(record);
  if (!status) return null;
  return (
    <span
      className="status-emojis"
      data-testid="status"
      role="img"
      aria-label={tr.t('statusOf', { outcome: tr.outcome(record.outcome.kind) })}
      dir="ltr"
    >
      {status}
    </span>
  );
}

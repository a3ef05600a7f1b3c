/** Small pieces both the popup and the dashboard show for a record. Text only, never HTML. */
import type { ApplicationRecord, OutcomeKind, Stage } from '@/utils/record';
import { formatDate } from '@/utils/dates';
import { deriveStatus } from '@/utils/jobname/export';

/** The stage reached last (stages are kept in order), or undefined. */
export function lastStage(record: ApplicationRecord): Stage | undefined {
  return record.stages.at(-1);
}

/** `YYYY-MM-DD` as a Jalali date (`1402.08.20`); the ISO day itself if it cannot be converted. */
export function jalali(iso: string): string {
  try {
    return formatDate(iso, 'jalali-dot');
  } catch {
    return iso;
  }
}

export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  pending: 'In progress',
  rejected: 'Rejected',
  offer: 'Offer',
  accepted: 'Accepted',
  declined: 'Declined',
  ghosted: 'No answer',
};

/** A stage's date as `<time>`, Jalali text, Gregorian machine value. */
export function StageDate({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso} dir="ltr">
      {jalali(iso)}
    </time>
  );
}

/** "HR Call · 1402.08.20", or a muted "No stages yet". */
export function StageLine({ record }: { record: ApplicationRecord }) {
  const stage = lastStage(record);
  if (!stage) return <span className="muted">No stages yet</span>;
  return (
    <span className="app-stage" data-testid="last-stage">
      <bdi>{stage.label}</bdi>
      {stage.date ? (
        <>
          {' · '}
          <StageDate iso={stage.date} />
        </>
      ) : null}
    </span>
  );
}

export function ScoreBadge({ score }: { score: number | null }) {
  if (score === null) return null;
  return (
    <span className="score" data-testid="score" aria-label={`Score ${score} out of 10`} dir="ltr">
      {score}/10
    </span>
  );
}

/** The status emoji line of the jobname entry (📜📞🔧❌), derived from stages and outcome. */
export function StatusEmojis({ record }: { record: ApplicationRecord }) {
  const status = deriveStatus(record);
  if (!status) return null;
  return (
    <span
      className="status-emojis"
      data-testid="status"
      role="img"
      aria-label={`Status: ${OUTCOME_LABELS[record.outcome.kind]}`}
      dir="ltr"
    >
      {status}
    </span>
  );
}

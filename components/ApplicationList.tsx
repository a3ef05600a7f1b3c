/** Applications as compact cards (the popup's list). */
import type { ApplicationRecord } from '@/utils/record';
import { ScoreBadge, StageLine, StatusEmojis } from './summary';

export function ApplicationList({ records }: { records: readonly ApplicationRecord[] }) {
  if (records.length === 0) {
    return (
      <p className="empty" data-testid="empty">
        No applications yet
      </p>
    );
  }
  return (
    <ul className="app-list" aria-label="Applications" data-testid="applications">
      {records.map((r) => (
        <li key={r.id} className="app-card" data-testid="application">
          <div className="app-card-head">
            <span className="app-company" dir="auto" data-testid="company">
              {r.company.name || 'Unnamed company'}
            </span>
            <ScoreBadge score={r.score} />
          </div>
          {r.role ? (
            <div className="app-role" dir="auto" data-testid="role">
              {r.role}
            </div>
          ) : null}
          <div className="app-card-foot">
            <StageLine record={r} />
            <StatusEmojis record={r} />
          </div>
        </li>
      ))}
    </ul>
  );
}

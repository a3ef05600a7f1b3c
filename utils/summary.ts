/**
 * What a list of applications shows, kept beside each record so the popup can list 200 applications
 * without reading 200 full records (an imported entry keeps its whole text).
 */
import { deriveStatus } from './jobname/kinds';
import type { ApplicationRecord, OutcomeKind } from './record';

export interface RecordSummary {
  id: string;
  company: string;
  role: string | null;
  updatedAt: string;
  /** The derived status emoji line. */
  status: string;
  outcome: OutcomeKind;
  /** The last stage, as the list shows it. */
  lastStage: { label: string; date: string | null } | null;
  score: number | null;
}

export function summarize(r: ApplicationRecord): RecordSummary {
  const last = r.stages[r.stages.length - 1];
  return {
    id: r.id,
    company: r.company.name,
    role: r.role,
    updatedAt: r.updatedAt,
    status: deriveStatus(r),
    outcome: r.outcome.kind,
    lastStage: last ? { label: last.label, date: last.date } : null,
    score: r.score,
  };
}

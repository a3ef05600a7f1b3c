/**
 * What a list of applications shows, kept beside each record so the popup can list 200 applications
 * without reading 200 full records (an imported entry keeps its whole text), and the dashboard can list,
 * filter and sort 10,000 of them.
 */
import { BOARD_IDS, BOARDS, type BoardId } from './boards';
import { deriveStatus } from './jobname/kinds';
import { isOneOf } from './basics';
import type { ApplicationRecord, OutcomeKind, StageKind } from './record';

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
  /** The kind of the last stage (the stage reached), or null with no stage. */
  reached: StageKind | null;
  /** The first stage's day (the day applied), `YYYY-MM-DD`, or null. */
  firstDate: string | null;
  /** The latest day of any stage (the last step), or null. */
  lastDate: string | null;
  /** The board applied through: the clipped posting's, else an apply way naming one. */
  board: BoardId | null;
  /** How many questions the record holds. */
  questions: number;
  /** The name of the file it was imported from, when it was (`source.file`). */
  file: string | null;
  /** Whether it holds a clipped posting (shown on demand, from the full record). */
  hasPosting: boolean;
}

/** The board of a record: its clipped posting's, else the first apply way that names a board. */
export function recordBoard(r: Pick<ApplicationRecord, 'posting' | 'applyWays'>): BoardId | null {
  const own = r.posting?.board;
  if (isOneOf(BOARD_IDS, own)) return own;
  for (const way of r.applyWays) {
    const w = way.trim().toLowerCase();
    const id = BOARD_IDS.find((b) => BOARDS[b].applyWay.toLowerCase() === w || BOARDS[b].name.toLowerCase() === w);
    if (id) return id;
  }
  return null;
}

export function summarize(r: ApplicationRecord): RecordSummary {
  const last = r.stages[r.stages.length - 1];
  // ISO days compare as strings.
  const lastDate = r.stages.reduce<string | null>((at, s) => (s.date && (!at || s.date > at) ? s.date : at), null);
  return {
    id: r.id,
    company: r.company.name,
    role: r.role,
    updatedAt: r.updatedAt,
    status: deriveStatus(r),
    outcome: r.outcome.kind,
    lastStage: last ? { label: last.label, date: last.date } : null,
    score: r.score,
    reached: last ? last.kind : null,
    firstDate: r.stages[0]?.date ?? null,
    lastDate,
    board: recordBoard(r),
    questions: r.rounds.reduce((n, round) => n + round.questions.length, 0),
    file: r.source?.file ?? null,
    hasPosting: r.posting !== null,
  };
}

/**
 * What the popup does to a record's steps: log a step (with the generator's labels, technical rounds numbered
 * I, II, III) picked by its key, remove one, set the outcome and score, start an application (the application
 * page's edits of a logged step are in utils/stage-edit.ts, out of the popup's bundle). Pure functions on a draft record, so they can be replayed (the edit
 * session applies each edit again on the stored copy).
 */
import { parseDuration } from './dates';
import { defaultStageLabel } from './jobname/kinds';
import {
  createRecord,
  newRound,
  newStage,
  nextId,
  PROCESS_KINDS,
  type ApplicationRecord,
  type DateFormat,
  type OutcomeKind,
  type Stage,
  type StageKind,
} from './record';

/** The steps the popup offers, in order, with the key that picks each one. */
export const STEP_CHOICES: { kind: StageKind; key: string }[] = [
  { kind: 'resume', key: 'r' },
  { kind: 'hr-call', key: 'h' },
  { kind: 'technical', key: 't' },
  { kind: 'task', key: 'k' },
  { kind: 'task-review', key: 'v' },
  { kind: 'hr-interview', key: 'i' },
  { kind: 'offer', key: 'o' },
  { kind: 'rejection', key: 'x' },
  { kind: 'declined', key: 'd' },
];

/**
 * The step a key press picks (`T` for a technical interview), or null: the letter typed when it is a Latin
 * letter (QWERTY, Dvorak, Colemak: the key labelled T), else the key's physical position (`KeyT`), so the
 * keys still work with a Persian keyboard layout, where the letter typed is Persian.
 */
export function stepForKey(e: { key: string; code: string }): StageKind | null {
  const key = /^[a-z]$/i.test(e.key)
    ? e.key.toLowerCase()
    : /^Key[A-Z]$/.test(e.code)
      ? e.code.slice(3).toLowerCase()
      : null;
  return STEP_CHOICES.find((c) => c.key === key)?.kind ?? null;
}

export const DURATION_CHOICES = [30, 60, 90];
export const PLATFORM_CHOICES = ['Google Meet', 'Microsoft Teams', 'Skype', 'Zoom', 'In-person', 'Phone'];

/** Steps that get a section of their own for questions (an HR call rarely has any: added on demand). */
const ROUND_KINDS: ReadonlySet<StageKind> = new Set<StageKind>([
  'technical',
  'hr-interview',
  'task-review',
  'screening',
  'onsite',
]);

export interface StepInput {
  kind: StageKind;
  date: string | null;
  /** As typed or chosen ("1 hour & 30 minutes", "About 40 minutes"). */
  duration?: string | null;
  platform?: string | null;
  /** A label of the user's own; the generator's wording otherwise. */
  label?: string | null;
  note?: string | null;
}

export const TECHNICAL_DEFAULT = /^Technical Interview(?: [IVX]+)?$/;

/** Sets a stage's label; the section of questions tied to it and titled as it was follows. */
export function relabel(r: ApplicationRecord, stage: Stage, label: string) {
  for (const round of r.rounds) if (round.stageId === stage.id && round.title === stage.label) round.title = label;
  stage.label = label;
}

/** Technical rounds keep the generator's numbering: one is "Technical Interview", several are I, II, III. */
export function renumberTechnical(r: ApplicationRecord) {
  const tech = r.stages.filter((s) => s.kind === 'technical');
  tech.forEach((s, i) => {
    if (!TECHNICAL_DEFAULT.test(s.label)) return;
    const label = defaultStageLabel('technical', i + 1, tech.length);
    if (label !== s.label) relabel(r, s, label);
  });
}

/** Where a new step goes: after the last stage on or before its date; outcome events stay last. */
function insertAt(r: ApplicationRecord, stage: Stage): number {
  if (!PROCESS_KINDS.has(stage.kind) && stage.kind !== 'offer') return r.stages.length;
  let at = r.stages.length;
  while (at > 0 && !PROCESS_KINDS.has(r.stages[at - 1].kind)) at--;
  if (stage.date) while (at > 0 && r.stages[at - 1].date !== null && r.stages[at - 1].date! > stage.date) at--;
  return at;
}

function lastProcessStage(r: ApplicationRecord): Stage | undefined {
  return [...r.stages].reverse().find((s) => PROCESS_KINDS.has(s.kind));
}

/** Logs a step; returns the new stage's id. */
export function logStep(r: ApplicationRecord, input: StepInput): string {
  const id = nextId(r, 's');
  const ordinal = r.stages.filter((s) => s.kind === input.kind).length + 1;
  const label = input.label?.trim() || defaultStageLabel(input.kind, ordinal, ordinal);
  const duration = input.duration?.trim() || null;
  const platform = input.platform?.trim() || null;
  if (platform && !r.platform) r.platform = platform;
  const stage = newStage(id, input.kind, label, {
    date: input.date,
    duration,
    durationMinutes: duration ? parseDuration(duration) : null,
    platform: platform && platform !== r.platform ? platform : null,
    note: input.note?.trim() || null,
  });
  r.stages.splice(insertAt(r, stage), 0, stage);
  if (input.kind === 'technical') renumberTechnical(r);
  if (ROUND_KINDS.has(input.kind) && !r.rounds.some((x) => x.stageId === id)) {
    r.rounds.push(newRound(nextId(r, 'r'), stage.label, { stageId: id }));
  }
  if (input.kind === 'rejection') setOutcome(r, 'rejected', lastProcessStage(r)?.id ?? null);
  else if (input.kind === 'declined') setOutcome(r, 'declined', lastProcessStage(r)?.id ?? null);
  else if (input.kind === 'offer' && (r.outcome.kind === 'pending' || r.outcome.kind === 'offer'))
    setOutcome(r, 'offer', id);
  return id;
}

/** Removes a step; its questions stay (in a section no longer tied to a step). */
export function removeStep(r: ApplicationRecord, stageId: string) {
  const at = r.stages.findIndex((s) => s.id === stageId);
  if (at < 0) return;
  const [gone] = r.stages.splice(at, 1);
  for (const round of r.rounds) if (round.stageId === stageId) round.stageId = null;
  // The outcome came after the step removed: now after the last one reached.
  if (r.outcome.afterStageId === stageId) setOutcome(r, r.outcome.kind);
  if (gone.kind === 'rejection' && r.outcome.kind === 'rejected' && !r.stages.some((s) => s.kind === 'rejection'))
    setOutcome(r, 'pending');
  if (gone.kind === 'declined' && r.outcome.kind === 'declined') {
    // Back to the offer declined (after it, as logging an offer does), or to pending.
    const offer = [...r.stages].reverse().find((s) => s.kind === 'offer');
    setOutcome(r, offer ? 'offer' : 'pending', offer?.id ?? null);
  }
  if (gone.kind === 'technical') renumberTechnical(r);
}

/**
 * Sets the outcome and the step it came after: none while pending; else `afterStageId` if it is a step of
 * the record, or the last step of the process reached. What came after is kept only while the kind stays.
 */
export function setOutcome(r: ApplicationRecord, kind: OutcomeKind, afterStageId: string | null = null) {
  const after =
    kind === 'pending'
      ? null
      : afterStageId && r.stages.some((s) => s.id === afterStageId)
        ? afterStageId
        : (lastProcessStage(r)?.id ?? null);
  r.outcome = { kind, afterStageId: after, remaining: kind === r.outcome.kind ? r.outcome.remaining : null };
}

/** Scores are 0-10 in steps of 0.5. */
export function clampScore(v: number | null): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  return Math.min(10, Math.max(0, Math.round(v * 2) / 2));
}

/** A new application needs only a company name. */
export function newApplication(
  company: string,
  options: { role?: string | null; dateFormat?: DateFormat; now?: string } = {},
): ApplicationRecord {
  return createRecord({
    company: { name: company.trim() },
    role: options.role?.trim() || null,
    createdAt: options.now,
    updatedAt: options.now,
    exportPrefs: options.dateFormat ? { dateFormat: options.dateFormat } : undefined,
  });
}

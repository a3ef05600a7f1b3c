/**
 * What the popup and the application page do to a record's steps: log a step (with the generator's labels,
 * technical rounds numbered I, II, III) picked by its key, edit one in place, move or remove one, set the
 * outcome and score, start an application. Pure functions on a draft record, so they can be replayed (the edit
 * session applies each edit again on the stored copy).
 */
import { parseDuration } from './dates';
import { defaultStageLabel, LABELS } from './jobname/kinds';
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

const TECHNICAL_DEFAULT = /^Technical Interview(?: [IVX]+)?$/;

/** Technical rounds keep the generator's numbering: one is "Technical Interview", several are I, II, III. */
function renumberTechnical(r: ApplicationRecord) {
  const tech = r.stages.filter((s) => s.kind === 'technical');
  tech.forEach((s, i) => {
    if (!TECHNICAL_DEFAULT.test(s.label)) return;
    const label = defaultStageLabel('technical', i + 1, tech.length);
    if (label === s.label) return;
    for (const round of r.rounds) if (round.stageId === s.id && round.title === s.label) round.title = label;
    s.label = label;
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

/** What an edit of a logged step may change (the fields as the user sees them). */
export interface StagePatch {
  kind?: StageKind;
  label?: string;
  date?: string | null;
  time?: string | null;
  duration?: string | null;
  platform?: string | null;
  note?: string | null;
}

/** Whether a label is one the generator would give a stage of this kind (so a change of kind may replace it). */
function isDefaultLabel(kind: StageKind, label: string): boolean {
  if (kind === 'technical') return TECHNICAL_DEFAULT.test(label);
  const words = LABELS[kind];
  return label === (words?.list ?? 'Step') || label === words?.diagram || label === words?.lower;
}

/** Sets a stage's label; the section of questions tied to it and titled as it was follows. */
function relabel(r: ApplicationRecord, stage: Stage, label: string) {
  for (const round of r.rounds) if (round.stageId === stage.id && round.title === stage.label) round.title = label;
  stage.label = label;
}

/** Replaces (or removes) the time inside the date as written ("1402.08.20 AT 11:30 AM"). */
function retime(text: string, from: string | null, to: string | null): string {
  if (from && text.includes(from)) {
    if (to) return text.replace(from, to);
    return text.replace(new RegExp(`\\s*(?:AT\\s*)?${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'), '').trim();
  }
  return to ? `${text} AT ${to}` : text;
}

/**
 * Edits a logged step in place. A new kind brings its own label when the old one was the generator's (technical
 * rounds renumbered); a new day replaces the one inside the date as written, and no day removes the line; the
 * time is kept inside that text; the duration is read into minutes; a platform equal to the record's is none.
 */
export function editStage(r: ApplicationRecord, stageId: string, patch: StagePatch) {
  const s = r.stages.find((x) => x.id === stageId);
  if (!s) return;
  if (patch.kind !== undefined && patch.kind !== s.kind) {
    const was = s.kind;
    const relabelIt = isDefaultLabel(was, s.label);
    s.kind = patch.kind;
    s.diagramLabel = null;
    if (relabelIt) {
      const ordinal = r.stages.filter((x) => x.kind === s.kind && r.stages.indexOf(x) <= r.stages.indexOf(s)).length;
      relabel(r, s, defaultStageLabel(s.kind, ordinal, ordinal));
    }
    if (was === 'technical' || s.kind === 'technical') renumberTechnical(r);
  }
  if (patch.label !== undefined) {
    const label = patch.label.trim() ? patch.label : defaultStageLabel(s.kind);
    if (label !== s.label) {
      relabel(r, s, label);
      s.diagramLabel = null;
    }
  }
  if (patch.date !== undefined && patch.date !== s.date) {
    s.date = patch.date;
    // With no day, a day written in the text would be exported again: the line goes.
    if (patch.date === null) s.dateText = null;
  }
  if (patch.time !== undefined) {
    const time = patch.time?.trim() || null;
    if (time !== s.time) {
      if (s.dateText !== null) s.dateText = retime(s.dateText, s.time, time);
      s.time = time;
    }
  }
  if (patch.duration !== undefined) {
    const duration = patch.duration?.trim() ? patch.duration : null;
    s.duration = duration;
    s.durationMinutes = duration ? parseDuration(duration) : null;
  }
  if (patch.platform !== undefined) {
    const platform = patch.platform?.trim() || null;
    s.platform = platform && platform !== r.platform ? platform : null;
  }
  if (patch.note !== undefined) s.note = patch.note?.trim() ? patch.note : null;
}

/** Moves a step to position `to` (clamped); technical rounds keep their numbering in their new order. */
export function moveStage(r: ApplicationRecord, stageId: string, to: number) {
  const at = r.stages.findIndex((s) => s.id === stageId);
  if (at < 0) return;
  const [s] = r.stages.splice(at, 1);
  r.stages.splice(Math.max(0, Math.min(r.stages.length, to)), 0, s);
  if (s.kind === 'technical') renumberTechnical(r);
}

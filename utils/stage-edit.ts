/**
 * The application page's edits of a logged step: in place (kind, label, day, time, duration, platform, note)
 * and moved. Pure functions on a draft record, replayed by the edit session like the popup's (utils/steps.ts);
 * a module of its own so the popup's bundle does not carry them.
 */
import { moveItem } from './reorder';
import { escapeRegExp } from './regexp';
import { formatDuration, parseDuration } from './dates';
import { defaultStageLabel, LABELS } from './jobname/kinds';
import type { ApplicationRecord, Stage, StageKind } from './record';
import { relabel, renumberTechnical, TECHNICAL_DEFAULT } from './steps';

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
  return label === defaultStageLabel(kind) || label === words?.diagram || label === words?.lower;
}

/** Replaces (or removes) the time inside the date as written ("1402.08.20 AT 11:30 AM"). */
function retime(text: string, from: string | null, to: string | null): string {
  if (from && text.includes(from)) {
    if (to) return text.replace(from, to);
    return text.replace(new RegExp(`\\s*(?:AT\\s*)?${escapeRegExp(from)}`, 'i'), '').trim();
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
    // A technical round's number comes from renumbering, after.
    if (relabelIt) relabel(r, s, defaultStageLabel(s.kind));
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

/** A step's duration as its field shows it: as written, else the minutes written the generator's way, else ''. */
export function stageDuration(s: Stage): string {
  return s.duration ?? (s.durationMinutes !== null ? formatDuration(s.durationMinutes) : '');
}

/** Moves a step to position `to` (clamped); technical rounds keep their numbering in their new order. */
export function moveStage(r: ApplicationRecord, stageId: string, to: number) {
  if (moveItem(r.stages, stageId, to)?.kind === 'technical') renumberTechnical(r);
}

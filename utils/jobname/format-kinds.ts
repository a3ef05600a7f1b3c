/**
 * What the jobname format says about stage kinds that only the markdown import and export need: the diagram
 * label and node id of a stage, and the emojis of a status line. The rest is in utils/jobname/kinds.ts.
 */
import type { ExportPrefs, StageKind } from '../record';
import { LABELS, STATUS_EMOJI, technicalLabel } from './kinds';

export const KNOWN_STATUS_EMOJIS: ReadonlySet<string> = new Set(Object.values(STATUS_EMOJI));

/** Splits a status line into grapheme clusters (👱🏻‍♀️ is one emoji of five code points). */
export function splitGraphemes(s: string): string[] {
  const Seg = (
    Intl as unknown as {
      Segmenter?: new (
        l?: string,
        o?: { granularity: string },
      ) => { segment(s: string): Iterable<{ segment: string }> };
    }
  ).Segmenter;
  if (Seg) return Array.from(new Seg(undefined, { granularity: 'grapheme' }).segment(s), (x) => x.segment);
  return Array.from(s);
}

/**
 * The generated diagram label of a stage (docs/format.md §6.2/§6.5): Title Case as mdgen writes it, or the
 * legacy lower-case spelling of the first two nodes. `ordinal`/`count` number technical rounds I, II, III.
 */
export function diagramLabel(
  kind: StageKind,
  label: string,
  ordinal: number,
  count: number,
  prefs: Pick<ExportPrefs, 'labelCase'>,
): string {
  if (kind === 'technical') return technicalLabel(ordinal, count);
  const l = kind === 'other' ? undefined : LABELS[kind];
  if (!l) return label.trim() || 'Step';
  return (prefs.labelCase === 'lower' ? l.lower : undefined) ?? l.diagram ?? l.list;
}

/** The node id base of a kind (docs/format.md §6.5): sr, hr, ti, task, tr, si, hri, os, o. */
export function nodeIdBase(kind: StageKind): string {
  switch (kind) {
    case 'resume':
      return 'sr';
    case 'hr-call':
      return 'hr';
    case 'screening':
      return 'si';
    case 'technical':
      return 'ti';
    case 'task':
      return 'task';
    case 'task-review':
      return 'tr';
    case 'hr-interview':
      return 'hri';
    case 'onsite':
      return 'os';
    case 'offer':
      return 'o';
    default:
      return 'st';
  }
}

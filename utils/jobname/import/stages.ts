/**
 * The importer's stage building: the Interview Date items paired with the diagram's reached nodes, the
 * durations attached to their stages, the outcome derived (diagram first, status line second) and the
 * diagram's own labels kept where they differ from the generated ones. Rounds are linked to their stages.
 */
import { findDate, findTime } from '../../date-find';
import { parseDateInput, parseDuration, toAsciiDigits } from '../../dates';
import {
  PROCESS_KINDS,
  newStage,
  type DateFormat,
  type ExportPrefs,
  type Outcome,
  type PlannedStage,
  type Round,
  type Stage,
  type StageKind,
} from '../../record';
import { classifyStage } from '../classify';
import { splitGraphemes } from '../format-kinds';
import { STATUS_EMOJI } from '../kinds';
import { defaultRemaining, generatedLabels, plannedAfterRejection, processStages } from '../mermaid';
import type { PartKey } from '../parts';
import type { ReadContext } from './context';
import type { Sections } from './sections';

/** What stage building reads of the sections. */
export type StageInput = Pick<Sections, 'dateItems' | 'durationItems' | 'flow' | 'statusLine'>;

function compatible(a: StageKind, b: StageKind): boolean {
  if (a === b) return true;
  const interview = new Set<StageKind>(['technical', 'onsite', 'screening']);
  return interview.has(a) && interview.has(b);
}

/** Longest common subsequence alignment of date items and diagram nodes, by stage kind. */
function align<A, B>(as: A[], bs: B[], match: (a: A, b: B) => boolean): [A | null, B | null][] {
  const n = as.length;
  const m = bs.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i][j] = match(as[i], bs[j]) ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: [A | null, B | null][] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && match(as[i], bs[j])) out.push([as[i++], bs[j++]]);
    else if (j < m && (i >= n || L[i][j + 1] >= L[i + 1][j])) {
      // Diagram-only stages go before a date item only when the date item is not a process stage yet to match.
      out.push([null, bs[j++]]);
    } else out.push([as[i++], null]);
  }
  return out;
}

/** The date format most of the entry's dates are written in. */
export function detectFormat(dates: string[]): DateFormat {
  const count: Record<DateFormat, number> = { 'jalali-dot': 0, 'jalali-slash': 0, gregorian: 0 };
  for (const d of dates) {
    const f = findDate(d);
    if (!f) continue;
    if (f.calendar === 'gregorian') count.gregorian++;
    else if (f.separator === '/') count['jalali-slash']++;
    else count['jalali-dot']++;
  }
  const best = (Object.keys(count) as DateFormat[]).reduce((a, b) => (count[b] > count[a] ? b : a), 'jalali-dot');
  return count[best] > 0 ? best : 'jalali-dot';
}

const DATE_LIKE = /(\d{2,4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/;

function checkDateValue(ctx: ReadContext, value: string, line: number) {
  if (findDate(value)) return;
  const m = DATE_LIKE.exec(toAsciiDigits(value));
  if (!m) return;
  const [, y, , mo, d] = m;
  if (Number(mo) === 0 || Number(d) === 0) {
    ctx.issues.warn(line, `"${m[0]}" has an unknown ${Number(d) === 0 ? 'day' : 'month'} (00); kept as written`);
    return;
  }
  const r = parseDateInput(`${y}/${mo}/${d}`, { today: '2000-01-01' });
  ctx.issues.warn(line, `invalid date "${m[0]}": ${r.ok ? 'not a date' : r.error}`, 'error');
}

export function buildStages(
  input: StageInput,
  ctx: ReadContext,
  prefs: ExportPrefs,
): { stages: Stage[]; outcome: Outcome } {
  const { ids, issues, parts } = ctx;
  const dateStages = input.dateItems.map((it) => {
    checkDateValue(ctx, it.value, it.line);
    const found = findDate(it.value);
    const rest = found
      ? (it.value.slice(0, found.start) + it.value.slice(found.end)).replace(/\b(at|AT|At)\b/, '')
      : '';
    const time = found ? findTime(it.value) : null;
    const note = found
      ? rest
          .replace(time ?? '\u0000', '')
          .replace(/^\s*(<br\s*\/?>)?\s*|\s*$/g, '')
          .trim() || null
      : null;
    return newStage(ids.next('s'), classifyStage(it.label), it.label, {
      date: found?.iso ?? null,
      dateText: it.value,
      time,
      note,
    });
  });
  const keyOf = new Map<Stage, PartKey>(dateStages.map((s, i) => [s, input.dateItems[i].key]));
  const analysis = input.flow?.analysis;
  const nodes = (analysis?.reached ?? []).map((n) => ({ ...n, kind: classifyStage(n.label) }));
  const nodeStage = new Map<string, Stage>();
  const stages: Stage[] = [];
  const pairs = align(dateStages, nodes, (s, nd) => PROCESS_KINDS.has(s.kind) && compatible(s.kind, nd.kind));
  const paired = new Set(pairs.filter(([s, nd]) => s && nd).map(([s]) => s));
  for (const [s, node] of pairs) {
    if (s && node) {
      nodeStage.set(node.id, s);
      stages.push(s);
    } else if (s) stages.push(s);
    else if (node) {
      // A date list out of order (HR Call before Sent Resume): pair the node with its date item anyway.
      const loose = dateStages.find(
        (d) => !paired.has(d) && PROCESS_KINDS.has(d.kind) && compatible(d.kind, node.kind),
      );
      if (loose) {
        paired.add(loose);
        nodeStage.set(node.id, loose);
        continue;
      }
      const st = newStage(ids.next('s'), node.kind, node.label.replace(/\s*\n\s*/g, ' '));
      nodeStage.set(node.id, st);
      stages.push(st);
    }
  }
  // Durations go to the stage of the same label, else of the same kind, else a new stage.
  const durKey = new Map<Stage, PartKey>();
  for (const d of input.durationItems) {
    const free = stages.filter((s) => s.duration === null);
    const norm = (x: string) => x.toLowerCase().replace(/\s+/g, ' ').trim();
    let st: Stage | undefined;
    if (d.label === null)
      st =
        free.find((s) => s.kind === 'technical') ??
        free.find((s) => PROCESS_KINDS.has(s.kind) && s.kind !== 'resume' && s.kind !== 'offer');
    else {
      const label = d.label;
      const kind = classifyStage(label);
      st =
        free.find((s) => norm(s.label) === norm(label)) ??
        free.find((s) => compatible(s.kind, kind) && kind !== 'other');
      if (!st) {
        st = newStage(ids.next('s'), kind, label);
        const at = stages.findIndex((s) => !PROCESS_KINDS.has(s.kind));
        stages.splice(at < 0 ? stages.length : at, 0, st);
      }
      if (st.label !== label) st.durationLabel = label;
    }
    if (!st) {
      issues.warn(d.line, 'a duration that belongs to no stage; kept as written');
      parts.rekey(d.key, { kind: 'literal', owner: { kind: 'durations' }, n: d.line - 1, moved: false });
      continue;
    }
    st.duration = d.value;
    st.durationMinutes = parseDuration(d.value);
    durKey.set(st, d.key);
  }
  for (const s of stages) {
    const dateKey = keyOf.get(s);
    if (dateKey !== undefined) parts.rekey(dateKey, { kind: 'date', id: s.id });
    const durationKey = durKey.get(s);
    if (durationKey !== undefined) parts.rekey(durationKey, { kind: 'duration', id: s.id });
  }
  const outcome = deriveOutcome(input, stages, nodeStage);
  if (analysis) keepDiagramLabels(stages, outcome, nodeStage, input, prefs);
  return { stages, outcome };
}

/** The outcome: the diagram's edges first, the status line's last emoji when the diagram says nothing. */
function deriveOutcome(input: StageInput, stages: Stage[], nodeStage: Map<string, Stage>): Outcome {
  const analysis = input.flow?.analysis;
  const outcome: Outcome = { kind: 'pending', afterStageId: null, remaining: null };
  const status = input.statusLine ? splitGraphemes(input.statusLine.replace(/\s+/g, '')) : [];
  const statusOutcome = [...status]
    .reverse()
    .find((g) => g === STATUS_EMOJI.rejected || g === STATUS_EMOJI.declined || g === STATUS_EMOJI.accepted);
  if (analysis && analysis.outcome !== 'pending') outcome.kind = analysis.outcome;
  else if (statusOutcome === STATUS_EMOJI.rejected) outcome.kind = 'rejected';
  else if (statusOutcome === STATUS_EMOJI.declined) outcome.kind = 'declined';
  else if (statusOutcome === STATUS_EMOJI.accepted) outcome.kind = 'accepted';
  else if (stages.some((s) => s.kind === 'offer')) outcome.kind = 'offer';
  const rejection = stages.find((s) => s.kind === 'rejection');
  if (outcome.kind === 'rejected' && rejection && /ghost|not get any/i.test(rejection.dateText ?? ''))
    outcome.kind = 'ghosted';
  const after = analysis?.afterId ? nodeStage.get(analysis.afterId) : undefined;
  const reached = processStages(stages);
  outcome.afterStageId = after?.id ?? (outcome.kind === 'pending' ? null : (reached[reached.length - 1]?.id ?? null));
  if ((outcome.kind === 'rejected' || outcome.kind === 'ghosted') && analysis) {
    const planned: PlannedStage[] = analysis.planned.map((p) => ({ kind: classifyStage(p.label), label: p.label }));
    const usual = defaultRemaining(reached);
    const same =
      planned.length === usual.length &&
      planned.every((p, i) => p.kind === usual[i].kind && p.label === usual[i].label);
    // The offer at the end is implied (the diagram always ends in it).
    const last = planned[planned.length - 1];
    if (last && last.kind === 'offer' && last.label === 'Offer') planned.pop();
    if (!same) outcome.remaining = planned;
  }
  return outcome;
}

/** Keeps the diagram's own labels where they differ from the generated ones. */
function keepDiagramLabels(
  stages: Stage[],
  outcome: Outcome,
  nodeStage: Map<string, Stage>,
  input: StageInput,
  prefs: ExportPrefs,
) {
  const analysis = input.flow!.analysis;
  const reached = processStages(stages);
  const chain = reached.map((s) => ({ kind: s.kind, label: s.label, diagramLabel: null }));
  const planned =
    outcome.kind === 'rejected' || outcome.kind === 'ghosted' ? plannedAfterRejection(reached, outcome) : [];
  const gen = generatedLabels(chain, planned, prefs);
  const labelOf = new Map<Stage, string>();
  for (const [id, st] of nodeStage) labelOf.set(st, analysis.reached.find((n) => n.id === id)!.label);
  reached.forEach((s, i) => {
    const written = labelOf.get(s);
    if (written !== undefined && written !== gen.reached[i]) s.diagramLabel = written;
  });
}

/** Each round with a stage kind in its title goes to the first stage of that kind not taken yet. */
export function linkRounds(rounds: Round[], stages: Stage[]) {
  const used = new Set<string>();
  for (const r of rounds) {
    const kind = classifyStage(r.title);
    if (kind === 'other') continue;
    const st = stages.find((s) => !used.has(s.id) && compatible(s.kind, kind));
    if (st) {
      r.stageId = st.id;
      used.add(st.id);
    }
  }
}

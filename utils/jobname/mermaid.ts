/**
 * The Interview Process diagram: a mermaid `flowchart LR` with one chain of stages (docs/format.md §6).
 *
 * `parseFlowchart` reads what real entries write (quoted multi-line labels, 2- or 4-space indentation,
 * missing spaces before edges, repeated node definitions); `analyseProcess` turns the chain into reached
 * stages, planned stages and the outcome; `renderProcess` draws the diagram from a record's stages and
 * outcome with the grammar of §6.5.
 */
import {
  PROCESS_KINDS,
  type ExportPrefs,
  type Outcome,
  type OutcomeKind,
  type PlannedStage,
  type Stage,
  type StageKind,
} from '../record';
import { diagramLabel, nodeIdBase } from './format-kinds';

export type NodeShape = 'round' | 'circle' | 'square' | 'stadium' | 'rhombus' | 'other' | 'none';

export interface FlowNode {
  id: string;
  label: string | null;
  shape: NodeShape;
}

export type EdgeKind = 'solid' | 'dotted' | 'reject-x' | 'reject-arrow' | 'accept' | 'other';

export interface FlowEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  label: string | null;
}

export interface FlowProblem {
  /** 1-based line inside the diagram source. */
  line: number;
  message: string;
}

export interface Flowchart {
  direction: string | null;
  /** Nodes by id, in order of first appearance; a later definition with a label fills a missing one. */
  nodes: Map<string, FlowNode>;
  edges: FlowEdge[];
  errors: FlowProblem[];
}

/** Decodes mermaid entity codes (`#quot;`, `#35;`) in a label. */
export function decodeMermaidLabel(s: string): string {
  return s.replace(/#(quot|amp|lt|gt|\d+);/g, (_, e: string) => {
    if (e === 'quot') return '"';
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    return String.fromCodePoint(Number(e));
  });
}

/** Splits the source into statements on newlines outside double quotes, keeping each statement's line. */
function statements(src: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let cur = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  for (const ch of src) {
    if (ch === '"') quoted = !quoted;
    if ((ch === '\n' || ch === ';') && !quoted) {
      if (cur.trim()) out.push({ text: cur, line: start });
      cur = '';
      if (ch === '\n') line++;
      start = line;
      continue;
    }
    if (ch === '\n') line++;
    cur += ch;
  }
  if (cur.trim()) out.push({ text: cur, line: start });
  return out;
}

const SHAPES: [open: string, close: string, shape: NodeShape][] = [
  ['((', '))', 'circle'],
  ['([', '])', 'stadium'],
  ['[[', ']]', 'other'],
  ['[(', ')]', 'other'],
  ['{{', '}}', 'other'],
  ['(', ')', 'round'],
  ['[', ']', 'square'],
  ['{', '}', 'rhombus'],
  ['>', ']', 'other'],
];

// Plain edges first, then labelled ones (docs/format.md §6.3), label kept lazy.
const EDGE_PATTERNS: [RegExp, (m: RegExpExecArray) => { label: string | null; tail: string }][] = [
  [/^-->\|([^|]*)\|/, (m) => ({ label: m[1], tail: '>' })],
  [/^-->/, () => ({ label: null, tail: '>' })],
  [/^-\.->/, () => ({ label: null, tail: '.>' })],
  [/^-\.-/, () => ({ label: null, tail: '.' })],
  [/^==>/, () => ({ label: null, tail: '>' })],
  [/^---/, () => ({ label: null, tail: '-' })],
  [/^--x/, () => ({ label: null, tail: 'x' })],
  [/^--o/, () => ({ label: null, tail: 'o' })],
  [/^--\s*([^-\n][^\n]*?)\s*--x/, (m) => ({ label: m[1], tail: 'x' })],
  [/^--\s*([^-\n][^\n]*?)\s*-->/, (m) => ({ label: m[1], tail: '>' })],
  [/^-\.\s*([^-\n][^\n]*?)\s*\.->/, (m) => ({ label: m[1], tail: '.>' })],
];

function edgeKind(label: string | null, tail: string): EdgeKind {
  const l = (label ?? '').toLowerCase();
  if (tail === 'x') return 'reject-x';
  if (/reject|declin/.test(l)) return 'reject-arrow';
  if (/accept/.test(l)) return 'accept';
  if (tail === '.>' || tail === '.') return 'dotted';
  if (tail === '>' && !label) return 'solid';
  return 'other';
}

const KEYWORD = /^\s*(%%|style\b|classDef\b|class\b|linkStyle\b|click\b|subgraph\b|end\b|direction\b)/;

/** Parses a flowchart's source (the text inside the ```mermaid fence). Never throws. */
export function parseFlowchart(src: string): Flowchart {
  const fc: Flowchart = { direction: null, nodes: new Map(), edges: [], errors: [] };
  const stmts = statements(src);
  const head = stmts.shift();
  const dir = head?.text.trim().match(/^(flowchart|graph)\s+(LR|RL|TB|TD|BT)\s*$/);
  if (!dir) {
    fc.errors.push({ line: head?.line ?? 1, message: 'the diagram must start with "flowchart LR"' });
    if (head && !/^(flowchart|graph)\b/.test(head.text.trim())) stmts.unshift(head);
  } else {
    fc.direction = dir[2];
  }
  for (const st of stmts) {
    if (KEYWORD.test(st.text)) continue;
    parseChain(st.text, st.line, fc);
  }
  return fc;
}

/** The label up to the bracket that balances the node's opening one (for error messages). */
function balancedLabel(text: string, from: number, open: string, close: string): string | null {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text.startsWith(open, i)) depth++;
    else if (text.startsWith(close, i) && --depth === 0) return text.slice(from, i);
    if (text[i] === '\n') return null;
  }
  return null;
}

function parseChain(text: string, line: number, fc: Flowchart) {
  let pos = 0;
  const ws = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const fail = (message: string) => {
    fc.errors.push({ line: line + (text.slice(0, pos).match(/\n/g)?.length ?? 0), message });
  };
  const node = (): string | null => {
    ws();
    const m = /^[A-Za-z0-9_]+/.exec(text.slice(pos));
    if (!m) {
      fail(`expected a node at "${text.slice(pos, pos + 20).trim()}"`);
      return null;
    }
    const id = m[0];
    pos += id.length;
    let label: string | null = null;
    let shape: NodeShape = 'none';
    for (const [open, close, sh] of SHAPES) {
      if (!text.startsWith(open, pos)) continue;
      let p = pos + open.length;
      if (text[p] === '"') {
        const end = text.indexOf('"', p + 1);
        if (end < 0) {
          fail(`unclosed quote in the label of ${id}`);
          return null;
        }
        label = text.slice(p + 1, end);
        p = end + 1;
        if (!text.startsWith(close, p)) {
          fail(`expected "${close}" after the quoted label of ${id}`);
          return null;
        }
      } else {
        const end = text.indexOf(close, p);
        if (end < 0) {
          fail(`unclosed "${open}" in node ${id}`);
          return null;
        }
        label = text.slice(p, end);
        if (/["()[\]{}]/.test(label)) {
          pos = p;
          const example = balancedLabel(text, p, open, close) ?? 'Label (detail)';
          fail(
            `the label of ${id} contains brackets or quotes: ` +
              `put it in double quotes, like ${id}${open}"${example}"${close}`,
          );
          return null;
        }
        p = end;
      }
      pos = p + close.length;
      shape = sh;
      label = decodeMermaidLabel(label);
      break;
    }
    const prev = fc.nodes.get(id);
    if (!prev) fc.nodes.set(id, { id, label, shape });
    else if (prev.label === null && label !== null) fc.nodes.set(id, { id, label, shape });
    return id;
  };
  let from = node();
  if (from === null) return;
  for (;;) {
    ws();
    if (pos >= text.length) return;
    const rest = text.slice(pos);
    let matched: { label: string | null; tail: string; len: number } | null = null;
    for (const [re, read] of EDGE_PATTERNS) {
      const m = re.exec(rest);
      if (m) {
        matched = { ...read(m), len: m[0].length };
        break;
      }
    }
    if (!matched) {
      fail(`expected an edge (-->, -.->, --rejected--x) at "${rest.slice(0, 20).trim()}"`);
      return;
    }
    pos += matched.len;
    const to = node();
    if (to === null) return;
    fc.edges.push({ from, to, kind: edgeKind(matched.label, matched.tail), label: matched.label?.trim() ?? null });
    from = to;
  }
}

export interface ProcessNode {
  id: string;
  label: string;
}

export interface ProcessAnalysis {
  /** Stages drawn as done, in order. */
  reached: ProcessNode[];
  /** Stages drawn after the outcome edge or after a dotted edge: planned, not reached. */
  planned: ProcessNode[];
  outcome: Extract<OutcomeKind, 'pending' | 'rejected' | 'declined' | 'accepted'>;
  /** The last node reached before the outcome (the Offer node for an offer accepted into it). */
  afterId: string | null;
  /** The terminal circle (`r((" "))`, `r(("🎉"))`), if any. */
  terminal: FlowNode | null;
  /** True when the edges do not form one chain. */
  branched: boolean;
}

function isTerminal(n: FlowNode | undefined): boolean {
  return !!n && n.shape === 'circle';
}

/** Reads the outcome patterns of docs/format.md §6.4 off a parsed chain. */
export function analyseProcess(fc: Flowchart): ProcessAnalysis {
  const res: ProcessAnalysis = {
    reached: [],
    planned: [],
    outcome: 'pending',
    afterId: null,
    terminal: null,
    branched: false,
  };
  const nodeOf = (id: string): ProcessNode => ({ id, label: fc.nodes.get(id)?.label ?? id });
  const first = fc.edges[0]?.from ?? fc.nodes.keys().next().value;
  if (first === undefined) return res;
  if (!isTerminal(fc.nodes.get(first))) res.reached.push(nodeOf(first));
  let state: 'reached' | 'planned' = 'reached';
  const seen = new Set([first]);
  let last = first;
  for (const e of fc.edges) {
    if (e.from !== last) res.branched = true;
    last = e.to;
    if (seen.has(e.to)) continue;
    seen.add(e.to);
    const target = fc.nodes.get(e.to);
    if (isTerminal(target)) {
      res.terminal = target ?? null;
      if (state === 'reached') {
        if (e.kind === 'accept') res.outcome = 'accepted';
        else if (e.kind === 'reject-arrow') res.outcome = 'declined';
        else if (e.kind === 'reject-x') res.outcome = 'rejected';
        res.afterId = e.from;
      }
      continue;
    }
    if (state === 'planned') {
      res.planned.push(nodeOf(e.to));
      continue;
    }
    switch (e.kind) {
      case 'solid':
      case 'other':
        res.reached.push(nodeOf(e.to));
        break;
      case 'accept':
        res.reached.push(nodeOf(e.to));
        res.outcome = 'accepted';
        res.afterId = e.to;
        break;
      case 'dotted':
        state = 'planned';
        res.planned.push(nodeOf(e.to));
        break;
      case 'reject-x':
      case 'reject-arrow':
        res.outcome = 'rejected';
        res.afterId = e.from;
        state = 'planned';
        res.planned.push(nodeOf(e.to));
        break;
    }
  }
  return res;
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

/**
 * A label is written bare only when it is plain words (letters, digits, spaces, `.,'!?&+/` and single
 * dashes inside); anything else is quoted, with the characters mermaid would read as syntax, markdown or
 * HTML written as its entity codes (`#quot;`, `#35;`, `#lt;`…), which `decodeMermaidLabel` reads back.
 */
const BARE_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M} _.,'!?&+/]|-(?!-))*$/u;

export function renderNode(id: string, label: string): string {
  if (
    BARE_LABEL.test(label) &&
    label === label.trimEnd() &&
    !/^(end|style|class|click|subgraph|graph|flowchart)$/i.test(label)
  )
    return `${id}(${label})`;
  const escaped = label.replace(
    /[#"<>`&]/g,
    (c) => ({ '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '`': '#96;', '&': '#amp;' })[c]!,
  );
  return `${id}("${escaped}")`;
}

/** The planned stages drawn after a rejection when the record does not say (docs/format.md §6.4 R1). */
export function defaultRemaining(reached: readonly { kind: StageKind }[]): PlannedStage[] {
  const rest: PlannedStage[] = [];
  if (!reached.some((s) => s.kind === 'hr-interview' || s.kind === 'offer'))
    rest.push({ kind: 'hr-interview', label: 'HR Interview' });
  rest.push({ kind: 'offer', label: 'Offer' });
  return rest;
}

export interface DiagramStage {
  kind: StageKind;
  label: string;
  diagramLabel: string | null;
}

/** The stages the diagram draws as reached. */
export function processStages<T extends { kind: StageKind }>(stages: readonly T[]): T[] {
  return stages.filter((s) => PROCESS_KINDS.has(s.kind));
}

/** Planned stages after a rejection: the record's, or the usual ones; the last one is always the offer. */
export function plannedAfterRejection(reached: readonly { kind: StageKind }[], outcome: Outcome): PlannedStage[] {
  const rest = [...(outcome.remaining ?? defaultRemaining(reached))];
  if (!rest.length || rest[rest.length - 1].kind !== 'offer') rest.push({ kind: 'offer', label: 'Offer' });
  return rest;
}

/**
 * The generated labels of the reached and planned stages, numbering technical rounds over both
 * (docs/format.md §6.5). Shared by the renderer and the importer (which keeps a label only where it differs).
 */
export function generatedLabels(
  reached: readonly DiagramStage[],
  planned: readonly PlannedStage[],
  prefs: Pick<ExportPrefs, 'labelCase'>,
): { reached: string[]; planned: string[] } {
  const techCount = [...reached, ...planned].filter((s) => s.kind === 'technical').length;
  let tech = 0;
  const gen = (s: { kind: StageKind; label: string }) =>
    diagramLabel(s.kind, s.label, s.kind === 'technical' ? ++tech : 1, techCount, prefs);
  return { reached: reached.map(gen), planned: planned.map(gen) };
}

/**
 * Draws the diagram (the text inside the fence, no trailing newline) from stages and outcome, or null when
 * no process stage is known yet.
 */
export function renderProcess(stages: readonly Stage[], outcome: Outcome, prefs: ExportPrefs): string | null {
  const reached = processStages(stages);
  if (!reached.length) return null;
  const rejected = outcome.kind === 'rejected' || outcome.kind === 'ghosted';
  let planned = rejected ? plannedAfterRejection(reached, outcome) : [];
  const chainStages: DiagramStage[] = [...reached];
  const offerReached = reached[reached.length - 1].kind === 'offer';
  // An accepted or declined offer is drawn from the Offer node (docs/format.md §6.5 rules 3, 4).
  if ((outcome.kind === 'accepted' || outcome.kind === 'declined') && !offerReached)
    chainStages.push({ kind: 'offer', label: 'Offer', diagramLabel: null });
  // Rejected after the offer (withdrawn): nothing is left ahead but the end.
  if (rejected && offerReached) planned = [];
  const labels = generatedLabels(chainStages, planned, prefs);
  const used = new Map<string, number>();
  const idFor = (kind: StageKind) => {
    const base = nodeIdBase(kind);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return base === 'st' ? `st${n}` : n === 1 ? base : `${base}${n}`;
  };
  const parts: string[] = chainStages.map((s, i) => renderNode(idFor(s.kind), s.diagramLabel || labels.reached[i]));
  let chain = parts.join(' --> ');
  if (rejected) {
    const rest = planned.map((p, i) => renderNode(idFor(p.kind), p.label || labels.planned[i]));
    chain += ' --rejected--x ' + (rest.length ? rest.join(' -.-> ') : 'r((" "))');
  } else if (outcome.kind === 'declined') {
    chain += ' --rejected--> r((" "))';
  } else if (outcome.kind === 'accepted') {
    chain += prefs.celebrate ? ' --accepted :) --> r(("🎉"))' : ' --accepted--> r((" "))';
  }
  return `flowchart LR\n    ${chain}`;
}

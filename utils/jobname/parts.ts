/**
 * The source parts of an imported entry: the entry cut into keyed pieces of text, one per block the exporter
 * renders (export.ts `canonicalBlocks`), plus literals: text the exporter has no block for, kept with the
 * block it stands after. Every key is built and read here (`formatKey` / `parseKey`), so the importer and
 * the exporter speak of the same parts; `reconcileParts` and `layOver` are the two places that lay the
 * exporter's blocks over the parts.
 *
 * The key strings are stored in records (`record.source.parts`), so their spelling does not change:
 * `head`, `status:h`, `status`, `role`, `dates`, `date:s1`, `durations`, `dur:s1`, `dur:task`, `round:r1`,
 * `empty:r1`, `intro:r1`, `q:q1`, `ul:q1`, `outro:r1`, `task`, `review`, `end`, and literals `lit:<owner>#<n>`
 * (kept by the importer, `n` its 0-based line) or `lit:<owner>#x<n>` (moved to the block before by
 * `reconcileParts`).
 */
import type { SourcePart } from '../record';
import { hash } from './text';

/** The sections written as a heading part (`<name>:h`) and a body part (`<name>`). */
const SPLIT_SECTIONS = ['status', 'process', 'applyWay', 'platform', 'score'] as const;
export type SplitSection = (typeof SPLIT_SECTIONS)[number];

/** The keys that name no stage, round or question. */
const SINGLE_KEYS = ['head', 'role', 'dates', 'durations', 'task', 'review', 'end'] as const;
type SingleKey = (typeof SINGLE_KEYS)[number];

/** Keys of the form `<prefix>:<id>`: the kind, and its prefix in the key string. */
const ID_KINDS = {
  date: 'date',
  duration: 'dur',
  round: 'round',
  empty: 'empty',
  intro: 'intro',
  outro: 'outro',
  question: 'q',
  list: 'ul',
} as const;
type IdKind = keyof typeof ID_KINDS;

export type PartKey =
  | { kind: SingleKey }
  /** A section's heading line and the blank lines under it (`status:h`). */
  | { kind: 'heading'; section: SplitSection }
  /** A section's body (`status`). */
  | { kind: 'body'; section: SplitSection }
  /** The Task Deadline item of the duration list (`dur:task`). */
  | { kind: 'taskDuration' }
  /**
   * `date:<stage>`, `dur:<stage>` (the stage's item in the date or duration list), `round:<round>` (a round's
   * heading), `empty:<round>`, `intro:<round>`, `outro:<round>`, `q:<question>`, `ul:<first question>`.
   */
  | { kind: IdKind; id: string }
  /** A date or duration item, by its 0-based line, while the importer has not found its stage yet. */
  | { kind: 'dateItem' | 'durationItem'; line: number }
  /** Text kept as written after the part `owner`; `moved` when `reconcileParts` gave it to that owner. */
  | { kind: 'literal'; owner: PartKey; n: number; moved: boolean }
  /** A key this version does not know (a record stored by another one): kept as it is. */
  | { kind: 'unknown'; text: string };

export function formatKey(key: PartKey): string {
  switch (key.kind) {
    case 'heading':
      return `${key.section}:h`;
    case 'body':
      return key.section;
    case 'taskDuration':
      return 'dur:task';
    case 'dateItem':
      return `date#${key.line}`;
    case 'durationItem':
      return `dur#${key.line}`;
    case 'literal':
      return `lit:${formatKey(key.owner)}#${key.moved ? 'x' : ''}${key.n}`;
    case 'unknown':
      return key.text;
    case 'date':
    case 'duration':
    case 'round':
    case 'empty':
    case 'intro':
    case 'outro':
    case 'question':
    case 'list':
      return `${ID_KINDS[key.kind]}:${key.id}`;
    default:
      return key.kind;
  }
}

const LITERAL = /^lit:(.*)#(x?)(\d+)$/;
const ITEM = /^(date|dur)#(\d+)$/;
const ID_KEY = /^([a-z]+):(.+)$/;

export function parseKey(text: string): PartKey {
  const lit = LITERAL.exec(text);
  if (lit) return { kind: 'literal', owner: parseKey(lit[1]), n: Number(lit[3]), moved: lit[2] === 'x' };
  if ((SINGLE_KEYS as readonly string[]).includes(text)) return { kind: text as SingleKey };
  if ((SPLIT_SECTIONS as readonly string[]).includes(text)) return { kind: 'body', section: text as SplitSection };
  if (text.endsWith(':h') && (SPLIT_SECTIONS as readonly string[]).includes(text.slice(0, -2)))
    return { kind: 'heading', section: text.slice(0, -2) as SplitSection };
  if (text === 'dur:task') return { kind: 'taskDuration' };
  const item = ITEM.exec(text);
  if (item) return { kind: item[1] === 'date' ? 'dateItem' : 'durationItem', line: Number(item[2]) };
  const id = ID_KEY.exec(text);
  const kind = id && (Object.keys(ID_KINDS) as IdKind[]).find((k) => ID_KINDS[k] === id[1]);
  if (kind) return { kind, id: id[2] };
  return { kind: 'unknown', text };
}

/** The key of the part a literal belongs to; null for a part that is not a literal. */
export function literalOwner(key: string): string | null {
  const k = parseKey(key);
  return k.kind === 'literal' ? formatKey(k.owner) : null;
}

/** Whether a part is a heading whose text does not depend on the record: it can stand for its block as written. */
function isFixedHeading(key: string): boolean {
  const kind = parseKey(key).kind;
  return kind === 'heading' || kind === 'dates' || kind === 'durations';
}

/** A piece of the exporter's rendering. */
export interface Block {
  key: string;
  text: string;
}

/**
 * The signature of a part whose block did not exist at import (a section the record has nothing for, such
 * as a duration list whose only line belongs to no stage): the part is kept as written under its own key.
 */
const NO_BLOCK = '';

/** Where a block missing from `out` goes: after its canonical predecessor and that one's literals. */
function insertionPoint(out: { key: string }[], prev: string | null): number {
  let at = prev === null ? 0 : out.findIndex((o) => o.key === prev) + 1;
  while (at > 0 && at < out.length && literalOwner(out[at].key) === prev) at++;
  return at;
}

/** Whether a part can own literals and stand in for a block: not a literal, a pending item or an unknown key. */
function canOwn(key: string): boolean {
  const kind = parseKey(key).kind;
  return kind !== 'literal' && kind !== 'unknown' && kind !== 'dateItem' && kind !== 'durationItem';
}

/**
 * Makes an imported entry's parts cover exactly the exporter's blocks, so that the unchanged record
 * exports to the entry's bytes: a part whose block does not exist keeps its key and text (signature
 * NO_BLOCK), a part no block can ever have becomes a literal kept with the part before it, and a block the
 * entry lacks (a section it never had) gets an empty part at its place.
 */
export function reconcileParts(blocks: Block[], parts: Omit<SourcePart, 'sig'>[]): SourcePart[] {
  const canon = new Map(blocks.map((b) => [b.key, b.text]));
  const out: SourcePart[] = [];
  const seen = new Set<string>();
  let owner = formatKey({ kind: 'end' });
  let n = 0;
  for (const { key, raw } of parts) {
    const p = { key, raw, sig: canon.has(key) ? hash(canon.get(key)!) : NO_BLOCK };
    const lit = literalOwner(p.key);
    if (lit === null && !seen.has(p.key) && (canon.has(p.key) || canOwn(p.key))) {
      out.push(p);
      seen.add(p.key);
      if (canon.has(p.key)) owner = p.key;
    } else if (lit !== null && (canon.has(lit) || seen.has(lit))) out.push(p);
    else out.push({ key: formatKey({ kind: 'literal', owner: parseKey(owner), n: n++, moved: true }), raw, sig: '' });
  }
  let prev: string | null = null;
  for (const b of blocks) {
    if (!seen.has(b.key)) {
      out.splice(insertionPoint(out, prev), 0, { key: b.key, raw: '', sig: hash(b.text) });
      seen.add(b.key);
    }
    prev = b.key;
  }
  return out;
}

/**
 * Lays the canonical blocks over an imported entry's parts: unchanged blocks keep the entry's own text. Returns
 * the entry's text and the blocks as written, each under its key (where a line of the entry comes from).
 */
export function layOver(blocks: Block[], parts: SourcePart[]): { blocks: Block[]; text: string } {
  const canon = new Map(blocks.map((b) => [b.key, b.text]));
  const out: Block[] = [];
  const placed = new Set<string>();
  let identical = true;
  // A section the entry had empty, filled since: its heading kept the blank lines of the empty section
  // under it, which now stand before its first question. It is written as rendered.
  const filled = new Set(
    parts
      .filter((p) => p.key.startsWith(`${ID_KINDS.empty}:`) && !canon.has(p.key))
      .map((p) => `${ID_KINDS.round}:${p.key.slice(ID_KINDS.empty.length + 1)}`),
  );
  for (const p of parts) {
    const owner = literalOwner(p.key);
    if (owner !== null) {
      if (canon.has(owner) || placed.has(owner)) out.push({ key: p.key, text: p.raw });
      else identical = false;
      continue;
    }
    const text = canon.get(p.key);
    if (placed.has(p.key) || (text === undefined && p.sig !== NO_BLOCK)) {
      identical = false;
      continue;
    }
    let kept: string;
    if (text === undefined) kept = p.raw;
    else if (filled.has(p.key)) {
      identical = false;
      kept = text;
    } else if (p.sig === NO_BLOCK) {
      // The block exists now: a heading stays as written, a body is rendered.
      identical = false;
      kept = isFixedHeading(p.key) ? p.raw : text;
    } else {
      const same = hash(text) === p.sig;
      if (!same) identical = false;
      kept = same ? p.raw : text;
    }
    out.push({ key: p.key, text: kept });
    placed.add(p.key);
  }
  let prev: string | null = null;
  for (const b of blocks) {
    if (!placed.has(b.key)) {
      identical = false;
      const at = insertionPoint(out, prev);
      const before = at > 0 ? out[at - 1].text : '';
      const text = before && !before.endsWith('\n') && !b.text.startsWith('\n') ? '\n\n' + b.text : b.text;
      out.splice(at, 0, { key: b.key, text });
      placed.add(b.key);
    }
    prev = b.key;
  }
  const joined = out.map((o) => o.text).join('');
  if (identical) return { blocks: out, text: joined };
  // Something changed: tidy the end so removed parts leave no stray blank lines.
  const end = out.find((o) => o.key === formatKey({ kind: 'end' }))?.text ?? '\n';
  return {
    blocks: out,
    text: joined.slice(0, joined.length - (joined.endsWith(end) ? end.length : 0)).replace(/\s+$/, '') + end,
  };
}

/**
 * The state the importer's readers share, passed to each of them explicitly: the issues found so far, the
 * ids handed out to stages, rounds and questions, and the line ranges the entry is cut into (its parts).
 */

const SEVERITIES = ['error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface ImportIssue {
  /** 1-based line in the entry. */
  line: number;
  severity: Severity;
  message: string;
}

export class Issues {
  readonly list: ImportIssue[] = [];

  warn(line: number, message: string, severity: Severity = 'warning') {
    this.list.push({ line, severity, message });
  }
}

/** Ids in reading order: `s1`, `s2`… for stages, `r1`… for rounds, `q1`… for questions. */
export class Ids {
  private readonly n = { s: 0, r: 0, q: 0 };

  next(prefix: IdPrefix): string {
    return prefix + ++this.n[prefix];
  }
}

import { formatKey, type PartKey } from '../parts';
import type { IdPrefix } from '../../record';

/** A part of the entry: the lines `from` (inclusive) to `to` (exclusive), 0-based. */
export interface PartRange {
  key: string;
  from: number;
  to: number;
}

/** The entry's parts in order. */
export class Parts {
  readonly list: PartRange[] = [];

  add(key: PartKey, from: number, to: number) {
    if (to > from) this.list.push({ key: formatKey(key), from, to });
  }

  /** Gives the part keyed `from` its final key, once the stage it belongs to is known. */
  rekey(from: PartKey, to: PartKey) {
    const old = formatKey(from);
    for (const p of this.list) if (p.key === old) p.key = formatKey(to);
  }
}

/** What every reader is handed. */
export interface ReadContext {
  issues: Issues;
  ids: Ids;
  parts: Parts;
}

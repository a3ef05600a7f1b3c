/**
 * Which records of an import are applications already stored (a jobname entry imported again): the same
 * source file (`src/<folder>/<file>.md`), or else the same company, role and first step's date. A record whose
 * id is stored is not one of these: it replaces the stored one as a backup does. Plain functions over the
 * list's summaries (utils/summary.ts), no browser API.
 */
import { persianKey } from './persian';
import type { ApplicationRecord } from './record';
import type { RecordSummary } from './summary';

/** An imported record (by its index in the import) that is the stored application `id`. */
export interface ImportMatch {
  index: number;
  id: string;
  /** The stored application's company, as the list shows it. */
  company: string;
  /** Why it is the same: its source file, or its company, role and first date. */
  by: 'file' | 'details';
}

const detailsKey = (company: string, role: string | null, firstDate: string | null) =>
  firstDate ? `${persianKey(company)}\u0000${persianKey(role ?? '')}\u0000${firstDate}` : null;

/** The stored application each imported record is, where there is one (each stored one matched once). */
export function matchStored(records: readonly ApplicationRecord[], stored: readonly RecordSummary[]): ImportMatch[] {
  const ids = new Set(stored.map((s) => s.id));
  const byFile = new Map<string, RecordSummary>();
  const byDetails = new Map<string, RecordSummary>();
  for (const s of stored) {
    if (s.file && !byFile.has(s.file)) byFile.set(s.file, s);
    const key = detailsKey(s.company, s.role, s.firstDate);
    if (key && !byDetails.has(key)) byDetails.set(key, s);
  }
  const taken = new Set<string>();
  const out: ImportMatch[] = [];
  records.forEach((r, index) => {
    if (ids.has(r.id)) return;
    const file = r.source?.file ?? null;
    const details = detailsKey(r.company.name, r.role, r.stages[0]?.date ?? null);
    const viaFile = file ? byFile.get(file) : undefined;
    const found = viaFile ?? (details ? byDetails.get(details) : undefined);
    if (!found || taken.has(found.id)) return;
    taken.add(found.id);
    out.push({ index, id: found.id, company: found.company, by: viaFile ? 'file' : 'details' });
  });
  return out;
}

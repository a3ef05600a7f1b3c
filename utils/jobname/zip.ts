/**
 * Several entries as one zip: each under the path it came with (`entryDownload`), so that it can be unpacked
 * into the repository's `src/` folder. Two records with one path (the same company noted twice) get
 * `acme.md` and `acme-2.md`.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ApplicationRecord } from '../record';
import { entryDownload, exportEntry } from './export';

/** `acme/acme.md` → `acme/acme-2.md`. */
function numbered(path: string, n: number): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? `${path.slice(0, dot)}-${n}${path.slice(dot)}` : `${path}-${n}`;
}

export function entriesZip(records: readonly ApplicationRecord[]): Uint8Array {
  const files: Zippable = {};
  for (const r of records) {
    const { path } = entryDownload(r);
    let at = path;
    for (let n = 2; at in files; n++) at = numbered(path, n);
    files[at] = strToU8(exportEntry(r));
  }
  return zipSync(files, { level: 6 });
}

import { parseImportFilesSliced, type ImportFile } from '../../utils/backup';

/** The dashboard's import reading and checking `files`, run through without a pause (a clock that never moves). */
export function parseImportFiles(files: readonly ImportFile[]) {
  return parseImportFilesSliced(files, { yieldNow: () => Promise.resolve(), now: () => 0 });
}

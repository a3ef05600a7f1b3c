/**
 * The real jobname material beside the project (`../shared/jobname`: real entries and the generator's outputs),
 * which a clone does not hold. `JOBNAME_CORPUS` points elsewhere (a folder holding `entries/` and `mdgen/`).
 * Suites that read it run when it is there; when it is missing they skip with a one-line notice, except under CI,
 * where a failing test names the missing path (a silent skip there would hide a broken setup).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

export const CORPUS = resolve(process.env.JOBNAME_CORPUS || resolve(import.meta.dirname, '../../shared/jobname'));
export const corpusPresent = existsSync(CORPUS);
/** Whether the suites that need the corpus run: it is there, or CI must say that it is not. */
export const corpusSuites = corpusPresent || Boolean(process.env.CI);

/** Call once at the top of a suite's file that reads the corpus: the notice, or under CI the failing check. */
export function requireCorpus(suite: string, check: () => void = () => {}): void {
  if (!corpusSuites) {
    console.warn(`${suite} skipped: no jobname corpus at ${CORPUS} (../shared/jobname, or set JOBNAME_CORPUS)`);
    return;
  }
  describe('shared jobname material', () => {
    it(`is present at ${CORPUS}`, () => {
      expect(
        corpusPresent,
        `missing ${CORPUS}: ${suite} need the jobname corpus (../shared/jobname beside the project, or JOBNAME_CORPUS)`,
      ).toBe(true);
      check();
    });
  });
}

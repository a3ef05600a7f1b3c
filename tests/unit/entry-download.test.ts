// An imported entry is downloaded (and zipped) under the name and folder it came with, not one derived from
// its heading: the two Zibal entries of the shared corpus have the same heading and must stay two files.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { parseImportFiles } from './import-files';
import { entryDownload, entryFileFromName, exportEntry } from '../../utils/jobname/export';
import { entriesZip } from '../../utils/jobname/zip';
import { createRecord } from '../../utils/record';
import { parseRecord } from '../../utils/record-validate';
import { CORPUS, corpusSuites, requireCorpus } from '../corpus';

requireCorpus('entry file names');

describe('entryFileFromName', () => {
  it('reads the folder of a `<folder>__<file>.md` name or a path under src/', () => {
    expect(entryFileFromName('busnet__busnet-interview.md')).toBe('busnet/busnet-interview.md');
    expect(entryFileFromName('hamkaransystem__1402.md')).toBe('hamkaransystem/1402.md');
    expect(entryFileFromName('cpol.md')).toBe('cpol.md');
    expect(entryFileFromName('jobname/src/hamkaransystem/1402.md')).toBe('hamkaransystem/1402.md');
    expect(entryFileFromName('C:\\Users\\me\\zibal.md')).toBe('zibal.md');
    expect(entryFileFromName('a<b>:c?.md')).toBe('abc.md');
    expect(entryFileFromName('../..')).toBeNull();
  });
});

describe('entryDownload', () => {
  it('names a record made in the extension as the repository would', () => {
    expect(entryDownload(createRecord({ company: { name: 'Cafe Bazaar' } }))).toEqual({
      name: 'cafe-bazaar.md',
      path: 'cafe-bazaar/cafe-bazaar.md',
    });
  });

  it('keeps source.file through the validator', () => {
    const r = createRecord({
      company: { name: 'Zibal' },
      source: { format: 'jobname', parts: [], file: 'zibal/zibal.md' },
    });
    const parsed = parseRecord(JSON.parse(JSON.stringify(r)));
    expect(parsed.ok && parsed.value.source?.file).toBe('zibal/zibal.md');
    const bad = parseRecord({ ...r, source: { ...r.source, file: 3 } });
    expect(bad.ok).toBe(false);
  });
});

describe.runIf(corpusSuites)('the two Zibal entries', () => {
  const names = [
    'zibal__zibal.md',
    'zibal__zibal-2025-11.md',
    'busnet__busnet-interview.md',
    'hamkaransystem__1402.md',
  ];
  // Read in the test, not while the suite is collected: a skipped suite's body still runs, and without the
  // corpus beside the project (a fresh clone) that read failed the whole file.
  const files = () => names.map((name) => ({ name, text: readFileSync(resolve(CORPUS, 'entries', name), 'utf8') }));

  it('download under the names and folders they came with, and zip as two files with their own text', async () => {
    const read = files();
    const parsed = await parseImportFiles(read);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const [zibal, older, busnet, hamkaran] = parsed.records;
    expect(zibal!.company.name).toBe(older!.company.name);
    expect(entryDownload(zibal!)).toEqual({ name: 'zibal__zibal.md', path: 'zibal/zibal.md' });
    expect(entryDownload(older!)).toEqual({ name: 'zibal__zibal-2025-11.md', path: 'zibal/zibal-2025-11.md' });
    expect(entryDownload(busnet!).path).toBe('busnet/busnet-interview.md');
    expect(entryDownload(hamkaran!).path).toBe('hamkaransystem/1402.md');

    const zip = unzipSync(entriesZip(parsed.records));
    expect(Object.keys(zip).sort()).toEqual([
      'busnet/busnet-interview.md',
      'hamkaransystem/1402.md',
      'zibal/zibal-2025-11.md',
      'zibal/zibal.md',
    ]);
    for (const [i, r] of parsed.records.entries()) {
      expect(strFromU8(zip[entryDownload(r).path]!)).toBe(exportEntry(r));
      expect(exportEntry(r)).toBe(read[i]!.text);
    }
  });

  it('zips two records of one name as two files', () => {
    const a = createRecord({ company: { name: 'Acme' } });
    const b = createRecord({ company: { name: 'Acme' } });
    expect(Object.keys(unzipSync(entriesZip([a, b]))).sort()).toEqual(['acme/acme-2.md', 'acme/acme.md']);
  });
});

import { describe, expect, it } from 'vitest';
import { matchStored } from '../../utils/import-match';
import { createRecord, newStage, type ApplicationRecord } from '../../utils/record';
import { summarize } from '../../utils/summary';

function rec(company: string, role: string | null, date: string | null, file: string | null = null): ApplicationRecord {
  const r = createRecord({ company: { name: company, website: '' }, role });
  if (date) r.stages = [newStage('s1', 'resume', 'Sent Resume', { date })];
  if (file) r.source = { file, text: '', parts: [] } as unknown as ApplicationRecord['source'];
  return r;
}

describe('matchStored', () => {
  const stored = [
    rec('Busnet', 'Backend', '2024-01-02', 'busnet/busnet-interview.md'),
    rec('دیجی‌کالا', 'Backend Developer', '2025-10-07'),
    rec('Snapp', null, null),
  ];
  const summaries = stored.map(summarize);

  it('finds the same entry file, else the same company, role and first date (Persian folded)', () => {
    const imported = [
      rec('Busnet renamed', 'Other', null, 'busnet/busnet-interview.md'),
      rec('ديجيكالا', ' backend  developer ', '2025-10-07'),
      rec('دیجی‌کالا', 'Backend Developer', '2025-10-08'),
      rec('Snapp', null, null),
    ];
    expect(matchStored(imported, summaries)).toEqual([
      { index: 0, id: stored[0]!.id, company: 'Busnet', by: 'file' },
      { index: 1, id: stored[1]!.id, company: 'دیجی‌کالا', by: 'details' },
    ]);
  });

  it('leaves out a record whose id is stored (a restore), and matches each stored application once', () => {
    const same = { ...stored[1]!, review: 'restored' };
    const twice = [
      rec('Busnet', 'x', null, 'busnet/busnet-interview.md'),
      rec('Busnet', 'y', null, 'busnet/busnet-interview.md'),
    ];
    expect(matchStored([same], summaries)).toEqual([]);
    expect(matchStored(twice, summaries).map((m) => m.index)).toEqual([0]);
  });
});

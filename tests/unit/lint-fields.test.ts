/** Lint of a record: each message names the field to fix (utils/jobname/lint-fields.ts). */
import { describe, expect, it } from 'vitest';
import { exportEntry } from '../../utils/jobname/export';
import { importEntry } from '../../utils/jobname/import';
import { fieldElementId, lintRecord } from '../../utils/jobname/lint-fields';
import { createRecord, newQuestion, newRound, newStage } from '../../utils/record';

const ids = async (r: Parameters<typeof lintRecord>[0]) =>
  (await lintRecord(r)).map((m) => `${m.field ? fieldElementId(m.field) : '-'}: ${m.message}`);

describe('lint messages name their field', () => {
  it('maps field addresses to the page ids', () => {
    expect(fieldElementId({ kind: 'record', field: 'website' })).toBe('record-website');
    expect(fieldElementId({ kind: 'record', field: 'apply-way' })).toBe('apply-way-text');
    expect(fieldElementId({ kind: 'stage', id: 's2', field: 'date' })).toBe('stage-s2-date');
    expect(fieldElementId({ kind: 'round', id: 'r1', field: 'title' })).toBe('round-r1-title');
    expect(fieldElementId({ kind: 'question', id: 'q3', field: 'text' })).toBe('question-q3-text');
  });

  it('says the four empty shells of a new record, each at its field', async () => {
    const r = createRecord({ company: { name: 'Acme', website: '' }, role: 'Backend Developer' });
    r.rounds.push(newRound('r1', 'Technical Interview'));
    const said = await lintRecord(r);
    const rules = new Map(said.filter((m) => m.rule).map((m) => [m.rule, m.field && fieldElementId(m.field)]));
    expect(rules.get('website-empty')).toBe('record-website');
    expect(rules.get('apply-way-missing')).toBe('apply-way-text');
    expect(rules.get('round-empty')).toBe('round-r1-title');
    expect(rules.has('status-empty')).toBe(true);
    // Said once each, though both the entry and the record show them.
    expect(said.filter((m) => m.rule === 'website-empty')).toHaveLength(1);
    expect(said.filter((m) => m.rule === 'apply-way-missing')).toHaveLength(1);
  });

  it('traces a line of the export to the stage, round or question it comes from', async () => {
    const r = createRecord({ company: { name: 'Acme', website: 'https://acme.example' }, role: 'Dev' });
    r.applyWays = ['Jobinja'];
    r.stages.push(newStage('s1', 'resume', 'Sent Resume', { date: '2025-01-02', dateText: null }));
    r.rounds.push(newRound('r1', 'HR Interview', { questions: [newQuestion('q1', 'Why us?')] }));
    r.rounds.push(newRound('r2', 'Technical Interview'));
    const said = await ids(r);
    expect(said).toContain('round-r2-title: the round "Technical Interview" has no questions');
    expect(said.some((m) => m.startsWith('record-website'))).toBe(false);
    expect(said.some((m) => m.startsWith('apply-way-text'))).toBe(false);
    expect(said).toContain('score: no "Score" section');
  });

  it('an imported entry: a message in its own text names the stage', async () => {
    const md =
      '# [Acme](https://acme.example)\n\n### Status\n#### 📜\n\n### Apply Way\nJobinja\n\n### Interview Date\n\n' +
      '- **Sent Resume**<br />1404/13/40\n\n## Score\n<h4><mark style="background-color:#ff9800">6/10</mark></h4>\n';
    const { record } = importEntry(md);
    expect(exportEntry(record)).toBe(md);
    const said = await lintRecord(record);
    const bad = said.find((m) => m.message.startsWith('invalid date'))!;
    expect(bad.field && fieldElementId(bad.field)).toBe(`stage-${record.stages[0].id}-date`);
  });
});

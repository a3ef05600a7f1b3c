/**
 * The application page's edits of steps, sections and questions (utils/steps.ts, utils/questions.ts) and its
 * undo (utils/undo.ts): each keeps the record valid and exports as the repository writes it.
 */
import { describe, expect, it } from 'vitest';
import { exportEntry } from '../../utils/jobname/export';
import { importEntry } from '../../utils/jobname/import';
import type { ApplicationRecord } from '../../utils/record';
import { parseRecord } from '../../utils/record-validate';
import {
  addQuestion,
  addQuestions,
  addRound,
  moveQuestion,
  moveRound,
  removeQuestion,
  removeRound,
  stepQuestion,
} from '../../utils/questions';
import { editStage, moveStage } from '../../utils/stage-edit';
import { logStep, newApplication, removeStep } from '../../utils/steps';
import { lay, UndoHistory } from '../../utils/undo';

const valid = (r: ApplicationRecord) => {
  const v = parseRecord(JSON.parse(JSON.stringify(r)));
  return v.ok ? [] : v.errors;
};

function hunt() {
  const r = newApplication('Snapp', { role: 'Go Developer', dateFormat: 'jalali-dot' });
  logStep(r, { kind: 'resume', date: '2025-10-07' });
  logStep(r, { kind: 'hr-call', date: '2025-10-20' });
  logStep(r, { kind: 'technical', date: '2025-10-25', duration: '1 hour' });
  logStep(r, { kind: 'technical', date: '2025-11-02' });
  return r;
}

describe('editing a logged step', () => {
  it('changes the day inside the date as written and keeps the rest', () => {
    const { record } = importEntry(
      '# [Acme](https://acme.dev)\n\n### Interview Date\n\n- **HR Call**<br />1402.08.20 AT 11:30 AM (moved once)\n\n',
    );
    const s = record.stages[0];
    expect(s.date).toBe('2023-11-11');
    editStage(record, s.id, { date: '2023-11-12' });
    expect(exportEntry(record)).toContain('- **HR Call**<br />1402.08.21 AT 11:30 AM (moved once)');
    editStage(record, s.id, { time: '10:00 AM' });
    expect(exportEntry(record)).toContain('<br />1402.08.21 AT 10:00 AM (moved once)');
    editStage(record, s.id, { time: '' });
    expect(exportEntry(record)).toContain('<br />1402.08.21 (moved once)');
    // No day: the line goes, not the old day written in the text.
    editStage(record, s.id, { date: null });
    expect(exportEntry(record)).not.toContain('### Interview Date');
    expect(valid(record)).toEqual([]);
  });

  it("gives a new kind its label when the old one was the generator's, and renumbers technical rounds", () => {
    const r = hunt();
    const [, hr, t1, t2] = r.stages;
    editStage(r, t2.id, { kind: 'hr-interview' });
    expect(r.stages.map((s) => s.label)).toEqual(['Sent Resume', 'HR Call', 'Technical Interview', 'HR Interview']);
    // The section tied to the step and titled as it was follows its label.
    expect(r.rounds.map((x) => x.title)).toEqual(['Technical Interview', 'HR Interview']);
    editStage(r, hr.id, { label: 'HR Call (Skype voice chat)' });
    editStage(r, hr.id, { kind: 'screening' });
    expect(r.stages[1]).toMatchObject({ kind: 'screening', label: 'HR Call (Skype voice chat)' });
    editStage(r, t1.id, { kind: 'onsite', label: 'On-site at the office' });
    expect(r.stages[2].label).toBe('On-site at the office');
    expect(exportEntry(r)).toContain('- **On-site at the office**<br />1404.08.03');
    expect(valid(r)).toEqual([]);
  });

  it('reads the duration, and a platform equal to the record’s is none of its own', () => {
    const r = hunt();
    r.platform = 'Google Meet';
    const t = r.stages[2];
    editStage(r, t.id, { duration: '1 hour & 30 minutes', platform: 'Google Meet' });
    expect(r.stages[2]).toMatchObject({ duration: '1 hour & 30 minutes', durationMinutes: 90, platform: null });
    editStage(r, t.id, { platform: 'Zoom', note: 'Live coding' });
    expect(r.stages[2]).toMatchObject({ platform: 'Zoom', note: 'Live coding' });
    editStage(r, t.id, { duration: '' });
    expect(r.stages[2]).toMatchObject({ duration: null, durationMinutes: null });
  });

  it('moves a step and keeps the technical numbering in the new order', () => {
    const r = hunt();
    const second = r.stages[3];
    moveStage(r, second.id, 2);
    expect(r.stages.map((s) => s.id)).toEqual(['s1', 's2', 's4', 's3']);
    expect(r.stages[2].label).toBe('Technical Interview I');
    expect(r.stages[3].label).toBe('Technical Interview II');
    moveStage(r, second.id, 99);
    expect(r.stages[3].id).toBe(second.id);
  });

  it('a custom step exports and draws', () => {
    const r = hunt();
    const id = logStep(r, { kind: 'other', date: '2025-11-05', label: 'Live coding with the CTO' });
    editStage(r, id, { label: 'Live coding with the team lead' });
    const md = exportEntry(r);
    expect(md).toContain('- **Live coding with the team lead**<br />');
    expect(md).toMatch(/```mermaid[\s\S]*Live coding with the team lead[\s\S]*```/);
    expect(importEntry(md).record.stages.map((s) => s.label)).toContain('Live coding with the team lead');
  });
});

describe('sections and questions', () => {
  function withQuestions() {
    const r = hunt();
    const [t1, t2] = r.rounds;
    addQuestions(r, t1.id, [
      { text: 'What is a goroutine?', answer: '' },
      { text: 'What is a channel?', answer: 'A typed pipe.' },
    ]);
    addQuestions(r, t2.id, [{ text: 'Design a URL shortener.', answer: '' }]);
    return r;
  }
  const texts = (r: ApplicationRecord) => r.rounds.map((x) => x.questions.map((q) => q.text));

  it('reorders within a section and moves to another, by position or a step at a time', () => {
    const r = withQuestions();
    const [t1, t2] = r.rounds;
    moveQuestion(r, 'q2', t1.id, 0);
    expect(texts(r)).toEqual([['What is a channel?', 'What is a goroutine?'], ['Design a URL shortener.']]);
    moveQuestion(r, 'q2', t2.id, 1);
    expect(texts(r)).toEqual([['What is a goroutine?'], ['Design a URL shortener.', 'What is a channel?']]);
    // Up past the first of a section: the end of the one before.
    stepQuestion(r, 'q3', -1);
    expect(texts(r)).toEqual([['What is a goroutine?', 'Design a URL shortener.'], ['What is a channel?']]);
    stepQuestion(r, 'q3', 1);
    stepQuestion(r, 'q3', 1);
    expect(texts(r)).toEqual([['What is a goroutine?'], ['What is a channel?', 'Design a URL shortener.']]);
    stepQuestion(r, 'q3', 1);
    expect(texts(r)[1][1]).toBe('Design a URL shortener.');
    expect(valid(r)).toEqual([]);
  });

  it('adds, renames, reorders and removes sections; adds and removes questions', () => {
    const r = withQuestions();
    const hr = addRound(r, 'HR Interview');
    const q = addQuestion(r, hr);
    r.rounds[2].questions[0].text = 'Why do you want to leave?';
    expect(q).toBe('q4');
    moveRound(r, hr, 0);
    expect(r.rounds.map((x) => x.title)).toEqual(['HR Interview', 'Technical Interview I', 'Technical Interview II']);
    const md = exportEntry(r);
    expect(md.indexOf('HR Interview\n')).toBeLessThan(md.indexOf('What is a goroutine?'));
    removeQuestion(r, 'q1');
    removeRound(r, r.rounds[2].id);
    expect(texts(r)).toEqual([['Why do you want to leave?'], ['What is a channel?']]);
    expect(valid(r)).toEqual([]);
  });
});

describe('undo and redo', () => {
  function step(h: UndoHistory, r: ApplicationRecord, fn: (d: ApplicationRecord) => void, group?: string, at = 0) {
    const before = structuredClone(r);
    fn(r);
    h.push(before, structuredClone(r), group ?? null, at);
  }

  it('takes back only what the step changed, keeping later changes made elsewhere', () => {
    const h = new UndoHistory();
    const r = hunt();
    step(h, r, (d) => removeStep(d, 's2'));
    expect(r.stages.map((s) => s.id)).toEqual(['s1', 's3', 's4']);
    // Another page changes the role meanwhile.
    r.role = 'Senior Go Developer';
    lay(h.undo()!, r);
    expect(r.stages.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    expect(r.role).toBe('Senior Go Developer');
    lay(h.redo()!, r);
    expect(r.stages.map((s) => s.id)).toEqual(['s1', 's3', 's4']);
    expect(h.canRedo).toBe(false);
  });

  it('puts a moved question back in its place, and a removed section with its questions', () => {
    const h = new UndoHistory();
    const r = hunt();
    addQuestions(r, r.rounds[0].id, [
      { text: 'A', answer: '' },
      { text: 'B', answer: '' },
    ]);
    const was = structuredClone(r.rounds);
    step(h, r, (d) => moveQuestion(d, 'q2', d.rounds[1].id, 0));
    step(h, r, (d) => removeRound(d, d.rounds[0].id));
    lay(h.undo()!, r);
    lay(h.undo()!, r);
    expect(r.rounds).toEqual(was);
    expect(h.canUndo).toBe(false);
  });

  it('joins keystrokes in one field into one step, and a new step clears what could be redone', () => {
    const h = new UndoHistory(200, 1000);
    const r = hunt();
    step(
      h,
      r,
      (d) => {
        d.role = 'G';
      },
      'role',
      0,
    );
    step(
      h,
      r,
      (d) => {
        d.role = 'Go';
      },
      'role',
      500,
    );
    step(
      h,
      r,
      (d) => {
        d.role = 'Go dev';
      },
      'role',
      1200,
    );
    step(
      h,
      r,
      (d) => {
        d.role = 'Go dev!';
      },
      'role',
      5000,
    );
    lay(h.undo()!, r);
    expect(r.role).toBe('Go dev');
    lay(h.undo()!, r);
    expect(r.role).toBe('Go Developer');
    step(h, r, (d) => {
      d.review = 'ok';
    });
    expect(h.canRedo).toBe(false);
  });
});

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { EditSession } from '../../utils/edit-session';
import { exportEntry } from '../../utils/jobname/export';
import type { ApplicationRecord } from '../../utils/record';
import { parseRecord } from '../../utils/record-validate';
import { openRepository } from '../../utils/repository';
import { clampScore, logStep, newApplication, removeStep, setOutcome, stepForKey } from '../../utils/steps';
import { addQuestions } from '../../utils/questions';

const valid = (r: ApplicationRecord) => {
  const v = parseRecord(JSON.parse(JSON.stringify(r)));
  return v.ok ? [] : v.errors;
};

describe('logging steps', () => {
  it('uses the generator wording, numbers technical rounds and gives interviews a section', () => {
    const r = newApplication('Snapp', { role: 'Go Developer', dateFormat: 'jalali-dot' });
    logStep(r, { kind: 'resume', date: '2025-10-07' });
    logStep(r, { kind: 'hr-call', date: '2025-10-20', platform: 'Phone' });
    logStep(r, { kind: 'technical', date: '2025-10-25', duration: '1 hour', platform: 'Google Meet' });
    expect(r.stages.map((s) => s.label)).toEqual(['Sent Resume', 'HR Call', 'Technical Interview']);
    expect(r.rounds.map((x) => x.title)).toEqual(['Technical Interview']);
    logStep(r, { kind: 'technical', date: '2025-11-02', duration: '1.5 hours' });
    expect(r.stages.map((s) => s.label)).toEqual([
      'Sent Resume',
      'HR Call',
      'Technical Interview I',
      'Technical Interview II',
    ]);
    expect(r.rounds.map((x) => x.title)).toEqual(['Technical Interview I', 'Technical Interview II']);
    expect(r.platform).toBe('Phone');
    expect(r.stages[2]).toMatchObject({ platform: 'Google Meet', duration: '1 hour', durationMinutes: 60 });
    expect(r.stages[3].durationMinutes).toBe(90);
    expect(valid(r)).toEqual([]);
  });

  it('puts a forgotten earlier step in date order, and outcome events last', () => {
    const r = newApplication('Divar');
    logStep(r, { kind: 'hr-call', date: '2025-10-20' });
    logStep(r, { kind: 'rejection', date: '2025-10-30' });
    logStep(r, { kind: 'resume', date: '2025-10-07' });
    expect(r.stages.map((s) => s.kind)).toEqual(['resume', 'hr-call', 'rejection']);
  });

  it('sets the outcome from Rejection, Offer and I declined', () => {
    const r = newApplication('Tapsi');
    logStep(r, { kind: 'resume', date: '2025-01-01' });
    const ti = logStep(r, { kind: 'technical', date: '2025-01-10' });
    logStep(r, { kind: 'rejection', date: '2025-01-20' });
    expect(r.outcome).toEqual({ kind: 'rejected', afterStageId: ti, remaining: null });
    expect(exportEntry(r)).toContain('--> ti(Technical Interview) --rejected--x hri(HR Interview) -.-> o(Offer)');
    const r2 = newApplication('Okala');
    logStep(r2, { kind: 'technical', date: '2025-01-10' });
    const o = logStep(r2, { kind: 'offer', date: '2025-01-20' });
    expect(r2.outcome).toMatchObject({ kind: 'offer', afterStageId: o });
    logStep(r2, { kind: 'declined', date: '2025-01-22' });
    expect(r2.outcome.kind).toBe('declined');
    expect(exportEntry(r2)).toContain('--> o(Offer) --rejected--> r((" "))');
    removeStep(r2, r2.stages[r2.stages.length - 1].id);
    expect(r2.outcome.kind).toBe('offer');
  });

  it('takes Offer back as the outcome, after the offer, when I declined is removed', () => {
    const r = newApplication('Okala');
    logStep(r, { kind: 'technical', date: '2025-01-10' });
    const o = logStep(r, { kind: 'offer', date: '2025-01-20' });
    const d = logStep(r, { kind: 'declined', date: '2025-01-22' });
    removeStep(r, d);
    expect(r.outcome).toEqual({ kind: 'offer', afterStageId: o, remaining: null });
    expect(valid(r)).toEqual([]);
  });

  it('is pending, after no step, when I declined is removed and there was no offer', () => {
    const r = newApplication('Okala');
    logStep(r, { kind: 'technical', date: '2025-01-10' });
    const d = logStep(r, { kind: 'declined', date: '2025-01-22' });
    removeStep(r, d);
    expect(r.outcome).toEqual({ kind: 'pending', afterStageId: null, remaining: null });
  });

  it('drops the step an outcome came after when the outcome becomes pending', () => {
    const r = newApplication('Snapp');
    const t1 = logStep(r, { kind: 'technical', date: '2025-01-10' });
    logStep(r, { kind: 'technical', date: '2025-01-12' });
    setOutcome(r, 'rejected', t1);
    expect(r.outcome.afterStageId).toBe(t1);
    // The popup passes the outcome's step along when another kind is chosen.
    setOutcome(r, 'pending', r.outcome.afterStageId);
    expect(r.outcome).toEqual({ kind: 'pending', afterStageId: null, remaining: null });
  });

  it('leaves a pending outcome after no step when the step it named is removed', () => {
    const r = newApplication('Snapp');
    const t1 = logStep(r, { kind: 'technical', date: '2025-01-10' });
    logStep(r, { kind: 'hr-interview', date: '2025-01-12' });
    // As an imported entry may have it: pending, with the step it stopped at.
    r.outcome = { kind: 'pending', afterStageId: t1, remaining: null };
    removeStep(r, t1);
    expect(r.outcome).toEqual({ kind: 'pending', afterStageId: null, remaining: null });
  });

  it('moves the outcome to the last step reached when its step is removed', () => {
    const r = newApplication('Snapp');
    const t1 = logStep(r, { kind: 'technical', date: '2025-01-10' });
    const h = logStep(r, { kind: 'hr-interview', date: '2025-01-12' });
    setOutcome(r, 'ghosted', h);
    removeStep(r, h);
    expect(r.outcome).toEqual({ kind: 'ghosted', afterStageId: t1, remaining: null });
  });

  it('removes steps without losing questions', () => {
    const r = newApplication('Bitpin');
    const t1 = logStep(r, { kind: 'technical', date: '2025-01-10' });
    logStep(r, { kind: 'technical', date: '2025-01-12' });
    addQuestions(r, r.rounds[0].id, [{ text: 'What is a goroutine?', answer: 'A light thread.' }]);
    removeStep(r, t1);
    expect(r.stages.map((s) => s.label)).toEqual(['Technical Interview']);
    expect(r.rounds[0]).toMatchObject({ title: 'Technical Interview I', stageId: null });
    expect(r.rounds[0].questions[0].answers).toEqual(['A light thread.']);
    expect(valid(r)).toEqual([]);
  });

  it('adds pasted questions to a section, creating one when there is none', () => {
    const r = newApplication('Zibal');
    const id = addQuestions(r, null, [
      { text: 'Tell me about yourself', answer: '' },
      { text: 'What is `is` vs `==`?', answer: 'Identity vs equality.' },
    ]);
    expect(r.rounds).toHaveLength(1);
    expect(r.rounds[0]).toMatchObject({ id, title: 'Technical Interview' });
    expect(r.rounds[0].questions.map((q) => [q.text, q.answers])).toEqual([
      ['Tell me about yourself', []],
      ['What is `is` vs `==`?', ['Identity vs equality.']],
    ]);
  });

  it('scores in steps of 0.5 between 0 and 10', () => {
    expect([-1, 0, 3.3, 7.75, 10, 12, NaN].map(clampScore)).toEqual([0, 0, 3.5, 8, 10, 10, null]);
    const r = newApplication('X');
    setOutcome(r, 'accepted');
    expect(r.outcome).toEqual({ kind: 'accepted', afterStageId: null, remaining: null });
  });
});

describe('step keys', () => {
  // What a browser reports for the key labelled with the letter on each layout: `key` the letter typed,
  // `code` the key's position on a US QWERTY board.
  it.each([
    ['QWERTY', 't', 'KeyT'],
    ['QWERTY with Shift', 'T', 'KeyT'],
    ['Dvorak (T sits where QWERTY has K)', 't', 'KeyK'],
    ['Colemak (T sits where QWERTY has F)', 't', 'KeyF'],
    ['AZERTY (same place as QWERTY)', 't', 'KeyT'],
  ])('picks the step of the letter typed on %s', (_layout, key, code) => {
    expect(stepForKey({ key, code })).toBe('technical');
  });

  it('on Dvorak, the key labelled K picks Task, not the letter at its QWERTY position (V)', () => {
    // Dvorak's K is QWERTY's V; its V is QWERTY's period.
    expect(stepForKey({ key: 'k', code: 'KeyV' })).toBe('task');
    expect(stepForKey({ key: 'v', code: 'Period' })).toBe('task-review');
  });

  it('falls back to the physical key when the letter typed is not Latin (Persian layout)', () => {
    expect(stepForKey({ key: 'ف', code: 'KeyT' })).toBe('technical');
    expect(stepForKey({ key: 'ق', code: 'KeyR' })).toBe('resume');
    expect(stepForKey({ key: 'ی', code: 'KeyD' })).toBe('declined');
  });

  it('picks nothing for letters without a step, digits, or other keys', () => {
    expect(stepForKey({ key: 'g', code: 'KeyG' })).toBeNull();
    expect(stepForKey({ key: '1', code: 'Digit1' })).toBeNull();
    expect(stepForKey({ key: 'Enter', code: 'Enter' })).toBeNull();
    expect(stepForKey({ key: 'ش', code: 'KeyA' })).toBeNull();
  });
});

describe('EditSession', () => {
  async function setup() {
    const repo = await openRepository(new IDBFactory());
    const stored = await repo.create(newApplication('Snapp'));
    return { repo, stored };
  }

  it('shows every edit at once and stores them all, one save at a time', async () => {
    const { repo, stored } = await setup();
    const saved: number[] = [];
    const session = new EditSession(repo, stored, { onSaved: (r) => saved.push(r.revision) });
    for (const ch of 'Senior Go')
      session.edit((d) => {
        d.role = (d.role ?? '') + ch;
      });
    expect(session.record.role).toBe('Senior Go');
    await session.flush();
    expect((await repo.get(stored.id))?.role).toBe('Senior Go');
    expect(saved.length).toBeLessThan(9);
    expect(session.dirty).toBe(false);
  });

  it('merges a concurrent write instead of overwriting it', async () => {
    const { repo, stored } = await setup();
    const session = new EditSession(repo, stored);
    await repo.mutate(stored.id, (d) => {
      d.posting = null;
      d.applyWays = ['Jobinja'];
    });
    session.edit((d) => {
      d.score = 6.5;
    });
    await session.flush();
    const now = await repo.get(stored.id);
    expect(now).toMatchObject({ score: 6.5, applyWays: ['Jobinja'] });
    expect(session.record.applyWays).toEqual(['Jobinja']);
  });

  it('reports a failed save, keeps the edit and stores it on the next try', async () => {
    const { repo, stored } = await setup();
    const onError = vi.fn();
    const update = repo.update.bind(repo);
    let fail = true;
    repo.update = (r) => (fail ? Promise.reject(new Error('disk full')) : update(r));
    const session = new EditSession(repo, stored, { onError });
    session.edit((d) => {
      d.review = 'خوب بود';
    });
    await expect(session.flush()).rejects.toThrow('saving failed');
    expect(onError).toHaveBeenCalled();
    expect(session.record.review).toBe('خوب بود');
    fail = false;
    await session.flush();
    expect((await repo.get(stored.id))?.review).toBe('خوب بود');
  });
});

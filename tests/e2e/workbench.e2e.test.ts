/**
 * The application page's steps, sections and questions (issue 9): a logged step's date, kind and order changed
 * in place and removed with undo; a question added, moved to another section by its menu, by Alt+↑ and by drag;
 * Ctrl+Z taking back typed text. Each change is stored and exported as the repository writes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appHash } from '../../utils/dashboard-route';
import { exportEntry } from '../../utils/jobname/export';
import { addQuestions } from '../../utils/questions';
import { logStep, newApplication } from '../../utils/steps';
import { launchExtension, type ExtensionHarness } from './harness';
import { focusIs, importRecords, POLL, storedRows } from './popup-helpers';

describe("the application page's steps and questions", () => {
  let ext: ExtensionHarness;
  const record = newApplication('Snapp', { role: 'Go Developer', dateFormat: 'jalali-dot' });
  logStep(record, { kind: 'resume', date: '2025-10-07' });
  logStep(record, { kind: 'hr-call', date: '2025-10-20' });
  logStep(record, { kind: 'technical', date: '2025-10-25', duration: '1 hour' });
  logStep(record, { kind: 'technical', date: '2025-11-02' });
  addQuestions(record, 'r1', [
    { text: 'What is a goroutine?', answer: '' },
    { text: 'What is a channel?', answer: 'A typed pipe.' },
  ]);
  addQuestions(record, 'r2', [{ text: 'Design a URL shortener.', answer: '' }]);

  const stored = async () => {
    const {
      postingKey: _,
      terms: _t,
      ...row
    } = (await storedRows(ext, { quiet: true })).find((r) => r.id === record.id)!;
    return row;
  };
  const questionsOf = async () => (await stored()).rounds.map((r) => r.questions.map((q) => q.text));

  beforeAll(async () => {
    ext = await launchExtension();
    await importRecords(ext, [record]);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('edits a logged step in place, moves it, and puts a removed one back', async () => {
    const page = await ext.openExtensionPage(`/dashboard.html${appHash(record.id)}`);
    await page.getByTestId('stages').waitFor();
    const stages = page.getByTestId('stage');
    expect(await stages.count()).toBe(4);

    // A wrong date is corrected, not deleted and logged again: the duration stays.
    const date = page.locator('#stage-s3-date');
    await date.fill('1404/08/05');
    await expect.poll(async () => (await stored()).stages[2].date, POLL).toBe('2025-10-27');
    expect((await stored()).stages[2].duration).toBe('1 hour');
    expect(exportEntry(await stored())).toContain('- **Technical Interview I**<br />1404.08.05');

    await page.locator('#stage-s2-platform').fill('Skype');
    await page.locator('#stage-s2-time').fill('11:30 AM');
    await expect
      .poll(async () => (await stored()).stages[1], POLL)
      .toMatchObject({ platform: 'Skype', time: '11:30 AM' });

    // The second technical round moved up: numbered again in its new place, focus stays on its button.
    await page.locator('#stage-s4-up').click();
    await expect.poll(async () => (await stored()).stages.map((s) => s.id), POLL).toEqual(['s1', 's2', 's4', 's3']);
    expect((await stored()).stages.map((s) => s.label)).toEqual([
      'Sent Resume',
      'HR Call',
      'Technical Interview I',
      'Technical Interview II',
    ]);
    await focusIs(page, 'stage-s4-up');

    // A custom kind with a label of its own.
    await page.locator('#stage-s4-kind').selectOption('onsite');
    await page.locator('#stage-s4-label').fill('On-site at the office');
    await expect
      .poll(async () => (await stored()).stages[2], POLL)
      .toMatchObject({ kind: 'onsite', label: 'On-site at the office' });

    // Removed, then put back where it was by the notice's Undo.
    await page.getByRole('button', { name: 'Remove HR Call' }).click();
    await expect.poll(async () => (await stored()).stages.length, POLL).toBe(3);
    await page.getByTestId('removed-notice').filter({ hasText: 'HR Call' }).waitFor();
    await page.getByTestId('removed-undo').click();
    await expect.poll(async () => (await stored()).stages.map((s) => s.id), POLL).toEqual(['s1', 's2', 's4', 's3']);
    expect((await stored()).stages[1]).toMatchObject({ platform: 'Skype', time: '11:30 AM' });
  });

  it('adds a question and moves it by menu, by keyboard and by drag; Ctrl+Z takes typing back', async () => {
    const page = await ext.openExtensionPage(`/dashboard.html${appHash(record.id)}`);
    await page.getByTestId('rounds').waitFor();
    const first = page.getByTestId('round').first();
    await first.getByTestId('question-add').click();
    // The new question has focus: typed straight in.
    await focusIs(page, 'question-q4-text');
    await page.keyboard.type('What is a mutex?');
    await expect
      .poll(questionsOf, POLL)
      .toEqual([['What is a goroutine?', 'What is a channel?', 'What is a mutex?'], ['Design a URL shortener.']]);

    // Alt+↑ twice: first of its section, the focus still in its text.
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(questionsOf, POLL)
      .toEqual([['What is a mutex?', 'What is a goroutine?', 'What is a channel?'], ['Design a URL shortener.']]);
    await focusIs(page, 'question-q4-text');

    // To the other section by its menu: at the end there.
    await page.locator('#question-q4-round').selectOption('r2');
    await expect.poll(questionsOf, POLL).toEqual([
      ['What is a goroutine?', 'What is a channel?'],
      ['Design a URL shortener.', 'What is a mutex?'],
    ]);

    // Dragged by its handle onto the first question of the first section: it goes before it.
    const handle = page.locator('[data-question-id="q4"] [data-testid="question-drag"]');
    await handle.dragTo(page.locator('[data-question-id="q1"]'));
    await expect
      .poll(questionsOf, POLL)
      .toEqual([['What is a mutex?', 'What is a goroutine?', 'What is a channel?'], ['Design a URL shortener.']]);

    // Typing joined into one step: Ctrl+Z takes the whole word back, Ctrl+Shift+Z brings it again.
    const text = page.locator('#question-q1-text');
    await text.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' In Go?');
    await expect.poll(async () => (await questionsOf())[0][1], POLL).toBe('What is a goroutine? In Go?');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await questionsOf())[0][1], POLL).toBe('What is a goroutine?');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await questionsOf())[0][1], POLL).toBe('What is a goroutine? In Go?');

    // A second answer on the channel question, exported as the repository writes answers.
    const channel = page.locator('[data-question-id="q2"]');
    await channel.getByTestId('question-answer-add').click();
    await focusIs(page, 'question-q2-answer-1');
    await page.keyboard.type('An unbuffered one blocks.');
    await expect
      .poll(async () => (await stored()).rounds[0].questions[2].answers, POLL)
      .toEqual(['A typed pipe.', 'An unbuffered one blocks.']);
    // Shown as the book renders it: markdown, sanitised.
    await page.locator('#question-q2-answer-1').fill('An **unbuffered** one blocks. <img src=x onerror="alert(1)">');
    await channel.getByTestId('question-answer-show').nth(1).click();
    const shown = channel.getByTestId('question-answer-rendered');
    await expect.poll(async () => shown.locator('strong').textContent(), POLL).toBe('unbuffered');
    expect(await shown.locator('img').getAttribute('onerror')).toBeNull();
    await page.locator('#question-q2-answer-1').fill('An unbuffered one blocks.');
    const entry = exportEntry(await stored());
    expect(entry).toMatch(/- What is a mutex\?\n[\s\S]*- What is a goroutine\? In Go\?/);
    expect(entry).toContain('An unbuffered one blocks.');
  });
});

/**
 * Regenerates docs/popup.png: the real built popup (`.output/chrome-mv3`) in headless Chromium, at 2x, with a
 * few sample applications imported through the dashboard's file input.
 *
 *   npm run build && npx tsx scripts/screenshot.ts [out.png] [--dark] [--fa]
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createRecord, newQuestion, newRound, newStage } from '../utils/record';
import { launchExtension, ROOT } from '../tests/e2e/harness';

const args = process.argv.slice(2);
const out = resolve(args.find((a) => !a.startsWith('--')) ?? `${ROOT}/docs/popup.png`);
const dark = args.includes('--dark');
const fa = args.includes('--fa') || args.includes('--rtl');

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString();

const records = [
  createRecord({
    company: { name: 'دیجی‌کالا', website: 'https://www.digikala.com' },
    role: 'Senior Backend Developer',
    stages: [
      newStage('s1', 'resume', 'Sent Resume', { date: '2023-11-01' }),
      newStage('s2', 'hr-call', 'HR Call', { date: '2023-11-05' }),
      newStage('s3', 'technical', 'Technical Interview', {
        date: '2023-11-11',
        duration: '1 hour',
        platform: 'Google Meet',
      }),
    ],
    rounds: [
      newRound('r1', 'Technical Interview', {
        stageId: 's3',
        questions: [
          newQuestion('q1', 'What is a goroutine?', {
            answers: ['A function running concurrently, scheduled by the Go runtime.'],
            answerLabels: ['Answer'],
          }),
          newQuestion('q2', 'چطور race condition را پیدا می‌کنید؟'),
        ],
      }),
    ],
    score: 8,
    updatedAt: day(3),
  }),
  createRecord({
    company: { name: 'Cafe Bazaar', website: '' },
    role: 'Android Developer',
    stages: [
      newStage('s1', 'resume', 'Sent Resume', { date: '2023-10-20' }),
      newStage('s2', 'task', 'Task', { date: '2023-10-28' }),
    ],
    score: 6.5,
    updatedAt: day(2),
  }),
  createRecord({
    company: { name: 'اسنپ', website: '' },
    role: 'Frontend Developer (React)',
    stages: [newStage('s1', 'resume', 'Sent Resume', { date: '2023-10-02' })],
    updatedAt: day(1),
  }),
];

const ext = await launchExtension({ viewport: { width: 380, height: 600 }, deviceScaleFactor: 2 });
try {
  const dashboard = await ext.openExtensionPage('/dashboard.html');
  await dashboard.getByTestId('import-file').setInputFiles(await ext.writeTempFile('sample.json', records));
  await dashboard.getByTestId('message-ok').waitFor();
  await dashboard.close();

  const popup = await ext.openExtensionPage('/popup.html');
  if (dark) await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.getByTestId('current-company').waitFor();
  if (fa) {
    await popup.getByTestId('settings').click();
    await popup.getByTestId('set-lang').selectOption('fa');
    await popup.waitForFunction(() => document.documentElement.dir === 'rtl');
    await popup.getByTestId('settings').click();
  }
  // Show the step form as a user sees it after pressing T.
  await popup.keyboard.press('t');
  await popup.locator('#step-date').waitFor();
  await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await mkdir(dirname(out), { recursive: true });
  await popup.locator('body').screenshot({ path: out, animations: 'disabled' });
  console.log(`wrote ${out}`);
} finally {
  await ext.close();
}

/**
 * The Firefox build (`.output/firefox-mv2`, built by `npm run test:e2e`) in headless Firefox ESR: the popup
 * page as a user uses it, from an empty database to an exported entry, and a review that survives a reload.
 * CI installs Firefox ESR (`.ci/run`); where it is missing outside CI the suite is skipped with a notice,
 * in CI it fails.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEntry } from '../../utils/jobname/export';
import { logStep, newApplication } from '../../utils/steps';
import { FIREFOX_PATH, firefoxInstalled, launchFirefox, type FirefoxHarness } from './firefox';

const OUT = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const REVIEW = 'The technical round was fair; مصاحبه خوب بود.';
const ENTER = '\uE007';
const byTestId = (id: string) => `document.querySelector('[data-testid="${id}"]')`;

const present = firefoxInstalled();
if (!present && !process.env.CI)
  console.warn(`Firefox tests skipped: no ${FIREFOX_PATH} (apt-get install firefox-esr, or set FIREFOX_PATH)`);

describe.runIf(present || Boolean(process.env.CI))('the Firefox build', () => {
  let ff: FirefoxHarness;

  beforeAll(async () => {
    if (!present) throw new Error(`no Firefox at ${FIREFOX_PATH}: CI installs firefox-esr`);
    ff = await launchFirefox(OUT);
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('popup: a new application, a step with a typed Jalali date, a review kept across a reload, the exported entry', async () => {
    await ff.goto(ff.url('/popup.html'));
    await ff.waitFor('document.documentElement.dataset.ready');
    expect(await ff.evaluate<string>(`${byTestId('empty')}.textContent`)).toMatch(/^No applications yet/);

    // New application: the form is open on an empty database; a company name and Enter.
    await ff.waitFor(byTestId('new-company'));
    await ff.evaluate(`${byTestId('new-company')}.focus()`);
    await ff.type(`Snapp${ENTER}`);
    await ff.waitFor(`${byTestId('current-company')}?.textContent === 'Snapp'`);

    // T, a date typed over the one proposed, Enter.
    await ff.evaluate('document.activeElement.blur()');
    await ff.type('t');
    await ff.waitFor(`document.activeElement?.id === 'step-date'`);
    await ff.type(`1404.08.03${ENTER}`);
    await ff.waitFor(`document.querySelectorAll('[data-testid="stage"]').length === 1`);
    expect(await ff.evaluate<string>(`${byTestId('stage')}.querySelector('.stage-date').textContent`)).toBe(
      '1404.08.03',
    );

    // The review, then a reload straight after the last key.
    await ff.evaluate(`${byTestId('tab-outcome')}.click()`);
    await ff.waitFor(byTestId('review'));
    await ff.evaluate(`${byTestId('review')}.focus()`);
    await ff.type(REVIEW);
    await ff.goto(ff.url('/popup.html'));
    await ff.waitFor('document.documentElement.dataset.ready');
    await ff.waitFor(byTestId('review'));
    expect(await ff.evaluate<string>(`${byTestId('current-company')}.textContent`)).toBe('Snapp');
    expect(await ff.evaluate<string>(`${byTestId('review')}.value`)).toBe(REVIEW);

    // The export is the core exporter's output for the same application.
    await ff.evaluate(`${byTestId('tab-export')}.click()`);
    await ff.waitFor(byTestId('export-markdown'));
    const expected = newApplication('Snapp');
    logStep(expected, { kind: 'technical', date: '2025-10-25' });
    expected.review = REVIEW;
    expect(await ff.evaluate<string>(`${byTestId('export-markdown')}.value`)).toBe(exportEntry(expected));
  });
});

/** The popup on its own: the empty state, keyboard focus, and the way to the dashboard. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension } from './harness';
import type { ExtensionHarness } from './harness';
import { focusIs, ready, tabTo, text } from './popup-helpers';

describe('popup', () => {
  let ext: ExtensionHarness;

  beforeAll(async () => {
    ext = await launchExtension({ viewport: { width: 380, height: 600 } });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the empty state and opens the dashboard in a tab from the keyboard', async () => {
    const popup = await ready(await ext.openExtensionPage('/popup.html'));
    await popup.getByTestId('empty').waitFor();
    expect(await text(popup.getByTestId('empty'))).toBe(
      'No applications yet. Clip a posting, or start one with “New application”.',
    );

    // With nothing stored, the new-application form is open and its company field has focus…
    await focusIs(popup, 'new-company');
    // …and the dashboard is a Shift+Tab or two away.
    const button = popup.getByRole('button', { name: 'Dashboard' });
    await tabTo(popup, (f) => f.tag === 'button' && f.text === 'Dashboard', { back: true, max: 6 });
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    const popupClosed = popup.waitForEvent('close');
    const [dashboard] = await Promise.all([
      ext.context.waitForEvent('page'),
      // The popup closes itself as soon as the tab is open, possibly before the key is released.
      popup.keyboard.press('Enter').catch((err: unknown) => {
        if (!popup.isClosed()) throw err;
      }),
    ]);
    await dashboard.waitForURL(ext.url('/dashboard.html'));
    await dashboard.getByRole('heading', { name: 'Applications' }).waitFor();
    await popupClosed;
  });
});

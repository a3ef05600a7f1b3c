/** The popup on its own: the empty state, keyboard focus, and the way to the dashboard. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension } from './harness';
import type { ExtensionHarness } from './harness';

describe('popup', () => {
  let ext: ExtensionHarness;

  beforeAll(async () => {
    ext = await launchExtension({ viewport: { width: 380, height: 600 } });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the empty state and opens the dashboard in a tab from the keyboard', async () => {
    const popup = await ext.openExtensionPage('/popup.html');
    await popup.getByTestId('empty').waitFor();
    expect((await popup.getByTestId('empty').textContent())?.trim()).toBe('No applications yet');

    const button = popup.getByRole('button', { name: 'Open dashboard' });
    // Focused on open, so Enter is all it takes.
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

/**
 * The background's wiring in process, on WXT's fake browser: the context menu (made on install, its click
 * clips the tab), the `clip-posting` command, the message filter, and the clip hook for the browser tests.
 * The clip itself is services/clip-tab's (tests/unit/clip-tab.test.ts); here the clipper always answers
 * with one posting, and a clip shows as an injection, a stored record and the badge.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { HOOKS, type ClipHook } from '../../services/test-hooks';
import { injected, setUpFakeExtension } from './fake-extension';
import { posting } from './postings';

let stubs: ReturnType<typeof setUpFakeExtension>;

beforeEach(async () => {
  stubs = setUpFakeExtension();
  stubs.executeScript.mockResolvedValue(injected({ ok: true, posting: posting() }));
  const background = (await import('../../entrypoints/background')).default;
  background.main();
});

const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
const clippedTabs = () => stubs.executeScript.mock.calls.map(([injection]) => injection.target.tabId);
/** Lets the listeners' promises (the database, the badge) run out. */
const settle = () => new Promise((done) => setTimeout(done, 50));
async function focusedWindow(): Promise<Browser.windows.Window> {
  const win = await fakeBrowser.windows.create({ focused: true });
  if (!win) throw new Error('no window');
  return win;
}
const stored = async () => (await (await import('../../services/db')).getRepository()).listSummaries();

describe('context menu', () => {
  it('is made again on install: the old entries removed first, then one entry for pages, selections, links', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as Browser.runtime.InstalledDetails);
    await vi.waitFor(() => expect(stubs.menus.create).toHaveBeenCalledTimes(1));
    expect(stubs.menus.removeAll).toHaveBeenCalledTimes(1);
    expect(stubs.menus.removeAll.mock.invocationCallOrder[0]).toBeLessThan(
      stubs.menus.create.mock.invocationCallOrder[0],
    );
    expect(stubs.menus.create).toHaveBeenCalledWith({
      id: 'jobnote-clip',
      title: 'Clip this posting to Jobnote',
      contexts: ['page', 'selection', 'link'],
    });
  });

  it('clips the tab it was clicked in: injection, stored record, badge', async () => {
    await stubs.menus.onClicked.trigger({ menuItemId: 'jobnote-clip' }, { id: 5 });
    await vi.waitFor(async () => expect(await badge(5)).toBe('✓'));
    expect(clippedTabs()).toEqual([5]);
    expect((await stored()).map((s) => s.company)).toEqual(['Acme']);
  });

  it('ignores other menu entries and clicks without a tab', async () => {
    await stubs.menus.onClicked.trigger({ menuItemId: 'someone-else' }, { id: 5 });
    await stubs.menus.onClicked.trigger({ menuItemId: 'jobnote-clip' }, undefined);
    await stubs.menus.onClicked.trigger({ menuItemId: 'jobnote-clip' }, {});
    await settle();
    expect(clippedTabs()).toEqual([]);
  });
});

describe('clip-posting command', () => {
  it('clips the tab it comes with', async () => {
    await stubs.commands.onCommand.trigger('clip-posting', { id: 9 });
    expect(clippedTabs()).toEqual([9]);
    expect(await badge(9)).toBe('✓');
  });

  it('clips the active tab of the current window when no tab is given', async () => {
    const win = await focusedWindow();
    await fakeBrowser.tabs.create({ windowId: win.id, url: 'https://example.test/other' });
    const active = await fakeBrowser.tabs.create({
      windowId: win.id,
      url: 'https://jobinja.ir/companies/acme/jobs/AbC1',
      active: true,
    });
    await stubs.commands.onCommand.trigger('clip-posting');
    expect(clippedTabs()).toEqual([active.id]);
    expect(await badge(active.id!)).toBe('✓');
  });

  it('does nothing for another command, or when there is no active tab', async () => {
    const win = await focusedWindow();
    await fakeBrowser.tabs.create({ windowId: win.id, url: 'https://example.test/other' });
    await stubs.commands.onCommand.trigger('_execute_action', { id: 9 });
    await stubs.commands.onCommand.trigger('clip-posting');
    expect(clippedTabs()).toEqual([]);
  });
});

describe('messages', () => {
  const request = { type: 'jobnote/clip', tabId: 4 };
  const ownPage = (): Browser.runtime.MessageSender => ({
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL('/popup.html'),
  });
  const send = (message: unknown, sender: Browser.runtime.MessageSender) =>
    fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});

  it('clips for our own pages and answers with the result', async () => {
    const [answer] = await send(request, ownPage());
    expect(answer).toMatchObject({ ok: true, created: true, company: 'Acme' });
    expect(clippedTabs()).toEqual([4]);
    expect(await badge(4)).toBe('✓');
  });

  it('never answers a content script, even one of ours (it comes from a tab)', async () => {
    const fromTab = { ...ownPage(), tab: { id: 4 } as Browser.tabs.Tab, url: 'https://jobinja.ir/' };
    expect(await send(request, fromTab)).toEqual([undefined]);
    expect(clippedTabs()).toEqual([]);
  });

  it('never answers another extension', async () => {
    expect(await send(request, { id: 'another-extension-id' })).toEqual([undefined]);
    expect(await send(request, {})).toEqual([undefined]);
    expect(clippedTabs()).toEqual([]);
  });

  it.each([
    ['no message', null],
    ['a string', 'jobnote/clip'],
    ['another type', { type: 'jobnote/export', tabId: 4 }],
    ['no tab id', { type: 'jobnote/clip' }],
    ['a tab id as text', { type: 'jobnote/clip', tabId: '4' }],
    ['a fractional tab id', { type: 'jobnote/clip', tabId: 4.5 }],
  ])('ignores a malformed clip request from our own page: %s', async (_what, message) => {
    expect(await send(message, ownPage())).toEqual([undefined]);
    expect(clippedTabs()).toEqual([]);
  });
});

it('exposes the menu and shortcut path to the browser tests (services/test-hooks.ts)', async () => {
  const hook = (globalThis as unknown as Record<string, ClipHook>)[HOOKS.clip];
  expect(await hook.clipTab(6)).toMatchObject({ ok: true, created: true });
  expect(clippedTabs()).toEqual([6]);
  expect(await badge(6)).toBe('✓');
});

/**
 * The background service worker (an event page on Firefox MV2): wiring only, no DOM.
 *
 * Clipping starts from the toolbar popup (a message), the page's context menu, or the keyboard shortcut;
 * each is a user action that grants activeTab for that tab. Nothing is injected at page load.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isClipRequest } from '@/utils/clip/messages';
import { clipTab, showClipBadge } from '@/services/clip-tab';
import { exposeClipTab } from '@/services/test-hooks';

const MENU_ID = 'jobnote-clip';
/** The shortcut's command (manifest `commands` in wxt.config.ts). */
const CLIP_COMMAND = 'clip-posting';

async function clipAndShow(tabId: number) {
  const result = await clipTab(tabId);
  await showClipBadge(tabId, result);
  return result;
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: browser.i18n.getMessage('clipMenu') || 'Clip this posting to Jobnote',
        contexts: ['page', 'selection', 'link'],
      }),
    );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void clipAndShow(tab.id);
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== CLIP_COMMAND) return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await clipAndShow(id);
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // Only our own pages ask; a content script of ours never sends this.
    if (sender.id !== browser.runtime.id || sender.tab || !isClipRequest(message)) return undefined;
    return clipAndShow(message.tabId);
  });

  // For the browser tests and the bench: the same path the menu and the shortcut take.
  exposeClipTab(clipAndShow);
});

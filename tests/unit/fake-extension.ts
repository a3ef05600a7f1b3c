/**
 * What the background and services/clip-tab need from WXT's fake browser beyond what it implements: the
 * context menu and command APIs (in memory, with `trigger`), `i18n.getMessage` (no messages: the English
 * fallbacks show), `scripting.executeScript` (a stub the test decides), and a fresh IndexedDB (fake-indexeddb)
 * with fresh modules, so services/db opens it again.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** An event the test can fire, like the fake browser's own. */
export function testEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener: (l: (...args: A) => unknown) => void listeners.push(l),
    removeListener: (l: (...args: A) => unknown) => {
      const at = listeners.indexOf(l);
      if (at >= 0) listeners.splice(at, 1);
    },
    hasListener: (l: (...args: A) => unknown) => listeners.includes(l),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: A) => Promise.all(listeners.map((l) => l(...args))),
  };
}

export type ExecuteScript = (injection: { target: { tabId: number }; files?: string[] }) => Promise<unknown>;

/** Resets the fake browser and gives it the APIs it lacks; returns the stubs. */
export function setUpFakeExtension() {
  fakeBrowser.reset();
  const menus = {
    create: vi.fn((_props: { id: string; title: string; contexts: string[] }) => 1),
    removeAll: vi.fn(async () => {}),
    onClicked: testEvent<[info: { menuItemId: string | number }, tab?: { id?: number }]>(),
  };
  const commands = { onCommand: testEvent<[command: string, tab?: { id?: number }]>() };
  const executeScript = vi.fn<ExecuteScript>(async () => [{ frameId: 0, result: undefined }]);
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.contextMenus = menus;
  b.commands = commands;
  b.scripting = { executeScript };
  b.i18n = { getMessage: () => '' };
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.resetModules();
  return { menus, commands, executeScript };
}

/** The clipper's answer for a posting, as `executeScript` gives it (one frame). */
export function injected(result: unknown) {
  return [{ frameId: 0, result }];
}

/**
 * Browser test harness: the built extension (`.output/chrome-mv3`) loaded into Debian's headless Chromium
 * through playwright-core.
 *
 *   const ext = await launchExtension();           // fresh profile in a temp dir
 *   const page = await ext.openExtensionPage('/dashboard.html');
 *   ...
 *   await ext.clearData();                         // between tests: empty IndexedDB + storage
 *   await ext.close();                             // closes Chromium, removes the profile and temp files
 *
 * With `{ actionPopups: true }` the toolbar button can be clicked as a user would:
 *
 *   const popup = await ext.triggerAction(page);   // grants activeTab for page's tab, returns the popup
 *
 * Build first (`npm run test:e2e` does). Chromium: `/usr/bin/chromium` (apt-get install chromium), or
 * `CHROMIUM_PATH` / `CHROME_PATH`. Never `npx playwright install`: it downloads a browser of its own.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_OUT_DIR = join(ROOT, '.output/chrome-mv3');

export interface LaunchOptions {
  /** The unpacked extension; default `.output/chrome-mv3`. */
  outDir?: string;
  /** Default `CHROMIUM_PATH`, `CHROME_PATH`, then `/usr/bin/chromium`. */
  executablePath?: string;
  /** Default true; `E2E_HEADED=1` shows the window (needs a display). */
  headless?: boolean;
  /** Default viewport of new pages. */
  viewport?: { width: number; height: number };
  /** 2 for crisp screenshots. */
  deviceScaleFactor?: number;
  /** Browser UI language (`--lang`), e.g. `fa`. */
  locale?: string;
  /** More Chromium switches (e.g. `--host-resolver-rules=…`). */
  args?: string[];
  /**
   * Enables `triggerAction`: adds `--enable-unsafe-extension-debugging` (for the CDP command
   * `Extensions.triggerAction`) and has playwright treat the toolbar popup as a page. The popup's target
   * starts as type "other", which playwright ignores unless `PW_CHROMIUM_ATTACH_TO_OTHER` is set in this
   * process (it is set here, for the rest of the process).
   */
  actionPopups?: boolean;
}

export interface ExtensionHarness {
  context: BrowserContext;
  /** The extension's id, from its service worker URL. */
  extensionId: string;
  /** `chrome-extension://<id>` */
  baseUrl: string;
  /** The extension's background service worker (evaluate in it with `serviceWorker.evaluate`). */
  serviceWorker: Worker;
  /** The temp dir of this run (profile in `profile/`); removed by `close`. */
  tmpDir: string;
  /** `chrome-extension://<id>/<path>` */
  url(path: string): string;
  /** Opens an extension page (`/popup.html`, `dashboard.html#x`) in a new tab, once its DOM is loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Writes a file in the run's temp dir (for `setInputFiles`); objects are written as JSON. Returns its path. */
  writeTempFile(name: string, content: string | Buffer | object): Promise<string>;
  /**
   * Clicks the extension's toolbar button for `page`'s tab, as a user would: brings the tab to the front,
   * sends `Extensions.triggerAction` (on a browser CDP session, with the id of the tab's "tab" target), which
   * grants activeTab for that tab and opens the popup. Returns the popup page once its DOM is loaded.
   * Needs `launchExtension({ actionPopups: true })`.
   */
  triggerAction(page: Page): Promise<Page>;
  /**
   * Closes every page and deletes the extension's IndexedDB databases, `storage.local` / `storage.session` and
   * its origin's `localStorage` (where the popup keeps its draft).
   */
  clearData(): Promise<void>;
  /** Closes Chromium and removes the temp dir. Safe to call twice. */
  close(): Promise<void>;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  if (!existsSync(join(outDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${outDir}: run \`npm run build\` first (\`npm run test:e2e\` does).`);
  }
  const executablePath = options.executablePath ?? chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }

  // Read by playwright when a target attaches: the toolbar popup is a target of type "other".
  if (options.actionPopups) process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';

  const tmpDir = await mkdtemp(join(tmpdir(), 'jobnote-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(join(tmpDir, 'profile'), {
      executablePath,
      headless: options.headless ?? process.env.E2E_HEADED !== '1',
      viewport: options.viewport ?? { width: 1100, height: 800 },
      deviceScaleFactor: options.deviceScaleFactor,
      acceptDownloads: true,
      args: [
        `--disable-extensions-except=${outDir}`,
        `--load-extension=${outDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...(options.locale ? [`--lang=${options.locale}`] : []),
        ...(options.actionPopups ? ['--enable-unsafe-extension-debugging'] : []),
        ...(options.args ?? []),
      ],
    });
  } catch (err) {
    await rm(tmpDir, { recursive: true, force: true });
    throw err;
  }

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      await context.close();
    } finally {
      await rm(tmpDir, { recursive: true, force: true, maxRetries: 3 });
    }
  };

  try {
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const baseUrl = `chrome-extension://${extensionId}`;
    const url = (path: string) => `${baseUrl}/${path.replace(/^\/+/, '')}`;

    const openExtensionPage = async (path: string) => {
      const page = await context.newPage();
      await page.goto(url(path), { waitUntil: 'domcontentloaded' });
      return page;
    };

    const clearData = async () => {
      for (const p of context.pages()) await p.close();
      // A page of the extension's origin that runs none of our code (so it holds no database connection).
      const page = await openExtensionPage('/manifest.json');
      try {
        await page.evaluate(async () => {
          const dbs = await indexedDB.databases();
          await Promise.all(
            dbs.map(
              (db) =>
                new Promise<void>((done, fail) => {
                  const req = indexedDB.deleteDatabase(db.name!);
                  req.onsuccess = () => done();
                  req.onerror = () => fail(req.error);
                  // Our pages close their connection on `versionchange`; anything else would block here.
                  req.onblocked = () =>
                    fail(new Error(`deleting IndexedDB ${db.name} is blocked by an open connection`));
                }),
            ),
          );
          type Area = { clear(): Promise<void> } | undefined;
          // Undefined without the `storage` permission, which the shipped manifest does not ask for.
          const ext = (globalThis as unknown as { chrome: { storage?: { local: Area; session: Area } } }).chrome;
          await ext.storage?.local?.clear();
          await ext.storage?.session?.clear();
          localStorage.clear();
        });
      } finally {
        await page.close();
      }
    };

    const writeTempFile = async (name: string, content: string | Buffer | object) => {
      const path = join(tmpDir, name);
      const data = typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2);
      await writeFile(path, data);
      return path;
    };

    const popupUrl = url('/popup.html');
    const triggerAction = async (page: Page) => {
      if (!options.actionPopups) throw new Error('triggerAction needs launchExtension({ actionPopups: true })');
      await page.bringToFront();
      const browser = context.browser();
      if (!browser) throw new Error('no browser behind this context');
      const cdp = await browser.newBrowserCDPSession();
      try {
        // The command wants the tab's "tab" target (the page target answers "Method not allowed"), and only
        // on a browser session. Tab targets are not linked to their page targets: match by URL.
        type TargetInfo = { targetId: string; type: string; url: string };
        const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
          targetInfos: TargetInfo[];
        };
        const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === page.url());
        if (tabs.length !== 1)
          throw new Error(`triggerAction: ${tabs.length} tabs show ${page.url()} (need exactly one)`);
        // The popup is the page that was not there before and shows popup.html. Polled rather than taken from
        // the 'page' event: the event can come before the page has its URL, and then nothing tells when it does.
        const before = new Set(context.pages());
        await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tabs[0]!.targetId } as never);
        const deadline = Date.now() + 15_000;
        const opened = () =>
          context.pages().find((p) => !before.has(p) && !p.isClosed() && p.url().startsWith(popupUrl));
        let popup = opened();
        for (; !popup; popup = opened()) {
          if (!browser.isConnected())
            throw new Error(
              `triggerAction: Chromium ${browser.version()} went away on Extensions.triggerAction. Debian bookworm's ` +
                'chromium 150 crashes there (SIGSEGV), 156 from bookworm-security does not: ' +
                'apt-get update && apt-get install -y chromium',
            );
          if (Date.now() > deadline)
            throw new Error(
              `triggerAction: no popup opened within 15 s (pages: ${context
                .pages()
                .map((p) => p.url())
                .join(', ')})`,
            );
          await new Promise((r) => setTimeout(r, 25));
        }
        await popup.waitForLoadState('domcontentloaded');
        return popup;
      } finally {
        await cdp.detach().catch(() => {});
      }
    };

    return {
      context,
      extensionId,
      baseUrl,
      serviceWorker,
      tmpDir,
      url,
      openExtensionPage,
      writeTempFile,
      triggerAction,
      clearData,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

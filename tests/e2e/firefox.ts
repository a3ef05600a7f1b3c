/**
 * Firefox for the browser tests: Debian's Firefox ESR, headless, driven over WebDriver BiDi (its own
 * `--remote-debugging-port`, no geckodriver), with the Firefox build installed as a temporary add-on
 * (`webExtension.install`). The add-on gets a fixed internal UUID (`extensions.webextensions.uuids`), so
 * its pages are at a known `moz-extension://` address; `--remote-allow-system-access` lets BiDi navigate
 * there (Firefox 153+ refuses otherwise).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'jobnote@jobnote.dev';
const UUID = '6f7e2c1a-4b3d-4e5f-8a9b-0c1d2e3f4a5b';

export interface RemoteValue {
  type: string;
  value?: unknown;
}

export interface FirefoxHarness {
  /** `moz-extension://<uuid><path>`. */
  url(path: string): string;
  /** Navigates the tab and waits for the load. */
  goto(url: string): Promise<void>;
  /** Evaluates an expression in the page (awaiting a promise); its value when it is a primitive. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Polls an expression until it is truthy. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  /** Key presses, as a user types (`\uE007` is Enter). */
  type(text: string): Promise<void>;
  close(): Promise<void>;
}

/** `prefs`: more preferences for the profile (e.g. `network.dns.forceResolve` to send every host to a test server). */
export async function launchFirefox(
  outDir: string,
  prefs: Record<string, string | number | boolean> = {},
): Promise<FirefoxHarness> {
  const profile = mkdtempSync(join(tmpdir(), 'jobnote-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    [
      `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [ADDON_ID]: UUID }))});`,
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("intl.accept_languages", "en-US");',
      ...Object.entries(prefs).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`),
    ].join('\n') + '\n',
  );
  const proc: ChildProcess = spawn(
    FIREFOX_PATH,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', '--remote-allow-system-access'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let ws: WebSocket | undefined;
  const cleanup = () => {
    ws?.close();
    proc.kill();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(
        () => reject(new Error(`Firefox did not start WebDriver BiDi in 30 s:\n${log.slice(-2000)}`)),
        30_000,
      );
      proc.stderr!.on('data', (d: Buffer) => {
        log += String(d);
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      proc.once('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${log.slice(-2000)}`)));
    });
    const socket = new WebSocket(`${endpoint}/session`);
    ws = socket;
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    let lastId = 0;
    const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; method: string }>();
    socket.on('message', (data) => {
      const msg = JSON.parse(String(data)) as {
        id?: number;
        type: string;
        result?: unknown;
        error?: string;
        message?: string;
      };
      const p = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id!);
      if (msg.type === 'error') p.reject(new Error(`${p.method}: ${msg.error}: ${msg.message}`));
      else p.resolve(msg.result);
    });
    const send = <T>(method: string, params: object) =>
      new Promise<T>((resolve, reject) => {
        const id = ++lastId;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
        socket.send(JSON.stringify({ id, method, params }));
      });

    await send('session.new', { capabilities: {} });
    await send('webExtension.install', { extensionData: { type: 'path', path: outDir } });
    const tree = await send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    const context = tree.contexts[0]!.context;

    const evaluate = async <T>(expression: string): Promise<T> => {
      const r = await send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>(
        'script.evaluate',
        {
          expression,
          target: { context },
          awaitPromise: true,
        },
      );
      if (r.type === 'exception') throw new Error(`${expression}: ${r.exceptionDetails?.text}`);
      return r.result?.value as T;
    };

    return {
      url: (path) => `moz-extension://${UUID}${path}`,
      goto: async (url) => {
        await send('browsingContext.navigate', { context, url, wait: 'complete' });
      },
      evaluate,
      waitFor: async (expression, timeoutMs = 10_000) => {
        const end = Date.now() + timeoutMs;
        for (;;) {
          if (await evaluate<boolean>(`!!(${expression})`)) return;
          if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      type: async (text) => {
        const actions = [...text].flatMap((c) => [
          { type: 'keyDown', value: c },
          { type: 'keyUp', value: c },
        ]);
        await send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
      },
      close: async () => {
        await send('session.end', {}).catch(() => {});
        cleanup();
      },
    };
  } catch (err) {
    cleanup();
    throw err;
  }
}

export const firefoxInstalled = () => existsSync(FIREFOX_PATH);

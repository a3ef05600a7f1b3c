/**
 * The Firefox build (`.output/firefox-mv2`, built by `npm run test:e2e`) in headless Firefox ESR: the popup
 * page as a user uses it, from an empty database to an exported entry, and a review that survives a reload;
 * then a posting clipped end to end by the background, in a test build with one host grant (below).
 * CI installs Firefox ESR (`.ci/run`); where it is missing outside CI the suite is skipped with a notice,
 * in CI it fails.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOOKS } from '../../services/test-hooks';
import { extractPosting, scrapeJson } from '../../utils/clip/extract';
import { exportEntry } from '../../utils/jobname/export';
import { parseRecord } from '../../utils/record-validate';
import { logStep, newApplication } from '../../utils/steps';
import { BOARD_IDS } from '../../utils/boards';
import { BOARD_HOSTS, readFixture, startBoardsServer, type BoardsServer } from './boards-server';
import { FIREFOX_PATH, firefoxInstalled, launchFirefox, type FirefoxHarness } from './firefox';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.output/firefox-mv2');
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

  it("dashboard: a backup imported through the file input (read and written by the import's worker)", async () => {
    await ff.goto(ff.url('/dashboard.html'));
    await ff.waitFor(`${byTestId('application')} || ${byTestId('empty')}`);
    const count = () => ff.evaluate<number>(`parseInt(${byTestId('count')}?.textContent ?? '0', 10)`);
    const before = await count();
    const records = Array.from({ length: 300 }, (_, i) => {
      const r = newApplication(`Firefox Co ${i}`);
      r.id = `ff-import-${i}`;
      return r;
    });
    const backup = JSON.stringify({ format: 'jobnote-backup', version: 1, exportedAt: '', records });
    // A file chosen in the input, as a user's choice lands there (WebDriver BiDi has no file dialog to drive).
    await ff.evaluate(`(() => {
      const input = ${byTestId('import-file')};
      const files = new DataTransfer();
      files.items.add(new File([${JSON.stringify(backup)}], 'backup.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    await ff.waitFor(`${byTestId('message-ok')} || ${byTestId('message-error')}`, 20_000);
    expect(
      await ff.evaluate<string>(`${byTestId('message-ok')}?.textContent ?? ${byTestId('message-error')}.textContent`),
    ).toMatch(/^Imported 300 applications/);
    // Stored: the page opened again lists them.
    await ff.goto(ff.url('/dashboard.html'));
    await ff.waitFor(byTestId('count'));
    expect(await count()).toBe(before + 300);
  });
});

/**
 * Clipping in Firefox, end to end. A test cannot click Firefox's toolbar button, menu or shortcut (WebDriver
 * has no access to browser chrome), and only such a user action grants activeTab. So this part runs a TEST
 * BUILD that differs from the shipped one only by host grants for the fixture hosts: `wxt build -b firefox`
 * with JOBNOTE_TEST_HOST_PERMISSIONS (wxt.config.ts: 127.0.0.1 and the boards server's hosts), into
 * .output/firefox-mv2-test-hosts; the first test checks that every other byte is the shipped build's.
 * Firefox resolves every host to the local boards server (`network.dns.forceResolve`), so board pages are
 * served at their own host names (with the server's port). The clip takes the path of the menu and the
 * shortcut (`globalThis.jobnote.clipTab`, services/test-hooks.ts), called from an extension page through
 * `runtime.getBackgroundPage()`: the background injects clip.js, reads the posting and stores it.
 */
const TEST_HOSTS = ['http://127.0.0.1/*', ...BOARD_HOSTS.map((h) => `http://*.${h}/*`)];
const TEST_OUT = join(ROOT, '.output/firefox-mv2-test-hosts');

/** The environment `npm run build:firefox` has: without vitest's NODE_ENV=test, which builds React for development. */
function productionEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && k !== 'MODE' && !k.startsWith('VITEST')),
  );
}

/** Every file under `dir`, as a path relative to `root`. */
function filesOf(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(root, path) : [relative(root, path)];
  });
}

type ClipResult = { ok: boolean; created?: boolean; recordId?: string; error?: string };

describe.runIf(present || Boolean(process.env.CI))(
  'clipping in the Firefox build (test build with host grants)',
  () => {
    let ff: FirefoxHarness;
    let server: BoardsServer;

    beforeAll(async () => {
      if (!present) throw new Error(`no Firefox at ${FIREFOX_PATH}: CI installs firefox-esr`);
      await promisify(execFile)(join(ROOT, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox'], {
        cwd: ROOT,
        env: { ...productionEnv(), JOBNOTE_TEST_HOST_PERMISSIONS: TEST_HOSTS.join(',') },
        maxBuffer: 16 * 1024 * 1024,
      });
      server = await startBoardsServer();
      ff = await launchFirefox(TEST_OUT, {
        'network.dns.forceResolve': '127.0.0.1',
        'dom.security.https_first': false,
        'network.proxy.type': 0,
      });
      await ff.goto(ff.url('/dashboard.html'));
    }, 240_000);
    afterAll(async () => {
      await ff?.close();
      await server?.close();
    });

    /** Opens `pageUrl` in a new tab and clips it through the background's hook. */
    async function clip(pageUrl: string): Promise<ClipResult> {
      return JSON.parse(
        await ff.evaluate<string>(`(async () => {
        const tab = await browser.tabs.create({ url: ${JSON.stringify(pageUrl)}, active: true });
        // Loaded: the page itself says so (the tab's own status can read complete while its first
        // about:blank is still the document, and a clip there is refused).
        const want = new URL(${JSON.stringify(pageUrl)}).href;
        const loaded = () =>
          browser.tabs
            .executeScript(tab.id, { code: 'document.readyState + " " + location.href' })
            .then(([s]) => s === 'complete ' + want, () => false);
        for (let i = 0; !(await loaded()); i++) {
          if (i > 300) throw new Error('the page did not load');
          await new Promise((r) => setTimeout(r, 50));
        }
        const background = await browser.runtime.getBackgroundPage();
        const result = await background[${JSON.stringify(HOOKS.clip)}].clipTab(tab.id);
        await browser.tabs.remove(tab.id);
        return JSON.stringify(result);
      })()`),
      ) as ClipResult;
    }

    /** The stored row of record `id`, split into the record (checked by the validator) and its posting keys. */
    async function stored(id: string) {
      const row = JSON.parse(
        await ff.evaluate<string>(`(async () => {
        const db = await new Promise((ok, fail) => {
          const req = indexedDB.open('jobnote');
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        const row = await new Promise((ok, fail) => {
          const req = db.transaction('applications').objectStore('applications').get(${JSON.stringify(id)});
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        db.close();
        return JSON.stringify(row ?? null);
      })()`),
      ) as Record<string, unknown> | null;
      if (!row) throw new Error(`no stored record ${id}`);
      const { postingKey, ...record } = row;
      const parsed = parseRecord(record);
      if (!parsed.ok) throw new Error(`stored record rejected: ${parsed.errors.join('; ')}`);
      return { record: parsed.value, postingKey };
    }

    /** Serves fixture `board/name` at `host` (its own by default) and clips it; the record must hold what jsdom reads. */
    async function clipFixture(board: string, name?: string, host?: string) {
      const fx = readFixture(board, name);
      const at = new URL(fx.fixtureUrl);
      const pageUrl = server.route(`http://${host ?? at.hostname}:${server.port}${at.pathname}${at.search}`, fx.html);
      const result = await clip(pageUrl);
      expect(result, result.error).toMatchObject({ ok: true, created: true });
      const { record, postingKey } = await stored(result.recordId!);
      // Firefox read the page as jsdom reads the same bytes at the same address in the unit tests.
      const expected = extractPosting(new JSDOM(fx.html, { url: pageUrl }).window.document, pageUrl);
      expect(record.posting && scrapeJson(record.posting)).toEqual(scrapeJson(expected));
      expect(record.posting?.sources).toEqual(expected.sources);
      expect(record.posting?.title).toBe(fx.expected.title);
      expect(record.posting?.company).toEqual(fx.expected.company);
      expect(record.posting?.description).not.toMatch(/javascript:/i);
      expect(record.role).toBe(fx.expected.title);
      return { fx, record, postingKey, expected };
    }

    it('the test build is the shipped build plus the host grants', () => {
      const shipped = filesOf(OUT).sort();
      expect(filesOf(TEST_OUT).sort()).toEqual(shipped);
      for (const file of shipped.filter((f) => f !== 'manifest.json'))
        expect(readFileSync(join(TEST_OUT, file)).equals(readFileSync(join(OUT, file))), file).toBe(true);
      const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      const test = manifest(TEST_OUT);
      expect(test.permissions).toEqual(expect.arrayContaining(TEST_HOSTS));
      const rest = test.permissions.filter((p: string) => !TEST_HOSTS.includes(p));
      expect({ ...test, permissions: rest }).toEqual(manifest(OUT));
    });

    it('clips a generic posting page (JSON-LD) and stores the record the clipper read', async () => {
      const { record, postingKey, expected } = await clipFixture('generic', 'greenhouse', '127.0.0.1');
      expect(record.posting?.board).toBe('jsonld');
      expect(record.company.name).toBe('Acme');
      expect(postingKey).toEqual([`url:${expected.url}`]);
    });

    it.each(BOARD_IDS)('clips a %s posting at its own host with the board adapter', async (board) => {
      const { fx, record } = await clipFixture(board);
      expect(record.posting?.board).toBe(fx.expected.board ?? board);
      expect(record.posting?.jobId).toBe(fx.expected.jobId);
      expect(record.posting?.description).toBe(fx.expected.description);
    });
  },
);

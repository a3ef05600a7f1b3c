/**
 * Clipping a tab (services/clip-tab.ts) in process, on WXT's fake browser: the injection, the timeout, the
 * error explanations, create versus update of the stored record (fake-indexeddb), and the badge.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injected, setUpFakeExtension } from './fake-extension';
import { posting } from './postings';

type ClipTab = typeof import('../../services/clip-tab');
type Db = typeof import('../../services/db');

let stubs: ReturnType<typeof setUpFakeExtension>;
let clip: ClipTab;
let db: Db;

beforeEach(async () => {
  stubs = setUpFakeExtension();
  clip = await import('../../services/clip-tab');
  db = await import('../../services/db');
});

afterEach(() => {
  vi.useRealTimers();
});

const CANNOT_READ = /^Jobnote cannot read this page\. Browser pages and add-on stores are off limits/;
const TAB_GONE = 'The tab was closed or changed before the clip finished.';

describe('explainClipError', () => {
  it.each([
    ['Cannot access contents of url "chrome://settings/". Extension manifest must request permission.'],
    ['Cannot access a chrome:// URL'],
    ['The extensions gallery cannot be scripted.'],
    ['Missing host permission for the tab'],
    ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.'],
    ['Unable to open about:addons'],
  ])('says the page is off limits for "%s"', (message) => {
    expect(clip.explainClipError(new Error(message))).toMatch(CANNOT_READ);
  });

  it.each([['No tab with id: 42.'], ['Tab was closed.'], ['Frame with ID 0 was removed.']])(
    'says the tab went away for "%s"',
    (message) => {
      expect(clip.explainClipError(new Error(message))).toBe(TAB_GONE);
    },
  );

  it('passes any other message on as it is, from an Error or anything else', () => {
    expect(clip.explainClipError(new Error('Reading the page took longer than 15 s'))).toBe(
      'Reading the page took longer than 15 s',
    );
    expect(clip.explainClipError('something odd')).toBe('something odd');
  });
});

describe('clipTab', () => {
  it('injects the clipper file into the tab asked for, and stores a new application', async () => {
    stubs.executeScript.mockResolvedValue(injected({ ok: true, posting: posting({ notes: ['salary missing'] }) }));
    const result = await clip.clipTab(7);
    expect(stubs.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/clip.js'] });
    expect(result).toMatchObject({
      ok: true,
      created: true,
      title: 'Backend Developer',
      company: 'Acme',
      notes: ['salary missing'],
    });
    const repo = await db.getRepository();
    const stored = await repo.get((result as { recordId: string }).recordId);
    expect(stored?.company.name).toBe('Acme');
    expect(stored?.posting?.jobId).toBe('AbC1');
    expect(await repo.listSummaries()).toHaveLength(1);
  });

  it('updates the posting of the application clipped before, keeping what the user wrote', async () => {
    stubs.executeScript.mockResolvedValue(injected({ ok: true, posting: posting() }));
    const first = await clip.clipTab(7);
    if (!first.ok) throw new Error(first.error);
    const repo = await db.getRepository();
    await repo.mutate(first.recordId, (r) => {
      r.review = 'Friendly panel.';
    });

    stubs.executeScript.mockResolvedValue(
      injected({ ok: true, posting: posting({ title: 'Senior Backend Developer', salary: '40 - 60 میلیون تومان' }) }),
    );
    const second = await clip.clipTab(8);
    expect(second).toMatchObject({
      ok: true,
      created: false,
      recordId: first.recordId,
      title: 'Senior Backend Developer',
    });
    const stored = await repo.get(first.recordId);
    expect(stored?.posting?.title).toBe('Senior Backend Developer');
    expect(stored?.posting?.salary).toBe('40 - 60 میلیون تومان');
    expect(stored?.review).toBe('Friendly panel.');
    expect(await repo.listSummaries()).toHaveLength(1);
  });

  it('gives up after 15 s when the page does not answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    stubs.executeScript.mockReturnValue(new Promise(() => {}));
    const pending = clip.clipTab(7);
    await vi.advanceTimersByTimeAsync(14_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ ok: false, error: 'Reading the page took longer than 15 s' });
  });

  it('explains the errors the injection fails with', async () => {
    stubs.executeScript.mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    const blocked = await clip.clipTab(7);
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.error).toMatch(CANNOT_READ);
    stubs.executeScript.mockRejectedValue(new Error('No tab with id: 7.'));
    expect(await clip.clipTab(7)).toEqual({ ok: false, error: TAB_GONE });
  });

  it('stores nothing when the page sends nothing, an error, or no posting', async () => {
    stubs.executeScript.mockResolvedValue([]);
    expect(await clip.clipTab(7)).toEqual({ ok: false, error: 'the page returned nothing' });
    stubs.executeScript.mockResolvedValue(injected({ ok: false, error: 'the extractor broke' }));
    expect(await clip.clipTab(7)).toEqual({ ok: false, error: 'the extractor broke' });
    stubs.executeScript.mockResolvedValue(injected({ ok: true, posting: { board: 'jobinja' } }));
    const invalid = await clip.clipTab(7);
    expect(!invalid.ok && invalid.error).toMatch(/^the page returned an invalid posting/);
    stubs.executeScript.mockResolvedValue(
      injected({
        ok: true,
        posting: posting({
          title: null,
          description: null,
          company: { name: null, nameEn: null, website: null },
          notes: ['sign-in wall'],
        }),
      }),
    );
    expect(await clip.clipTab(7)).toEqual({ ok: false, error: 'No job posting on this page: sign-in wall' });
    expect(await (await db.getRepository()).listSummaries()).toEqual([]);
  });
});

describe('showClipBadge', () => {
  it('shows a tick and what was clipped, on that tab only', async () => {
    await clip.showClipBadge(3, {
      ok: true,
      recordId: 'r1',
      created: true,
      title: 'Backend Developer',
      company: 'Acme',
      notes: [],
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('✓');
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe('Clipped: Acme — Backend Developer');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 3 })).toEqual([27, 127, 59, 255]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('');
  });

  it('shows a mark and the reason when the clip failed', async () => {
    await clip.showClipBadge(3, { ok: false, error: TAB_GONE });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('!');
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe(`Not clipped: ${TAB_GONE}`);
  });

  it('leaves the title without a dash for a posting without a title', async () => {
    await clip.showClipBadge(3, { ok: true, recordId: 'r1', created: true, title: null, company: 'Acme', notes: [] });
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toBe('Clipped: Acme');
  });

  it('never throws when the tab is gone', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 3.'));
    await expect(clip.showClipBadge(3, { ok: false, error: 'x' })).resolves.toBeUndefined();
  });
});

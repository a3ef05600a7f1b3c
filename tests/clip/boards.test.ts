/**
 * The board registry (utils/boards.ts): every board has its adapter, its names and its fixture pairs, and
 * the posting identity the repository, the clip path and the popup share.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyWayOf,
  BOARD_IDS,
  BOARDS,
  boardName,
  boardOf,
  GENERIC_BOARDS,
  POSTING_BOARDS,
  postingIdentity,
} from '../../utils/boards';
import { ADAPTERS } from '../../utils/clip/extract';
import { identify } from '../../utils/clip/url';
import { fixtureNames, loadFixture } from './fixture-pairs';

describe('every board in the registry', () => {
  it('has its adapter, and no adapter is for a board the registry does not know', () => {
    expect(Object.keys(ADAPTERS).sort()).toEqual([...BOARD_IDS].sort());
    for (const id of BOARD_IDS) {
      expect(ADAPTERS[id].board).toBe(id);
      expect(BOARDS[id].id).toBe(id);
    }
  });

  it.each(BOARD_IDS)('%s has fixture pairs of its own pages under tests/clip/%s/, run by a test file', (id) => {
    const dir = join(__dirname, id);
    expect(existsSync(join(dir, `${id}.test.ts`))).toBe(true);
    const names = fixtureNames(dir);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const { fx } = loadFixture(dir, name);
      expect(boardOf(new URL(fx.url))?.id, name).toBe(id);
      expect(fx.expected.board, name).toBe(id);
    }
  });

  it('the generic pages have fixture pairs too, for each way a generic page is read', () => {
    const dir = join(__dirname, 'generic');
    expect(existsSync(join(dir, 'generic.test.ts'))).toBe(true);
    const boards = fixtureNames(dir).map((name) => {
      const { fx } = loadFixture(dir, name);
      expect(boardOf(new URL(fx.url)), name).toBeNull();
      return fx.expected.board;
    });
    expect([...new Set(boards)].sort()).toEqual([...GENERIC_BOARDS].sort());
  });

  it('has the name shown and the apply way entries write', () => {
    expect(BOARDS.quera.name).toBe('Quera Magnet');
    // ../shared/jobname/entries write «jobinja & Quera» in Apply Way.
    expect(applyWayOf('quera')).toBe('Quera');
    expect(POSTING_BOARDS.map(boardName)).toEqual([
      'Jobinja',
      'Jobvision',
      'Quera Magnet',
      'LinkedIn',
      'Job posting (JSON-LD)',
      'Web page',
    ]);
    expect(POSTING_BOARDS.map(applyWayOf)).toEqual(['Jobinja', 'Jobvision', 'Quera', 'LinkedIn', null, null]);
  });
});

describe('postingIdentity', () => {
  it('keys a known board by board and id, and by URL', () => {
    expect(postingIdentity({ board: 'jobvision', jobId: '123', url: 'https://jobvision.ir/jobs/123' })).toEqual([
      'job:jobvision:123',
      'url:https://jobvision.ir/jobs/123',
    ]);
  });

  it('keys a generic page by its host and id: two sites numbering jobs alike are two postings', () => {
    const a = postingIdentity({ board: 'jsonld', jobId: '12', url: 'https://www.alpha.example/jobs/12' });
    const b = postingIdentity({ board: 'jsonld', jobId: '12', url: 'https://beta.example/careers?id=12' });
    expect(a).toEqual(['job:generic:alpha.example:12', 'url:https://www.alpha.example/jobs/12']);
    expect(b[0]).toBe('job:generic:beta.example:12');
    // Read as JSON-LD once and as an article another time: the same site's job 12.
    expect(postingIdentity({ board: 'readability', jobId: '12', url: 'https://alpha.example/x' })[0]).toBe(a[0]);
  });

  it('without a job id, the URL alone; nothing for nothing', () => {
    expect(postingIdentity({ board: null, jobId: null, url: 'https://x.example/a' })).toEqual([
      'url:https://x.example/a',
    ]);
    expect(postingIdentity({ board: 'jsonld', jobId: '12', url: '' })).toEqual([]);
    expect(postingIdentity(null)).toEqual([]);
    expect(postingIdentity({ board: 7, jobId: ['x'], url: null })).toEqual([]);
  });

  it("a tab's URL gives the keys its clipped posting was stored under", () => {
    const tab = identify('https://jobinja.ir/companies/acme/jobs/AbC1/slug?utm_source=x')!;
    expect(postingIdentity(tab)).toEqual(['job:jobinja:AbC1', 'url:https://jobinja.ir/companies/acme/jobs/AbC1/slug']);
  });
});

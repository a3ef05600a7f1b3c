// The dashboard's search: the normaliser and words (utils/search.ts), the repository's terms index (v5) read by
// prefix, and the summaries the list filters and sorts by.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, newQuestion, newRound, newStage } from '../../utils/record';
import type { ApplicationRecord } from '../../utils/record';
import { DB_NAME, openRepository } from '../../utils/repository';
import { MIGRATIONS } from '../../utils/repository-upgrade';
import type { Repository } from '../../utils/repository';
import {
  intersectAll,
  MAX_TERM_LENGTH,
  normalizeSearch,
  queryWords,
  recordTerms,
  searchIds,
  searchWords,
  STOP_WORDS,
} from '../../utils/search';
import { summarize } from '../../utils/summary';
import { posting } from './postings';

describe('normalizeSearch', () => {
  it('folds Arabic yeh and kaf, ZWNJ, harakat and digits, and lower-cases', () => {
    expect(normalizeSearch('دسته‌بندي شغلي ۲')).toBe('دستهبندی شغلی 2');
    expect(normalizeSearch('كارشناس')).toBe('کارشناس');
    expect(normalizeSearch('مُصاحِبه')).toBe('مصاحبه');
    expect(normalizeSearch('١٤٠٢')).toBe('1402');
    expect(normalizeSearch('Café B-Tree')).toBe('cafe b-tree');
    expect(normalizeSearch('\u200fسلام\u200e')).toBe('سلام');
  });

  it('splits words at anything that is not a letter or a digit', () => {
    expect(searchWords('How does a B-tree index speed up a query?')).toEqual([
      'how',
      'does',
      'a',
      'b',
      'tree',
      'index',
      'speed',
      'up',
      'a',
      'query',
    ]);
    expect(searchWords('تفاوت process و thread چیست؟ **مهم**')).toEqual([
      'تفاوت',
      'process',
      'و',
      'thread',
      'چیست',
      'مهم',
    ]);
    // One word with or without its ZWNJ.
    expect(searchWords('می‌خواهید')).toEqual(searchWords('میخواهید'));
  });
});

describe('recordTerms', () => {
  it('holds company, role, questions and follow-ups: distinct, folded, without one-letter words', () => {
    const r = createRecord({ company: { name: 'كافه‌بازار' }, role: 'Backend Developer' });
    r.rounds = [
      newRound('r1', 'Technical', {
        questions: [
          newQuestion('q1', 'What is a B-tree?', { followUps: ['And a LSM tree?'], answers: ['secret answer'] }),
          newQuestion('q2', 'تفاوت process و thread چیست؟'),
        ],
      }),
    ];
    const terms = recordTerms(r);
    expect(terms).toEqual(
      expect.arrayContaining(['کافهبازار', 'backend', 'developer', 'tree', 'lsm', 'تفاوت', 'process', 'thread']),
    );
    expect(new Set(terms).size).toBe(terms.length);
    // One letter, and the stop words.
    for (const w of ['a', 'b', 'و', 'what', 'is', 'and', 'چیست']) expect(terms).not.toContain(w);
    // Answers are not searched.
    expect(terms).not.toContain('secret');
  });

  it('leaves out a word that starts another one: a prefix read finds the longer word', () => {
    const r = createRecord({ company: { name: 'Go' }, role: 'Golang developer' });
    r.rounds = [newRound('r1', 'Technical', { questions: [newQuestion('q1', 'Develop a cache in Go')] })];
    expect(recordTerms(r)).toEqual(['cache', 'developer', 'golang']);
  });

  it('cuts a very long word', () => {
    const r = createRecord({ company: { name: 'x'.repeat(100) } });
    expect(recordTerms(r)).toEqual(['x'.repeat(MAX_TERM_LENGTH)]);
  });
});

describe('queryWords and intersectAll', () => {
  it('drops a word that another word starts with, and folds the query', () => {
    expect(queryWords('  Go  golang ')).toEqual(['golang']);
    expect(queryWords('شغلي ۱۴۰۲')).toEqual(['شغلی', '1402']);
    expect(queryWords('?!')).toEqual([]);
    // One letter narrows nothing (no term is one letter long; it would start a word of nearly every record).
    expect(queryWords('a')).toEqual([]);
    expect(queryWords('b-tree')).toEqual(['tree']);
    expect(queryWords('What is a B-tree')).toEqual(['tree']);
    expect(queryWords('چرا می‌خواهيد')).toEqual(['میخواهید']);
  });

  it('has stop words written as the normaliser writes them', () => {
    for (const w of STOP_WORDS) expect(normalizeSearch(w)).toBe(w);
    expect(STOP_WORDS.has('چرا')).toBe(true);
  });

  it('keeps what is in every set', () => {
    expect(intersectAll([new Set([1, 2, 3]), new Set([2, 3, 4]), new Set([3, 2])])).toEqual(new Set([2, 3]));
    expect(intersectAll([])).toEqual(new Set());
  });
});

function withQuestions(name: string, questions: string[], init: Partial<ApplicationRecord> = {}): ApplicationRecord {
  const r = createRecord({ ...init, company: { name } });
  r.rounds = [newRound('r1', 'Technical', { questions: questions.map((q, i) => newQuestion(`q${i + 1}`, q)) })];
  return r;
}

let factory: IDBFactory;
let repo: Repository;
const search = (query: string) => searchIds(query, (w) => repo.termIds(w));
const open = () => openRepository(factory, DB_NAME);

beforeEach(async () => {
  factory = new IDBFactory();
  repo = await open();
});
afterEach(() => repo.close());

describe('searchIds over the repository', () => {
  it('finds by a prefix of every typed word, over company, role and question text, typed the Arabic way', async () => {
    const a = withQuestions('دیجی‌کالا', ['تفاوت process و thread چیست؟', 'چرا می‌خواهید بروید؟'], {
      role: 'برنامه‌نویس بک‌اند',
    });
    const b = withQuestions('Snapp', ['How does a B-tree index speed up a query?'], { role: 'Backend Developer' });
    const c = withQuestions('Cafe Bazaar', ['Design a URL shortener.']);
    await repo.bulkPut([a, b]);
    await repo.create(c);

    expect(await search('')).toBeNull();
    expect(await search('   ')).toBeNull();
    expect(await search('دیجي')).toEqual(new Set([a.id]));
    expect(await search('ميخواهيد')).toEqual(new Set([a.id]));
    expect(await search('پروسه')).toEqual(new Set());
    expect(await search('PROC')).toEqual(new Set([a.id]));
    expect(await search('back')).toEqual(new Set([b.id]));
    expect(await search('b-tr spe')).toEqual(new Set([b.id]));
    expect(await search('d')).toBeNull();
    expect(await search('de')).toEqual(new Set([b.id, c.id]));
    expect(await search('design url')).toEqual(new Set([c.id]));
    expect(await search('design snapp')).toEqual(new Set());
  });

  it('follows every write: an update, a delete, damaged rows', async () => {
    const a = await repo.create(withQuestions('Acme', ['What is Kafka?']));
    expect(await search('kafka')).toEqual(new Set([a.id]));
    const edited = await repo.mutate(a.id, (r) => {
      r.rounds[0]!.questions[0]!.text = 'What is RabbitMQ?';
    });
    expect(await search('kafka')).toEqual(new Set());
    expect(await search('rabbit')).toEqual(new Set([a.id]));
    await repo.putDamaged([{ id: a.id, reason: 'x', row: { ...edited, score: 11 } }]);
    // A readable record wins over the damaged row: nothing changed.
    expect(await search('rabbit')).toEqual(new Set([a.id]));
    await repo.delete(a.id);
    expect(await search('rabbit')).toEqual(new Set());
    await repo.putDamaged([{ id: 'broken', reason: 'x', row: { id: 'broken', company: { name: 'Broken' } } }]);
    expect(await search('broken')).toEqual(new Set());
  });
});

describe('summaries for the dashboard', () => {
  it('say the stage reached, the first and last days, the board, the questions and the file', async () => {
    const r = withQuestions('Acme', ['one', 'two', 'three'], { posting: posting(), score: 7.5 });
    r.stages = [
      newStage('s1', 'resume', 'Sent Resume', { date: '2025-09-01' }),
      newStage('s2', 'technical', 'Technical Interview', { date: '2025-09-20' }),
      newStage('s3', 'hr-interview', 'HR Interview', { date: null }),
    ];
    expect(summarize(r)).toMatchObject({
      reached: 'hr-interview',
      firstDate: '2025-09-01',
      lastDate: '2025-09-20',
      board: 'jobinja',
      questions: 3,
      file: null,
      hasPosting: true,
      score: 7.5,
    });
    const noted = createRecord({ company: { name: 'B' }, applyWays: ['LinkedIn'] });
    expect(summarize(noted)).toMatchObject({ reached: null, firstDate: null, lastDate: null, board: 'linkedin' });
    const imported = createRecord({
      company: { name: 'Zibal' },
      source: { format: 'jobname', parts: [], file: 'zibal/zibal.md' },
    });
    expect(summarize(imported).file).toBe('zibal/zibal.md');
  });
});

describe('listSummaries with a limit (the first screen of the dashboard)', () => {
  it('reads the newest first, as the whole list has them', async () => {
    const records = Array.from({ length: 7 }, (_, i) =>
      createRecord({
        company: { name: `C${i}` },
        updatedAt: new Date(Date.UTC(2025, 0, 1 + ((i * 3) % 7))).toISOString(),
      }),
    );
    await repo.bulkPut(records);
    const all = await repo.listSummaries();
    expect(all.map((x) => x.updatedAt)).toEqual([...all.map((x) => x.updatedAt)].sort().reverse());
    expect(await repo.listSummaries({ limit: 3 })).toEqual(all.slice(0, 3));
    expect(await repo.listSummaries({ limit: 0 })).toEqual([]);
    expect(await repo.listSummaries({ limit: 500 })).toEqual(all);
  });
});

describe('migrations v5 to v7', () => {
  it('fill the search words (by v6, moved to a row per word by v7) and the new summaries of the rows a v4 database holds', async () => {
    repo.close();
    factory = new IDBFactory();
    const r = withQuestions('کافه‌بازار', ['Why Kotlin coroutines?'], { role: 'Android Developer' });
    r.stages = [newStage('s1', 'resume', 'Sent Resume', { date: '2025-01-02' })];
    await new Promise<void>((resolve, reject) => {
      const req = factory.open(DB_NAME, 4);
      req.onupgradeneeded = async () => {
        const tx = wrap(req.transaction!) as unknown as Parameters<(typeof MIGRATIONS)[number]>[1];
        for (const migrate of MIGRATIONS.slice(0, 4)) await migrate(tx.db, tx);
      };
      req.onsuccess = () => {
        // As v4 wrote them: the record, and its summary without the fields v5 adds.
        const db = req.result;
        const tx = db.transaction(['applications', 'summaries'], 'readwrite');
        tx.objectStore('applications').put({ ...r, postingKey: [] });
        const {
          reached: _r,
          firstDate: _f,
          lastDate: _l,
          board: _b,
          questions: _q,
          file: _x,
          hasPosting: _p,
          ...old
        } = summarize(r);
        tx.objectStore('summaries').put(old);
        tx.objectStore('applications').put({ id: 'damaged', company: 'not an object' });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
    expect(MIGRATIONS.length).toBe(7);
    repo = await open();
    expect(await search('kotl')).toEqual(new Set([r.id]));
    expect(await search('كافه')).toEqual(new Set([r.id]));
    expect(await search('object')).toEqual(new Set());
    expect(await repo.listSummaries()).toEqual([summarize(r)]);
    expect((await repo.listDamaged()).map((d) => d.id)).toEqual(['damaged']);
  });
});

import { describe, expect, it } from 'vitest';
import { applyPosting, recordFromPosting } from '../../utils/clip/record';
import { readClipResponse, isClipRequest } from '../../utils/clip/messages';
import { newQuestion, newRound, newStage, type Posting } from '../../utils/record';
import { parseRecord } from '../../utils/record-validate';

function posting(over: Partial<Posting> = {}): Posting {
  return {
    board: 'jobinja',
    url: 'https://jobinja.ir/companies/snapp/jobs/AbC1/x',
    jobId: 'AbC1',
    title: 'Senior Go Developer',
    company: { name: 'اسنپ', nameEn: 'Snapp', website: 'https://snapp.ir' },
    location: 'تهران',
    employmentType: 'تمام وقت',
    seniority: null,
    salary: 'توافقی',
    skills: ['Go', 'Kafka'],
    description: '## About\n\nWe build things.',
    postedAt: '2025-10-01',
    clippedAt: '2025-10-02T08:00:00.000Z',
    sources: { title: 'json-ld', salary: 'dom' },
    notes: [],
    ...over,
  };
}

describe('recordFromPosting', () => {
  it('fills company, role, apply way and the posting, and is a valid record', () => {
    const r = recordFromPosting(posting());
    expect(r.company).toEqual({ name: 'اسنپ', website: 'https://snapp.ir' });
    expect(r.role).toBe('Senior Go Developer');
    expect(r.applyWays).toEqual(['Jobinja']);
    expect(r.posting?.jobId).toBe('AbC1');
    expect(r.stages).toEqual([]);
    const v = parseRecord(JSON.parse(JSON.stringify(r)));
    expect(v.ok ? [] : v.errors).toEqual([]);
  });

  it('falls back to the English name, then the host, for a posting without a company', () => {
    expect(recordFromPosting(posting({ company: { name: null, nameEn: 'Snapp', website: null } })).company.name).toBe(
      'Snapp',
    );
    const generic = recordFromPosting(
      posting({
        board: 'jsonld',
        url: 'https://www.careers.example.com/j/1',
        company: { name: null, nameEn: null, website: null },
      }),
    );
    expect(generic.company.name).toBe('careers.example.com');
    expect(generic.applyWays).toEqual([]);
  });
});

describe('applyPosting (a re-clip)', () => {
  it('replaces only the posting part and keeps everything the user wrote', () => {
    const first = recordFromPosting(posting());
    first.company.name = 'Snapp (my spelling)';
    first.role = 'Backend Engineer';
    first.stages.push(newStage('s1', 'resume', 'Sent Resume', { date: '2025-10-03' }));
    first.rounds.push(
      newRound('r1', 'Technical Interview', {
        questions: [
          newQuestion('q1', 'What is a goroutine?', { answers: ['A green thread.'], answerLabels: ['Answer'] }),
        ],
      }),
    );
    first.score = 7;
    first.review = 'خوب بود';
    const updated = applyPosting(
      first,
      posting({ title: 'Staff Go Developer', salary: '40 - 60 میلیون تومان', clippedAt: '2025-11-01T00:00:00.000Z' }),
    );
    expect(updated.posting?.title).toBe('Staff Go Developer');
    expect(updated.posting?.salary).toBe('40 - 60 میلیون تومان');
    expect(updated.company.name).toBe('Snapp (my spelling)');
    expect(updated.role).toBe('Backend Engineer');
    expect(updated.stages).toEqual(first.stages);
    expect(updated.rounds).toEqual(first.rounds);
    expect(updated.score).toBe(7);
    expect(updated.review).toBe('خوب بود');
    expect(first.posting?.title).toBe('Senior Go Developer');
  });

  it('fills company, website and role only where they are empty', () => {
    const bare = recordFromPosting(posting({ title: null, company: { name: null, nameEn: null, website: null } }));
    bare.company.name = '';
    const updated = applyPosting(bare, posting());
    expect(updated.company).toEqual({ name: 'اسنپ', website: 'https://snapp.ir' });
    expect(updated.role).toBe('Senior Go Developer');
  });
});

describe('messages', () => {
  it('accepts a well-formed clip response and refuses anything else from the page', () => {
    expect(readClipResponse({ ok: true, posting: posting() })).toMatchObject({ ok: true });
    expect(readClipResponse(null)).toEqual({ ok: false, error: 'the page returned nothing' });
    expect(readClipResponse({ ok: false, error: 'boom' })).toEqual({ ok: false, error: 'boom' });
    const bad = readClipResponse({ ok: true, posting: { ...posting(), board: 'evil', postedAt: '2025-02-30' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/invalid posting \(posting\.board: expected one of/);
    expect(readClipResponse({ ok: true, posting: { ...posting(), skills: [1] } }).ok).toBe(false);
    const empty = {
      ...posting(),
      title: null,
      description: null,
      company: { name: null, nameEn: null, website: null },
      notes: ['LinkedIn showed a security check'],
    };
    expect(readClipResponse({ ok: true, posting: empty })).toEqual({
      ok: false,
      error: 'No job posting on this page: LinkedIn showed a security check',
    });
  });

  it('recognises clip requests', () => {
    expect(isClipRequest({ type: 'jobnote/clip', tabId: 3 })).toBe(true);
    expect(isClipRequest({ type: 'jobnote/clip', tabId: '3' })).toBe(false);
    expect(isClipRequest({ type: 'other', tabId: 3 })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../utils/backup';
import { createRecord, newQuestion, newRound, newStage } from '../../utils/record';
import { linkUrlProblem, parseRecord, validatePosting } from '../../utils/record-validate';
import { posting as basePosting } from './postings';

const posting = () => basePosting({ sources: { title: 'json-ld', description: 'dom' } });

function full() {
  return createRecord({
    id: 'x1',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    company: { name: 'Acme', website: 'https://acme.example' },
    role: 'Backend',
    stages: [newStage('s1', 'resume', 'Sent Resume', { date: '2024-01-02' })],
    rounds: [newRound('r1', 'Technical Interview', { questions: [newQuestion('q1', 'Why Go?')] })],
    task: { text: 'task', links: [{ text: 'pdf', url: './task.pdf' }], duration: null },
    posting: posting(),
  });
}

/** `json` with `extra` spliced into the object at `path`, as a file would have it (an own `__proto__` key). */
function withKeys(json: string, extra: string): string {
  return json.replace(/^\{/, `{${extra},`);
}

describe('unknown keys', () => {
  const hostile = '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "extra": 1';

  it('are dropped from a record, not kept and written back out', () => {
    const json = JSON.parse(withKeys(JSON.stringify(full()), hostile));
    expect(Object.keys(json)).toContain('__proto__');
    const parsed = parseRecord(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const out = JSON.stringify(parsed.value);
    expect(out).not.toMatch(/__proto__|constructor|polluted|"extra"/);
    expect(parsed.value).toEqual(full());
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
  });

  it('are dropped at every depth: stages, questions, the posting and its sources, the task and its links', () => {
    const r = JSON.parse(JSON.stringify(full()));
    // Own keys, as JSON.parse makes them (Object.assign would set the prototype instead).
    const add = (o: Record<string, unknown>, keys = hostile) => {
      for (const [k, v] of Object.entries(JSON.parse(`{${keys}}`)))
        Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    };
    for (const o of [r, r.company, r.stages[0], r.outcome, r.rounds[0], r.rounds[0].questions[0], r.task]) add(o);
    for (const o of [r.task.links[0], r.posting, r.posting.company, r.exportPrefs]) add(o);
    add(r.posting.sources, '"__proto__": "dom", "constructor": "dom", "prototype": "dom", "toString": "dom"');
    expect(Object.keys(r.posting.sources)).toContain('__proto__');
    const parsed = parseRecord(r);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(JSON.stringify(parsed.value)).not.toMatch(/__proto__|constructor|polluted|"extra"|toString/);
      expect(parsed.value).toEqual(full());
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('are dropped from the records of a backup file', () => {
    const file = JSON.stringify({ format: 'jobnote-backup', version: 1, exportedAt: '', records: [full()] });
    const text = file.replace('{"schema"', `{${hostile},"schema"`);
    const parsed = parseBackup(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(JSON.stringify(parsed.records)).not.toMatch(/__proto__|constructor|polluted|"extra"/);
      expect(parsed.records).toEqual([full()]);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('are dropped from a posting the clipper sends', () => {
    const p = JSON.parse(withKeys(JSON.stringify(posting()), hostile));
    const v = validatePosting(p);
    expect(v).toEqual({ ok: true, value: posting() });
    if (v.ok) expect(JSON.stringify(v.value)).not.toMatch(/__proto__|polluted|"extra"/);
  });

  it('the result shares nothing with the input: changing one leaves the other', () => {
    const input = full();
    const parsed = parseRecord(input);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    parsed.value.stages[0].label = 'changed';
    parsed.value.applyWays.push('x');
    expect(input).toEqual(full());
  });
});

describe('link URLs', () => {
  const bad = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'javascript\\:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'javascript&#x3A;alert(1)',
    '\u0001javascript:alert(1)',
    'java\u200bscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ];
  const good = ['', 'https://acme.example', 'HTTP://acme.example/a?b#c', 'snapp.ir', './Backend Project.pdf', '#x'];

  it.each(bad)('refuses %j', (url) => {
    expect(linkUrlProblem(url)).toMatch(/links are not allowed/);
  });

  it.each(good)('accepts %j', (url) => {
    expect(linkUrlProblem(url)).toBeNull();
  });

  it('a record whose website, task link or posting URL is not http(s) is refused, naming the field', () => {
    const r = full();
    const json = {
      ...r,
      company: { ...r.company, website: 'javascript:alert(1)' },
      task: { ...r.task, links: [{ text: 'x', url: 'data:text/html,x' }] },
      posting: { ...posting(), url: './relative', company: { ...posting().company, website: 'vbscript:x' } },
    };
    const parsed = parseRecord(json);
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'company.website: "javascript:" links are not allowed',
        'task.links[0].url: "data:" links are not allowed',
        'posting.url: expected an http(s) URL',
        'posting.company.website: "vbscript:" links are not allowed',
      ],
    });
  });

  it('a posting from the clipper with a javascript: URL is refused', () => {
    expect(validatePosting({ ...posting(), url: 'javascript:alert(1)//https://x' }).ok).toBe(false);
  });
});

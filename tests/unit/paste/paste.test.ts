/**
 * Pasting interview questions (utils/paste.ts). Each `<name>.txt` (plain text or markdown, as typed) or
 * `<name>.html` (the clipboard's text/html) is split into `<name>.expected.json`: a `.txt` through
 * `splitQuestions` (and the same through `clipboardToMarkdown({ text })`), an `.html` through
 * `clipboardToMarkdown({ html })` on a jsdom document, then `splitQuestions`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { clipboardToMarkdown, newItems, questionKey, splitQuestions, type PastedItem } from '../../../utils/paste';

const DIR = __dirname;
const dom = new JSDOM('');
const doc = dom.window.document;
afterAll(() => dom.window.close());

const fixtures = readdirSync(DIR)
  .filter((f) => /\.(txt|html)$/.test(f))
  .sort();
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
const expected = (file: string): PastedItem[] => JSON.parse(read(file.replace(/\.(txt|html)$/, '.expected.json')));
const fromHtml = (html: string, text?: string) => clipboardToMarkdown({ html, text }, doc);

describe('fixtures', () => {
  it('has at least 24 pastes, each with its expectation', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(24);
    for (const f of fixtures) expect(() => expected(f), f).not.toThrow();
  });

  it.each(fixtures.filter((f) => f.endsWith('.txt')))('%s', (file) => {
    const text = read(file);
    expect(splitQuestions(text)).toEqual(expected(file));
    expect(splitQuestions(clipboardToMarkdown({ text }, doc))).toEqual(expected(file));
  });

  it.each(fixtures.filter((f) => f.endsWith('.html')))('%s', (file) => {
    expect(splitQuestions(fromHtml(read(file)))).toEqual(expected(file));
  });

  it('crlf.txt really has Windows line endings (and the split is the same with LF)', () => {
    const text = read('crlf.txt');
    expect(text).toContain('\r\n');
    expect(splitQuestions(text.replace(/\r\n/g, '\n'))).toEqual(expected('crlf.txt'));
    expect(splitQuestions(text.replace(/\r\n/g, '\r'))).toEqual(expected('crlf.txt'));
  });
});

describe('splitQuestions', () => {
  const split = (s: string) => splitQuestions(s).map((i) => (i.answer ? [i.text, i.answer] : i.text));

  it('returns nothing for nothing', () => {
    expect(splitQuestions('')).toEqual([]);
    expect(splitQuestions(' \n\n\t\n')).toEqual([]);
    expect(splitQuestions('## Technical\n\n---\n\n### HR')).toEqual([]);
    expect(splitQuestions('1.\n2)\n- \nA: an answer to nothing')).toEqual([]);
  });

  it('takes the question from the next line when the marker stands alone', () => {
    expect(split('Question 1:\nWhat is a mutex?\nA: A lock.\n\nسوال ۲:\n\nچرا Go؟')).toEqual([
      ['What is a mutex?', 'A lock.'],
      'چرا Go؟',
    ]);
  });

  it('does not read numbers, ranges and words as markers', () => {
    expect(split('1.5 hours on system design\n2020-2021 projects?\nQ-learning vs SARSA?\n3 - 4 years of Go?')).toEqual([
      '1.5 hours on system design',
      '2020-2021 projects?',
      'Q-learning vs SARSA?',
      '3 - 4 years of Go?',
    ]);
  });

  it('keeps a bold that a label opened', () => {
    expect(split('**Q1: What is CORS?**\n**Q2:** What is CSRF?')).toEqual(['**What is CORS?**', 'What is CSRF?']);
  });

  it('reads the markers turndown escapes', () => {
    expect(split('1\\. What is SSR?\n2\\) What is hydration?\n\\- Why Next.js?\n\\* What is ISR?')).toEqual([
      'What is SSR?',
      'What is hydration?',
      'Why Next.js?',
      'What is ISR?',
    ]);
  });

  it('never splits inside a fence, even an unclosed one', () => {
    expect(split('1. Fix this:\n```\n2. not a question\n\n- nor this\n')).toEqual([
      'Fix this:\n```\n2. not a question\n\n- nor this',
    ]);
    expect(split('- Q?\n  ~~~\n  ```\n  - x\n  ~~~\n- Next?')).toEqual(['Q?\n~~~\n```\n- x\n~~~', 'Next?']);
    // A fence with the same marker but shorter does not close a longer one.
    expect(split('1. Q\n   A:\n   ````md\n   ```\n   3. inner\n   ```\n   ````\n2. R')).toEqual([
      ['Q', '````md\n```\n3. inner\n```\n````'],
      'R',
    ]);
  });

  it('splits a line only at an answer label after a question mark (or with a Q: label)', () => {
    expect(
      split('- Plan A: what if the migration fails?\n- What is a saga? A: A sequence of local transactions.'),
    ).toEqual(['Plan A: what if the migration fails?', ['What is a saga?', 'A sequence of local transactions.']]);
  });

  it('keeps a second answer label as a second paragraph of the answer', () => {
    expect(split('Q: Merge two sorted arrays?\nA: Two pointers.\nA: Or concat and sort, O(n log n).')).toEqual([
      ['Merge two sorted arrays?', 'Two pointers.\n\nOr concat and sort, O(n log n).'],
    ]);
  });

  it('reads tabs as indentation and keeps the code indentation relative to the item', () => {
    expect(split('1. Q\n\tsub answer\n\t\tdeeper')).toEqual([['Q', 'sub answer\n    deeper']]);
    expect(split('1. Q\n   A:\n   ```go\n   \tfmt.Println(1)\n   ```')).toEqual([
      ['Q', '```go\n\tfmt.Println(1)\n```'],
    ]);
  });

  it('never throws, and every item is trimmed and has a question (seeded random pastes)', () => {
    const pool = [
      '1. Q?',
      '  - sub',
      'A: ans',
      'Q: x A: y',
      '```',
      '```js',
      '~~~',
      '    code',
      '',
      '\t tab',
      '## H',
      '---',
      'Title:',
      '**Bold**',
      'plain',
      '۱- سوال؟',
      'ج: جواب',
      '\u200c',
      '\r',
      '(2) x',
      '**Q1: y?**',
      '- ',
      '1.',
      'Question 2:',
      '• b',
      '**What?** yes',
    ];
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: rnd(12) }, () => ' '.repeat(rnd(6)) + pool[rnd(pool.length)]).join('\n');
      for (const item of splitQuestions(text)) {
        expect(item.text, text).toBe(item.text.trim());
        expect(item.text, text).not.toBe('');
        expect(item.answer, text).toBe(item.answer.trim());
      }
    }
  });

  it('handles a big paste in bounded time', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `- Question number ${i}?\n  An answer line.\n`).join('\n');
    const start = performance.now();
    const items = splitQuestions(text);
    expect(items).toHaveLength(5000);
    expect(items[4999]).toEqual({ text: 'Question number 4999?', answer: 'An answer line.' });
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe('questionKey', () => {
  it('ignores case, punctuation, whitespace, numbering and markdown', () => {
    const keys = [
      'What is a closure?',
      '1. what is a closure',
      'Q1: WHAT IS A CLOSURE???',
      '  -   What  is a  closure ',
      '**What is a closure?**',
      'Question 3: What is a closure.',
      '(4) What is a "closure"?',
    ];
    expect(new Set(keys.map(questionKey))).toEqual(new Set(['whatisaclosure']));
  });

  it('reads Persian the same however it was typed', () => {
    expect(questionKey('۶- تفاوت Process و Thread چیه؟')).toBe(questionKey('تفاوت process و thread چيه'));
    expect(questionKey('چرا می‌خوای از شرکت فعلیت بری؟')).toBe(questionKey('چرا ميخواي از شركت فعليت بري'));
    expect(questionKey('سوال ۲: ۱۰ سال سابقه، کافیه؛ نه؟')).toBe(questionKey('10 سال سابقه کافیه نه'));
    expect(questionKey('سؤال ١: \u200fکدوم بهتره؟')).toBe(questionKey('کدوم بهتره'));
    expect(questionKey('تفاوت Process و Thread چیه؟')).toBe('تفاوتprocessوthreadچیه');
  });

  it('keeps the symbols that change the question', () => {
    const keys = ['What is C?', 'What is C#?', 'What is C++?'].map(questionKey);
    expect(new Set(keys).size).toBe(3);
    expect(questionKey('Is `a <= b` the same as `!(a > b)`?')).toBe('isa<=bthesameasa>b');
  });
});

describe('newItems', () => {
  const item = (text: string, answer = ''): PastedItem => ({ text, answer });

  it('drops the questions already in the round', () => {
    const existing = [{ text: 'What is a closure?' }, { text: 'تفاوت process و thread چیه؟' }];
    const pasted = [item('1. What is a closure'), item('Explain the event loop.'), item('تفاوت Process و Thread چيه')];
    expect(newItems(existing, pasted)).toEqual([item('Explain the event loop.')]);
  });

  it('keeps the first of the same question pasted twice, with the later answer if it had none', () => {
    const pasted = [
      item('What is a closure?'),
      item('Explain the event loop.', 'A queue.'),
      item('what is a closure', 'A function with its scope.'),
      item('Explain the event loop', 'Other.'),
    ];
    const before = JSON.stringify(pasted);
    expect(newItems([], pasted)).toEqual([
      item('What is a closure?', 'A function with its scope.'),
      item('Explain the event loop.', 'A queue.'),
    ]);
    expect(JSON.stringify(pasted)).toBe(before);
  });

  it('dedupes the duplicates fixture to its distinct questions', () => {
    expect(newItems([{ text: 'Explain the event loop' }], expected('duplicates.txt')).map((i) => i.text)).toEqual([
      'What is a closure?',
      'تفاوت Process و Thread چیه؟',
    ]);
  });

  it('drops items with nothing but punctuation', () => {
    expect(newItems([], [item('???'), item('؟'), item('C?')])).toEqual([item('C?')]);
  });
});

describe('clipboardToMarkdown', () => {
  it('does not make a Google Docs paste bold because of its wrapper', () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-0a1b2c3d-7fff-4e5f-8a9b-0c1d2e3f4a5b">' +
      '<p dir="ltr"><span style="font-weight:400;">What is </span><span style="font-weight:700;">idempotency</span><span style="font-weight:400;">?</span></p>' +
      '<p dir="rtl"><span style="font-weight:400;font-style:italic">چرا</span><span style="font-weight:400"> مهمه؟</span></p></b>';
    expect(fromHtml(html)).toBe('What is **idempotency**?\n\n_چرا_ مهمه؟');
    expect(fromHtml(read('gdocs-en.html'))).not.toMatch(/^\*\*/);
  });

  it('moves a Google Docs sub-list into the item it follows', () => {
    const html =
      '<ol><li aria-level="1"><p>Q one</p></li><ol><li aria-level="2"><p>answer</p></li></ol><li aria-level="1"><p>Q two</p></li></ol>';
    expect(fromHtml(html)).toBe('1. Q one\n\n   1. answer\n\n2. Q two');
    expect(splitQuestions(fromHtml(html))).toEqual([
      { text: 'Q one', answer: '1. answer' },
      { text: 'Q two', answer: '' },
    ]);
  });

  it('keeps code blocks intact, with their language', () => {
    const html =
      '<p>Reverse it:</p><pre><code class="language-python">def rev(s):\n    return s[::-1]\n\n\nprint(rev("abc"))  # *not* markdown\n</code></pre>';
    expect(fromHtml(html)).toBe(
      'Reverse it:\n\n```python\ndef rev(s):\n    return s[::-1]\n\n\nprint(rev("abc"))  # *not* markdown\n```',
    );
    const chat =
      '<pre><div><div>python</div><button>Copy code</button></div><div><code class="language-python">x = 1\n</code></div></pre>';
    expect(fromHtml(chat)).toBe('```python\nx = 1\n```');
  });

  it('reads Word bold as bold, and its list markers as lists', () => {
    expect(fromHtml("<p class=MsoNormal>Why <b style='mso-bidi-font-weight:normal'>Rust</b>?</p>")).toBe(
      'Why **Rust**?',
    );
    expect(fromHtml(read('word.html'))).toBe(
      '**HR round – Contoso**\n\n- What motivates you at **work**?\n  - Shipping things users notice.\n- Describe a time you missed a deadline.\n- What are your salary expectations?\n\n1. Can you relocate to Berlin?',
    );
  });

  it('makes Notion toggles list items with their content under them', () => {
    expect(fromHtml('<details><summary>What is CAP?</summary><p>Pick two.</p></details>')).toBe(
      '- What is CAP?\n\n  Pick two.',
    );
  });

  it('removes &nbsp; and zero-width junk, keeps ZWNJ inside Persian words', () => {
    const html = '<p><b>\u200fمی\u200cخوای\u200c </b>&#8203;کجا&nbsp;بری؟\ufeff</p>';
    expect(fromHtml(html)).toBe('**می\u200cخوای** کجا بری؟');
    expect(clipboardToMarkdown({ text: '\ufeff1. چرا\u00a0اینجا؟\r\n2. \u200bمی\u200cخوای\u200c\r\n' }, doc)).toBe(
      '1. چرا اینجا؟\n2. می\u200cخوای',
    );
  });

  it('prefers the plain text when the HTML has no formatting, the HTML when it is all there is', () => {
    const html = '<div style="color:#333"><span>1. Why?</span><br><span>- How?</span></div>';
    expect(clipboardToMarkdown({ html, text: '1. Why?\n- How?' }, doc)).toBe('1. Why?\n- How?');
    expect(fromHtml(html)).toBe('1\\. Why?  \n\\- How?');
    expect(splitQuestions(fromHtml(html))).toEqual([
      { text: 'Why?', answer: '' },
      { text: 'How?', answer: '' },
    ]);
    expect(clipboardToMarkdown({ html: ' ', text: 'Q?' }, doc)).toBe('Q?');
    expect(clipboardToMarkdown({ html: null, text: null }, doc)).toBe('');
    expect(clipboardToMarkdown({}, doc)).toBe('');
  });

  it('keeps the lists of a long Google Docs paste (thousands of styled spans)', () => {
    const span = (t: string, w = 400) =>
      `<span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:${w};white-space:pre-wrap;">${t}</span>`;
    const li = (i: number) =>
      `<li dir="ltr" aria-level="1"><p dir="ltr" role="presentation">${span('Question ')}${span(String(i), 700)}${span('?')}</p></li>`;
    const html = `<b style="font-weight:normal;" id="docs-internal-guid-1"><ol>${Array.from({ length: 450 }, (_, i) => li(i + 1)).join('')}</ol></b>`;
    const items = splitQuestions(fromHtml(html));
    expect(items).toHaveLength(450);
    expect(items[449]).toEqual({ text: 'Question **450**?', answer: '' });
  });

  it('uses the plain text for a huge HTML clipboard', () => {
    const html = '<p><b>x</b></p>'.repeat(40_000);
    expect(clipboardToMarkdown({ html, text: 'What is sharding?' }, doc)).toBe('What is sharding?');
  });

  it('runs nothing from the pasted HTML', () => {
    const html =
      '<p onclick="alert(1)">Q1?</p><script>globalThis.pwned = 1</script><img src=x onerror="globalThis.pwned = 1"><a href="javascript:alert(1)">link</a>';
    expect(fromHtml(html)).toBe('Q1?\n\nlink');
    expect((dom.window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

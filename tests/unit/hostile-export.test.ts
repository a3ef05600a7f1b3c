/**
 * Hostile text stays inert in the exported entry (docs/format.md §16.1). Page text goes through the clipper's
 * record (`recordFromPosting`) into every one-line field the exporter writes; the entry is rendered with a
 * CommonMark renderer that lets raw HTML through and accepts every link (stricter than GitHub, which filters),
 * and the rendered page must have no link or image the text made, no tag from the text, and read back to the
 * same values. Markdown fields (answers, review, task) stay markdown, minus links with an unsafe scheme.
 */
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../utils/clip/extract';
import { recordFromPosting, applyPosting } from '../../utils/clip/record';
import { exportEntry } from '../../utils/jobname/export';
import { importEntry } from '../../utils/jobname/import';
import { inertLinks, isSafeLink } from '../../utils/jobname/text';
import { createRecord, newQuestion, newRound, newStage, type ApplicationRecord } from '../../utils/record';
import { posting } from './postings';

const md = new MarkdownIt({ html: true });
md.validateLink = () => true;

/** The rendered entry as a document. */
function render(markdown: string): Document {
  return new JSDOM(md.render(markdown)).window.document;
}

/** Elements a text can make without harm: emphasis and code. Everything else must come from the exporter. */
const INERT_TAGS = new Set(['EM', 'STRONG', 'CODE', 'S']);

function tagCounts(doc: Document): Map<string, number> {
  const counts = new Map<string, number>();
  for (const el of Array.from(doc.body.querySelectorAll('*')))
    if (!INERT_TAGS.has(el.tagName)) counts.set(el.tagName, (counts.get(el.tagName) ?? 0) + 1);
  return counts;
}

const URL_ATTRS = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'background', 'cite', 'data'];

/** Every URL in the rendered page whose scheme a browser would run or load that is not the web's. */
function unsafeUrls(doc: Document): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*')))
    for (const name of URL_ATTRS) {
      const v = el.getAttribute(name);
      if (v === null) continue;
      const protocol = new URL(v, 'https://entry.example/dir/').protocol;
      if (!['http:', 'https:', 'mailto:'].includes(protocol)) out.push(`${el.tagName} ${name}=${v}`);
    }
  return out;
}

/** Payloads for one-line fields: every way markdown or HTML could make page text live. */
const LINE_PAYLOADS = [
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x]( javascript:alert(1) "title")',
  '[x](&#106;avascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![](https://evil.example/t.png)',
  '![x][t] [t]: https://evil.example/t.png',
  '[a]: javascript:alert(1)',
  '[a][] and [a]',
  '<javascript:alert(1)>',
  '<https://evil.example/t.png>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://evil.example/t.png">',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '</details><details open><summary>x',
  '<!-- x --> <?php ?> <![CDATA[x]]>',
  '# heading\n- list\n```\nfence\n[t]: javascript:alert(1)',
  '- item',
  '1. item',
  '> quote',
  '```js',
  '~~~',
  '---',
  '===',
  '| a | b |',
  '\\[x\\](javascript:alert(1))',
  '\\\\[x\\\\](javascript:alert(1))',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&amp;lt;b&gt; &#60;img src=x&#62;',
  '&#91;x&#93;(javascript:alert(1))',
  'Dev \u202e)1(trela:tpircsavaj[\u202c',
  'Zero\u200bwidth\u200d [x](java\u200bscript:alert(1))',
  '`code` **bold** _em_ ~~s~~',
  '*[x](javascript:alert(1))*',
];

/** The one-line value a field keeps: newlines folded, ends trimmed. */
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

/** A clipped posting with the payload in its title and company name, and the same text in every other one-line field. */
function clipped(payload: string): ApplicationRecord {
  const rec = recordFromPosting(
    posting({ title: payload, company: { name: payload, nameEn: null, website: 'javascript:alert(1)' } }),
    { id: 'app_1', now: '2025-05-01T10:00:00.000Z' },
  );
  rec.platform = payload;
  rec.applyWays = [payload, 'Site'];
  rec.stages = [
    newStage('s1', 'resume', 'Sent Resume', { date: '2025-05-01' }),
    newStage('s2', 'technical', payload, { date: '2025-05-03', duration: '1 hour' }),
  ];
  rec.rounds = [newRound('r1', payload, { questions: [newQuestion('q1', 'Tell me about yourself.')] })];
  return rec;
}

const benign = exportEntry(clipped('plain words'));

describe('page text in one-line fields exports inert', () => {
  it.each(LINE_PAYLOADS)('%j', (payload) => {
    const rec = clipped(payload);
    const entry = exportEntry(rec);
    const doc = render(entry);
    expect(unsafeUrls(doc)).toEqual([]);
    // The same elements as the same record with harmless words: no link, image, tag or block from the text.
    expect(tagCounts(doc)).toEqual(tagCounts(render(benign)));
    expect(doc.querySelectorAll('img, script, details, iframe, [onerror]').length).toBe(0);
    // No website stored: the heading is the name alone, no link at all.
    expect(doc.querySelectorAll('a').length).toBe(0);

    // …and it reads back to the same values.
    const back = importEntry(entry).record;
    const want = oneLine(payload);
    expect(back.company).toEqual({ name: want, website: '' });
    expect(back.role).toBe(want);
    expect(back.platform).toBe(want);
    expect(back.applyWays).toEqual([want, 'Site']);
    expect(back.stages.map((s) => s.label)).toContain(want);
    expect(back.rounds.map((r) => r.title)).toEqual([want]);
    expect(exportEntry(back)).toBe(entry);
  });
});

describe('a page clipped whole', () => {
  /** A JSON-LD posting page; `<` written as \u003c so the script cannot be closed early. */
  function page(ld: object, title = 'Jobs'): Document {
    const json = JSON.stringify(ld).replace(/</g, '\\u003c');
    return new JSDOM(
      `<html><head><title>${title}</title><script type="application/ld+json">${json}</script></head><body></body></html>`,
    ).window.document;
  }

  it.each([
    ['[x](javascript:alert(1))', '![](https://evil.example/t.png)', 'javascript:alert(1)'],
    ['[a]: javascript:alert(1)', '<javascript:alert(1)>', 'data:text/html,x'],
    ['# Lead\n- x', '[x][a] [a]: https://evil.example/', ' JaVaScRiPt:alert(1)'],
  ])('title %j, company %j, website %j: an inert entry with the same values', (title, company, url) => {
    const doc = page({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title,
      hiringOrganization: { '@type': 'Organization', name: company, url, sameAs: url },
    });
    const p = extractPosting(doc, 'https://careers.example.com/j/1', { now: new Date('2025-05-01T10:00:00Z') });
    const rec = recordFromPosting(p);
    expect(rec.company.website).toBe('');
    const entry = exportEntry(rec);
    const rendered = render(entry);
    expect(unsafeUrls(rendered)).toEqual([]);
    expect(rendered.querySelectorAll('img, script').length).toBe(0);
    expect(rendered.querySelectorAll('a').length).toBe(0);
    const back = importEntry(entry).record;
    expect([back.company.name, back.role]).toEqual([rec.company.name, rec.role]);
  });

  it('keeps a page title with link syntax as text', () => {
    const doc = new JSDOM(
      '<html><head><title>[x](javascript:alert(1)) ![](https://e.example/t.png)</title></head></html>',
    ).window.document;
    const rec = recordFromPosting(extractPosting(doc, 'https://careers.example.com/j/2', { readability: false }));
    const rendered = render(exportEntry(rec));
    expect(rendered.querySelectorAll('img').length).toBe(0);
    expect(rendered.querySelector('h2')?.textContent).toBe(rec.role);
  });
});

describe('only web addresses are websites', () => {
  const unsafe = [
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
  ];

  it.each(unsafe)('the clipper does not keep %j', (website) => {
    const p = posting({ company: { name: 'Acme', nameEn: null, website } });
    expect(recordFromPosting(p).company.website).toBe('');
    const earlier = recordFromPosting(posting());
    expect(applyPosting(earlier, p).company.website).toBe('');
  });

  it('the clipper keeps an http(s) website', () => {
    const p = posting({ company: { name: 'Acme', nameEn: null, website: 'https://acme.example/' } });
    expect(recordFromPosting(p).company.website).toBe('https://acme.example/');
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', '&#106;avascript:alert(1)'])(
    'the importer drops a heading link to %j, and the export has no live link',
    (url) => {
      const entry = `# [X](${url})\n\n### Status\n#### 📜\n`;
      const r = importEntry(entry);
      expect(r.record.company).toEqual({ name: 'X', website: '' });
      expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/not a web address/);
      expect(r.warnings.map((w) => w.message).join('\n')).not.toMatch(/internal/);
      expect(unsafeUrls(render(exportEntry(r.record)))).toEqual([]);
    },
  );

  it('keeps web, relative and bare-host headings as written', () => {
    for (const url of ['https://snapp.ir/', 'http://x.example', 'snapp.ir', './a.md', ''])
      expect(importEntry(`# [X](${url})\n`).record.company.website).toBe(url);
  });

  it('drops task links with an unsafe scheme, keeps web and relative ones', () => {
    const entry =
      '# [X](https://x.example)\n\n### Task\n[s](./Backend-Project.pdf) [r](https://github.com/a/b) ' +
      '[j](javascript:alert(1)) <a href="data:text/html,x">d</a>\n';
    expect(importEntry(entry).record.task?.links.map((l) => l.url)).toEqual([
      './Backend-Project.pdf',
      'https://github.com/a/b',
    ]);
  });

  it('does not write an unsafe website or task link that a stored record holds', () => {
    const rec = createRecord({ company: { name: 'X', website: 'javascript:alert(1)' } });
    rec.task = { text: 'Do it.', links: [{ text: 'go', url: 'javascript:alert(1)' }], duration: null };
    rec.stages = [newStage('s1', 'task', 'Task', { date: '2025-05-01' })];
    const entry = exportEntry(rec);
    expect(entry).not.toMatch(/javascript/);
    expect(unsafeUrls(render(entry))).toEqual([]);
  });
});

/** Markdown fields: links with an unsafe scheme, however spelled. */
const MARKDOWN_PAYLOADS = [
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](  <javascript:alert(1)>)',
  '[x](&#106;avascript&#58;alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](java\\script:alert(1))',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '[x](vbscript:msgbox(1))',
  '<javascript:alert(1)>',
  '[a]\n\n[a]: javascript:alert(1)',
  '[a]\n\n   [a]:\n   javascript:alert(1)',
  '- [a]\n\n- [a]: javascript:alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  "<a href='  JAVASCRIPT:alert(1)'>x</a>",
  '<a href=javascript:alert(1)>x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<img src="data:image/png;base64,iVBORw0KGgo=">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a/href="javascript:alert(1)">x</a> <img/src="data:image/png;base64,iVBORw0KGgo=">',
  '<a\nhref="javascript:alert(1)"\n>x</a>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
];

describe('markdown fields keep no link with an unsafe scheme', () => {
  function withMarkdown(text: string): ApplicationRecord {
    const rec = createRecord({ company: { name: 'X', website: 'https://x.example' }, review: text });
    rec.rounds = [
      newRound('r1', 'Technical Interview', {
        intro: text,
        questions: [newQuestion('q1', text, { answers: [text], answerLabels: ['Answer'], notes: text })],
        outro: text,
      }),
    ];
    rec.task = { text, links: [], duration: null };
    return rec;
  }

  it.each(MARKDOWN_PAYLOADS)('%j', (payload) => {
    const entry = exportEntry(withMarkdown(payload));
    expect(unsafeUrls(render(entry))).toEqual([]);
    // An imported entry with the same text: the export of it, unedited, is inert too.
    const back = importEntry(entry);
    expect(back.warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/internal/));
    expect(exportEntry(back.record)).toBe(entry);
  });

  it('leaves web, mail and relative links, images and code as they are', () => {
    const text =
      '[docs](https://docs.example/a_(b)) ![](https://img.example/a.png) <https://x.example> ' +
      '[m](mailto:a@b.example) [t](./Task.pdf) [h](#x) <a href="https://x.example">x</a>\n\n' +
      '[ref]: https://x.example\n\n```js\nconst url = "javascript:void(0)"; // code is not a link\n```';
    expect(inertLinks(text)).toBe(text);
  });

  it('is idempotent and marks escaped brackets as text, not links', () => {
    const once = inertLinks(MARKDOWN_PAYLOADS.join('\n\n'));
    expect(inertLinks(once)).toBe(once);
    expect(inertLinks('\\[x\\](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(inertLinks('\\\\[x](javascript:alert(1))')).toBe('\\\\[x](./javascript:alert(1))');
  });

  it('reads the scheme as a browser would', () => {
    for (const bad of ['javascript:x', ' javascript:x', 'java\tscript:x', '&#x6A;avascript:x', 'java\u200bscript:x'])
      expect(isSafeLink(bad), bad).toBe(false);
    for (const good of ['https://x', 'HTTP://x', 'mailto:a@b', './a:b', '#a:b', 'a/b:c', 'snapp.ir', ''])
      expect(isSafeLink(good), good).toBe(true);
  });
});

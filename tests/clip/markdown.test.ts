/**
 * Descriptions as markdown (utils/clip/markdown.ts, docs/boards.md §4): the turndown configuration, escaping,
 * tables, links and what is dropped, truncation, bounded time on hostile input, and that converting never
 * runs anything of the page.
 */
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { capText, describe as describeField, escapeMarkdown, htmlToMarkdown } from '../../utils/clip/markdown';

const BASE = 'https://jobs.example.com/careers/42/';
const dom = new JSDOM('<!doctype html><p>page</p>', { url: BASE });
const doc = dom.window.document;
afterAll(() => dom.window.close());

const md = (html: string, maxChars = 60_000) => htmlToMarkdown(html, doc, { baseUrl: BASE, maxChars }).markdown;

/** The bound a hostile page must finish within: a hang guard with room for a loaded CI machine (~1-2 s here). */
const BOUND_MS = 10_000;

describe('block structure', () => {
  it('writes ATX headings, one line each', () => {
    expect(md('<h1>One</h1><h2>Two</h2><h3>Three</h3><h6>Six</h6>')).toBe('# One\n\n## Two\n\n### Three\n\n###### Six');
    expect(md('<h2>Senior<br>Engineer</h2>')).toBe('## Senior Engineer');
    expect(md('<h2> </h2><p>x</p>')).toBe('x');
  });

  it('fences code with the language from class="language-x"', () => {
    expect(md('<pre><code class="language-ts">const a = 1;\n</code></pre>')).toBe('```ts\nconst a = 1;\n```');
    expect(md('<pre class="lang-python"><code>print(1)</code></pre>')).toBe('```python\nprint(1)\n```');
    expect(md('<pre>plain\n  indented</pre>')).toBe('```\nplain\n  indented\n```');
    // Code is never escaped, blank lines and trailing spaces inside it stay, and a fence inside gets a longer one.
    expect(md('<pre><code>a_b *c*\n\n\nd  \n```\n</code></pre>')).toBe('````\na_b *c*\n\n\nd  \n```\n````');
    expect(md('<pre><code class="language-`x`">x</code></pre>')).toBe('```\nx\n```');
    expect(md('<pre><code>line1<br>line2</code></pre>')).toBe('```\nline1\nline2\n```');
    expect(md('<p>Use <code>a_b</code> and <code>x`y</code>.</p>')).toBe('Use `a_b` and ``x`y``.');
  });

  it('writes `- ` bullets, nested lists indented, ordered lists from their start', () => {
    expect(md('<ul><li>a<ul><li>b</li><li>c<ul><li>d</li></ul></li></ul></li><li>e</li></ul>')).toBe(
      '- a\n  - b\n  - c\n    - d\n- e',
    );
    expect(md('<ol start="3"><li>x</li><li>y</li></ol>')).toBe('3. x\n4. y');
    expect(md('<ol start="0"><li>zero</li><li>one</li></ol>')).toBe('0. zero\n1. one');
    expect(md('<ol start="-4"><li>x</li></ol>')).toBe('1. x');
    expect(md('<ol start="9"><li>nine</li><li>ten<ul><li>sub</li></ul></li></ol>')).toBe('9. nine\n10. ten\n    - sub');
    expect(md('<ul><li><p>para1</p><p>para2</p></li><li>b</li></ul>')).toBe('- para1\n\n  para2\n\n- b');
  });

  it('keeps paragraphs apart and hard line breaks', () => {
    expect(md('<p>one</p><p>two<br>three</p><hr><p>four</p>')).toBe('one\n\ntwo  \nthree\n\n---\n\nfour');
  });
});

describe('GFM tables', () => {
  it('writes a header row and a separator', () => {
    expect(
      md(
        '<table><thead><tr><th>Role</th><th>Level</th></tr></thead><tbody><tr><td>Go</td><td>Senior</td></tr></tbody></table>',
      ),
    ).toBe('| Role | Level |\n| --- | --- |\n| Go | Senior |');
  });

  it('gives a headerless table an empty header, so no data row is promoted', () => {
    expect(md('<table><tr><td>x</td><td>y</td></tr><tr><td>1</td><td>2</td></tr></table>')).toBe(
      '| | |\n| --- | --- |\n| x | y |\n| 1 | 2 |',
    );
  });

  it('escapes | in a cell once, and flattens <br> and lists in cells', () => {
    expect(md('<table><tr><th>A</th><th>B</th></tr><tr><td>x|y</td><td>2<br>3</td></tr></table>')).toBe(
      '| A | B |\n| --- | --- |\n| x\\|y | 2 3 |',
    );
    expect(md('<table><tr><th>Stack</th></tr><tr><td><ul><li>Go</li><li>Rust</li></ul></td></tr></table>')).toBe(
      '| Stack |\n| --- |\n| Go; Rust |',
    );
    expect(md('<table><tr><th>Steps</th></tr><tr><td><ol><li>HR</li><li>Tech</li></ol></td></tr></table>')).toBe(
      '| Steps |\n| --- |\n| 1. HR; 2. Tech |',
    );
    expect(md('<table><tr><th>P</th></tr><tr><td><p>one</p><p>two</p></td></tr></table>')).toBe(
      '| P |\n| --- |\n| one two |',
    );
  });

  it('counts colspan and pads short rows to the widest row', () => {
    expect(md('<table><tr><th colspan="2">AB</th><th>C</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>')).toBe(
      '| AB | | C |\n| --- | --- | --- |\n| 1 | 2 | 3 |',
    );
    expect(md('<table><tr><th>A</th></tr><tr><td>1</td><td>2</td></tr></table>')).toBe(
      '| A | |\n| --- | --- |\n| 1 | 2 |',
    );
    expect(md('<table><tr><th colspan="9999">wide</th></tr></table>').split('\n')[1]).toBe('|' + ' --- |'.repeat(20));
  });

  it('puts the caption above the table as text', () => {
    expect(md('<table><caption>Salary # bands</caption><tr><th>A</th></tr><tr><td>1</td></tr></table>')).toBe(
      'Salary # bands\n\n| A |\n| --- |\n| 1 |',
    );
    expect(md('<table><caption># 1</caption><tr><th>A</th></tr></table>')).toBe('\\# 1\n\n| A |\n| --- |');
  });
});

describe('escaping', () => {
  it('leaves ordinary text alone: snake_case, TypeScript_و_Node, C#, prices, e-mail', () => {
    for (const s of [
      'some_snake_case',
      'TypeScript_و_Node',
      'C# and F#',
      '30-40 million',
      'a+b=c',
      'jobs@example.com',
      'x > y',
      '2 * 3',
      'Node.js 20.x',
    ])
      expect(md(`<p>${s.replace(/>/g, '&gt;')}</p>`), s).toBe(s === '2 * 3' ? '2 \\* 3' : s);
  });

  it('escapes what would change the meaning', () => {
    expect(md('<p># not a heading</p>')).toBe('\\# not a heading');
    expect(md('<p>1. not a list</p>')).toBe('1\\. not a list');
    expect(md('<p>2024) was a year</p>')).toBe('2024\\) was a year');
    expect(md('<p>- not a bullet</p><p>+ nor this</p>')).toBe('\\- not a bullet\n\n\\+ nor this');
    expect(md('<p>&gt; not a quote</p><p>&gt;nor this</p>')).toBe('\\> not a quote\n\n\\>nor this');
    expect(md('<p>---</p><p>===</p>')).toBe('\\---\n\n\\===');
    expect(md('<p>*emphasis* and _this_ and __init__</p>')).toBe('\\*emphasis\\* and \\_this\\_ and \\_\\_init\\_\\_');
    expect(md('<p>use `backticks`</p>')).toBe('use \\`backticks\\`');
    expect(md('<p>[text](http://evil.example) [a][b] [c]: x</p>')).toBe(
      '[text\\](http://evil.example) [a\\][b] [c\\]: x',
    );
    expect(md('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=y&gt;</p>')).toBe(
      '\\<script>alert(1)\\</script> \\<img src=x onerror=y>',
    );
    expect(md('<p>&amp;copy; stays text</p>')).toBe('\\&copy; stays text');
    expect(md('<p>~~~ fence</p>')).toBe('\\~~~ fence');
  });

  it('doubles a backslash that would otherwise escape the next character', () => {
    expect(md('<p>a \\&lt;b&gt; c \\* d \\_e</p>')).toBe('a \\\\\\<b> c \\\\\\* d \\\\\\_e');
    expect(md('<p>C:\\Users\\me</p>')).toBe('C:\\Users\\me');
  });

  it('escapeMarkdown is the escape turndown uses', () => {
    expect(escapeMarkdown('some_snake_case')).toBe('some_snake_case');
    expect(escapeMarkdown('_lead and trail_')).toBe('\\_lead and trail\\_');
    expect(escapeMarkdown('# x')).toBe('\\# x');
    expect(escapeMarkdown('#hashtag')).toBe('#hashtag');
  });
});

describe('Persian text', () => {
  it('keeps ZWNJ, Persian digits and RTL text intact', () => {
    const s = 'می‌خواهیم یک برنامه‌نویس با ۳ سال سابقه استخدام کنیم';
    expect(md(`<div dir="rtl"><p>${s}</p></div>`)).toBe(s);
    expect(md('<p>TypeScript_و_Node و Go</p>')).toBe('TypeScript_و_Node و Go');
    expect(md('<ul><li>مسئولیت‌ها</li></ul>')).toBe('- مسئولیت‌ها');
  });

  it('turns &nbsp; into spaces and drops paragraphs made of it, never leaving an indent', () => {
    expect(md('<p>سلام&nbsp;دنیا</p><p>&nbsp;</p><p>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;indented?</p>')).toBe(
      'سلام دنیا\n\nindented?',
    );
    expect(md('<p>a&nbsp;&nbsp;b</p>')).not.toContain('\u00a0');
  });
});

describe('links and images', () => {
  it('makes links and images absolute against the page', () => {
    expect(
      md('<p><a href="/apply">Apply</a> <a href="faq#pay">FAQ</a> <a href="https://x.example/a b">sp</a></p>'),
    ).toBe(
      '[Apply](https://jobs.example.com/apply) [FAQ](https://jobs.example.com/careers/42/faq#pay) [sp](https://x.example/a%20b)',
    );
    expect(md('<p><a href="mailto:hr@example.com">mail</a> <a href="tel:+982100000">call</a></p>')).toBe(
      '[mail](mailto:hr@example.com) [call](tel:+982100000)',
    );
    expect(md('<p><a href="https://x.example/a)b">paren</a></p>')).toBe('[paren](https://x.example/a\\)b)');
  });

  it('reduces javascript:, data: and vbscript: links to their text, however they are spelt', () => {
    const hrefs = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' \tjavascript:alert(1)',
      '\njava\nscript:alert(1)',
      'java\tscript:alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;&#x61;vascript:alert(1)',
      'javascript&colon;alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'DATA:text/html,x',
      'vbscript:msgbox(1)',
      ' VBScript:msgbox(1)',
      'file:///etc/passwd',
      '',
    ];
    for (const h of hrefs) {
      const out = md(`<p><a href="${h.replace(/"/g, '&quot;')}">click</a></p>`);
      expect(out, JSON.stringify(h)).toBe('click');
    }
  });

  it('keeps images only when they are http(s)', () => {
    expect(md('<p><img src="/logo.png" alt="Logo"></p>')).toBe('![Logo](https://jobs.example.com/logo.png)');
    for (const src of [
      'data:image/png;base64,xx',
      'javascript:alert(1)',
      ' JAVASCRIPT:x',
      '',
      'blob:https://x/1',
      'ftp://x/a.png',
    ])
      expect(md(`<p>a<img src="${src}" alt="bad">b</p>`), src).toBe('ab');
    expect(md('<p>a<img alt="no src">b</p>')).toBe('ab');
    expect(md('<p><img src="https://cdn.example/a.png" srcset="javascript:x 1x" onerror="x()" alt="ok"></p>')).toBe(
      '![ok](https://cdn.example/a.png)',
    );
  });
});

describe('what never reaches the markdown', () => {
  it('drops scripts, styles, frames, forms, handlers and page chrome', () => {
    const html = `
      <nav>Menu</nav><header>Site header</header>
      <p onclick="steal()" onmouseover="x()">Body <span style="color:red">text</span></p>
      <script>alert(1)</script><style>p{}</style><noscript>enable JS</noscript>
      <iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">
      <form action="/apply"><label>Name</label><input name="n"><textarea>t</textarea><select><option>o</option></select><button>Send</button></form>
      <template><p>tpl</p></template><svg><text>svg</text></svg>
      <aside>Related jobs</aside><footer>© footer</footer>`;
    expect(md(html)).toBe('Body text');
  });

  it('drops hidden content', () => {
    expect(
      md(
        '<p>seen</p><p hidden>hidden</p><div aria-hidden="true">aria</div><p style="display: none">none</p><p style="color:red;visibility:hidden">vis</p>',
      ),
    ).toBe('seen');
  });
});

describe('truncation', () => {
  const paragraphs = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} ${'word '.repeat(30).trim()}.`);

  it('capText cuts at a paragraph boundary and flags it', () => {
    const text = paragraphs.join('\n\n');
    const r = capText(text, 1000);
    expect(r.truncated).toBe(true);
    expect(r.markdown.endsWith('.\n\n…')).toBe(true);
    expect(text.startsWith(r.markdown.slice(0, -3).trimEnd())).toBe(true);
    expect(r.markdown.length).toBeLessThanOrEqual(1003);
    expect(capText('short', 1000)).toEqual({ markdown: 'short', truncated: false });
  });

  it('never splits a surrogate pair and closes a cut code block', () => {
    const emoji = capText('😀'.repeat(100), 51);
    expect(emoji.markdown).toBe('😀'.repeat(25) + '\n\n…');
    const code = capText('intro\n\n```ts\n' + 'line\n'.repeat(100) + '```', 200);
    expect(code.markdown.endsWith('\n```\n\n…')).toBe(true);
    expect(code.markdown.match(/```/g)).toHaveLength(2);
  });

  it('describe() adds a note when the description was shortened', () => {
    const ctx = { doc, url: new URL(BASE), maxDescription: 500 };
    const r = describeField(paragraphs.map((p) => `<p>${p}</p>`).join(''), ctx);
    expect(r.description!.length).toBeLessThanOrEqual(503);
    expect(r.description!.endsWith('…')).toBe(true);
    expect(r.notes).toEqual(['description truncated to 500 characters']);
    expect(describeField('<p>short</p>', ctx)).toEqual({ description: 'short', notes: [] });
    expect(describeField('   ', ctx)).toEqual({ notes: [] });
    expect(describeField(null, ctx)).toEqual({ notes: [] });
    expect(describeField('<script>x</script>', ctx)).toEqual({ notes: [] });
  });
});

describe('hostile input finishes in bounded time', () => {
  const ctx = { doc, url: new URL(BASE), maxDescription: 60_000 };
  const timed = <T>(f: () => T): { value: T; ms: number } => {
    const t = performance.now();
    const value = f();
    return { value, ms: performance.now() - t };
  };

  it('200k nested elements (as HTML)', () => {
    const html = '<div>x '.repeat(200_000) + '</div>'.repeat(200_000);
    const { value, ms } = timed(() => describeField(html, ctx));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value.description!.startsWith('x\n\nx')).toBe(true);
    expect(value.description!.length).toBeLessThanOrEqual(60_003);
    expect(value.notes).toContain('description truncated to 60000 characters');
    expect(value.notes.some((n) => /plain text/.test(n))).toBe(true);
  });

  it('20k nested elements of a page (deeper than turndown or cloning can recurse)', () => {
    const page = new JSDOM('<!doctype html><body></body>', { url: BASE });
    const d = page.window.document;
    let top: Element = d.createElement('div');
    top.textContent = 'innermost';
    // Built from the inside out: jsdom's own appendChild recurses over ancestors (and slows with depth,
    // which is why this one is 20k deep and the HTML one 200k).
    for (let i = 0; i < 20_000; i++) {
      const el = d.createElement(i % 2 ? 'div' : 'span');
      el.append(`t${i} `);
      el.appendChild(top);
      top = el;
    }
    // Not attached to the page: jsdom's own attach step recurses and would overflow first.
    const { value, ms } = timed(() => describeField(top, { ...ctx, doc: d, maxDescription: 500_000 }));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value.description!.startsWith('t19999 t19998')).toBe(true);
    expect(value.description!.endsWith('t1 t0\n\ninnermost')).toBe(true);
    expect(value.notes).toEqual(['description too large or too deeply nested to convert: kept as plain text']);
    page.window.close();
  });

  it('200k sibling elements', () => {
    const html = '<p>word</p>'.repeat(200_000);
    const { value, ms } = timed(() => describeField(html, ctx));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value.description!.length).toBeLessThanOrEqual(60_003);
    expect(value.notes).toContain('description truncated to 60000 characters');
  });

  it('a 5 MB description', () => {
    const html = ('<p>' + 'Responsible for the platform_team services. '.repeat(20) + '</p>\n').repeat(5_800);
    expect(html.length).toBeGreaterThan(5_000_000);
    const { value, ms } = timed(() => describeField(html, ctx));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value.description!.length).toBeLessThanOrEqual(60_003);
    expect(value.description!.endsWith('services.\n\n…')).toBe(true);
    expect(value.notes).toEqual(['description truncated to 60000 characters']);
  });

  it('a 5 MB description in JSON-LD, through the extractor', async () => {
    const { extractPosting } = await import('../../utils/clip/extract');
    const page = new JSDOM('<!doctype html><title>t</title>', { url: 'https://jobs.example.com/p/1' });
    const script = page.window.document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = JSON.stringify({
      '@type': 'JobPosting',
      title: 'Big',
      description: '<p>' + 'lorem ipsum '.repeat(450_000) + '</p>',
    });
    page.window.document.head.append(script);
    const { value, ms } = timed(() => extractPosting(page.window.document, 'https://jobs.example.com/p/1'));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(value.title).toBe('Big');
    expect(value.description!.length).toBeLessThanOrEqual(60_003);
    expect(value.notes).toContain('description truncated to 60000 characters');
    page.window.close();
  });
});

describe('converting never runs anything', () => {
  /** Markup that runs nothing when it is parsed into a page with innerHTML (jsdom loads no images). */
  const quiet =
    '<p>Hi<img src=x onerror="globalThis.__pwned=1;window.__pwned=1"></p><svg onload="window.__pwned=1"></svg><a href="javascript:window.__pwned=1">link</a>';
  /** And what would run if our code put it into a live document. */
  const payload =
    quiet +
    '<script>globalThis.__pwned=1;window.__pwned=1</script>' +
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>' +
    '<details open ontoggle="window.__pwned=1"><summary>s</summary></details><body onload="window.__pwned=1">';

  it('leaves globalThis and the page window untouched, with scripts enabled on the page', async () => {
    const page = new JSDOM('<!doctype html><body><div id="d"></div></body>', { url: BASE, runScripts: 'dangerously' });
    const win = page.window as unknown as Record<string, unknown>;
    // The harness can see execution: a script inserted into the page itself does run.
    const control = page.window.document.createElement('script');
    control.textContent = 'window.__control = 1';
    page.window.document.body.append(control);
    expect(win.__control).toBe(1);

    const ctx = { doc: page.window.document, url: new URL(BASE), maxDescription: 60_000 };
    const fromString = describeField(payload, ctx);
    // The page's own markup, as a board adapter passes it.
    const holder = page.window.document.getElementById('d')!;
    holder.innerHTML = quiet;
    const fromElement = describeField(holder, ctx);
    await new Promise((r) => setTimeout(r, 50));

    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(win.__pwned).toBeUndefined();
    expect(fromString.description).toBe('Hi\n\nlink\n\ns');
    expect(fromElement.description).toBe('Hi\n\nlink');
    // The page's element was read, never changed.
    expect(holder.querySelector('img')!.getAttribute('onerror')).toContain('__pwned');
    expect(holder.querySelector('a')!.getAttribute('href')).toBe('javascript:window.__pwned=1');
    page.window.close();
  });

  it('does not run the description when the extractor reads a whole page', async () => {
    const { extractPosting } = await import('../../utils/clip/extract');
    const ld = JSON.stringify({ '@type': 'JobPosting', title: 'T', description: payload }).replace(/</g, '\\u003c');
    const page = new JSDOM(
      `<!doctype html><head><script type="application/ld+json">${ld}</script></head><body><p>x</p></body>`,
      { url: BASE, runScripts: 'dangerously' },
    );
    // And a page without JSON-LD, whose description Readability finds.
    const page2 = new JSDOM(
      `<!doctype html><body><article><p>${'Words here. '.repeat(40)}</p>${quiet}</article></body>`,
      { url: BASE, runScripts: 'dangerously' },
    );
    await new Promise((r) => setTimeout(r, 20));
    const p = extractPosting(page.window.document, BASE, { now: new Date(0) });
    const p2 = extractPosting(page2.window.document, BASE, { now: new Date(0) });
    await new Promise((r) => setTimeout(r, 50));
    expect((page.window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
    expect((page2.window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(p.description).toBe('Hi\n\nlink\n\ns');
    expect(p2.board).toBe('readability');
    expect(p2.description).toContain('Words here.');
    expect(p2.description).not.toMatch(/onerror|javascript:/i);
    page.window.close();
    page2.window.close();
  });
});

// @vitest-environment jsdom
/** The preview's one HTML sink (components/SafeHtml.tsx): untrusted markdown in, inert HTML out. */
import { describe, expect, it } from 'vitest';
import { mermaidSources, renderSafeHtml } from '../../components/SafeHtml';

const dom = (md: string) => {
  const div = document.createElement('div');
  div.append(document.createRange().createContextualFragment(renderSafeHtml(md)));
  return div;
};

describe('SafeHtml sanitising', () => {
  it('removes script tags and event handler attributes', () => {
    const html = renderSafeHtml(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<b onclick="x()">b</b>',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|alert/i);
    expect(dom('<b onmouseover="x()">b</b>').querySelector('b')?.attributes.length).toBe(0);
  });

  it('drops javascript: and data: links, in markdown and in HTML', () => {
    for (const md of [
      '[x](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" JaVaScRiPt:alert(1)">x</a>',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
    ]) {
      const a = dom(md).querySelector('a');
      if (a) expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data):/i);
    }
  });

  it('opens links in a new tab without the opener', () => {
    const a = dom('[site](https://example.com)').querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.com');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps <details> answers and right-to-left paragraphs; every block reads its own direction', () => {
    const root = dom(
      '- Why Go?\n    <details>\n    <summary><b><em>Answer</em></b></summary>\n    <div>\n\n    Because.\n\n    </div>\n    </details>\n\n<p dir="rtl">\nسلام\n</p>\n',
    );
    expect(root.querySelector('details summary')?.textContent).toBe('Answer');
    expect(root.querySelector('p[dir="rtl"]')?.textContent?.trim()).toBe('سلام');
    expect(root.querySelector('li')?.getAttribute('dir')).toBe('auto');
  });

  it('turns a mermaid fence into a diagram slot and reads its source', () => {
    const md = '### Interview Process\n```mermaid\nflowchart LR\n  a --> b\n```\n';
    expect(dom(md).querySelector('[data-diagram="0"]')).not.toBeNull();
    expect(dom(md).querySelector('pre')).toBeNull();
    expect(mermaidSources(md)).toEqual(['flowchart LR\n  a --> b']);
  });
});

/**
 * The one place HTML goes into the page (scripts/check-architecture.ts allows innerHTML here only): markdown
 * rendered by markdown-it with its HTML passed through, then sanitised by DOMPurify. The markdown is untrusted
 * (an imported entry, a clipped page's text): no script, no event handler attribute, no `javascript:` or
 * `data:` link; links open in a new tab with `rel="noopener noreferrer"`. `<details>`/`<summary>` and
 * `dir` stay, and every block gets `dir="auto"` so a Persian paragraph reads right to left.
 *
 * A ```mermaid fence becomes an empty slot (`data-diagram="<n>"`); the caller hands in what to show there: the
 * diagram's SVG (sanitised here again, as SVG) or its error, in words.
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { useLayoutEffect, useMemo, useRef } from 'react';

const md = new MarkdownIt({ html: true, linkify: false });

/** The fences' sources in order: what each `data-diagram` slot is to show. */
export function mermaidSources(markdown: string): string[] {
  return md
    .parse(markdown, {})
    .filter((t) => t.type === 'fence' && t.info.trim().toLowerCase() === 'mermaid')
    .map((t) => t.content.replace(/\n$/, ''));
}

const defaultFence = md.renderer.rules.fence!;
md.renderer.rules.fence = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token.info.trim().toLowerCase() !== 'mermaid' || !env) return defaultFence(tokens, idx, options, env, self);
  const n = Number(env.diagrams ?? 0);
  env.diagrams = n + 1;
  return `<div class="preview-diagram" data-diagram="${n}"></div>\n`;
};

const BLOCKS = 'P,H1,H2,H3,H4,H5,H6,LI,UL,OL,BLOCKQUOTE,DETAILS,SUMMARY,DIV,TD,TH';
const SAFE_URL = /^(?:https?:|mailto:|#|\/(?!\/)|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i;

const purifier = DOMPurify();
purifier.addHook('afterSanitizeAttributes', (node) => {
  const el = node as Element;
  if (!el.tagName) return;
  if (el.tagName === 'A') {
    const href = el.getAttribute('href');
    if (href !== null && !SAFE_URL.test(href.trim())) el.removeAttribute('href');
    el.setAttribute('target', '_blank');
    el.setAttribute('rel', 'noopener noreferrer');
  }
  if (BLOCKS.split(',').includes(el.tagName) && !el.hasAttribute('dir')) el.setAttribute('dir', 'auto');
});

/** Markdown to sanitised HTML (a string: for tests, and what the component below puts in the page). */
export function renderSafeHtml(markdown: string): string {
  return purifier.sanitize(md.render(markdown, {}), {
    ADD_TAGS: ['details', 'summary'],
    ADD_ATTR: ['dir', 'open', 'target', 'data-diagram'],
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
    ALLOW_DATA_ATTR: false,
  });
}

const svgPurifier = DOMPurify();
/** A diagram's SVG as mermaid drew it (strict security level), sanitised once more as SVG. */
function safeSvg(svg: string): string {
  return svgPurifier.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true, html: true },
    ADD_TAGS: ['foreignObject', 'style'],
    FORBID_TAGS: ['script', 'a'],
  });
}

/** What each slot shows now, so an unchanged diagram is not put in again. */
const drawn = new WeakMap<Element, string>();

/** What a diagram slot shows: the drawn SVG, the error in words, or nothing yet. */
export type DiagramView = { svg: string } | { error: string } | null;

export function SafeHtml({
  markdown,
  diagrams = [],
  className,
  testId,
}: {
  markdown: string;
  diagrams?: DiagramView[];
  className?: string;
  testId?: string;
}) {
  const html = useMemo(() => renderSafeHtml(markdown), [markdown]);
  const svgs = useMemo(() => diagrams.map((d) => (d && 'svg' in d ? safeSvg(d.svg) : null)), [diagrams]);
  const ref = useRef<HTMLDivElement>(null);
  // The slots are refilled whenever the HTML is replaced (new empty slots) or a diagram changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `html` means new, empty slots to fill
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    for (const slot of root.querySelectorAll<HTMLElement>('[data-diagram]')) {
      const n = Number(slot.dataset.diagram);
      const view = diagrams[n];
      const svg = svgs[n];
      if (svg) {
        if (drawn.get(slot) !== svg) {
          slot.innerHTML = svg;
          drawn.set(slot, svg);
        }
        slot.className = 'preview-diagram';
        slot.removeAttribute('role');
      } else if (view && 'error' in view) {
        slot.textContent = view.error;
        drawn.delete(slot);
        slot.className = 'preview-diagram preview-diagram-error';
        slot.setAttribute('role', 'alert');
      }
    }
  }, [html, svgs, diagrams]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify above; the one HTML sink
  return <div ref={ref} className={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}

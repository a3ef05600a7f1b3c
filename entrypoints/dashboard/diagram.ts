/**
 * The real `mermaid` package, loaded only by the application page's preview (its own lazy chunks: the list and
 * the popup never load it): draws an entry's process diagram as SVG, and checks a diagram for lint. Strict
 * security level (no script, no click handler, labels sanitised); the theme follows `prefers-color-scheme`.
 */
import type { DiagramView } from '@/components/SafeHtml';

type Mermaid = typeof import('mermaid').default;

let loading: Promise<Mermaid> | null = null;
let theme: 'dark' | 'default' | null = null;
let drawn = 0;

/** Starts loading mermaid (once); resolves to it initialised. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => {
    performance.mark('jobnote:mermaid');
    return m.default;
  });
  return loading;
}

function setTheme(mermaid: Mermaid, dark: boolean) {
  const want = dark ? 'dark' : 'default';
  if (theme === want) return;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: want,
    // A diagram mermaid rejects throws, and leaves no error drawing behind in the page.
    suppressErrorRendering: true,
    // Labels as SVG text, not HTML in a foreignObject: what SafeHtml's SVG sanitising keeps.
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    logLevel: 'fatal' as never,
  });
  theme = want;
}

/** The message of whatever mermaid threw, in one line. */
function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300) || 'unknown error';
}

/** The diagram as SVG, or mermaid's error in words: never a throw. */
export async function drawDiagram(source: string, dark: boolean): Promise<DiagramView> {
  try {
    const mermaid = await loadMermaid();
    setTheme(mermaid, dark);
    const { svg } = await mermaid.render(`jobnote-diagram-${++drawn}`, source);
    return { svg };
  } catch (err) {
    return { error: describe(err) };
  }
}

/** The lint's diagram check (utils/jobname/lint.ts `DiagramValidator`) by the real parser, once it is loaded. */
export async function validateDiagram(source: string): Promise<string | null> {
  const mermaid = await loadMermaid();
  try {
    await mermaid.parse(source);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * The real mermaid parser in Node: mermaid expects a DOM, so it gets a jsdom window first. Loaded only when
 * a diagram needs checking (it takes a couple of seconds).
 */
import type { DiagramValidator } from '../utils/jobname/lint';

let validator: Promise<DiagramValidator | null> | null = null;

async function load(): Promise<DiagramValidator | null> {
  try {
    const { JSDOM } = await import('jsdom');
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
    const g = globalThis as Record<string, unknown>;
    g.window ??= dom.window;
    g.document ??= dom.window.document;
    g.DOMParser ??= dom.window.DOMParser;
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, logLevel: 'fatal' as never });
    return async (source: string) => {
      try {
        await mermaid.parse(source);
        return null;
      } catch (e) {
        return String((e as Error).message ?? e);
      }
    };
  } catch {
    return null;
  }
}

/** The mermaid-backed validator, or null when mermaid (a dev dependency) is not installed. */
export function mermaidValidator(): Promise<DiagramValidator | null> {
  validator ??= load();
  return validator;
}

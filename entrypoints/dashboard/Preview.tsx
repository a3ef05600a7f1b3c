/**
 * The live preview beside the application page's editor: the entry `exportEntry` writes for the record, as text
 * (byte for byte) and rendered as the repository's book shows it (components/SafeHtml.tsx; the process diagram
 * drawn by the real mermaid, ./diagram.ts), and the lint's messages, each focusing the field it names.
 *
 * Typing never waits for it: the record is taken through `useDeferredValue`, so a keystroke commits the field
 * first and the preview follows in a render React can interrupt; a diagram is drawn again only when its source
 * (or the colour scheme) changed.
 */
import { useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type DiagramView, mermaidSources, SafeHtml } from '@/components/SafeHtml';
import type { DashboardTranslator } from '@/utils/i18n';
import { type ExportedEntry, exportEntryBlocks } from '@/utils/jobname/export';
import { type FieldLintMessage, fieldElementId, lintRecord } from '@/utils/jobname/lint-fields';
import type { ApplicationRecord } from '@/utils/record';
import { drawDiagram, loadMermaid, validateDiagram } from './diagram';
import '@/assets/preview.css';

const DARK = '(prefers-color-scheme: dark)';

// The page shows a diagram as soon as it can: mermaid starts loading with this module, beside the first render.
void loadMermaid().catch(() => {});

function useDarkScheme(): boolean {
  const [dark, setDark] = useState(() => matchMedia(DARK).matches);
  useEffect(() => {
    const q = matchMedia(DARK);
    const on = () => setDark(q.matches);
    q.addEventListener('change', on);
    return () => q.removeEventListener('change', on);
  }, []);
  return dark;
}

/** Each diagram source drawn once per colour scheme; the views in the order of the sources. */
function useDiagrams(sources: string[], dark: boolean): DiagramView[] {
  const [cache, setCache] = useState(() => new Map<string, DiagramView>());
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const source of sources) {
      const key = `${dark}\n${source}`;
      if (asked.current.has(key)) continue;
      asked.current.add(key);
      void drawDiagram(source, dark).then((view) => setCache((c) => new Map(c).set(key, view)));
    }
  }, [sources, dark]);
  return useMemo(() => sources.map((s) => cache.get(`${dark}\n${s}`) ?? null), [sources, dark, cache]);
}

/** The record's lint messages, for the entry as exported; the diagram checked by mermaid once it is loaded. */
function useLint(record: ApplicationRecord, exported: ExportedEntry): FieldLintMessage[] | null {
  const [messages, setMessages] = useState<FieldLintMessage[] | null>(null);
  const [mermaidReady, setMermaidReady] = useState(false);
  useEffect(() => {
    let live = true;
    void loadMermaid().then(
      () => live && setMermaidReady(true),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    let live = true;
    void lintRecord(record, { exported, ...(mermaidReady ? { validateDiagram } : {}) }).then(
      (m) => live && setMessages(m),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [record, exported, mermaidReady]);
  return messages;
}

/** Focuses the field a message names, when the page has it; otherwise nothing happens. */
function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}

type Tab = 'rendered' | 'markdown';

export default function Preview({ record, tr }: { record: ApplicationRecord; tr: DashboardTranslator }) {
  const deferred = useDeferredValue(record);
  // One export per record shown: its text for the preview, its blocks for lint to name fields.
  const exported = useMemo(() => exportEntryBlocks(deferred), [deferred]);
  const markdown = exported.text;
  const sourcesText = useMemo(() => mermaidSources(markdown).join('\u0000'), [markdown]);
  // The same array while the diagrams' text is the same: no redraw for an edit elsewhere.
  const sources = useMemo(() => (sourcesText ? sourcesText.split('\u0000') : []), [sourcesText]);
  const dark = useDarkScheme();
  const diagrams = useDiagrams(sources, dark);
  const lint = useLint(deferred, exported);
  const [tab, setTab] = useState<Tab>('rendered');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const id = useId();
  const tabs: Tab[] = ['rendered', 'markdown'];
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ rendered: null, markdown: null });
  const current = deferred === record;
  const root = useRef<HTMLElement>(null);
  // For tests and the bench: the text shown is the record's latest, and whether its diagrams are drawn.
  useLayoutEffect(() => {
    root.current?.toggleAttribute('data-current', current);
    root.current?.toggleAttribute(
      'data-diagrams-drawn',
      diagrams.every((d) => d !== null),
    );
  });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <aside ref={root} className="preview" aria-labelledby={`${id}-title`} data-testid="preview">
      <div className="preview-bar">
        <h3 id={`${id}-title`}>{tr.t('previewTitle')}</h3>
        <div role="tablist" aria-label={tr.t('previewTitle')} className="preview-tabs">
          {tabs.map((t) => (
            <button
              key={t}
              ref={(el) => {
                tabRefs.current[t] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`${id}-panel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              className="preview-tab"
              data-testid={`preview-tab-${t}`}
              onClick={() => setTab(t)}
              onKeyDown={(e) => {
                const step = { ArrowRight: 1, ArrowLeft: -1, Home: -9, End: 9 }[e.key];
                if (!step) return;
                e.preventDefault();
                const i = Math.max(0, Math.min(tabs.length - 1, tabs.indexOf(t) + (tr.dir === 'rtl' ? -step : step)));
                setTab(tabs[i]);
                tabRefs.current[tabs[i]]?.focus();
              }}
            >
              {tr.t(t === 'rendered' ? 'previewRendered' : 'previewMarkdown')}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-small" data-testid="preview-copy" onClick={() => void copy()}>
          {tr.t('previewCopy')}
        </button>
        <span className="muted" role="status" aria-live="polite">
          {copied === 'yes' ? tr.t('previewCopied') : copied === 'failed' ? tr.t('previewCopyFailed') : ''}
        </span>
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-rendered`}
        aria-labelledby={`${id}-tab-rendered`}
        hidden={tab !== 'rendered'}
        className="preview-panel"
      >
        <SafeHtml markdown={markdown} diagrams={diagrams} className="preview-book" testId="preview-rendered" />
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-markdown`}
        aria-labelledby={`${id}-tab-markdown`}
        hidden={tab !== 'markdown'}
        className="preview-panel"
      >
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the text scrolls; the keyboard must reach it */}
        <pre className="preview-source" dir="auto" tabIndex={0} data-testid="preview-markdown">
          {markdown}
        </pre>
      </div>
      <section className="preview-lint" aria-label={tr.t('previewLint')}>
        <h4>{tr.t('previewLint')}</h4>
        {lint === null ? (
          <p className="muted">{tr.t('loading')}</p>
        ) : lint.length ? (
          <ul data-testid="preview-lint">
            {lint.map((m, i) => {
              const target = m.field ? fieldElementId(m.field) : null;
              const body = (
                <>
                  <span className={`lint-severity lint-${m.severity}`}>
                    {tr.t(m.severity === 'error' ? 'previewLintError' : 'previewLintWarning')}
                  </span>{' '}
                  <bdi dir="ltr">{m.message}</bdi>
                </>
              );
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id; the list is redone each time
                <li key={i} data-testid="lint-message" data-field={target ?? undefined}>
                  {target ? (
                    <button
                      type="button"
                      className="lint-link"
                      title={tr.t('previewLintFocus')}
                      onClick={() => focusField(target)}
                    >
                      {body}
                    </button>
                  ) : (
                    body
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted" data-testid="preview-lint">
            {tr.t('previewLintNone')}
          </p>
        )}
      </section>
    </aside>
  );
}

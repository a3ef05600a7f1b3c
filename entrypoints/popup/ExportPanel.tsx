/**
 * Export: the core exporter's output, byte for byte, to copy or download as the repository names files
 * (`src/<slug>/<slug>.md`), with the line to add to SUMMARY.md. Loaded only when the tab is opened.
 */
import type { EditRecord } from '@/components/useEditSession';
import { useMemo, useState } from 'react';
import { entryFileName, exportEntry } from '@/utils/jobname/export';
import type { AnswerStyle, ApplicationRecord } from '@/utils/record';
import { downloadText } from '@/components/download';
import { usePopup } from './context';
import { DateFormatField } from './DateFormatField';

async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Older browsers, or the clipboard API refused: copy the selected text area.
    fallback?.select();
    if (!document.execCommand('copy')) throw new Error('the browser refused to copy');
  }
}

export default function ExportPanel({ record, edit }: { record: ApplicationRecord; edit: EditRecord }) {
  const { tr } = usePopup();
  const markdown = useMemo(() => exportEntry(record), [record]);
  const { slug, path } = entryFileName(record);
  const summaryLine = `- [${record.company.name.replace(/[[\]]/g, '\\$&')}](./${slug}/${slug}.md)`;
  const [copied, setCopied] = useState<'md' | 'line' | null>(null);
  const [error, setError] = useState<string | null>(null);
  let area: HTMLTextAreaElement | null = null;

  const copy = (what: 'md' | 'line', text: string) =>
    copyText(text, what === 'md' ? area : null).then(
      () => {
        setCopied(what);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );

  return (
    <div className="export">
      <div className="export-prefs">
        <DateFormatField
          id="export-dates"
          value={record.exportPrefs.dateFormat}
          onChange={(f) =>
            edit((d) => {
              d.exportPrefs.dateFormat = f;
            })
          }
        />
        <div className="field">
          <label htmlFor="export-answers">{tr.t('answerStyle')}</label>
          <select
            id="export-answers"
            value={record.exportPrefs.answerStyle}
            onChange={(e) => {
              const style = e.target.value as AnswerStyle;
              edit((d) => {
                d.exportPrefs.answerStyle = style;
              });
            }}
          >
            <option value="plain">{tr.t('answerPlain')}</option>
            <option value="boxed">{tr.t('answerBoxed')}</option>
          </select>
        </div>
      </div>
      <label htmlFor="export-md">{tr.t('exportTitle')}</label>
      <textarea
        id="export-md"
        ref={(el) => {
          area = el;
        }}
        readOnly
        value={markdown}
        rows={10}
        dir="ltr"
        className="export-preview"
        data-testid="export-markdown"
      />
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void copy('md', markdown)}
          data-testid="copy-markdown"
        >
          {copied === 'md' ? tr.t('copied') : tr.t('copyMarkdown')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => downloadText(`${slug}.md`, markdown, 'text/markdown')}
          data-testid="download-md"
        >
          {tr.t('download')}
        </button>
      </div>
      <p className="muted">{tr.t('fileHint', { path })}</p>
      <div className="summary-line">
        <code dir="ltr" data-testid="summary-line">
          {summaryLine}
        </code>
        <button type="button" className="btn btn-link" onClick={() => void copy('line', summaryLine)}>
          {copied === 'line' ? tr.t('copied') : tr.t('copyLine')}
        </button>
      </div>
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

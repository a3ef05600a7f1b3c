import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { ApplicationRecord } from '@/utils/record';
import { makeBackup, parseImportFiles } from '@/utils/backup';
import { entryFileName, exportEntry } from '@/utils/jobname/export';
import { InvalidRecordError } from '@/utils/repository';
import { todayIso } from '@/utils/dates';
import { Notice } from '@/components/Notice';
import { downloadText } from '@/components/download';
import { PostingView } from '@/components/PostingView';
import { OUTCOME_LABELS, ScoreBadge, StageLine, StatusEmojis } from '@/components/summary';
import { getRepository } from '@/services/db';

/** Backups are a few MB at most; refuse anything absurd before reading it into memory. */
const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

type Message = { kind: 'ok'; title: string; notes?: string[] } | { kind: 'error'; title: string; errors: string[] };

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function download(name: string, text: string, type = 'application/json') {
  downloadText(name, text, type);
}

export function Dashboard() {
  const [records, setRecords] = useState<ApplicationRecord[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      const repo = await getRepository();
      setRecords(await repo.list());
      setLoadError(null);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function onImport(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const files = [...(input.files ?? [])];
    if (!files.length) return;
    setBusy(true);
    setMessage(null);
    const names = files.map((f) => f.name).join(', ');
    try {
      const big = files.find((f) => f.size > MAX_BACKUP_BYTES);
      if (big) {
        setMessage({ kind: 'error', title: `${big.name} is too large to import.`, errors: [] });
        return;
      }
      const parsed = parseImportFiles(
        await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))),
      );
      if (!parsed.ok) {
        setMessage({
          kind: 'error',
          title: `Nothing was imported: ${names} cannot be read as Jobnote data.`,
          errors: parsed.errors,
        });
        return;
      }
      const repo = await getRepository();
      await repo.bulkPut(parsed.records);
      await reload();
      setMessage({
        kind: 'ok',
        title: `Imported ${plural(parsed.records.length, 'application', 'applications')}`,
        notes: parsed.warnings.slice(0, 20),
      });
    } catch (err) {
      setMessage({
        kind: 'error',
        title: `Nothing was imported from ${names}.`,
        errors: err instanceof InvalidRecordError ? err.errors : [errorText(err)],
      });
    } finally {
      // Choosing the same file again must fire `change` again.
      input.value = '';
      setBusy(false);
    }
  }

  async function onExport() {
    setMessage(null);
    try {
      const repo = await getRepository();
      const all = await repo.list();
      download(`jobnote-backup-${todayIso()}.json`, JSON.stringify(makeBackup(all), null, 2) + '\n');
      setMessage({ kind: 'ok', title: `Exported ${plural(all.length, 'application', 'applications')}` });
    } catch (err) {
      setMessage({ kind: 'error', title: 'Export failed.', errors: [errorText(err)] });
    }
  }

  async function onDelete(record: ApplicationRecord) {
    setMessage(null);
    try {
      const repo = await getRepository();
      await repo.delete(record.id);
      // The list first: "Deleted X" never shows beside X still listed.
      await reload();
      setMessage({ kind: 'ok', title: `Deleted ${record.company.name || 'the application'}` });
    } catch (err) {
      setMessage({ kind: 'error', title: 'Delete failed.', errors: [errorText(err)] });
    }
  }

  return (
    <div className="page">
      <header className="bar">
        <div className="brand">
          <img src="/icon/48.png" alt="" />
          <h1>Jobnote</h1>
        </div>
        {records ? (
          <span className="muted" data-testid="count">
            {plural(records.length, 'application', 'applications')}
          </span>
        ) : null}
      </header>

      <section className="panel" aria-labelledby="backup-heading">
        <h2 id="backup-heading">Backup</h2>
        <p className="muted">
          A backup is a JSON file with all your applications. Import also reads jobname entries (.md files, one
          application each). Importing adds them, replacing any with the same id; nothing is written unless every file
          is valid.
        </p>
        <div className="actions">
          <div className="file-field">
            <label htmlFor="import-file">Import backup (.json) or jobname entries (.md)</label>
            <input
              id="import-file"
              type="file"
              multiple
              accept=".json,application/json,.md,text/markdown"
              data-testid="import-file"
              disabled={busy}
              onChange={(e) => void onImport(e)}
            />
          </div>
          <button type="button" className="btn" onClick={() => void onExport()} data-testid="export">
            Export backup
          </button>
        </div>
        <div aria-live="polite">
          {message ? (
            <Notice
              kind={message.kind}
              title={message.title}
              items={message.kind === 'error' ? message.errors : (message.notes ?? [])}
              testId={message.kind === 'ok' ? 'message-ok' : 'message-error'}
            />
          ) : null}
        </div>
      </section>

      <section aria-labelledby="apps-heading">
        <h2 id="apps-heading">Applications</h2>
        {loadError ? <Notice kind="error" title="Could not read your applications." items={[loadError]} /> : null}
        {records === null && !loadError ? <p className="muted">Loading…</p> : null}
        {records && records.length === 0 ? (
          <p className="empty" data-testid="empty">
            No applications yet
          </p>
        ) : null}
        {records && records.length > 0 ? <ApplicationTable records={records} onDelete={onDelete} /> : null}
      </section>
    </div>
  );
}

function ApplicationTable({
  records,
  onDelete,
}: {
  records: ApplicationRecord[];
  onDelete: (r: ApplicationRecord) => Promise<void>;
}) {
  return (
    <div className="table-wrap">
      <table className="apps" data-testid="applications">
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Role</th>
            <th scope="col">Last stage</th>
            <th scope="col">Outcome</th>
            <th scope="col">Score</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <Row key={r.id} record={r} onDelete={onDelete} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ record, onDelete }: { record: ApplicationRecord; onDelete: (r: ApplicationRecord) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const name = record.company.name || 'Unnamed company';

  const wasConfirming = useRef(false);

  // Focus follows the question: onto "Yes, delete" when asked, back onto "Delete" when cancelled.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const cancel = () => setConfirming(false);

  return (
    <tr data-testid="application">
      <th scope="row">
        <bdi data-testid="company">{name}</bdi>
        {record.posting ? (
          <details className="posting-details">
            <summary>Posting</summary>
            <PostingView posting={record.posting} />
          </details>
        ) : null}
      </th>
      <td data-testid="role">
        <bdi>{record.role ?? ''}</bdi>
      </td>
      <td>
        <StageLine record={record} />
      </td>
      <td>
        {OUTCOME_LABELS[record.outcome.kind]} <StatusEmojis record={record} />
      </td>
      <td className="num">
        <ScoreBadge score={record.score} />
      </td>
      <td>
        {confirming ? (
          <span
            className="confirm"
            role="group"
            aria-label={`Confirm deleting ${name}`}
            onKeyDown={(e) => {
              if (e.key === 'Escape') cancel();
            }}
          >
            <span>
              Delete <bdi>{name}</bdi>?
            </span>
            <button
              ref={confirmButton}
              type="button"
              className="btn btn-danger-solid"
              onClick={() => void onDelete(record)}
            >
              Yes, delete
            </button>
            <button type="button" className="btn" onClick={cancel}>
              Cancel
            </button>
          </span>
        ) : (
          <span className="row-actions">
            <button
              type="button"
              className="btn"
              aria-label={`Download the jobname entry of ${name}`}
              data-testid="download-entry"
              onClick={() => download(`${entryFileName(record).slug}.md`, exportEntry(record), 'text/markdown')}
            >
              Entry .md
            </button>
            <button
              ref={deleteButton}
              type="button"
              className="btn btn-danger"
              aria-label={`Delete ${name}`}
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}

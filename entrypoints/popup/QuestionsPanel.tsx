/**
 * Questions: the sections of the application and their questions, and one paste area that takes plain
 * or rich text, shows how it splits into questions and answers (untick what is wrong), and adds the new
 * ones to the chosen section without repeating questions already there. Loaded when the tab is opened.
 */
import type { EditRecord } from '@/components/useEditSession';
import { useMemo, useState } from 'react';
import { clipboardToMarkdown, newItems, splitQuestions } from '@/utils/paste';
import { addQuestions, addRound } from '@/utils/questions';
import { nextId } from '@/utils/record';
import type { ApplicationRecord } from '@/utils/record';
import type { PasteDraft } from '@/utils/popup-draft';
import { uiLabel } from '@/utils/i18n';
import { usePopup } from './context';

/** An answer's label: "Answer" (the repository's word) in the user's language, any other as written. */
function answerName(label: string | undefined, t: (k: 'answers') => string) {
  return label && label !== 'Answer' ? label : t('answers');
}

type Question = ApplicationRecord['rounds'][number]['questions'][number];

/** One question: its text and first answer, editable in place (every keystroke saved). */
function QuestionItem({ q, roundId, edit }: { q: Question; roundId: string; edit: EditRecord }) {
  const { tr } = usePopup();
  const [editing, setEditing] = useState(false);
  const change = (fn: (x: Question) => void) =>
    edit((d) => {
      const target = d.rounds.find((r) => r.id === roundId)?.questions.find((x) => x.id === q.id);
      if (target) fn(target);
    });
  return (
    <li data-testid="question">
      {editing ? (
        <div className="question-edit">
          <label className="visually-hidden" htmlFor={`q-${q.id}`}>
            {tr.t('questions')}
          </label>
          <textarea
            id={`q-${q.id}`}
            dir="auto"
            rows={2}
            value={q.text}
            onChange={(e) => {
              const text = e.target.value;
              change((x) => {
                x.text = text;
              });
            }}
            data-testid="question-text"
            // biome-ignore lint/a11y/noAutofocus: the field opened on the user's click; typing goes there at once
            autoFocus
          />
          <label htmlFor={`a-${q.id}`} className="small muted">
            {answerName(q.answerLabels[0], tr.t)}
          </label>
          <textarea
            id={`a-${q.id}`}
            dir="auto"
            rows={3}
            value={q.answers[0] ?? ''}
            onChange={(e) => {
              const v = e.target.value;
              change((x) => {
                if (x.answers.length) x.answers[0] = v;
                else if (v) {
                  x.answers = [v];
                  x.answerLabels = ['Answer'];
                }
              });
            }}
            data-testid="answer-text"
          />
          <button type="button" className="btn btn-link" onClick={() => setEditing(false)}>
            {tr.t('close')}
          </button>
        </div>
      ) : (
        <>
          <button
            type="button"
            className="question-text btn-plain"
            dir="auto"
            onClick={() => setEditing(true)}
            aria-label={`${tr.t('edit')}: ${q.text.slice(0, 60)}`}
          >
            {q.text}
          </button>
          {q.answers.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: answers have no ids; their order is their identity
            <details key={i} className="answer">
              <summary>{answerName(q.answerLabels[i], tr.t)}</summary>
              <div className="markdown-text" dir="auto">
                {a}
              </div>
            </details>
          ))}
        </>
      )}
      <button
        type="button"
        className="btn btn-link"
        aria-label={`${tr.t('remove')}: ${q.text.slice(0, 60)}`}
        onClick={() =>
          edit((d) => {
            const r = d.rounds.find((x) => x.id === roundId);
            if (r) r.questions = r.questions.filter((x) => x.id !== q.id);
          })
        }
      >
        ✕
      </button>
    </li>
  );
}

export default function QuestionsPanel({
  record,
  edit,
  paste,
  updatePaste,
  newTitle,
  setNewTitle,
}: {
  record: ApplicationRecord;
  edit: EditRecord;
  paste: PasteDraft;
  updatePaste(p: Partial<PasteDraft>): void;
  /** The New section form's title as typed (kept in the popup's draft), null when the form is closed. */
  newTitle: string | null;
  setNewTitle(title: string | null): void;
}) {
  const { tr } = usePopup();
  const round = record.rounds.find((r) => r.id === paste.roundId) ?? record.rounds[record.rounds.length - 1] ?? null;

  function createRound() {
    const title = newTitle?.trim();
    if (!title) return;
    const id = nextId(record, 'r');
    edit((d) => void addRound(d, title));
    updatePaste({ roundId: id });
    setNewTitle(null);
  }
  const items = useMemo(() => splitQuestions(paste.text), [paste.text]);
  const fresh = useMemo(() => newItems(round?.questions ?? [], items), [round, items]);
  const chosen = fresh.filter((_, i) => !paste.excluded.includes(i));
  const duplicates = items.length - fresh.length;

  function onPaste(e: React.ClipboardEvent<HTMLTextAreaElement>) {
    const html = e.clipboardData.getData('text/html');
    if (!html) return; // plain text: the textarea takes it as it is
    e.preventDefault();
    const md = clipboardToMarkdown({ html, text: e.clipboardData.getData('text/plain') }, document);
    const el = e.currentTarget;
    const text = el.value.slice(0, el.selectionStart) + md + el.value.slice(el.selectionEnd);
    updatePaste({ text, excluded: [] });
  }

  return (
    <div className="questions">
      <div className="field">
        <label htmlFor="round">{tr.t('round')}</label>
        <div className="with-choices">
          <select
            id="round"
            value={round?.id ?? ''}
            onChange={(e) => updatePaste({ roundId: e.target.value || null })}
            data-testid="round"
          >
            {record.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {uiLabel(tr, r.title)} ({tr.digits(r.questions.length)})
              </option>
            ))}
            {!record.rounds.length ? <option value="">{uiLabel(tr, 'Technical Interview')}</option> : null}
          </select>
          <button
            type="button"
            className="chip"
            onClick={() => setNewTitle(newTitle === null ? '' : null)}
            aria-expanded={newTitle !== null}
            data-testid="new-round"
          >
            + {tr.t('newRound')}
          </button>
        </div>
      </div>
      {newTitle !== null ? (
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault();
            createRound();
          }}
        >
          <label htmlFor="round-title">{tr.t('label')}</label>
          <div className="with-choices">
            <input
              id="round-title"
              value={newTitle}
              onChange={(e) => setNewTitle(e.target.value)}
              dir="auto"
              placeholder="HR Interview"
              // biome-ignore lint/a11y/noAutofocus: the field opened on the user's click; typing goes there at once
              autoFocus
              data-testid="round-title"
            />
            <button type="submit" className="btn" disabled={!newTitle.trim()}>
              {tr.t('add')}
            </button>
          </div>
        </form>
      ) : null}
      {round?.questions.length ? (
        <ol className="question-list" data-testid="questions">
          {round.questions.map((q) => (
            <QuestionItem key={q.id} q={q} roundId={round.id} edit={edit} />
          ))}
        </ol>
      ) : (
        <p className="muted">{tr.t('noQuestions')}</p>
      )}
      <div className="field">
        <label htmlFor="paste">{tr.t('pasteLabel')}</label>
        <textarea
          id="paste"
          rows={6}
          dir="auto"
          value={paste.text}
          onChange={(e) => updatePaste({ text: e.target.value, excluded: [] })}
          onPaste={onPaste}
          aria-describedby="paste-hint"
          data-testid="paste"
        />
        <p id="paste-hint" className="muted small">
          {tr.t('pasteHint')}
        </p>
      </div>
      {items.length ? (
        <div className="split-preview" data-testid="split-preview">
          <p role="status">
            {tr.t('splitPreview', { n: fresh.length, a: fresh.filter((x) => x.answer).length })}
            {duplicates ? ` · ${tr.t('splitDuplicates', { n: duplicates })}` : ''}
          </p>
          <ol>
            {fresh.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the preview is fixed while shown; ticks are kept by index
              <li key={i} data-testid="split-item">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={!paste.excluded.includes(i)}
                    onChange={(e) =>
                      updatePaste({
                        excluded: e.target.checked ? paste.excluded.filter((x) => x !== i) : [...paste.excluded, i],
                      })
                    }
                    aria-label={`${tr.t('include')}: ${item.text.slice(0, 60)}`}
                  />
                  <bdi className="split-question">{item.text}</bdi>
                </label>
                {item.answer ? (
                  <div className="split-answer muted" dir="auto">
                    ↳ {item.answer.length > 160 ? item.answer.slice(0, 160) + '…' : item.answer}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          <div className="actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={!chosen.length}
              data-testid="add-questions"
              onClick={() => {
                const roundId = round?.id ?? null;
                edit((d) => void addQuestions(d, roundId, chosen));
                updatePaste({ text: '', excluded: [] });
              }}
            >
              {tr.t('addQuestions', { n: chosen.length })}
            </button>
            <button type="button" className="btn" onClick={() => updatePaste({ text: '', excluded: [] })}>
              {tr.t('clearPaste')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

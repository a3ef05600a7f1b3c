/**
 * The application page's sections of questions (Technical Interview I, II…, HR Interview, Task review, any
 * title): added, renamed, tied to a step, reordered, removed. Their questions: text, follow-ups, several
 * answers (markdown, each with its label), moved to another section, reordered by drag or by keyboard
 * (Alt+↑ / Alt+↓ in the question, or its buttons), removed. Removals are announced with the page's undo.
 * Field ids follow `round-<id>-title` and `question-<id>-text`, which the preview's lint messages focus.
 */
import { lazy, Suspense, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import type { EditRecord } from '@/components/useEditSession';
import type { DashboardTranslator } from '@/utils/i18n';
import {
  addQuestion,
  addRound,
  findQuestion,
  moveQuestion,
  moveRound,
  removeQuestion,
  removeRound,
  stepQuestion,
} from '@/utils/questions';
import type { ApplicationRecord, Question, Round } from '@/utils/record';
import { focusLater } from './focus';
import { type ListEditorProps, MoveButtons } from './MoveButtons';

const DRAG_TYPE = 'application/x-jobnote-question';

/** An answer as the book shows it (markdown rendered and sanitised), loaded when first asked for. */
const Rendered = lazy(() => import('@/components/SafeHtml').then((m) => ({ default: m.SafeHtml })));

export function RoundsEditor({ record, edit, tr, onRemoved }: ListEditorProps) {
  const [title, setTitle] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const count = record.rounds.length;

  const drop = (e: DragEvent, roundId: string, index: number) => {
    const qid = e.dataTransfer.getData(DRAG_TYPE) || dragging;
    setDragging(null);
    if (!qid) return;
    e.preventDefault();
    edit((d) => {
      const from = findQuestion(d, qid);
      // Dropped below itself in its own section: the slot it leaves shifts the ones after it up.
      const at = from && from.round.id === roundId && from.index < index ? index - 1 : index;
      moveQuestion(d, qid, roundId, at);
    });
  };
  const allowDrop = (e: DragEvent) => {
    if (dragging || e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
  };

  return (
    <fieldset className="record-fields" data-testid="rounds">
      <legend>{tr.t('roundsTitle')}</legend>
      {count ? null : <p className="muted">{tr.t('noQuestions')}</p>}
      {record.rounds.map((round, i) => (
        <section key={round.id} className="round-edit" data-testid="round" aria-labelledby={`round-${round.id}-title`}>
          <div className="round-head">
            <div className="field">
              <label htmlFor={`round-${round.id}-title`}>{tr.t('roundTitle')}</label>
              <input
                id={`round-${round.id}-title`}
                dir="auto"
                value={round.title}
                data-testid="round-title"
                onChange={(e) =>
                  edit((d) => {
                    const r = d.rounds.find((x) => x.id === round.id);
                    if (r) r.title = e.target.value;
                  })
                }
              />
            </div>
            <div className="field">
              <label htmlFor={`round-${round.id}-stage`}>{tr.t('roundStage')}</label>
              <select
                id={`round-${round.id}-stage`}
                value={round.stageId ?? ''}
                onChange={(e) =>
                  edit((d) => {
                    const r = d.rounds.find((x) => x.id === round.id);
                    if (r) r.stageId = e.target.value || null;
                  })
                }
              >
                <option value="">{tr.t('roundNoStage')}</option>
                {record.stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="row-actions">
              <MoveButtons
                id={`round-${round.id}`}
                kind="round"
                name={round.title}
                first={i === 0}
                last={i === count - 1}
                tr={tr}
                onMove={(delta) => {
                  edit((d) => moveRound(d, round.id, i + delta));
                  focusLater(`round-${round.id}-${delta < 0 ? 'up' : 'down'}`);
                }}
                onRemove={() => {
                  edit((d) => removeRound(d, round.id));
                  onRemoved(tr.t('roundRemoved', { name: round.title }));
                }}
              />
            </div>
          </div>
          <ol
            className={`question-list${dragging ? ' dropping' : ''}`}
            data-testid="question-list"
            onDragOver={allowDrop}
            onDrop={(e) => drop(e, round.id, round.questions.length)}
          >
            {round.questions.map((q, qi) => (
              <li
                key={q.id}
                data-testid="question"
                data-question-id={q.id}
                className={dragging === q.id ? 'dragging' : undefined}
                onDragOver={allowDrop}
                onDrop={(e) => {
                  e.stopPropagation();
                  drop(e, round.id, qi);
                }}
              >
                <QuestionEdit
                  question={q}
                  round={round}
                  record={record}
                  n={qi + 1}
                  tr={tr}
                  edit={edit}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, q.id);
                    e.dataTransfer.effectAllowed = 'move';
                    setDragging(q.id);
                  }}
                  onDragEnd={() => setDragging(null)}
                  onRemoved={onRemoved}
                />
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="btn btn-small"
            data-testid="question-add"
            onClick={() => {
              let id = '';
              edit((d) => {
                id = addQuestion(d, round.id);
              });
              if (id) focusLater(`question-${id}-text`);
            }}
          >
            {tr.t('questionAdd')}
          </button>
        </section>
      ))}
      <form
        className="round-add"
        onSubmit={(e) => {
          e.preventDefault();
          let id = '';
          edit((d) => {
            id = addRound(d, title);
          });
          setTitle('');
          if (id) focusLater(`round-${id}-title`);
        }}
      >
        <div className="field">
          <label htmlFor="round-add-title">{tr.t('roundNewTitle')}</label>
          <input
            id="round-add-title"
            dir="auto"
            value={title}
            placeholder="Technical Interview"
            data-testid="round-add-title"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <button type="submit" className="btn" data-testid="round-add">
          {tr.t('roundAdd')}
        </button>
      </form>
    </fieldset>
  );
}

function QuestionEdit({
  question: q,
  round,
  record,
  n,
  tr,
  edit,
  onDragStart,
  onDragEnd,
  onRemoved,
}: {
  question: Question;
  round: Round;
  record: ApplicationRecord;
  n: number;
  tr: DashboardTranslator;
  edit: EditRecord;
  onDragStart(e: DragEvent): void;
  onDragEnd(): void;
  onRemoved(what: string): void;
}) {
  const id = (field: string) => `question-${q.id}-${field}`;
  // The answers shown rendered, by place.
  const [rendered, setRendered] = useState<ReadonlySet<number>>(() => new Set());
  const toggle = (i: number) =>
    setRendered((was) => {
      const next = new Set(was);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  const change = (fn: (d: Question) => void) =>
    edit((d) => {
      const at = findQuestion(d, q.id);
      if (at) fn(at.round.questions[at.index]);
    });
  const step = (delta: -1 | 1, focus: string) => {
    edit((d) => stepQuestion(d, q.id, delta));
    focusLater(focus);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    step(e.key === 'ArrowUp' ? -1 : 1, id('text'));
  };
  const rounds = record.rounds;
  const roundAt = rounds.indexOf(round);
  const firstOfAll = roundAt === 0 && n === 1;
  const lastOfAll = roundAt === rounds.length - 1 && n === round.questions.length;
  const short = q.text.trim().split('\n')[0].slice(0, 60) || tr.t('questionN', { n });

  return (
    <div className="question-edit">
      <div className="question-head">
        <span
          className="drag-handle"
          draggable
          role="img"
          aria-label={tr.t('dragHint')}
          title={tr.t('dragHint')}
          data-testid="question-drag"
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
        >
          ⠿
        </span>
        <div className="field">
          <label htmlFor={id('text')}>{tr.t('questionN', { n: tr.digits(n) })}</label>
          <textarea
            id={id('text')}
            dir="auto"
            rows={2}
            value={q.text}
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            data-testid="question-text"
            onKeyDown={onKeyDown}
            onChange={(e) =>
              change((x) => {
                x.text = e.target.value;
              })
            }
          />
        </div>
      </div>
      {q.followUps.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a follow-up has no id; its place is what the user edits
        <div className="field follow-up" key={i}>
          <label htmlFor={id(`follow-${i}`)}>{tr.t('followUpN', { n: tr.digits(i + 1) })}</label>
          <div className="inline">
            <textarea
              id={id(`follow-${i}`)}
              dir="auto"
              rows={1}
              value={f}
              data-testid="question-follow-up"
              onChange={(e) =>
                change((x) => {
                  x.followUps[i] = e.target.value;
                })
              }
            />
            <button
              type="button"
              className="btn btn-small"
              aria-label={tr.t('followUpRemove')}
              onClick={() =>
                change((x) => {
                  x.followUps.splice(i, 1);
                })
              }
            >
              ×
            </button>
          </div>
        </div>
      ))}
      {q.answers.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an answer has no id; its place is what the user edits
        <div className="answer-edit" key={i} data-testid="question-answer">
          <div className="field">
            <label htmlFor={id(`answer-label-${i}`)}>{tr.t('answerLabel')}</label>
            <input
              id={id(`answer-label-${i}`)}
              dir="auto"
              value={q.answerLabels[i] ?? ''}
              placeholder="Answer"
              onChange={(e) =>
                change((x) => {
                  x.answerLabels[i] = e.target.value;
                })
              }
            />
          </div>
          <div className="field">
            <label htmlFor={id(`answer-${i}`)}>{tr.t('answerText')}</label>
            <textarea
              id={id(`answer-${i}`)}
              dir="auto"
              rows={3}
              value={a}
              data-testid="question-answer-text"
              onChange={(e) =>
                change((x) => {
                  x.answers[i] = e.target.value;
                })
              }
            />
          </div>
          {rendered.has(i) ? (
            <Suspense fallback={null}>
              <Rendered markdown={a} className="answer-rendered" testId="question-answer-rendered" />
            </Suspense>
          ) : null}
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-small"
              aria-pressed={rendered.has(i)}
              data-testid="question-answer-show"
              onClick={() => toggle(i)}
            >
              {tr.t('answerShowRendered')}
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setRendered(new Set());
                change((x) => {
                  x.answers.splice(i, 1);
                  x.answerLabels.splice(i, 1);
                });
              }}
            >
              {tr.t('answerRemove')}
            </button>
          </div>
        </div>
      ))}
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-small"
          data-testid="question-answer-add"
          onClick={() => {
            change((x) => {
              x.answers.push('');
              x.answerLabels.push('Answer');
            });
            focusLater(id(`answer-${q.answers.length}`));
          }}
        >
          {tr.t('answerAdd')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            change((x) => {
              x.followUps.push('');
            });
            focusLater(id(`follow-${q.followUps.length}`));
          }}
        >
          {tr.t('followUpAdd')}
        </button>
        <label className="inline" htmlFor={id('round')}>
          {tr.t('questionMoveTo')}
        </label>
        <select
          id={id('round')}
          value={round.id}
          data-testid="question-move-to"
          onChange={(e) => {
            const to = e.target.value;
            edit((d) => moveQuestion(d, q.id, to, Number.POSITIVE_INFINITY));
            focusLater(id('round'));
          }}
        >
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
        <MoveButtons
          id={`question-${q.id}`}
          kind="question"
          name={short}
          first={firstOfAll}
          last={lastOfAll}
          tr={tr}
          onMove={(delta) => step(delta, id(delta < 0 ? 'up' : 'down'))}
          onRemove={() => {
            edit((d) => removeQuestion(d, q.id));
            onRemoved(tr.t('questionRemoved', { name: short }));
          }}
        />
      </div>
    </div>
  );
}

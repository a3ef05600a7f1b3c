/**
 * The application's task (a take-home assignment): its text in markdown, the time given for it, and its links
 * (the statement, a PDF, the solution's repository), exported as the entry's `### Task` section and its
 * "Task Deadline" line. Edited through the page's edit session, as typed.
 */
import type { EditRecord } from '@/components/useEditSession';
import type { DashboardTranslator } from '@/utils/i18n';
import type { Task } from '@/utils/record';
import { LinkField, TextField } from '@/components/DetailFields';

export function TaskFields({ task, tr, edit }: { task: Task | null; tr: DashboardTranslator; edit: EditRecord }) {
  if (!task)
    return (
      <p>
        <button
          type="button"
          className="btn"
          data-testid="task-add"
          onClick={() =>
            edit((d) => {
              d.task ??= { text: '', links: [], duration: null };
            })
          }
        >
          {tr.t('taskAdd')}
        </button>
      </p>
    );
  return (
    <fieldset className="record-fields" data-testid="task">
      <legend>{tr.t('task')}</legend>
      <div className="field">
        <label htmlFor="task-text">{tr.t('taskText')}</label>
        <textarea
          id="task-text"
          dir="auto"
          rows={5}
          value={task.text}
          data-testid="task-text"
          onChange={(e) => {
            const text = e.target.value;
            edit((d) => {
              if (d.task) d.task.text = text;
            });
          }}
        />
      </div>
      <TextField
        id="task-duration"
        label={tr.t('taskDuration')}
        value={task.duration ?? ''}
        placeholder={tr.t('taskDurationExample')}
        testId="task-duration"
        onChange={(duration) =>
          edit((d) => {
            if (d.task) d.task.duration = duration.trim() ? duration : null;
          })
        }
      />
      <fieldset className="field plain">
        <legend>{tr.t('taskLinks')}</legend>
        {task.links.map((link, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a link has no id; its place is what the user edits
          <div key={i} className="task-link" data-testid="task-link">
            <TextField
              id={`task-link-text-${i}`}
              label={tr.t('taskLinkText')}
              value={link.text}
              onChange={(text) =>
                edit((d) => {
                  const l = d.task?.links[i];
                  if (l) l.text = text;
                })
              }
            />
            <LinkField
              id={`task-link-url-${i}`}
              label={tr.t('taskLinkUrl')}
              value={link.url}
              tr={tr}
              testId="task-link-url"
              onChange={(url) =>
                edit((d) => {
                  const l = d.task?.links[i];
                  if (l) l.url = url;
                })
              }
            />
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                edit((d) => {
                  d.task?.links.splice(i, 1);
                })
              }
            >
              {tr.t('taskLinkRemove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small"
          data-testid="task-link-add"
          onClick={() =>
            edit((d) => {
              d.task?.links.push({ text: '', url: '' });
            })
          }
        >
          {tr.t('taskLinkAdd')}
        </button>
      </fieldset>
    </fieldset>
  );
}

/**
 * A new application for a referral or an email: only the company name is needed. What is typed lives in the
 * popup's draft (utils/popup-draft.ts), so a popup closed mid-word opens again with the form and its text.
 */
import type { NewAppDraft } from '@/utils/popup-draft';
import { usePopup } from './context';

export default function NewApplication({
  value: { company, role },
  onChange,
  onCreate,
  onCancel,
  autoFocus = true,
}: {
  value: NewAppDraft;
  onChange(next: NewAppDraft): void;
  onCreate(company: string, role: string): void;
  onCancel?: () => void;
  /** Typing goes here at once: not on a posting page's first run, where Clip is the first action. */
  autoFocus?: boolean;
}) {
  const { tr } = usePopup();
  const setCompany = (v: string) => onChange({ company: v, role });
  const setRole = (v: string) => onChange({ company, role: v });
  return (
    <form
      className="panel new-app"
      aria-label={tr.t('newApplication')}
      onSubmit={(e) => {
        e.preventDefault();
        if (company.trim()) onCreate(company, role);
      }}
    >
      <div className="field">
        <label htmlFor="new-company">{tr.t('company')}</label>
        <input
          id="new-company"
          value={company}
          onChange={(e) => setCompany(e.target.value)}
          required
          // biome-ignore lint/a11y/noAutofocus: the field just opened on the user's click; typing goes there at once
          autoFocus={autoFocus}
          dir="auto"
          data-testid="new-company"
        />
      </div>
      <div className="field">
        <label htmlFor="new-role">{tr.t('role')}</label>
        <input id="new-role" value={role} onChange={(e) => setRole(e.target.value)} dir="auto" data-testid="new-role" />
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={!company.trim()} data-testid="create">
          {tr.t('create')}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            {tr.t('cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

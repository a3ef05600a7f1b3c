/** Whether the page's last edits are stored: "Saving…", "Saved", or why not, in words. */
import { useLocale } from './locale';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error' | 'restore-error'; error: unknown };

export function SaveStatus({ state }: { state: SaveState }) {
  const { tr } = useLocale();
  if (state.kind === 'error' || state.kind === 'restore-error') {
    // The browser's QuotaExceededError has an empty message: a full disk is said in words, with what to do.
    const full = (state.error as { name?: unknown } | null)?.name === 'QuotaExceededError';
    const error = state.error instanceof Error ? state.error.message : String(state.error);
    const key = full ? 'storageFull' : state.kind === 'error' ? 'saveFailed' : 'restoreFailed';
    return (
      <span role="alert" className="save-status save-error" data-testid="save-error">
        {tr.t(key, { error: error || String((state.error as { name?: unknown })?.name ?? '') })}
      </span>
    );
  }
  return (
    <span role="status" className="save-status muted" data-testid="save-status">
      {state.kind === 'saving' ? tr.t('saving') : state.kind === 'saved' ? tr.t('saved') : ''}
    </span>
  );
}

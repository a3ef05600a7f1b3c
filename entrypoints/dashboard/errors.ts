/**
 * What a failed database write is called in the dashboard's words. The browser's QuotaExceededError and
 * AbortError often carry an empty message (an import once failed with an empty list item): they are named by
 * what happened and what to do; any other error by its message, or by its name when it has none.
 */
import type { DashboardTranslator } from '@/utils/i18n';

function nameOf(err: unknown): string {
  if (typeof err === 'object' && err !== null && typeof (err as { name?: unknown }).name === 'string')
    return (err as { name: string }).name;
  return '';
}

export function writeErrorText(err: unknown, tr: DashboardTranslator): string {
  const name = nameOf(err);
  if (name === 'QuotaExceededError') return tr.t('errQuota');
  if (name === 'AbortError') return tr.t('errAbort');
  const message = (err instanceof Error ? err.message : String(err ?? '')).trim();
  return message || tr.t('errUnknown', { name: name || 'Error' });
}

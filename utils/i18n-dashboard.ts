/**
 * The dashboard's words: the popup's (utils/i18n.ts) and the dashboard's own, loaded side by side. A module of
 * its own: utils/i18n.ts is part of the popup's first view, which never loads these.
 */
import { type Dictionary, type DashboardKey, type Lang, loadDictionary, loadPanelWords, type MessageKey } from './i18n';

/** Every word of the popup and the dashboard's own, loaded side by side. */
export async function loadDashboardDictionary(lang: Lang): Promise<Dictionary<MessageKey | DashboardKey>> {
  const [core, page] = await Promise.all([
    loadDictionary(lang).then(async (d) => {
      await loadPanelWords(lang, d);
      return d;
    }),
    lang === 'fa' ? import('./i18n/dashboard-fa') : import('./i18n/dashboard-en'),
  ]);
  return { ...core, messages: { ...core.messages, ...page.messages } };
}

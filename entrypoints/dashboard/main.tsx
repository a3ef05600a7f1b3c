import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The native promise-based API, as the popup uses for the browser's language.
import { browser } from '@wxt-dev/browser';
import '@/assets/jobnote.css';
import { DEFAULT_SETTINGS, loadDashboardDictionary, readSettings, resolveLang, translator } from '@/utils/i18n';
import { getRepository } from '../shared/db';
import { Dashboard, type DashboardBoot } from './Dashboard';

/**
 * The settings chosen in the popup (the same `settings` row of the database; the defaults if it cannot be
 * read, and the page then says why) and the words of their language.
 */
async function boot(): Promise<DashboardBoot> {
  const settings = await getRepository()
    .then((repo) => repo.getMeta('settings'))
    .then(readSettings, () => DEFAULT_SETTINGS);
  const lang = resolveLang(settings.lang, browser.i18n?.getUILanguage?.() ?? navigator.language);
  return { tr: translator(lang, await loadDashboardDictionary(lang)), dateFormat: settings.dateFormat };
}

// One render, in the user's language: the page's language, direction and title are set before anything shows.
void boot().then((b) => {
  document.documentElement.lang = b.tr.lang;
  document.documentElement.dir = b.tr.dir;
  document.title = b.tr.t('dashboardTitle');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Dashboard boot={b} />
    </StrictMode>,
  );
});

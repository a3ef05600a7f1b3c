import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/assets/jobnote.css';
import { boot, Dashboard } from './Dashboard';

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

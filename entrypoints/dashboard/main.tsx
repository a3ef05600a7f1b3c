import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/assets/jobnote.css';
import { boot, Dashboard } from './Dashboard';

// One render, in the user's language: the settings and their words are read before anything shows.
void boot().then((b) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Dashboard boot={b} />
    </StrictMode>,
  ),
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/assets/jobnote.css';
import '@/assets/popup.css';
import { UpgradeBlockedError } from '@/utils/repository';
import { App, BootError, booting } from './App';

// One render, with the data: the database opens and is read while React loads, and the first view is the
// real one (no placeholder rendered and replaced).
const root = createRoot(document.getElementById('root')!);
booting.then(
  (boot) =>
    root.render(
      <StrictMode>
        <App boot={boot} />
      </StrictMode>,
    ),
  (error: unknown) => {
    if (!(error instanceof UpgradeBlockedError)) return root.render(<BootError error={error} />);
    // Another Jobnote page of an older version holds the database: say so, in the browser's language.
    const ui = (globalThis as { chrome?: { i18n?: { getUILanguage?(): string } } }).chrome?.i18n?.getUILanguage?.();
    // Loaded only then: the first view never needs it.
    void import('@/components/UpgradeBlocked')
      .then(async ({ blockedTranslator, UpgradeBlocked }) => {
        const tr = await blockedTranslator(ui ?? navigator.language);
        root.render(<UpgradeBlocked tr={tr} />);
      })
      .catch(() => root.render(<BootError error={error} />));
  },
);

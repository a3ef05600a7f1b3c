import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/assets/jobnote.css';
import '@/assets/popup.css';
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
  (error: unknown) => root.render(<BootError error={error} />),
);

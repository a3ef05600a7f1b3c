// Floor 2: React 19 (the popup's framework, same version and production build) rendering one paragraph.
import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Floor() {
  useEffect(() => {
    performance.mark('jobnote:interactive');
    document.documentElement.dataset.ready = 'true';
  }, []);
  return createElement('p', null, 'Jobnote');
}

createRoot(document.getElementById('root')!).render(createElement(Floor));

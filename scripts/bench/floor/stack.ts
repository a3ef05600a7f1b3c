// Floor 3: the popup's stack with no app in it: React renders one value read from IndexedDB (opened as the
// module runs, as the popup does), one database open and one read transaction.
import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function read(): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('bench-floor', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv').put('Jobnote', 'name');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('kv').objectStore('kv').get('name');
      get.onsuccess = () => resolve(String(get.result));
      get.onerror = () => reject(get.error);
    };
  });
}

function Floor({ name }: { name: string }) {
  useEffect(() => {
    performance.mark('jobnote:interactive');
    document.documentElement.dataset.ready = 'true';
  }, []);
  return createElement('p', null, name);
}

const root = createRoot(document.getElementById('root')!);
void read().then((name) => root.render(createElement(Floor, { name })));

import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ApplicationRecord } from '@/utils/record';
import { ApplicationList } from '@/components/ApplicationList';
import { Notice } from '@/components/Notice';
import { getRepository } from '../shared/db';
import { ClipPanel } from './ClipPanel';

/** How many applications the popup lists; the dashboard has them all. */
const POPUP_LIMIT = 30;

type State =
  | { status: 'loading' }
  | { status: 'ready'; records: ApplicationRecord[]; total: number }
  | { status: 'error'; message: string };

async function openDashboard() {
  await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  window.close();
}

export function Popup() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      const repo = await getRepository();
      const [records, total] = await Promise.all([repo.list({ limit: POPUP_LIMIT }), repo.count()]);
      if (live) setState({ status: 'ready', records, total });
    })().catch((err: unknown) => {
      if (live) setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    });
    return () => {
      live = false;
    };
  }, [generation]);

  return (
    <div className="popup-shell">
      <header className="bar">
        <div className="brand">
          <img src="/icon/48.png" alt="" />
          <h1>Jobnote</h1>
        </div>
        <button type="button" className="btn" onClick={() => void openDashboard()} autoFocus>
          Open dashboard
        </button>
      </header>
      <ClipPanel onClipped={() => setGeneration((g) => g + 1)} />
      <main aria-busy={state.status === 'loading'}>
        {state.status === 'loading' ? <p className="muted">Loading…</p> : null}
        {state.status === 'error' ? (
          <Notice kind="error" title="Could not read your applications." items={[state.message]} />
        ) : null}
        {state.status === 'ready' ? (
          <>
            <ApplicationList records={state.records} />
            {state.records.length >= POPUP_LIMIT && state.total > state.records.length ? (
              <p className="muted">{state.total - state.records.length} more in the dashboard.</p>
            ) : null}
          </>
        ) : null}
      </main>
    </div>
  );
}

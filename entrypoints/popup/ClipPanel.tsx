/**
 * The popup's clip panel: for the current tab, "Clip this posting" (a known board's job page), "Clip this
 * page" (any other web page: JSON-LD or Readability), or the application already clipped from it with
 * "Update from page". The clip itself runs in the background, so closing the popup does not lose it.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ApplicationRecord } from '@/utils/record';
import { identify, type UrlIdentity } from '@/utils/clip/url';
import type { ClipRequest, ClipResult } from '@/utils/clip/messages';
import { Notice } from '@/components/Notice';
import { getRepository } from '../shared/db';

type Tab = { id: number; identity: UrlIdentity };

type State =
  | { status: 'idle' }
  | { status: 'clipping' }
  | { status: 'done'; result: Extract<ClipResult, { ok: true }> }
  | { status: 'failed'; error: string };

const BOARD_NAMES: Record<string, string> = { jobinja: 'Jobinja', jobvision: 'Jobvision', quera: 'Quera Magnet', linkedin: 'LinkedIn' };

export function ClipPanel({ onClipped }: { onClipped: () => void }) {
  const [tab, setTab] = useState<Tab | null>(null);
  const [existing, setExisting] = useState<ApplicationRecord | null>(null);
  const [state, setState] = useState<State>({ status: 'idle' });

  useEffect(() => {
    let live = true;
    (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      const identity = active?.url ? identify(active.url) : null;
      if (!live || active?.id === undefined || !identity) return;
      setTab({ id: active.id, identity });
      const repo = await getRepository();
      const found = await repo.findByPosting(identity.board ?? '', identity.jobId, identity.canonical);
      if (live) setExisting(found ?? null);
    })().catch(() => {
      // No tab to clip (a browser page): the panel stays empty.
    });
    return () => {
      live = false;
    };
  }, []);

  if (!tab) return null;

  async function clip() {
    if (!tab) return;
    setState({ status: 'clipping' });
    try {
      const request: ClipRequest = { type: 'jobnote/clip', tabId: tab.id };
      const result = (await browser.runtime.sendMessage(request)) as ClipResult | undefined;
      if (!result) throw new Error('the background did not answer');
      if (!result.ok) {
        setState({ status: 'failed', error: result.error });
        return;
      }
      setState({ status: 'done', result });
      const repo = await getRepository();
      setExisting((await repo.get(result.recordId)) ?? null);
      onClipped();
    } catch (err) {
      setState({ status: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  }

  const { identity } = tab;
  const board = identity.board ? BOARD_NAMES[identity.board] : null;
  const busy = state.status === 'clipping';
  const label = existing ? 'Update from page' : identity.isJobPage ? 'Clip this posting' : 'Clip this page';

  return (
    <section className="clip-panel" aria-label="Clip" data-testid="clip-panel">
      {existing ? (
        <div className="clip-existing" data-testid="clipped-before">
          <span className="muted">{state.status === 'done' ? (state.result.created ? 'Clipped:' : 'Updated:') : 'Clipped before:'}</span>{' '}
          <bdi className="app-company">{existing.company.name}</bdi>
          {existing.role ? (
            <>
              {' — '}
              <bdi>{existing.role}</bdi>
            </>
          ) : null}
        </div>
      ) : (
        <p className="muted clip-hint">{identity.isJobPage && board ? `A ${board} posting.` : 'Any page with a job posting can be clipped.'}</p>
      )}
      <button
        type="button"
        className={existing ? 'btn' : 'btn btn-primary'}
        onClick={() => void clip()}
        disabled={busy}
        aria-busy={busy}
        data-testid="clip"
        autoFocus={!existing}
      >
        {busy ? 'Clipping…' : label}
      </button>
      <div aria-live="polite">
        {state.status === 'failed' ? <Notice kind="error" title="Not clipped." items={[state.error]} testId="clip-error" /> : null}
        {state.status === 'done' && state.result.notes.length ? <Notice kind="ok" title="Clipped, with notes:" items={state.result.notes} testId="clip-notes" /> : null}
      </div>
    </section>
  );
}

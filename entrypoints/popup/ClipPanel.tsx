/**
 * The popup's clip panel: for the current tab, "Clip this posting" (a known board's job page), "Clip this
 * page" (any other web page: JSON-LD or Readability), or "Update from page" when this posting was clipped
 * before. The clip runs in the background, so closing the popup does not lose it.
 */
import { useEffect, useRef, useState } from 'react';
import { browser } from '@wxt-dev/browser';
import { BOARDS } from '@/utils/boards';
import type { UrlIdentity } from '@/utils/clip/url';
import type { ClipRequest, ClipResult } from '@/utils/clip/messages';
import type { ApplicationRecord } from '@/utils/record';
import { Notice } from '@/components/Notice';
import { getRepository } from '@/services/db';
import { usePopup } from './context';

type State =
  | { status: 'idle' }
  | { status: 'clipping' }
  | { status: 'done'; result: Extract<ClipResult, { ok: true }> }
  | { status: 'failed'; error: string };

export default function ClipPanel({
  tabId,
  identity,
  current,
  onClipped,
}: {
  tabId: number;
  identity: UrlIdentity;
  current: ApplicationRecord | null;
  onClipped(recordId: string): void;
}) {
  const { tr } = usePopup();
  const [existing, setExisting] = useState<string | null>(null);
  const [state, setState] = useState<State>({ status: 'idle' });
  const button = useRef<HTMLButtonElement>(null);

  // Enter clips: the button takes focus when it appears, unless the user has already gone somewhere (this
  // panel loads after the first view, and stealing focus from the switcher would send letters to the page).
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) button.current?.focus();
  }, []);

  useEffect(() => {
    let live = true;
    void getRepository()
      .then((repo) => repo.findByPosting(identity))
      .then((found) => live && setExisting(found?.id ?? null))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [identity]);

  async function clip() {
    setState({ status: 'clipping' });
    try {
      const request: ClipRequest = { type: 'jobnote/clip', tabId };
      const result = (await browser.runtime.sendMessage(request)) as ClipResult | undefined;
      if (!result) throw new Error('the background did not answer');
      if (!result.ok) return setState({ status: 'failed', error: result.error });
      setState({ status: 'done', result });
      setExisting(result.recordId);
      onClipped(result.recordId);
    } catch (err) {
      setState({ status: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  }

  const board = identity.board ? BOARDS[identity.board].name : null;
  const busy = state.status === 'clipping';
  const label = tr.t(existing ? 'clipUpdate' : identity.isJobPage ? 'clipPosting' : 'clipPage');
  const showing = existing !== null && current?.id === existing;

  return (
    <section className="clip-panel" aria-label={label} data-testid="clip-panel">
      {existing ? (
        <p className="clip-existing muted" data-testid="clipped-before">
          {tr.t('clipBefore')}
          {showing ? '' : ' ↓'}
        </p>
      ) : (
        <p className="muted clip-hint">
          {identity.isJobPage && board ? tr.t('clipBoard', { board }) : tr.t('clipAny')}
        </p>
      )}
      <button
        type="button"
        className={existing ? 'btn' : 'btn btn-primary'}
        onClick={() => void clip()}
        disabled={busy}
        aria-busy={busy}
        data-testid="clip"
        ref={button}
      >
        {busy ? tr.t('clipping') : label}
      </button>
      <div aria-live="polite">
        {state.status === 'failed' ? (
          <Notice kind="error" title={tr.t('clipFailed')} items={[state.error]} testId="clip-error" />
        ) : null}
        {state.status === 'done' && state.result.notes.length ? (
          <Notice kind="ok" title={tr.t('clipNotes')} items={state.result.notes} testId="clip-notes" />
        ) : null}
      </div>
    </section>
  );
}

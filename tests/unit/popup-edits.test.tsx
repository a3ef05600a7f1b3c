// @vitest-environment jsdom
/**
 * Record edits made in the popup are functions the EditSession applies at once and again later (on the
 * stored copy, after a save in flight, or on a conflict). An edit must carry the value of its event, not
 * read the field when it runs: by then the user may have typed on.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import OutcomePanel from '../../components/OutcomePanel';
import ExportPanel from '../../entrypoints/popup/ExportPanel';
import { PopupContext } from '../../entrypoints/popup/context';
import * as en from '../../utils/i18n/en';
import * as enPanels from '../../utils/i18n/en-panels';
import { translator } from '../../utils/i18n';
import type { ApplicationRecord } from '../../utils/record';
import { logStep, newApplication } from '../../utils/steps';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Edit = (d: ApplicationRecord) => void;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

/** Renders a panel whose edits are kept, not run: the test runs them when it likes, as a later save does. */
function mount(Panel: typeof OutcomePanel, record: ApplicationRecord) {
  const queued: Edit[] = [];
  const ctx = {
    tr: translator('en', { ...en, messages: { ...en.messages, ...enPanels.messages } }),
    dateFormat: 'jalali-dot' as const,
    today: '2025-10-25',
  };
  act(() =>
    root.render(
      <PopupContext.Provider value={ctx}>
        <Panel record={record} edit={(fn) => queued.push(fn)} />
      </PopupContext.Provider>,
    ),
  );
  /** The record as an edit run now would leave it. */
  const replay = (i: number) => {
    const d = structuredClone(record);
    queued[i](d);
    return d;
  };
  return { queued, replay };
}

/** Types into a field as the browser does: the value changes, then the input (or change) event. */
function type(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const proto = Object.getPrototypeOf(el) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  act(() => {
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

function record(): ApplicationRecord {
  const r = newApplication('Snapp');
  logStep(r, { kind: 'technical', date: '2025-01-10' });
  logStep(r, { kind: 'hr-interview', date: '2025-01-12' });
  return r;
}

describe('a deferred edit keeps the value of its event', () => {
  it('the review', () => {
    const { queued, replay } = mount(OutcomePanel, record());
    const review = container.querySelector<HTMLTextAreaElement>('[data-testid="review"]')!;
    type(review, 'Friendly');
    // The user types on before the edit runs again (the field now holds more).
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(review, 'Friendly panel');
    expect(queued).toHaveLength(1);
    expect(replay(0).review).toBe('Friendly');
  });

  it('the score', () => {
    const { replay } = mount(OutcomePanel, record());
    const score = container.querySelector<HTMLInputElement>('[data-testid="score"]')!;
    type(score, '7.5');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(score, '3');
    expect(replay(0).score).toBe(7.5);
  });

  it('the step an outcome came after', () => {
    const r = record();
    r.outcome = { kind: 'rejected', afterStageId: r.stages[1].id, remaining: null };
    const { replay } = mount(OutcomePanel, r);
    const after = container.querySelector<HTMLSelectElement>('[data-testid="outcome-after"]')!;
    type(after, r.stages[0].id);
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(after, r.stages[1].id);
    expect(replay(0).outcome.afterStageId).toBe(r.stages[0].id);
  });

  it('the answer style of the export', () => {
    const { replay } = mount(ExportPanel, record());
    const style = container.querySelector<HTMLSelectElement>('#export-answers')!;
    type(style, 'boxed');
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(style, 'plain');
    expect(replay(0).exportPrefs.answerStyle).toBe('boxed');
  });
});

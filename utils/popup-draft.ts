/**
 * What the popup remembers between openings that is not (yet) part of a record: the open application
 * and tab, a half-filled "log a step" form, a half-filled New application form (open or not), and half-written
 * paste text per application, a half-typed New section title and the step being edited. Saved on every
 * change (to localStorage at once, to IndexedDB right after), restored from whichever copy is newer.
 */
import { isOneOf } from './basics';
import { STAGE_KINDS, type StageKind } from './record';

/** The popup's tabs, in their order. */
export const POPUP_TABS = ['steps', 'questions', 'outcome', 'details', 'export'] as const;
export type PopupTab = (typeof POPUP_TABS)[number];

export interface StepDraft {
  kind: StageKind | null;
  /** The date (ISO), '' for today. */
  dateText: string;
  /** The date field's text when it does not parse yet (a half-typed «1404.0»), kept as typed; else ''. */
  dateRaw: string;
  duration: string;
  platform: string;
  /** The logged step being edited in place (its id), else null. */
  editing: string | null;
  /** That step's date field's text when it does not parse yet, kept as typed; else ''. */
  editDateRaw: string;
}

export interface PasteDraft {
  roundId: string | null;
  text: string;
  /** Split items the user unticked (by index). */
  excluded: number[];
}

/** The New application form as typed; the draft holds one only while the form is open. */
export interface NewAppDraft {
  company: string;
  role: string;
}

export interface PopupDraft {
  /** When it last changed (ms since epoch): the newer of the two saved copies wins. */
  at: number;
  recordId: string | null;
  tab: PopupTab;
  step: StepDraft;
  /** The New application form, open with what was typed in it; null when it is closed. */
  newApp: NewAppDraft | null;
  /** Paste text per application. */
  pastes: Record<string, PasteDraft>;
  /** The New section form's title as typed; null when the form is closed. */
  roundTitle: string | null;
}

export const DRAFT_KEY = 'popup-draft';

export function emptyDraft(): PopupDraft {
  return {
    at: 0,
    recordId: null,
    tab: 'steps',
    step: { kind: null, dateText: '', dateRaw: '', duration: '', platform: '', editing: null, editDateRaw: '' },
    newApp: null,
    pastes: {},
    roundTitle: null,
  };
}

const str = (v: unknown, max = 200_000): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** A stored draft, checked field by field (anything odd falls back to empty rather than breaking the popup). */
export function readDraft(v: unknown): PopupDraft | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.at !== 'number' || !Number.isFinite(o.at)) return null;
  const step = (typeof o.step === 'object' && o.step ? o.step : {}) as Record<string, unknown>;
  const app = typeof o.newApp === 'object' && o.newApp ? (o.newApp as Record<string, unknown>) : null;
  const pastes: Record<string, PasteDraft> = {};
  if (typeof o.pastes === 'object' && o.pastes) {
    for (const [id, p] of Object.entries(o.pastes as Record<string, unknown>)) {
      if (typeof p !== 'object' || !p) continue;
      const q = p as Record<string, unknown>;
      const text = str(q.text);
      if (!text) continue;
      pastes[id] = {
        roundId: typeof q.roundId === 'string' ? q.roundId : null,
        text,
        excluded: Array.isArray(q.excluded)
          ? q.excluded.filter((n): n is number => Number.isInteger(n)).slice(0, 500)
          : [],
      };
    }
  }
  return {
    at: o.at,
    recordId: typeof o.recordId === 'string' ? o.recordId : null,
    tab: (POPUP_TABS as readonly unknown[]).includes(o.tab) ? (o.tab as PopupTab) : 'steps',
    step: {
      kind: isOneOf(STAGE_KINDS, step.kind) ? step.kind : null,
      dateText: str(step.dateText, 100),
      dateRaw: str(step.dateRaw, 100),
      duration: str(step.duration, 200),
      platform: str(step.platform, 200),
      editing: typeof step.editing === 'string' ? step.editing : null,
      editDateRaw: str(step.editDateRaw, 100),
    },
    newApp: app ? { company: str(app.company, 500), role: str(app.role, 500) } : null,
    pastes,
    roundTitle: typeof o.roundTitle === 'string' ? str(o.roundTitle, 500) : null,
  };
}

/** The newer of two saved copies. */
export function newerDraft(a: PopupDraft | null, b: PopupDraft | null): PopupDraft | null {
  if (!a) return b;
  if (!b) return a;
  return b.at > a.at ? b : a;
}

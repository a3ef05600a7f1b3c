/**
 * The popup's and dashboard's words in English and Persian. The manifest's own strings live in
 * public/_locales (the browser picks those); these switch at run time with the user's setting, which
 * follows the browser language unless the user chose one.
 *
 * Three parts per language, each loaded on demand: utils/i18n/en.ts (fa.ts) has what the popup's first view
 * shows; en-panels.ts (fa-panels.ts) what its other panels and the components it shares with the dashboard show,
 * loaded beside those panels (`loadPanelWords`) so the first view does not carry them; dashboard-en.ts
 * (dashboard-fa.ts) what only the dashboard shows (its own words and those of the record views,
 * components/summary.tsx and PostingView.tsx, which take a DashboardTranslator), so the popup never downloads them.
 */
import type { Calendar } from './dates';
import { LABELS, romanValue } from './jobname/kinds';
import { DATE_FORMATS, type DateFormat, type OutcomeKind, STAGE_KINDS, type StageKind } from './record';
import type { CoreKey } from './i18n/en';
import type { PanelKey } from './i18n/en-panels';
import type { DashboardKey } from './i18n/dashboard-en';

/** The popup's words: its first view's (utils/i18n/en.ts) and its panels' (en-panels.ts). */
export type MessageKey = CoreKey | PanelKey;
export type { DashboardKey };

const LANGS = ['en', 'fa'] as const;
export type Lang = (typeof LANGS)[number];

/** One language's words (utils/i18n/en.ts, fa.ts), with the messages of keys `K`. */
export interface Dictionary<K extends string = MessageKey> {
  messages: Record<K, string>;
  stages: Record<StageKind, string>;
  outcomes: Record<OutcomeKind, string>;
  dateFormats: Record<DateFormat, string>;
  /** Month names, Farvardin / January first. */
  months: Record<Calendar, readonly string[]>;
  /** Weekday names and their shortest forms, Sunday first (as `Date#getUTCDay`). */
  weekdays: readonly string[];
  weekdaysShort: readonly string[];
}

/**
 * The words of the popup's first view; the panels' words join the same `messages` object when
 * `loadPanelWords` has loaded them (until then their keys read as themselves).
 */
export async function loadDictionary(lang: Lang): Promise<Dictionary> {
  const core = await (lang === 'fa' ? import('./i18n/fa') : import('./i18n/en'));
  return { ...core, messages: { ...core.messages } as Dictionary['messages'] };
}

/** Adds the words of the popup's other panels to a dictionary `loadDictionary` gave (in place). */
export async function loadPanelWords(lang: Lang, dictionary: Dictionary): Promise<void> {
  const panel = await (lang === 'fa' ? import('./i18n/fa-panels') : import('./i18n/en-panels'));
  Object.assign(dictionary.messages, panel.messages);
}

export interface Translator<K extends string = MessageKey> {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  /** The message of `key`; `{name}` is replaced by `params.name` (numbers in the language's digits), else kept. */
  t(key: K, params?: Record<string, string | number>): string;
  stage(kind: StageKind): string;
  outcome(kind: OutcomeKind): string;
  dateFormat(fmt: DateFormat): string;
  /** Month `m` (1-12) of `calendar`. */
  month(m: number, calendar: Calendar): string;
  /** Weekday `wd` (0 = Sunday), in full or shortest. */
  weekday(wd: number, short?: boolean): string;
  /** The digits of `s` as the language writes them. */
  digits(s: string | number): string;
}

export type DashboardTranslator = Translator<MessageKey | DashboardKey>;

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Digits as the language writes them (Persian digits in Persian sentences). */
export function localDigits(s: string | number, lang: Lang): string {
  const t = String(s);
  return lang === 'fa' ? t.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]) : t;
}

export function translator<K extends string = MessageKey>(lang: Lang, dict: Dictionary<K>): Translator<K> {
  return {
    lang,
    dir: lang === 'fa' ? 'rtl' : 'ltr',
    // Numbers are written in the language's digits; text (a path, a label) stays as it is.
    t: (key, params) =>
      (dict.messages[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => {
        if (!params || !(name in params)) return m;
        const v = params[name];
        return typeof v === 'number' ? localDigits(v, lang) : v;
      }),
    stage: (kind) => dict.stages[kind],
    outcome: (kind) => dict.outcomes[kind],
    dateFormat: (fmt) => dict.dateFormats[fmt],
    month: (m, calendar) => dict.months[calendar][m - 1],
    weekday: (wd, short) => (short ? dict.weekdaysShort : dict.weekdays)[wd],
    digits: (s) => localDigits(s, lang),
  };
}

/**
 * A step's label or a section's title as the UI shows it: the generator's wording of a kind in the user's
 * language ("Technical Interview II" is «مصاحبه فنی ۲» in Persian), any other label as the user wrote it. The
 * record, and so every export, keeps the repository's own wording.
 */
export function uiLabel(tr: Pick<Translator<string>, 'lang' | 'stage' | 'digits'>, label: string): string {
  if (tr.lang === 'en') return label;
  const technical = /^technical interview(?: ([ivx]+))?$/i.exec(label.trim());
  if (technical) {
    if (!technical[1]) return tr.stage('technical');
    const n = romanValue(technical[1].toUpperCase());
    if (n) return `${tr.stage('technical')} ${tr.digits(n)}`;
  }
  const l = label.trim().toLowerCase();
  const kind = STAGE_KINDS.find((k) => [LABELS[k]?.list, LABELS[k]?.diagram].some((w) => w?.toLowerCase() === l));
  return kind ? tr.stage(kind) : label;
}

/** The language to use: the user's choice, else the browser's (Persian for fa-*, English otherwise). */
export function resolveLang(choice: 'auto' | Lang, browserLanguage: string | undefined): Lang {
  if (choice !== 'auto') return choice;
  return /^fa\b/i.test(browserLanguage ?? '') ? 'fa' : 'en';
}

/** The popup's settings, stored in the database's `settings` meta row; the dashboard reads the same row. */
export interface Settings {
  lang: 'auto' | Lang;
  dateFormat: DateFormat;
}

export const DEFAULT_SETTINGS: Settings = { lang: 'auto', dateFormat: 'jalali-dot' };

/** Settings as stored (a partial, older or unknown value is completed with the defaults). */
export function readSettings(v: unknown): Settings {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  const lang = LANGS.find((l) => l === o.lang);
  const dateFormat = DATE_FORMATS.find((f) => f === o.dateFormat);
  return { lang: lang ?? DEFAULT_SETTINGS.lang, dateFormat: dateFormat ?? DEFAULT_SETTINGS.dateFormat };
}

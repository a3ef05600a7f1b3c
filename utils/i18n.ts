/**
 * The popup's and dashboard's words in English and Persian. The manifest's own strings live in
 * public/_locales (the browser picks those); these switch at run time with the user's setting, which
 * follows the browser language unless the user chose one.
 */
import { isOneOf } from './basics';
import { DATE_FORMATS, type DateFormat, type OutcomeKind, type StageKind } from './record';
import type { MessageKey } from './i18n/en';

export type { MessageKey };
export type Lang = 'en' | 'fa';

/** One language's words (utils/i18n/en.ts, fa.ts): loaded on demand, so the popup carries only its own. */
export interface Dictionary {
  messages: Record<MessageKey, string>;
  stages: Record<StageKind, string>;
  outcomes: Record<OutcomeKind, string>;
  dateFormats: Record<DateFormat, string>;
}

export function loadDictionary(lang: Lang): Promise<Dictionary> {
  return lang === 'fa' ? import('./i18n/fa') : import('./i18n/en');
}

export interface Translator {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  t(key: MessageKey, params?: Record<string, string | number>): string;
  stage(kind: StageKind): string;
  outcome(kind: OutcomeKind): string;
  dateFormat(fmt: DateFormat): string;
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Digits as the language writes them (Persian digits in Persian sentences). */
export function localDigits(s: string | number, lang: Lang): string {
  const t = String(s);
  return lang === 'fa' ? t.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]) : t;
}

export function translator(lang: Lang, dict: Dictionary): Translator {
  return {
    lang,
    dir: lang === 'fa' ? 'rtl' : 'ltr',
    // Numbers are written in the language's digits; text (a path, a label) stays as it is.
    t: (key, params) =>
      dict.messages[key].replace(/\{(\w+)\}/g, (m, name: string) => {
        if (!params || !(name in params)) return m;
        const v = params[name];
        return typeof v === 'number' ? localDigits(v, lang) : v;
      }),
    stage: (kind) => dict.stages[kind],
    outcome: (kind) => dict.outcomes[kind],
    dateFormat: (fmt) => dict.dateFormats[fmt],
  };
}

/** The language to use: the user's choice, else the browser's (Persian for fa-*, English otherwise). */
export function resolveLang(choice: 'auto' | Lang, browserLanguage: string | undefined): Lang {
  if (choice !== 'auto') return choice;
  return /^fa\b/i.test(browserLanguage ?? '') ? 'fa' : 'en';
}

export interface Settings {
  lang: 'auto' | Lang;
  dateFormat: DateFormat;
}

export const DEFAULT_SETTINGS: Settings = { lang: 'auto', dateFormat: 'jalali-dot' };

/** Settings as stored (a partial or older value is completed with the defaults). */
export function readSettings(v: unknown): Settings {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Partial<Settings>;
  return {
    lang: o.lang === 'en' || o.lang === 'fa' ? o.lang : 'auto',
    dateFormat: isOneOf(DATE_FORMATS, o.dateFormat) ? o.dateFormat : DEFAULT_SETTINGS.dateFormat,
  };
}

/**
 * Dates inside free text: the first date (`1402.08.20 AT 11:30 AM`) and the time of day written after it.
 * Apart from utils/dates.ts because only the clipper and the markdown import and export read free text: the
 * popup does not load this until one of them runs.
 *
 * Plain TypeScript, no browser API.
 */
import { checkDate, toAsciiDigits, type Calendar } from './dates';

/** A date found in free text; `start`/`end` index the date in the original text. */
export interface FoundDate {
  iso: string;
  calendar: Calendar;
  separator: '.' | '/' | '-';
  start: number;
  end: number;
}

/** year sep month sep day, same separator twice, not part of a longer run of digits/dots (phone, version). */
const DATE_IN_TEXT = /(?<!\d|\d[./-])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?!\d|[./-]\d)/g;

/**
 * The first well-formed date in `text` (`1402.08.20 AT 11:30 AM`, `2025/7/2`, `۱۴۰۴/۰۷/۱۵`, `2023-10-30`).
 * Date-shaped numbers that are not real days (`1402.03.00`, `1404/12/30`) are skipped.
 */
export function findDate(text: string): FoundDate | null {
  // Digit conversion keeps every index, so match positions are positions in `text`.
  for (const m of toAsciiDigits(text).matchAll(DATE_IN_TEXT)) {
    const r = checkDate(Number(m[1]), Number(m[3]), Number(m[4]));
    if (r.ok) {
      const start = m.index;
      return {
        iso: r.iso,
        calendar: r.calendar,
        separator: m[2] as FoundDate['separator'],
        start,
        end: start + m[0].length,
      };
    }
  }
  return null;
}

const TIME_IN_TEXT =
  /(?<![\d:.])(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\.?(?![a-z])|(?<![\d:.])(\d{1,2}):(\d{2})(?![\d:])/gi;

/**
 * The time of day written after the date (`AT 11:30 AM` → `11:30 AM`, `11 AM`, `14:00`), as written; the
 * whole text is searched when it has no date. null when there is none.
 */
export function findTime(text: string): string | null {
  const from = findDate(text)?.end ?? 0;
  const ascii = toAsciiDigits(text);
  TIME_IN_TEXT.lastIndex = from;
  for (let m = TIME_IN_TEXT.exec(ascii); m; m = TIME_IN_TEXT.exec(ascii)) {
    const twelve = m[1] !== undefined;
    const h = Number(twelve ? m[1] : m[4]);
    const min = Number((twelve ? m[2] : m[5]) ?? 0);
    if (min < 60 && (twelve ? h >= 1 && h <= 12 : h <= 23)) return text.slice(m.index, m.index + m[0].length);
  }
  return null;
}

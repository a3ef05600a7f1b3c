/**
 * Dates and durations as they appear in interview entries: Jalali ⇄ Gregorian conversion, finding a date
 * inside free text ("1402.08.20 AT 11:30 AM", utils/date-find.ts), strict parsing of a date field, and durations.
 *
 * Stored days are `YYYY-MM-DD` Gregorian strings. All arithmetic is on integers (Julian day numbers), so no
 * time zone can move a day; only `todayIso` looks at a clock.
 *
 * Plain TypeScript, no browser API.
 */

import { d2g, g2d, isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { gregorianMonthLength, isValidIso, toAsciiDigits } from './basics';
import { foldPersian } from './persian';
import type { DateFormat } from './record';

export { gregorianMonthLength, isValidIso, toAsciiDigits };

export type { DateFormat };

export const JALALI_MONTHS = [
  'Farvardin',
  'Ordibehesht',
  'Khordad',
  'Tir',
  'Mordad',
  'Shahrivar',
  'Mehr',
  'Aban',
  'Azar',
  'Dey',
  'Bahman',
  'Esfand',
] as const;

export const GREGORIAN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Years accepted as real dates: Jalali 1300-1500, Gregorian 1901-2100 (any year > 1900 is Gregorian). */
const JALALI_YEARS = [1300, 1500] as const;
const GREGORIAN_YEARS = [1901, 2100] as const;

// ---------------------------------------------------------------------------------------------------------
// Digits and calendars

/** Days in Jalali month `jm` (1-12) of year `jy`. */
export function jalaliMonthLength(jy: number, jm: number): number {
  return jalaaliMonthLength(jy, jm);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function splitIso(iso: string): [number, number, number] {
  if (!isValidIso(iso)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return iso.split('-').map(Number) as [number, number, number];
}

/** The Gregorian `YYYY-MM-DD` of a Jalali date; RangeError when the Jalali date does not exist. */
export function jalaliToIso(jy: number, jm: number, jd: number): string {
  if (![jy, jm, jd].every(Number.isInteger) || !isValidJalaaliDate(jy, jm, jd)) {
    throw new RangeError(`Not a Jalali date: ${jy}/${jm}/${jd}`);
  }
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return isoOf(gy, gm, gd);
}

/** The Jalali date of a `YYYY-MM-DD` day; RangeError when `iso` is not a real day. */
export function isoToJalali(iso: string): { jy: number; jm: number; jd: number } {
  const [y, m, d] = splitIso(iso);
  const { jy, jm, jd } = toJalaali(y, m, d);
  return { jy, jm, jd };
}

/** The day `n` days after `iso` (n may be negative). */
export function addDays(iso: string, n: number): string {
  const { gy, gm, gd } = d2g(g2d(...splitIso(iso)) + n);
  return isoOf(gy, gm, gd);
}

/**
 * The calendar day (`YYYY-MM-DD`) at `now` in IANA zone `timeZone` (default: the runtime's zone). Read from
 * the Date's local fields or Intl parts, never from toISOString, which is UTC and would be a day late in
 * Tehran before 03:30.
 */
export function todayIso(now: Date = new Date(), timeZone?: string): string {
  // The runtime's own zone: the Date's local fields are that day (and cost nothing; the first
  // Intl.DateTimeFormat of a page loads locale data, ~10 ms of the popup's open).
  if (timeZone === undefined) return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return isoOf(get('year'), get('month'), get('day'));
}

/** `1404.07.15` (jalali-dot), `1404/07/15` (jalali-slash) or `2025/10/07` (gregorian). */
export function formatDate(iso: string, fmt: DateFormat): string {
  if (fmt === 'gregorian')
    return splitIso(iso)
      .map((n, i) => pad(n, i ? 2 : 4))
      .join('/');
  const { jy, jm, jd } = isoToJalali(iso);
  return [pad(jy, 4), pad(jm), pad(jd)].join(fmt === 'jalali-dot' ? '.' : '/');
}

// ---------------------------------------------------------------------------------------------------------
// Checking a year/month/day triple (shared by findDate and parseDateInput)

export type DateErrorCode = 'format' | 'month' | 'day' | 'leap' | 'year';
export type Calendar = 'jalali' | 'gregorian';

/** A failed parse: English text in `error`, and `code` + `params` for a UI that translates. */
export interface DateInputError {
  ok: false;
  error: string;
  code: DateErrorCode;
  params: Record<string, number>;
}
export type DateInputResult = { ok: true; iso: string; calendar: Calendar } | DateInputError;

const fail = (code: DateErrorCode, error: string, params: Record<string, number> = {}): DateInputError => ({
  ok: false,
  error,
  code,
  params,
});

const FORMAT_ERROR = 'Not a date: write it like 1404.08.03 (year.month.day).';

/** Checks a date in the calendar its year implies (> 1900: Gregorian, else Jalali). */
export function checkDate(y: number, m: number, d: number): DateInputResult {
  const calendar: Calendar = y > 1900 ? 'gregorian' : 'jalali';
  const [lo, hi] = calendar === 'jalali' ? JALALI_YEARS : GREGORIAN_YEARS;
  if (y < 1000) return fail('year', `Year ${y} is too short: write the full year, like 1404 or 2025.`, { year: y });
  if (y < lo || y > hi) {
    return fail('year', `Year ${y} is out of range: use a Jalali year (1300-1500) or a Gregorian year (1901-2100).`, {
      year: y,
    });
  }
  if (m < 1 || m > 12) return fail('month', `Month ${m} does not exist: months run from 1 to 12.`, { month: m });
  const jalali = calendar === 'jalali';
  const max = jalali ? jalaliMonthLength(y, m) : gregorianMonthLength(y, m);
  const name = (jalali ? JALALI_MONTHS : GREGORIAN_MONTHS)[m - 1];
  if (d < 1) return fail('day', `Day ${d} does not exist: days start at 1.`, { day: d });
  if (d > max) {
    if (d === max + 1 && m === (jalali ? 12 : 2)) {
      return fail('leap', `${y} is not a leap year: ${name} ${y} has ${max} days.`, { year: y, month: m, day: d, max });
    }
    const whose = m === (jalali ? 12 : 2) ? `${name} ${y}` : name;
    return fail('day', `Day ${d} does not exist: ${whose} has ${max} days.`, { year: y, month: m, day: d, max });
  }
  return { ok: true, iso: jalali ? jalaliToIso(y, m, d) : isoOf(y, m, d), calendar };
}

// ---------------------------------------------------------------------------------------------------------
// Strict parsing of a date field

/** The one Persian folding, with a ZWNJ as a space («روز‌پیش» is «روز پیش»). */
const persianText = (s: string) => foldPersian(s.replace(/\u200c/g, ' '));

const RELATIVE = new Map<string, number>([
  ['today', 0],
  ['yesterday', -1],
  ['tomorrow', 1],
  ['امروز', 0],
  ['دیروز', -1],
  ['فردا', 1],
  ['پریروز', -2],
]);

/**
 * Reads a date field: the whole (trimmed) input must be a date, `1404.08.03`, `1404/8/3`, `2025-10-07`,
 * `۱۴۰۴/۰۸/۰۳`, `08.03` (month.day in the current year of `opts.calendar`, Jalali by default), `today`,
 * `yesterday`, `tomorrow`, امروز, دیروز, فردا, پریروز, `3 days ago`, «۳ روز پیش». A year > 1900 is
 * Gregorian whatever `opts.calendar` says.
 */
export function parseDateInput(input: string, opts: { today: string; calendar?: Calendar }): DateInputResult {
  const calendar = opts.calendar ?? 'jalali';
  const s = persianText(toAsciiDigits(input)).trim().replace(/\s+/g, ' ').toLowerCase();

  const ago = /^(\d+) ?(?:days? ago|روز (?:پیش|قبل))$/.exec(s);
  const rel = ago ? -Number(ago[1]) : RELATIVE.get(s);
  if (rel !== undefined) return { ok: true, iso: addDays(opts.today, rel), calendar };

  const full = /^(\d+) ?([./-]) ?(\d{1,2}) ?\2 ?(\d{1,2})$/.exec(s);
  if (full) return checkDate(Number(full[1]), Number(full[3]), Number(full[4]));

  const short = /^(\d{1,2}) ?[./-] ?(\d{1,2})$/.exec(s);
  if (short) {
    const year = calendar === 'jalali' ? isoToJalali(opts.today).jy : Number(opts.today.slice(0, 4));
    const r = checkDate(year, Number(short[1]), Number(short[2]));
    return r.ok ? { ...r, calendar } : r;
  }
  return fail('format', FORMAT_ERROR);
}

/**
 * What a date field's new text means for its date: `iso` is the day it says, `null` when it is empty, and
 * absent when it does not parse (the date stays as it was); `raw` is the text to keep in a draft: the text as
 * typed ('' when empty). A half-typed «1404/08/2» already says a day (the 2nd), yet the user may be on the way
 * to the 25th: a draft restored after a close shows what was typed, not the day it happened to say. One rule
 * for the field and the plain input shown while it loads.
 */
export function readDateText(
  text: string,
  opts: { today: string; calendar: Calendar },
): { result: DateInputResult | null; iso?: string | null; raw: string } {
  if (!text.trim()) return { result: null, iso: null, raw: '' };
  const result = parseDateInput(text, opts);
  return result.ok ? { result, iso: result.iso, raw: text } : { result, raw: text };
}

// ---------------------------------------------------------------------------------------------------------
// Durations

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  half: 0.5,
  یک: 1,
  یه: 1,
  دو: 2,
  سه: 3,
  چهار: 4,
  پنج: 5,
  شش: 6,
  هفت: 7,
  هشت: 8,
  نه: 9,
  ده: 10,
  پانزده: 15,
  بیست: 20,
  سی: 30,
  چهل: 40,
  نیم: 0.5,
};

const UNIT_MINUTES: [RegExp, number][] = [
  [/^(?:weeks?|wks?|w|هفته)$/, 10080],
  [/^(?:days?|d|روز)$/, 1440],
  [/^(?:hours?|hrs?|h|ساعت)$/, 60],
  [/^(?:minutes?|mins?|m|دقیقه)$/, 1],
];

const WORDS = Object.keys(NUMBER_WORDS).join('|');
const L = 'a-z\\u0600-\\u06FF'; // letters that may not touch a number word or a unit
const DURATION_PART = new RegExp(
  `(?<![${L}\\d.])(\\d+(?:[.٫]\\d+)?|(?:${WORDS})(?![${L}]))` + // a number
    `( (?:and a half|و ?نیم))? ?(?:an? )?` + // "1 and a half", "یک و نیم", "half an hour"
    `(weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|هفته|روز|ساعت|دقیقه)(?![${L}])` + // a unit
    `( ?و ?نیم(?![${L}]))?`, // "یک ساعت و نیم"
  'g',
);

/**
 * Minutes in a duration as written: `1 hour & 30 minutes`, `About 40 minutes`, `1.5 hours`, `1h 30m`,
 * `یک ساعت`, `۱ ساعت و ۳۰ دقیقه`, `نیم ساعت`, `7 days`, `1 week (I think)`. null when no amount is found.
 */
export function parseDuration(text: string): number | null {
  const s = persianText(toAsciiDigits(text)).toLowerCase().replace(/\s+/g, ' ');
  let total: number | null = null;
  for (const m of s.matchAll(DURATION_PART)) {
    const word = NUMBER_WORDS[m[1]];
    if (word !== undefined && m[3].length === 1) continue; // "a m", "نه h": a word needs a spelled-out unit
    const amount = (word ?? Number(m[1].replace('٫', '.'))) + (m[2] || m[4] ? 0.5 : 0);
    const unit = UNIT_MINUTES.find(([re]) => re.test(m[3]))![1];
    total = (total ?? 0) + amount * unit;
  }
  return total === null ? null : Math.round(total);
}

/**
 * Minutes as the jobname generator writes them: `1 hour & 10 minutes`, `2 hours`, `1 minute`;
 * 0 → `Duration not specified`.
 */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const r = minutes % 60;
  if (minutes === 0) return 'Duration not specified';
  const parts: string[] = [];
  if (h) parts.push(`${h} hour${h !== 1 ? 's' : ''}`);
  if (r) parts.push(`${r} minute${r !== 1 ? 's' : ''}`);
  return parts.join(' & ');
}

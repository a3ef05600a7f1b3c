/**
 * The smallest shared pieces: ASCII digits, a JSON object, membership of a closed list, and a real
 * `YYYY-MM-DD` day. No imports, no browser API, so
 * every part of Jobnote (content script, popup, background, CLI) can use them at no cost.
 */

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII; every other character is kept (same length). */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - (c >= '\u06F0' ? 0x06f0 : 0x0660)));
}

/** A parsed JSON object (or any plain object read off a page or a file). */
export type Json = Record<string, unknown>;

/** An object, not null and not an array. */
export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether `v` is one of a closed list's values (`isOneOf(DATE_FORMATS, v)`), typed as that list's type. */
export function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return (list as readonly unknown[]).includes(v);
}

function isGregorianLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in Gregorian month `m` (1-12) of year `y`. */
export function gregorianMonthLength(y: number, m: number): number {
  return m === 2 ? (isGregorianLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Whether `iso` is a real Gregorian day written `YYYY-MM-DD`. */
export function isValidIso(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= gregorianMonthLength(y, mo);
}

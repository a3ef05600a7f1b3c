/**
 * Text normalisation for matching labels on Persian pages (docs/boards.md §3.1), on the one Persian normaliser
 * (utils/persian.ts); display text, entities and dates as boards write them.
 */
import { isValidIso, toAsciiDigits } from '../basics';
import { jalaliToIso } from '../dates';
import { BIDI, persianKey } from '../persian';

/** For comparing labels: «دسته‌بندی شغلی» and «دستهبندی  شغلي» are the same key. */
export function labelKey(s: string): string {
  return persianKey(s.replace(/[:：]/g, ''));
}

/** Display text: whitespace collapsed, digits ASCII, ZWNJ kept (it is part of Persian spelling). */
export function cleanText(s: string | null | undefined): string | null {
  if (s == null) return null;
  const t = toAsciiDigits(s)
    .replace(BIDI, '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A ZWNJ joins nothing next to a space or at either end.
    .replace(/\u200c+(?= |$)|(?<=^| )\u200c+/g, '');
  return t || null;
}

/**
 * «نام فارسی | English Name», or a header's two text nodes («فارسی», «English»), as the Persian name and the
 * English one: exactly two parts, one in Arabic script and one not («Müller GmbH | مولر» splits too). Anything
 * else is one name: the text as given, or the parts joined with « | », and no English name.
 */
export function splitCompanyName(given: string | readonly string[] | null): {
  name: string | null;
  nameEn: string | null;
} {
  const parts = typeof given === 'string' ? [given] : (given ?? []);
  const bits = parts
    .flatMap((p) => p.split(/\s*[|｜]\s*/))
    .map((p) => cleanText(p))
    .filter((p): p is string => !!p);
  const persian = (s: string) => /\p{Script=Arabic}/u.test(s);
  if (bits.length === 2 && persian(bits[0]) !== persian(bits[1])) {
    const [fa, en] = persian(bits[0]) ? bits : [bits[1], bits[0]];
    return { name: fa, nameEn: en };
  }
  if (typeof given === 'string') return { name: given || null, nameEn: null };
  return { name: bits.length ? bits.join(' | ') : null, nameEn: null };
}

/** The text of the first element matching any selector, cleaned. */
export function textOf(root: ParentNode, ...selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = root.querySelector(sel);
    const t = cleanText(el?.textContent);
    if (t) return t;
  }
  return null;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  times: '×',
  euro: '€',
  shy: '\u00ad',
};

/** Decodes HTML entities (numeric and the common named ones) without touching any DOM. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/**
 * A date-ish string (ISO timestamp, `2025-10-07`, `2025/10/07`) as YYYY-MM-DD, or null. The day is the one
 * written, in the publisher's own offset (`2025-10-07T01:00:00+03:30` is the 7th even though it is the 6th
 * in UTC). Years 1300–1499 are Jalali (Iranian boards sometimes write `1404-07-15`) and are converted.
 */
export function isoDay(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d/-])/.exec(toAsciiDigits(s.trim()));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (y >= 1300 && y < 1500) {
    try {
      return jalaliToIso(y, mo, d);
    } catch {
      return null;
    }
  }
  const iso = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return y >= 1900 && isValidIso(iso) ? iso : null;
}

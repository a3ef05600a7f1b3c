/**
 * Search over applications: the words of a record (company, role, question text and follow-ups) as kept in the
 * repository's `termIds` store (a row of ids per word), and the words of what the user types, normalised the same way, so that a word
 * typed on an Arabic keyboard (ي, ك), with or without ZWNJ, harakat or Persian digits, finds the stored one.
 * Plain functions, no browser API.
 */
import { foldPersian } from './persian';
import type { ApplicationRecord } from './record';

/**
 * «دسته‌بندي شغلي ۲» → «دستهبندی شغلی 2»: `foldPersian` (ي/ى→ی, ك→ک, ZWNJ, kashida, harakat and direction
 * marks removed, Persian/Arabic digits ASCII), Latin diacritics removed (café → cafe), lower case.
 */
export function normalizeSearch(s: string): string {
  return foldPersian(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Letters and digits; everything else (spaces, punctuation, markdown, emojis) separates words. */
const WORD = /[\p{L}\p{N}]+/gu;

/** The normalised words of a text, in order, repeats kept. */
export function searchWords(s: string): string[] {
  return normalizeSearch(s).match(WORD) ?? [];
}

/**
 * Words nearly every question has ("how", "what", «چرا», «از»): not kept as terms, and ignored in a query. Each
 * would hold an entry for almost every record, and reading them would make a keystroke slow for nothing.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  // Written normalised (Persian ی and ک, no ZWNJ, lower case): `normalizeSearch` of each is itself.
  (
    'the and or of to in on for with is are do does how what why when which you your it this that can from ' +
    'در به از که را این با برای چه چرا است می های یک تا یا چیست چطور'
  ).split(' '),
);

/** A term longer than this is cut (a pasted hash or URL would otherwise bloat the index). */
export const MAX_TERM_LENGTH = 40;

/**
 * The distinct normalised words of `texts`, each cut to `MAX_TERM_LENGTH`, in code-unit order. One-character
 * words and stop words are left out: a one-character query finds the longer words it starts, and a query ignores
 * stop words. A word that starts another one of the same texts is left out too («go» beside «golang»): a search
 * reads terms by prefix, so every query it would match matches the longer word, and each term is an id in its
 * word's row, changed by every write of the record (2,000 entries of 30 questions: 280,000 ids).
 */
export function termsOfTexts(texts: readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const t of texts)
    if (t) for (const w of searchWords(t)) if (w.length > 1 && !STOP_WORDS.has(w)) out.add(w.slice(0, MAX_TERM_LENGTH));
  // Sorted, a word that starts any other starts the one right after it.
  const sorted = [...out].sort();
  return sorted.filter((w, i) => !sorted[i + 1]?.startsWith(w));
}

/** What a search finds a record by: company, role, and every question's text and follow-ups. */
export function recordTerms(r: Pick<ApplicationRecord, 'company' | 'role' | 'rounds'>): string[] {
  const texts: string[] = [r.company.name, r.role ?? ''];
  for (const round of r.rounds)
    for (const q of round.questions) {
      texts.push(q.text);
      texts.push(...q.followUps);
    }
  return termsOfTexts(texts);
}

/**
 * The words a query asks for, each a prefix of a stored term (the last one is usually half typed): distinct,
 * cut like the terms, at least two characters long (one letter starts a word of nearly every record: it
 * narrows nothing and would read most of the index at each first keystroke), no stop word, and without a
 * word that is a prefix of another one (it adds nothing).
 */
export function queryWords(query: string): string[] {
  const words = [
    ...new Set(
      searchWords(query)
        .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
        .map((w) => w.slice(0, MAX_TERM_LENGTH)),
    ),
  ];
  return words.filter((w) => !words.some((o) => o !== w && o.startsWith(w)));
}

/**
 * The ids of the records that have, for each word of `query`, a term it starts (`termIds`: the repository's
 * prefix read of its terms index); null when the query asks for no word (everything matches).
 */
export async function searchIds(
  query: string,
  termIds: (prefix: string) => Promise<Set<string>>,
): Promise<Set<string> | null> {
  const words = queryWords(query);
  return words.length ? intersectAll(await Promise.all(words.map(termIds))) : null;
}

/** The smallest first: the intersection of id sets (every word must match). */
export function intersectAll<T>(sets: readonly ReadonlySet<T>[]): Set<T> {
  if (!sets.length) return new Set();
  const sorted = [...sets].sort((a, b) => a.size - b.size);
  const out = new Set(sorted[0]);
  for (const s of sorted.slice(1)) for (const x of out) if (!s.has(x)) out.delete(x);
  return out;
}

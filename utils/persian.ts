/**
 * The one Persian normaliser for comparing and classifying text (docs/boards.md §3.1): the same word typed on an
 * Arabic keyboard (ي, ى, ك), with or without ZWNJ, kashida, harakat or direction marks, with Persian or
 * Arabic digits, gives the same key. Only for comparing: display text keeps its spelling.
 */
import { toAsciiDigits } from './basics';

/** Direction marks, embeddings and isolates, and the BOM: invisible, and never part of a label or a name. */
export const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * «دسته‌بندي شغلي ۲» → «دستهبندی شغلی 2»: Arabic yeh and kaf as Persian, ZWNJ, ZWJ, kashida, harakat and
 * direction marks removed, Persian/Arabic digits ASCII. Case and spacing are kept (see `persianKey`).
 */
export function foldPersian(s: string): string {
  return (
    toAsciiDigits(s)
      .replace(BIDI, '')
      // biome-ignore lint/suspicious/noMisleadingCharacterClass: each mark is removed on its own, none is joined
      .replace(/[\u200c\u200d\u0640\u064b-\u065f\u0670]/g, '')
      .replace(/[يى]/g, 'ی')
      .replace(/ك/g, 'ک')
  );
}

/** For comparing short texts (labels, names, searches): folded, whitespace collapsed, trimmed, lower case. */
export function persianKey(s: string): string {
  return foldPersian(s).replace(/\s+/g, ' ').trim().toLowerCase();
}

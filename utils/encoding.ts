/**
 * Text files as bytes → text: which encoding a file is in, read from the bytes alone, and text that went
 * through a wrong decoding on its way here (mojibake) put back.
 *
 * `decodeText` is the one way the dashboard's import and the CLI turn a file into text. It reads UTF-8 (with
 * or without a byte order mark), UTF-16 LE/BE (with a BOM, or without one when the NUL bytes of its ASCII
 * characters show the byte order) and Windows-1256 (what Persian Windows saves as "ANSI"); anything else is
 * refused with a message saying what to do, never decoded into replacement characters.
 *
 * Plain TypeScript, no browser API: `TextDecoder` is a global in browsers and in Node (with full ICU, which
 * Node ships with, for 'windows-1256').
 */

/** The encodings `decodeText` reads. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export type DecodedText = { text: string; encoding: TextEncodingName } | { error: string };

const RESAVE = 're-save it as UTF-8';

/** Decodes `bytes` as `encoding`, or null when they are not valid in it. A BOM was already taken off. */
function strict(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const startsWith = (bytes: Uint8Array, ...head: number[]) => head.every((b, i) => bytes[i] === b);

/**
 * Where the NUL bytes are: UTF-16 text has one in the high byte of every ASCII character (odd offsets in
 * little endian, even in big endian) and hardly any in the other half; NULs anywhere else mean binary data.
 */
function nulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'binary' | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 ? odd++ : even++;
  if (even + odd === 0) return null;
  const units = bytes.length / 2;
  if (bytes.length % 2 === 0) {
    if (odd >= units / 20 && even * 10 <= odd) return 'utf-16le';
    if (even >= units / 20 && odd * 10 <= even) return 'utf-16be';
  }
  return 'binary';
}

/** Letters only Persian has (پ چ ژ گ ک): Windows-1256 text with them is Persian. */
const PERSIAN_ONLY = /[\u067E\u0686\u0698\u06AF\u06A9]/;

/**
 * Whether bytes that are not UTF-8 read as Persian or Arabic in Windows-1256: most characters above ASCII
 * are Arabic-script letters or its punctuation (، ؛ ؟ « » and the zero-width joiners), and they come in
 * words, not one accented letter at a time between ASCII ones as Western code pages would.
 */
function looksLikeWindows1256(bytes: Uint8Array, text: string): boolean {
  let high = 0;
  let inWords = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    high++;
    if (bytes[i - 1] >= 0x80 || bytes[i + 1] >= 0x80) inWords++;
  }
  const arabic = text.match(/\p{Script=Arabic}|[\u200C-\u200F«»]/gu)?.length ?? 0;
  return high > 0 && arabic >= high * 0.8 && inWords >= high * 0.5;
}

/**
 * Reads a text file's bytes: the text and the encoding it was in, or why it cannot be read. A leading BOM
 * is taken off.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    const text = strict(bytes.subarray(3), 'utf-8');
    return text === null
      ? { error: `it starts like UTF-8 but is not valid UTF-8; ${RESAVE}` }
      : { text, encoding: 'utf-8' };
  }
  if (startsWith(bytes, 0xff, 0xfe, 0, 0) || startsWith(bytes, 0, 0, 0xfe, 0xff)) {
    return { error: `it is UTF-32 text, which Jobnote does not read; ${RESAVE}` };
  }
  const bom = startsWith(bytes, 0xff, 0xfe) ? 'utf-16le' : startsWith(bytes, 0xfe, 0xff) ? 'utf-16be' : null;
  const utf16 = bom ?? nulPattern(bytes);
  if (utf16 === 'binary') return { error: 'it holds NUL bytes: not a text file' };
  if (utf16) {
    const text = strict(bom ? bytes.subarray(2) : bytes, utf16);
    if (text === null) return { error: `it looks like ${utf16.toUpperCase()} text but is not valid; ${RESAVE}` };
    return { text, encoding: utf16 };
  }
  const utf8 = strict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const arabic = new TextDecoder('windows-1256').decode(bytes);
  if (looksLikeWindows1256(bytes, arabic)) {
    // Windows-1256 has no Persian yeh (ی): Persian Windows saves it as the Arabic one (ي, 0xED).
    const text = PERSIAN_ONLY.test(arabic) ? arabic.replace(/\u064A/g, '\u06CC') : arabic;
    return { text, encoding: 'windows-1256' };
  }
  return { error: `it is not UTF-8 text (nor UTF-16 or Windows-1256); ${RESAVE}` };
}

/** Windows-1252's characters for the bytes 0x80-0x9F (the five it leaves undefined kept as C1 controls). */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** The letters Windows-1254 (Turkish) has where Windows-1252 has others: the same mistake made there. */
const CP1254_LETTERS: Record<string, number> = { Ğ: 0xd0, İ: 0xdd, Ş: 0xde, ğ: 0xf0, ı: 0xfd, ş: 0xfe };

/** The byte a Western code page (Windows-1252 or -1254, ISO-8859-1) decodes to `ch`, if one does. */
function westernByte(ch: string): number | undefined {
  const c = ch.charCodeAt(0);
  if (c < 0x100) return c;
  const i = CP1252_80_9F.indexOf(ch);
  return i >= 0 ? 0x80 + i : CP1254_LETTERS[ch];
}

/**
 * Text that is UTF-8 read as Windows-1252 (`ðŸ“œ` for 📜, `Ø³Ù„Ø§Ù…` for سلام), put back: every
 * character turned into the byte Windows-1252 (or -1254, or ISO-8859-1) has it for, and those bytes read
 * as UTF-8. Null when the text is not such mojibake: nothing above ASCII, a character none of those code
 * pages has, or bytes that are not valid UTF-8 (real Latin text such as "café" never is).
 */
export function repairMojibake(text: string): string | null {
  if (!/\P{ASCII}/u.test(text)) return null;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = westernByte(text[i]);
    if (b === undefined) return null;
    bytes[i] = b;
  }
  return strict(bytes, 'utf-8');
}

/**
 * The one message for mojibake, shown by the importer and lint instead of an error per garbled character: what
 * happened, and `repair`, how to have it repaired where it is shown (the dashboard's import by default; the CLI
 * names its `--repair-encoding`).
 */
export function mojibakeMessage(repair = 'import it in the dashboard, which repairs it'): string {
  return (
    'the text looks like UTF-8 that was read as Windows-1252 (characters such as "ðŸ“œ" stand for one emoji ' +
    `or letter each): re-save the file as UTF-8, or ${repair}`
  );
}

/** The importer's and lint's message (`mojibakeMessage` with the dashboard's repair). */
export const MOJIBAKE_MESSAGE = mojibakeMessage();

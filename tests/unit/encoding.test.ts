import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/jobnote';
import { makeBackup } from '../../utils/backup';
import { parseImportFiles } from './import-files';
import { decodeText, MOJIBAKE_MESSAGE, repairMojibake } from '../../utils/encoding';
import { importEntry } from '../../utils/jobname/import';
import { lintEntry } from '../../utils/jobname/lint';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures/jobname', name), 'utf8');
/** A Persian entry with پ چ ک ی, ZWNJ and ؟ in it. */
const PERSIAN = fixture('snapp-market-pro-hr-call-section.md');

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, order: 'le' | 'be', bom = true): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + s;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = u >> 8;
  }
  return out;
}

/**
 * Windows-1256 for the characters the Persian fixtures use (from the code page's table); ی has no byte of
 * its own and is saved as the Arabic yeh 0xED, as Persian Windows does; anything else becomes "?".
 */
const CP1256: Record<string, number> = {
  '\u200C': 0x9d,
  '،': 0xa1,
  '؛': 0xba,
  '؟': 0xbf,
  آ: 0xc2,
  ا: 0xc7,
  ب: 0xc8,
  پ: 0x81,
  ت: 0xca,
  ث: 0xcb,
  ج: 0xcc,
  چ: 0x8d,
  ح: 0xcd,
  خ: 0xce,
  د: 0xcf,
  ذ: 0xd0,
  ر: 0xd1,
  ز: 0xd2,
  ژ: 0x8e,
  س: 0xd3,
  ش: 0xd4,
  ص: 0xd5,
  ض: 0xd6,
  ط: 0xd8,
  ظ: 0xd9,
  ع: 0xda,
  غ: 0xdb,
  ف: 0xdd,
  ق: 0xde,
  ک: 0x98,
  گ: 0x90,
  ل: 0xe1,
  م: 0xe3,
  ن: 0xe4,
  و: 0xe6,
  ه: 0xe5,
  ی: 0xed,
  '«': 0xab,
  '»': 0xbb,
};
/** What a Windows-1256 save keeps of `s`: characters the table lacks (emoji) become "?". */
const kept1256 = (s: string) => Array.from(s, (c) => (c.charCodeAt(0) < 0x80 || c in CP1256 ? c : '?')).join('');
const windows1256 = (s: string) =>
  Uint8Array.from(Array.from(kept1256(s), (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : CP1256[c])));

/** Windows-1252 (bytes 0x80-0x9F from its table; the rest are ISO-8859-1), as a wrong reader decodes. */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const asWindows1252 = (s: string) =>
  Array.from(utf8(s), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b))).join('');

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, taking the BOM off', () => {
    expect(decodeText(utf8(PERSIAN))).toEqual({ text: PERSIAN, encoding: 'utf-8' });
    expect(decodeText(utf8(`\uFEFF${PERSIAN}`))).toEqual({ text: PERSIAN, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM, emoji included', () => {
    expect(decodeText(utf16(PERSIAN, 'le'))).toEqual({ text: PERSIAN, encoding: 'utf-16le' });
    expect(decodeText(utf16(PERSIAN, 'be'))).toEqual({ text: PERSIAN, encoding: 'utf-16be' });
  });

  it('reads UTF-16 without a BOM by where its NUL bytes are', () => {
    expect(decodeText(utf16(PERSIAN, 'le', false))).toEqual({ text: PERSIAN, encoding: 'utf-16le' });
    expect(decodeText(utf16(PERSIAN, 'be', false))).toEqual({ text: PERSIAN, encoding: 'utf-16be' });
  });

  it('reads a Persian entry saved as Windows-1256, with its Persian yeh, not hundreds of U+FFFD', () => {
    const bytes = windows1256(PERSIAN);
    expect(new TextDecoder().decode(bytes)).toContain('\uFFFD'); // what reading it as UTF-8 gave
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text: kept1256(PERSIAN), encoding: 'windows-1256' });
    if ('text' in decoded) {
      expect(decoded.text).not.toContain('\uFFFD');
      expect(decoded.text).toContain('پ');
      expect(decoded.text).not.toContain('\u064A');
    }
  });

  it('refuses what it cannot read, saying what to do', () => {
    const latin = Uint8Array.from([...utf8('# [Caf'), 0xe9, ...utf8('](https://cafe.example)\nD'), 0xe9, 0x76]);
    expect(decodeText(latin)).toEqual({
      error: 'it is not UTF-8 text (nor UTF-16 or Windows-1256); re-save it as UTF-8',
    });
    expect(decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]))).toEqual({
      error: 'it holds NUL bytes: not a text file',
    });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xc3]))).toEqual({
      error: 'it starts like UTF-8 but is not valid UTF-8; re-save it as UTF-8',
    });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toEqual({
      error: 'it is UTF-32 text, which Jobnote does not read; re-save it as UTF-8',
    });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toEqual({
      error: 'it looks like UTF-16LE text but is not valid; re-save it as UTF-8',
    });
  });
});

describe('mojibake (UTF-8 read as Windows-1252)', () => {
  const garbled = asWindows1252(PERSIAN);

  it('is repaired back to the entry, byte for byte', () => {
    expect(garbled).toContain('ðŸ“œ');
    expect(repairMojibake(garbled)).toBe(PERSIAN);
  });

  it('is repaired when the wrong code page was Turkish (ğŸ“œ for 📜, as the issue shows it)', () => {
    expect(repairMojibake('#### ğŸ“œğŸ“ž')).toBe('#### 📜📞');
  });

  it('leaves real text alone: correct UTF-8, ASCII, Latin accents', () => {
    expect(repairMojibake(PERSIAN)).toBeNull();
    expect(repairMojibake('# [Acme](https://acme.example)\n')).toBeNull();
    expect(repairMojibake('Développeur, café, naïve')).toBeNull();
  });

  it('the importer reports it once instead of one error per garbled status character', () => {
    const before = importEntry(PERSIAN).warnings;
    const { warnings, repaired } = importEntry(garbled);
    expect(repaired).toBe(PERSIAN);
    expect(warnings.filter((w) => w.message.startsWith('unknown status emoji'))).toEqual([]);
    expect(warnings.filter((w) => w.message === MOJIBAKE_MESSAGE)).toEqual([
      { line: 4, severity: 'error', message: MOJIBAKE_MESSAGE },
    ]);
    expect(warnings.length).toBe(before.length + 1);
  });

  it('lint gives one error saying what happened and what to do', async () => {
    expect(await lintEntry(PERSIAN)).toEqual([]);
    expect(await lintEntry(garbled)).toEqual([{ line: 4, severity: 'error', message: MOJIBAKE_MESSAGE }]);
    expect(MOJIBAKE_MESSAGE).toMatch(/UTF-8 that was read as Windows-1252.*re-save the file as UTF-8/);
  });

  it("the dashboard's import reads the repaired entry and says so once", async () => {
    const res = await parseImportFiles([{ name: 'snapp.md', text: garbled }]);
    const clean = await parseImportFiles([{ name: 'snapp.md', text: PERSIAN }]);
    expect(res.ok && clean.ok).toBe(true);
    if (!res.ok || !clean.ok) return;
    expect(res.records.map((r) => ({ ...r, id: '', createdAt: '', updatedAt: '' }))).toEqual(
      clean.records.map((r) => ({ ...r, id: '', createdAt: '', updatedAt: '' })),
    );
    expect(res.warnings).toEqual([expect.stringMatching(/^snapp\.md: the text was UTF-8 read as Windows-1252/)]);
  });
});

describe('the files the dashboard and the CLI read', () => {
  it("the dashboard's import decodes each file's bytes: a Windows-1256 entry, a UTF-16 backup", async () => {
    const entry = importEntry(kept1256(PERSIAN), { id: 'e1', now: '2024-01-01T00:00:00.000Z' }).record;
    const backup = JSON.stringify(makeBackup([{ ...entry, id: 'b1' }]));
    const res = await parseImportFiles([
      { name: 'snapp.md', bytes: windows1256(PERSIAN) },
      { name: 'backup.json', bytes: utf16(backup, 'le') },
    ]);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.records.map((r) => r.company.name)).toEqual(['ridego', 'ridego']);
    expect(res.records[0].rounds).toEqual(entry.rounds);
    expect(JSON.stringify(res.records)).not.toContain('\uFFFD');
  });

  it("the dashboard's import refuses a file it cannot decode, naming it and the reason", async () => {
    const res = await parseImportFiles([{ name: 'photo.md', bytes: Uint8Array.from([0x41, 0, 0, 0, 0x42]) }]);
    expect(res).toEqual({ ok: false, errors: ['photo.md: cannot be read: it holds NUL bytes: not a text file'] });
  });

  it('the CLI reads a Windows-1256 entry and refuses a binary file with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobnote-encoding-'));
    try {
      writeFileSync(join(dir, 'snapp.md'), windows1256(PERSIAN));
      writeFileSync(join(dir, 'bad.md'), Uint8Array.from([0x41, 0, 0, 0, 0x42]));
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
      expect(await main(['import', join(dir, 'snapp.md')], io)).toBe(0);
      expect(JSON.parse(out.join('')).rounds).toEqual(importEntry(kept1256(PERSIAN)).record.rounds);
      expect(out.join('')).toContain('پ');
      expect(out.join('')).not.toContain('\uFFFD');
      err.length = 0;
      expect(await main(['import', join(dir, 'bad.md')], io)).toBe(2);
      expect(err).toEqual([
        `jobnote import: ${join(dir, 'bad.md')}: cannot be read: it holds NUL bytes: not a text file`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The dashboard's import reads a file's bytes and decodes them in the browser (utils/encoding.ts with the
 * browser's own TextDecoder): a Persian entry saved as Windows-1256 ("ANSI" on Persian Windows) and one
 * saved as UTF-16 without a BOM import with their Persian text, not as U+FFFD; a binary file is refused with its name.
 */
import { describe, expect, it } from 'vitest';
import { freshExtension } from './fresh-extension';

const ENTRY = [
  '# [دیجی‌کالا](https://www.digikala.com)',
  '',
  '### Status',
  '#### 📜📞',
  '## برنامه‌نویس بک‌اند',
  '',
  '### Apply way',
  'جابینجا',
  '',
].join('\n');

/** Windows-1256 bytes of `s`, from Node's own table (the code page's 256 characters); ی saved as 0xED. */
function windows1256(s: string): Buffer {
  const table = new TextDecoder('windows-1256').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  const byte = (c: string) => (c === 'ی' ? 0xed : table.indexOf(c));
  return Buffer.from(Array.from(s, (c) => (byte(c) < 0 ? 0x3f : byte(c))));
}

const ext = freshExtension();

describe('the dashboard reads files in their own encoding', () => {
  it.each([
    ['Windows-1256', windows1256(ENTRY)],
    ['UTF-16 LE without a BOM', Buffer.from(ENTRY, 'utf16le')],
  ])('imports a Persian entry saved as %s with its Persian text', async (_, bytes) => {
    const file = await ext().writeTempFile('digikala.md', bytes);
    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    await dashboard.getByTestId('import-file').setInputFiles(file);
    await dashboard.getByTestId('message-ok').or(dashboard.getByTestId('message-error')).waitFor();
    await dashboard.getByTestId('application').waitFor();
    expect((await dashboard.getByTestId('company').textContent())?.trim()).toBe('دیجی‌کالا');
    expect((await dashboard.getByTestId('role').textContent())?.trim()).toContain('برنامه‌نویس بک‌اند');
    expect(await dashboard.locator('body').textContent()).not.toContain('\uFFFD');
  });

  it('refuses a binary file, naming it', async () => {
    const file = await ext().writeTempFile('photo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const dashboard = await ext().openExtensionPage('/dashboard.html');
    await dashboard.getByTestId('empty').waitFor();
    await dashboard.getByTestId('import-file').setInputFiles(file);
    await dashboard.getByTestId('message-error').waitFor();
    expect(await dashboard.getByTestId('message-error').textContent()).toContain(
      'photo.md: cannot be read: it holds NUL bytes: not a text file',
    );
    expect(await dashboard.getByTestId('application').count()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { writeErrorText } from '../../entrypoints/dashboard/errors';
import { TR } from './locale-helpers';

describe('writeErrorText: a failed import or delete says why', () => {
  it('names a full storage (the browser gives QuotaExceededError an empty message)', () => {
    const err = new DOMException('', 'QuotaExceededError');
    expect(err.message).toBe('');
    expect(writeErrorText(err, TR.en)).toMatch(/storage for Jobnote is full.*Free some space/s);
    expect(writeErrorText(err, TR.fa)).toMatch(/فضای ذخیره‌سازی مرورگر برای جاب‌نوت پر است/);
  });

  it('names an aborted write', () => {
    expect(writeErrorText(new DOMException('', 'AbortError'), TR.en)).toMatch(/stopped the write.*AbortError/);
    expect(writeErrorText(new DOMException('x', 'AbortError'), TR.fa)).toMatch(/AbortError/);
  });

  it('keeps any other message, and names an error that has none', () => {
    expect(writeErrorText(new Error('disk on fire'), TR.en)).toBe('disk on fire');
    expect(writeErrorText(new DOMException('', 'UnknownError'), TR.en)).toBe(
      'The browser refused it (UnknownError) without saying why.',
    );
    expect(writeErrorText(new DOMException('', 'UnknownError'), TR.fa)).toContain('UnknownError');
    expect(writeErrorText(undefined, TR.en)).toBe('The browser refused it (Error) without saying why.');
    for (const err of [new DOMException(''), new Error(''), '', null]) expect(writeErrorText(err, TR.en)).not.toBe('');
  });
});

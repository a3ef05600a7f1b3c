/** The one Persian normaliser, and the places that compare or classify Persian text through it. */
import { describe, expect, it } from 'vitest';
import { classifyStage } from '../../utils/jobname/classify';
import { labelKey } from '../../utils/clip/normalize';
import { questionKey } from '../../utils/paste';
import { foldPersian, persianKey } from '../../utils/persian';

describe('foldPersian / persianKey', () => {
  it('writes Arabic yeh and kaf as Persian, drops ZWNJ, kashida, harakat and direction marks, digits ASCII', () => {
    expect(foldPersian('\u200fپيشنهاد همكاري ۱۲٣')).toBe('پیشنهاد همکاری 123');
    expect(foldPersian('می\u200cخواهم')).toBe('میخواهم');
    expect(foldPersian('تـــسک')).toBe('تسک');
    expect(foldPersian('مُصاحبه')).toBe('مصاحبه');
    expect(foldPersian('مصطفى')).toBe('مصطفی');
  });

  it('persianKey also collapses spacing and case', () => {
    expect(persianKey('  HR   Call\u200e ')).toBe('hr call');
    expect(persianKey('دسته‌بندی  شغلي')).toBe(persianKey('دستهبندی شغلی'));
  });
});

describe('classifyStage reads Persian typed on an Arabic keyboard', () => {
  it.each([
    ['تسك', 'task'],
    ['ريجكت شدم', 'rejection'],
    ['پيشنهاد همكاري', 'offer'],
    ['تسک', 'task'],
    ['ریجکت شدم', 'rejection'],
    ['پیشنهاد همکاری', 'offer'],
    ['مصاحبه\u200cی فنی', 'technical'],
    ['بررسي تسك', 'task-review'],
  ])('%s → %s', (label, kind) => {
    expect(classifyStage(label)).toBe(kind);
  });
});

describe('the keys that compare text use the same folding', () => {
  it('labelKey', () => {
    expect(labelKey('دسته‌بندي شغلي:')).toBe(labelKey('دستهبندی  شغلی'));
    expect(labelKey('\u200fمحل کار')).toBe('محل کار');
  });

  it('questionKey', () => {
    expect(questionKey('فرق let و var چيه؟')).toBe(questionKey('فرق let و var چیه'));
    expect(questionKey('\u200fسوال ۲')).toBe(questionKey('سوال 2'));
  });
});

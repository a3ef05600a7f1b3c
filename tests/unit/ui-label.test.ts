import { describe, expect, it } from 'vitest';
import * as fa from '../../utils/i18n/fa';
import * as en from '../../utils/i18n/en';
import { translator, uiLabel } from '../../utils/i18n';
import { emptyDraft, readDraft } from '../../utils/popup-draft';

const trFa = translator('fa', { ...fa, messages: { ...fa.messages } } as never);
const trEn = translator('en', { ...en, messages: { ...en.messages } } as never);

describe('uiLabel', () => {
  it('shows the generator wording of a kind in Persian, numbered rounds in Persian digits', () => {
    expect(uiLabel(trFa, 'Technical Interview II')).toBe('مصاحبه فنی ۲');
    expect(uiLabel(trFa, 'Technical Interview')).toBe('مصاحبه فنی');
    expect(uiLabel(trFa, 'HR Interview')).toBe('مصاحبه HR');
    expect(uiLabel(trFa, 'Send resume')).toBe('ارسال رزومه');
  });
  it('keeps a label the user wrote, and every label in English', () => {
    expect(uiLabel(trFa, 'Live coding with the CTO')).toBe('Live coding with the CTO');
    expect(uiLabel(trFa, 'Technical Interview XIV')).toBe('Technical Interview XIV');
    expect(uiLabel(trEn, 'Technical Interview II')).toBe('Technical Interview II');
  });
});

describe('the popup draft', () => {
  it('keeps a half-typed section title and the step being edited with its half-typed date', () => {
    const d = { ...emptyDraft(), at: 1, roundTitle: 'HR Inter' };
    d.step = { ...d.step, editing: 's2', editDateRaw: '1404/08/2' };
    const back = readDraft(JSON.parse(JSON.stringify(d)));
    expect(back?.roundTitle).toBe('HR Inter');
    expect(back?.step.editing).toBe('s2');
    expect(back?.step.editDateRaw).toBe('1404/08/2');
  });
  it('reads a draft saved before these fields existed', () => {
    const back = readDraft({ at: 1, tab: 'details' });
    expect(back?.roundTitle).toBe(null);
    expect(back?.step.editing).toBe(null);
    expect(back?.tab).toBe('details');
  });
});

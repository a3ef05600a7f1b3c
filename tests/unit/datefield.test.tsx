// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { DateField, dateError } from '../../components/DateField';
import { jalaliToIso, parseDateInput, type DateFormat, type DateInputError } from '../../utils/dates';
import { emptyDraft, readDraft, type PopupDraft } from '../../utils/popup-draft';
import { InLocale, jsdomRoot, TR } from './locale-helpers';

/** Saturday 3 Aban 1404. */
const TODAY = '2025-10-25';

const dom = jsdomRoot();

interface Options {
  value?: string | null;
  format?: DateFormat;
  lang?: 'en' | 'fa';
  required?: boolean;
}

/** Renders a DateField whose parent keeps the value, as the popup does. */
function mount({ value = null, format = 'jalali-slash', lang = 'en', required }: Options = {}) {
  const onChange = vi.fn<(iso: string | null) => void>();
  function Parent() {
    const [v, setV] = useState<string | null>(value);
    return (
      <InLocale lang={lang}>
        <DateField
          id="when"
          label="Date"
          value={v}
          onChange={(iso) => {
            onChange(iso);
            setV(iso);
          }}
          format={format}
          today={TODAY}
          required={required}
        />
      </InLocale>
    );
  }
  act(() => dom.root.render(<Parent />));
  const input = dom.container.querySelector<HTMLInputElement>('input#when')!;
  const button = dom.container.querySelector<HTMLButtonElement>('button.datefield-toggle')!;
  const message = () => dom.container.querySelector('#when-msg')!.textContent;
  return { onChange, input, button, message };
}

function type(input: HTMLInputElement, text: string) {
  act(() => {
    input.focus();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function key(target: Element, key: string, init: KeyboardEventInit = {}) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

function blur(input: HTMLInputElement) {
  act(() => input.blur());
}

/** Opens the lazily loaded picker and waits for its grid. */
async function openPicker(button: HTMLButtonElement) {
  act(() => button.click());
  for (let i = 0; i < 100 && !dom.container.querySelector('[role="grid"]'); i++) {
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  const grid = dom.container.querySelector<HTMLTableElement>('[role="grid"]');
  if (!grid) throw new Error('picker did not open');
  return grid;
}

const title = () => dom.container.querySelector('.cal-title')!.textContent;
const days = () => [...dom.container.querySelectorAll<HTMLElement>('[role="gridcell"][data-iso]')];
const focused = () => document.activeElement as HTMLElement;

describe('DateField typing', () => {
  it.each([
    ['1404/01/01', '2025-03-21'],
    ['1403/12/30', '2025-03-20'],
    ['1404.08.03', '2025-10-25'],
    ['1404/8/3', '2025-10-25'],
    ['۱۴۰۴.۰۸.۰۳', '2025-10-25'],
    ['۱۴۰۴/۰۸/۰۳', '2025-10-25'],
    ['2025-10-25', '2025-10-25'],
    ['today', TODAY],
    ['yesterday', '2025-10-24'],
    ['tomorrow', '2025-10-26'],
    ['دیروز', '2025-10-24'],
    ['پریروز', '2025-10-23'],
    ['3 days ago', '2025-10-22'],
    ['۳ روز پیش', '2025-10-22'],
  ])('%s → %s', (text, iso) => {
    const { input, onChange, message } = mount();
    type(input, text);
    expect(onChange).toHaveBeenLastCalledWith(iso);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(message()).not.toBe('');
  });

  it('calls onChange as soon as the text parses, not before, and shows the day in words', () => {
    const { input, onChange, message } = mount();
    for (const partial of ['1', '14', '1404', '1404/', '1404/8', '1404/8/']) type(input, partial);
    expect(onChange).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBeNull(); // a half-typed date is not an error yet
    type(input, '1404/8/3');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith('2025-10-25');
    expect(message()).toBe('Saturday 3 Aban 1404');
    expect(input.value).toBe('1404/8/3'); // not rewritten while typing
  });
});

describe('DateField errors', () => {
  it.each([
    ['1404/12/30', '1404 is not a leap year: Esfand 1404 has 29 days.', '۱۴۰۴ کبیسه نیست: اسفند ۱۴۰۴ ۲۹ روز دارد.'],
    ['1404/13/40', 'Month 13 does not exist: months run from 1 to 12.', 'ماه ۱۳ وجود ندارد: ماه‌ها از ۱ تا ۱۲ هستند.'],
    ['1404/07/31', 'Day 31 does not exist: Mehr has 30 days.', 'روز ۳۱ وجود ندارد: مهر ۳۰ روز دارد.'],
    ['2025/02/29', '2025 is not a leap year: February 2025 has 28 days.', '۲۰۲۵ کبیسه نیست: فوریه ۲۰۲۵ ۲۸ روز دارد.'],
  ])('%s: shown at once, in English and Persian, without calling onChange', (text, en, fa) => {
    for (const [lang, expected] of [
      ['en', en],
      ['fa', fa],
    ] as const) {
      const { input, onChange, message } = mount({ lang, value: '2025-10-25' });
      type(input, text);
      expect(message()).toBe(expected);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toBe('when-msg');
      expect(dom.container.querySelector('#when-msg')!.getAttribute('aria-live')).toBe('polite');
      expect(dom.container.querySelector('[role="alert"]')).toBeNull();
      expect(onChange).not.toHaveBeenCalled();
      blur(input);
      expect(input.value).toBe(text); // an invalid text is kept for the user to fix
      act(() => dom.root.unmount());
      dom.root = createRoot(dom.container);
    }
  });

  it('shows a format error only once the field is left, and hides it again on the next edit', () => {
    const { input, onChange, message } = mount({ lang: 'fa' });
    type(input, 'next week');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    blur(input);
    expect(message()).toBe('این تاریخ نیست: آن را مثل ۱۴۰۴.۰۸.۰۳ (سال.ماه.روز) بنویسید.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    type(input, 'next wee');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('has a message for every error code: the parser’s own in English, Persian digits only in Persian', () => {
    const texts = ['1/1/1', '1200/1/1', '1404/0/1', '1404/1/0', '1404/1/32', '1403/12/31', '2024/2/30', 'x'];
    for (const text of texts) {
      const r = parseDateInput(text, { today: TODAY }) as DateInputError;
      expect(r.ok, text).toBe(false);
      expect(dateError(r, TR.en), text).toBe(r.error);
      expect(dateError(r, TR.fa), text).not.toMatch(/undefined|NaN|\{|\d/);
    }
  });

  it('a cleared field reports null; a required one says so when left empty', () => {
    const { input, onChange, message } = mount({ value: '2025-10-25', required: true });
    expect(input.required).toBe(true);
    type(input, '');
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    blur(input);
    expect(message()).toBe('Enter a date.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('DateField in a form', () => {
  function mountForm(value: string | null = '2025-10-25') {
    const onSubmit = vi.fn();
    act(() =>
      dom.root.render(
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <InLocale lang="en">
            <DateField
              id="when"
              label="Date"
              value={value}
              onChange={() => {}}
              format="jalali-dot"
              today={TODAY}
              autoFocus
            />
          </InLocale>
        </form>,
      ),
    );
    return {
      onSubmit,
      form: dom.container.querySelector('form')!,
      input: dom.container.querySelector<HTMLInputElement>('input#when')!,
    };
  }

  it('appears focused with the date it proposes selected, so typing replaces it', () => {
    const { input } = mountForm();
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('1404.08.03');
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
  });

  it('keeps the form from submitting a date that does not parse, and says why', () => {
    const { onSubmit, form, input } = mountForm();
    act(() => form.requestSubmit());
    expect(onSubmit).toHaveBeenCalledTimes(1);
    // Typed after the proposed date instead of over it: not a date, so not "the date it had before".
    type(input, '1404.08.031404.08.05');
    expect(input.validity.valid).toBe(false);
    act(() => form.requestSubmit());
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(dom.container.querySelector('#when-msg')!.textContent).toBe(input.validationMessage);
    type(input, '1404.08.05');
    expect(input.validity.valid).toBe(true);
    act(() => form.requestSubmit());
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });
});

describe('DateField display', () => {
  it('shows the value in the chosen format and is labelled', () => {
    const { input } = mount({ value: '2025-10-25', format: 'jalali-dot' });
    expect(input.value).toBe('1404.08.03');
    expect(dom.container.querySelector('label')!.htmlFor).toBe('when');
    expect(dom.container.querySelector('.datefield')!.getAttribute('dir')).toBe('ltr');
  });

  it('reformats to the canonical display on blur', () => {
    const { input, message } = mount({ format: 'jalali-dot' });
    type(input, '۱۴۰۴/۸/۳');
    blur(input);
    expect(input.value).toBe('1404.08.03');
    type(input, 'دیروز');
    blur(input);
    expect(input.value).toBe('1404.08.02');
    type(input, '2025-03-21');
    blur(input);
    expect(input.value).toBe('1404.01.01');
    expect(message()).toBe('Friday 1 Farvardin 1404');
  });

  it('follows a new value from the parent', () => {
    const onChange = vi.fn();
    const render = (value: string | null) =>
      act(() =>
        dom.root.render(
          <InLocale lang="fa">
            <DateField id="when" label="Date" value={value} onChange={onChange} format="jalali-slash" today={TODAY} />
          </InLocale>,
        ),
      );
    render('2025-03-21');
    const input = dom.container.querySelector<HTMLInputElement>('input')!;
    expect(input.value).toBe('1404/01/01');
    expect(dom.container.querySelector('#when-msg')!.textContent).toBe('جمعه ۱ فروردین ۱۴۰۴');
    render('2025-03-20');
    expect(input.value).toBe('1403/12/30');
    render(null);
    expect(input.value).toBe('');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('Up/Down step one day; from empty they start at today; an invalid text is left alone', () => {
    const { input, onChange } = mount({ value: '2025-03-20' });
    key(input, 'ArrowUp');
    expect(onChange).toHaveBeenLastCalledWith('2025-03-21');
    expect(input.value).toBe('1404/01/01');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    expect(onChange).toHaveBeenLastCalledWith('2025-03-19');
    expect(input.value).toBe('1403/12/29');
    type(input, '');
    key(input, 'ArrowDown');
    expect(onChange).toHaveBeenLastCalledWith(TODAY);
    type(input, '1404/13/01');
    onChange.mockClear();
    key(input, 'ArrowUp');
    expect(onChange).not.toHaveBeenCalled();
    expect(input.value).toBe('1404/13/01');
  });

  it('Gregorian format: shows, parses and steps Gregorian days', () => {
    const { input, onChange, message } = mount({ value: '2025-02-28', format: 'gregorian' });
    expect(input.value).toBe('2025/02/28');
    key(input, 'ArrowUp');
    expect(input.value).toBe('2025/03/01');
    type(input, '12/31'); // month.day in the current Gregorian year
    expect(onChange).toHaveBeenLastCalledWith('2025-12-31');
    expect(message()).toBe('Wednesday 31 December 2025');
    type(input, '1404/01/01'); // a Jalali year still reads as Jalali
    blur(input);
    expect(input.value).toBe('2025/03/21');
  });
});

describe('CalendarPicker', () => {
  it('opens on the value’s Jalali month, weeks from Saturday, focus on the selected day', async () => {
    const { button } = mount({ value: '2025-03-20' });
    expect(button.getAttribute('aria-label')).toBe('Choose a date');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const grid = await openPicker(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(dom.container.querySelector(`#${button.getAttribute('aria-controls')}`)!.contains(grid)).toBe(true);
    expect(title()).toBe('Esfand 1403');
    expect(days()).toHaveLength(30);
    expect([...grid.querySelectorAll('th .visually-hidden')].map((th) => th.textContent)[0]).toBe('Saturday');
    const selected = grid.querySelector<HTMLElement>('[aria-selected="true"]')!;
    expect(selected.dataset.iso).toBe('2025-03-20');
    expect(selected.textContent).toBe('30');
    expect(focused()).toBe(selected);
    expect(days().filter((d) => d.tabIndex === 0)).toEqual([selected]); // roving tabindex
  });

  it('Esfand 1404 has 29 days; 1 Farvardin 1404 is a Friday', async () => {
    const { button, input } = mount({ value: jalaliToIso(1404, 12, 1) });
    await openPicker(button);
    expect(title()).toBe('Esfand 1404');
    expect(days()).toHaveLength(29);
    act(() => button.click());
    type(input, '1404/1/1');
    const grid = await openPicker(button);
    expect(title()).toBe('Farvardin 1404');
    const first = grid.querySelector<HTMLTableCellElement>('[data-iso="2025-03-21"]')!;
    expect(first.getAttribute('aria-label')).toBe('Friday 1 Farvardin 1404');
    expect(first.cellIndex).toBe(6); // Saturday-first week: Friday is the last column
    expect(grid.querySelectorAll('th')[6].textContent).toContain('Friday');
  });

  it('navigates across the year boundary with the buttons and PageUp/PageDown', async () => {
    const { button } = mount({ value: '2025-03-20' });
    const grid = await openPicker(button);
    const [prev, next] = dom.container.querySelectorAll<HTMLButtonElement>('.cal-nav');
    expect(prev.getAttribute('aria-label')).toBe('Previous month');
    act(() => next.click());
    expect(title()).toBe('Farvardin 1404');
    expect(days()).toHaveLength(31);
    act(() => prev.focus()); // as a mouse click does in a browser
    act(() => prev.click());
    act(() => prev.click());
    expect(title()).toBe('Bahman 1403');
    expect(focused()).toBe(prev); // the month buttons keep the focus
    key(focused(), 'PageDown'); // grid keys work only from a day
    expect(title()).toBe('Bahman 1403');
    act(() => grid.querySelector<HTMLElement>('[tabindex="0"]')!.focus());
    key(focused(), 'PageDown');
    key(focused(), 'PageDown');
    expect(title()).toBe('Farvardin 1404');
    expect(focused().dataset.iso).toBe(jalaliToIso(1404, 1, 30));
    key(focused(), 'PageUp', { shiftKey: true });
    expect(title()).toBe('Farvardin 1403');
  });

  it('arrows, Home/End move the focused day; Enter picks and returns focus to the button', async () => {
    const { button, input, onChange } = mount({ value: '2025-03-20' }); // Thursday 30 Esfand 1403
    await openPicker(button);
    key(focused(), 'ArrowRight');
    expect(focused().dataset.iso).toBe('2025-03-21');
    expect(title()).toBe('Farvardin 1404');
    key(focused(), 'ArrowLeft');
    key(focused(), 'ArrowUp');
    expect(focused().dataset.iso).toBe('2025-03-13');
    key(focused(), 'ArrowDown');
    key(focused(), 'Home');
    expect(focused().getAttribute('aria-label')).toBe('Saturday 25 Esfand 1403');
    key(focused(), 'End');
    expect(focused().getAttribute('aria-label')).toBe('Friday 1 Farvardin 1404');
    key(focused(), 'Enter');
    expect(onChange).toHaveBeenLastCalledWith('2025-03-21');
    expect(input.value).toBe('1404/01/01');
    expect(dom.container.querySelector('[role="grid"]')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(focused()).toBe(button);
  });

  it('Escape closes without picking and returns focus to the button; clicks pick; Today picks today', async () => {
    const { button, onChange, input } = mount({ value: '2025-03-20' });
    await openPicker(button);
    key(focused(), 'ArrowDown');
    key(focused(), 'Escape');
    expect(dom.container.querySelector('[role="grid"]')).toBeNull();
    expect(focused()).toBe(button);
    expect(onChange).not.toHaveBeenCalled();

    await openPicker(button);
    act(() => dom.container.querySelector<HTMLElement>('[data-iso="2025-03-05"]')!.click());
    expect(onChange).toHaveBeenLastCalledWith('2025-03-05');
    expect(input.value).toBe('1403/12/15');

    await openPicker(button);
    act(() => dom.container.querySelector<HTMLButtonElement>('.cal-today')!.click());
    expect(onChange).toHaveBeenLastCalledWith(TODAY);
  });

  it('Persian: RTL, Persian digits and names, Left/Right mirrored', async () => {
    const { button } = mount({ value: '2025-03-20', lang: 'fa' });
    expect(button.getAttribute('aria-label')).toBe('انتخاب تاریخ');
    await openPicker(button);
    expect(dom.container.querySelector('.cal')!.getAttribute('dir')).toBe('rtl');
    expect(title()).toBe('اسفند ۱۴۰۳');
    expect(
      days()
        .map((d) => d.textContent)
        .slice(0, 3),
    ).toEqual(['۱', '۲', '۳']);
    expect(focused().getAttribute('aria-label')).toBe('پنجشنبه ۳۰ اسفند ۱۴۰۳');
    key(focused(), 'ArrowLeft'); // in RTL the next day is on the left
    expect(focused().dataset.iso).toBe('2025-03-21');
    expect(title()).toBe('فروردین ۱۴۰۴');
    key(focused(), 'ArrowRight');
    expect(focused().dataset.iso).toBe('2025-03-20');
    expect(dom.container.querySelector('.cal-today')!.textContent).toBe('امروز');
  });

  it('Gregorian: month grid in Gregorian, weeks per locale (en-US: Sunday), same keys', async () => {
    const { button, onChange, input } = mount({ value: '2024-02-29', format: 'gregorian' });
    const grid = await openPicker(button);
    expect(title()).toBe('February 2024');
    expect(days()).toHaveLength(29);
    expect(grid.querySelector('th .visually-hidden')!.textContent).toBe('Sunday');
    expect(grid.querySelector<HTMLTableCellElement>('[data-iso="2024-02-01"]')!.cellIndex).toBe(4); // Thursday
    key(focused(), 'PageUp', { shiftKey: true }); // a year back: 29 February → 28 February 2023
    expect(focused().dataset.iso).toBe('2023-02-28');
    key(focused(), 'PageDown');
    key(focused(), 'ArrowRight');
    expect(focused().getAttribute('aria-label')).toBe('Wednesday 29 March 2023');
    key(focused(), ' ');
    expect(onChange).toHaveBeenLastCalledWith('2023-03-29');
    expect(input.value).toBe('2023/03/29');
    expect(focused()).toBe(button);
  });

  it('closes when the user clicks outside', async () => {
    const { button } = mount({ value: '2025-03-20' });
    await openPicker(button);
    act(() => document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true })));
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('a half-typed date survives the popup closing', () => {
  /** The step form as the popup wires it: the date (ISO, '' for today) and its raw text kept in the draft. */
  function StepDate({ draft, save }: { draft: PopupDraft; save(d: PopupDraft): void }) {
    const [step, setStep] = useState(draft.step);
    const update = (p: Partial<PopupDraft['step']>) =>
      setStep((cur) => {
        const next = { ...cur, ...p };
        save({ ...draft, at: draft.at + 1, step: next });
        return next;
      });
    return (
      <InLocale lang="en">
        <DateField
          id="when"
          label="Date"
          value={step.dateText || TODAY}
          onChange={(iso) => update({ dateText: iso ?? '' })}
          text={step.dateRaw}
          onText={(dateRaw) => update({ dateRaw })}
          format="jalali-dot"
          today={TODAY}
        />
      </InLocale>
    );
  }

  /** Opens the form on a draft; returns its input and the draft as it was last stored (through JSON). */
  function open(draft: PopupDraft) {
    let stored = draft;
    act(() => dom.root.render(<StepDate key={Math.random()} draft={draft} save={(d) => (stored = d)} />));
    const input = dom.container.querySelector<HTMLInputElement>('input#when')!;
    const reopen = () => readDraft(JSON.parse(JSON.stringify(stored)))!;
    return { input, reopen };
  }

  it('«1404.0» comes back as typed, with its error, not as today', () => {
    const first = open({ ...emptyDraft(), at: 1, step: { ...emptyDraft().step, kind: 'technical' } });
    expect(first.input.value).toBe('1404.08.03');
    type(first.input, '1404.0');
    const draft = first.reopen();
    expect(draft.step).toMatchObject({ dateText: '', dateRaw: '1404.0' });
    act(() => dom.root.render(<p />)); // the popup closes

    const second = open(draft);
    expect(second.input.value).toBe('1404.0');
    expect(second.input.getAttribute('aria-invalid')).toBe('true');
    expect(dom.container.querySelector('#when-msg')!.textContent).toBe(
      'Not a date: write it like 1404.08.03 (year.month.day).',
    );
    // Finished, it is a date again, kept as typed.
    type(second.input, '1404.08.01');
    expect(second.reopen().step).toMatchObject({ dateText: '2025-10-23', dateRaw: '1404.08.01' });
  });

  // Tried as a new user would: «1404/08/2» (on the way to the 25th) came back as «1404.08.02», another date.
  it('«1404/08/2», which already says a day, comes back as typed, not as that day written out', () => {
    const first = open({ ...emptyDraft(), at: 1, step: { ...emptyDraft().step, kind: 'technical' } });
    type(first.input, '1404/08/2');
    const draft = first.reopen();
    expect(draft.step).toMatchObject({ dateText: '2025-10-24', dateRaw: '1404/08/2' });
    act(() => dom.root.render(<p />)); // the popup closes

    const second = open(draft);
    expect(second.input.value).toBe('1404/08/2');
    type(second.input, '1404/08/25');
    expect(second.reopen().step).toMatchObject({ dateText: '2025-11-16', dateRaw: '1404/08/25' });
  });

  it('readDraft keeps the raw text, and an old draft without it reads as none', () => {
    const draft = { ...emptyDraft(), at: 5, step: { ...emptyDraft().step, dateRaw: '۱۴۰۴/۰' } };
    expect(readDraft(JSON.parse(JSON.stringify(draft)))?.step.dateRaw).toBe('۱۴۰۴/۰');
    const { dateRaw: _, ...old } = draft.step;
    expect(readDraft({ ...draft, step: old })?.step.dateRaw).toBe('');
  });
});

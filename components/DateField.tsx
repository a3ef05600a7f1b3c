/**
 * A date field in the user's calendar (Jalali by default): typed as `1404.08.03`, `۱۴۰۴/۸/۳`, `2025-10-25`,
 * `today`, «دیروز», «۳ روز پیش»…, parsed on every change by parseDateInput; its words and errors in the
 * language of the LocaleContext.
 * The month picker is a separate chunk, loaded the first time it is opened. Text only, never HTML.
 */
import {
  lazy,
  Suspense,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import '@/assets/datefield.css';
import { addDays, formatDate, isoToJalali, isValidIso, parseDateInput, readDateText } from '@/utils/dates';
import type { Calendar, DateFormat, DateInputError } from '@/utils/dates';
import type { Translator } from '@/utils/i18n';
import { useLocale } from './locale';

const CalendarPicker = lazy(() => import('./CalendarPicker'));

const calendarOf = (format: DateFormat): Calendar => (format === 'gregorian' ? 'gregorian' : 'jalali');

/** [year, month, day] of an ISO day in `calendar`. */
export function ymdOf(iso: string, calendar: Calendar): [number, number, number] {
  if (calendar === 'gregorian') return iso.split('-').map(Number) as [number, number, number];
  const { jy, jm, jd } = isoToJalali(iso);
  return [jy, jm, jd];
}

/** 0 = Sunday … 6 = Saturday, by arithmetic on the Gregorian day (no string is parsed as a date). */
export function weekdayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** `Saturday 3 Aban 1404` / «شنبه ۳ آبان ۱۴۰۴». */
export function dateInWords(iso: string, calendar: Calendar, tr: Translator): string {
  const [y, m, d] = ymdOf(iso, calendar);
  return `${tr.weekday(weekdayOf(iso))} ${tr.digits(d)} ${tr.month(m, calendar)} ${tr.digits(y)}`;
}

/** parseDateInput's error in the translator's language, built from its code and params. */
export function dateError({ code, params: p }: DateInputError, tr: Translator): string {
  const calendar: Calendar = p.year > 1900 ? 'gregorian' : 'jalali';
  const lastMonth = p.month === (calendar === 'jalali' ? 12 : 2);
  // The last month's length depends on the year, so the year is named with it.
  const monthName = p.month ? tr.month(p.month, calendar) + (lastMonth ? ` ${tr.digits(p.year)}` : '') : '';
  switch (code) {
    case 'year':
      return tr.t(p.year < 1000 ? 'dateErrYearShort' : 'dateErrYearRange', p);
    case 'month':
      return tr.t('dateErrMonth', p);
    case 'leap':
      return tr.t('dateErrLeap', { ...p, monthName });
    case 'day':
      return p.max === undefined ? tr.t('dateErrDayStart', p) : tr.t('dateErrDay', { ...p, monthName });
    default:
      return tr.t('dateErrFormat');
  }
}

export interface DateFieldProps {
  id: string;
  label: string;
  /** ISO `YYYY-MM-DD` (Gregorian), or null when empty. */
  value: string | null;
  onChange(iso: string | null): void;
  format: DateFormat;
  /** ISO day that `today`, «دیروز», `3 days ago` are relative to. */
  today: string;
  required?: boolean;
  autoFocus?: boolean;
  /**
   * Text typed earlier (a half-typed «1404.0» or «1404/08/2» kept in a draft): shown instead of `value` when the
   * field appears, with its error if it has one.
   */
  text?: string;
  /** The text as typed, '' when it is empty or a day was picked (then the field shows the day): for a draft. */
  onText?(raw: string): void;
}

export function DateField({
  id,
  label,
  value,
  onChange,
  format,
  today,
  required,
  autoFocus,
  text: typed,
  onText,
}: DateFieldProps) {
  const { tr } = useLocale();
  const calendar = calendarOf(format);
  const show = (iso: string | null) => (iso && isValidIso(iso) ? formatDate(iso, format) : (iso ?? ''));
  const parse = (s: string) => (s.trim() ? parseDateInput(s, { today, calendar }) : null);

  const [text, setText] = useState(() => typed || show(value));
  // Left since the last edit: now format errors are shown too (a kept half-typed text was left already).
  const [touched, setTouched] = useState(() => Boolean(typed));
  const [open, setOpen] = useState(false);
  const [synced, setSynced] = useState({ value, format });
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const parsed = parse(text);

  // A new value or format from the parent replaces the text, unless the text already says that day.
  if (synced.value !== value || synced.format !== format) {
    setSynced({ value, format });
    if (synced.format !== format || (parsed === null ? null : parsed.ok ? parsed.iso : undefined) !== value)
      setText(show(value));
  }

  // Focused with its text selected when it appears: not through the focus event alone, which a window
  // without focus (Firefox driven headless, say) does not fire.
  useEffect(() => {
    if (!autoFocus) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [autoFocus]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const emit = (iso: string | null) => iso !== value && onChange(iso);
  const edit = (s: string) => {
    setText(s);
    setTouched(false);
    const r = readDateText(s, { today, calendar });
    onText?.(r.raw);
    if (r.iso !== undefined) emit(r.iso);
  };
  const set = (iso: string) => {
    setText(show(iso));
    setTouched(false);
    onText?.('');
    emit(iso);
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && e.altKey) {
      e.preventDefault();
      setOpen(true);
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && (parsed === null || parsed.ok)) {
      e.preventDefault();
      set(parsed === null ? today : addDays(parsed.iso, e.key === 'ArrowUp' ? 1 : -1));
    }
  };
  const onPopoverBlur = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (to && !e.currentTarget.contains(to) && to !== buttonRef.current) setOpen(false);
  };

  let error: string | null = null;
  // A date that does not parse keeps its form from being submitted (Enter), with the reason, instead of
  // letting the form use the date it had before.
  const invalid = parsed !== null && !parsed.ok ? dateError(parsed, tr) : '';
  if (parsed === null) error = required && touched ? tr.t('dateRequired') : null;
  else if (!parsed.ok && (parsed.code !== 'format' || touched)) error = invalid;
  useLayoutEffect(() => inputRef.current?.setCustomValidity(invalid), [invalid]);
  const hint =
    parsed === null
      ? tr.t('dateLike', { date: tr.digits(show(today)) })
      : parsed.ok
        ? dateInWords(parsed.iso, calendar, tr)
        : null;

  return (
    <div className="datefield" ref={rootRef} dir={tr.dir} lang={tr.lang}>
      <label className="datefield-label" htmlFor={id}>
        {label}
      </label>
      <div className="datefield-row">
        <input
          id={id}
          className="datefield-input"
          type="text"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          value={text}
          required={required}
          ref={inputRef}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-msg`}
          onChange={(e) => edit(e.target.value)}
          onBlur={() => {
            setTouched(true);
            if (parsed?.ok) setText(show(parsed.iso));
          }}
          onFocus={(e) => {
            setOpen(false);
            // The proposed date is selected: typing replaces it, Enter keeps it.
            e.currentTarget.select();
          }}
          onInvalid={() => setTouched(true)}
          onKeyDown={onKeyDown}
        />
        <button
          ref={buttonRef}
          type="button"
          className="datefield-toggle"
          aria-label={tr.t('dateChoose')}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={`${id}-picker`}
          onClick={() => setOpen((o) => !o)}
        >
          <svg
            aria-hidden="true"
            focusable="false"
            width="16"
            height="16"
            viewBox="0 0 16 16"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          >
            <rect x="1.75" y="2.75" width="12.5" height="11.5" rx="1.5" />
            <path d="M1.75 6.25h12.5M5 1v3.5M11 1v3.5" />
          </svg>
        </button>
      </div>
      <p id={`${id}-msg`} className={error ? 'datefield-msg datefield-error' : 'datefield-msg'} aria-live="polite">
        {error ?? hint}
      </p>
      <div
        id={`${id}-picker`}
        className="datefield-popover"
        role="dialog"
        aria-label={tr.t('dateChoose')}
        hidden={!open}
        onBlur={onPopoverBlur}
      >
        {open ? (
          <Suspense fallback={<p className="muted">{tr.t('loading')}</p>}>
            <CalendarPicker
              value={parsed?.ok ? parsed.iso : value}
              calendar={calendar}
              today={today}
              onClose={close}
              onPick={(iso) => {
                set(iso);
                close();
              }}
            />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}

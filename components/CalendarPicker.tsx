/**
 * A month grid in the field's calendar (Jalali weeks start on Saturday), loaded lazily by DateField.
 * Keyboard as in the WAI-ARIA date picker dialog: arrows by day/week (Left/Right mirrored in RTL),
 * PageUp/PageDown by month (with Shift by year), Home/End to the week's start/end, Enter/Space pick,
 * Escape closes. One day is tabbable at a time (roving tabindex).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { addDays, gregorianMonthLength, jalaliMonthLength, jalaliToIso, type Calendar } from '@/utils/dates';
import type { Lang } from '@/utils/i18n';
import { dateInWords, weekdayOf, ymdOf } from './DateField';
import { useLocale } from './locale';

interface CalendarPickerProps {
  value: string | null;
  onPick(iso: string): void;
  onClose(): void;
  calendar: Calendar;
  today: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number, calendar: Calendar): string {
  return calendar === 'jalali' ? jalaliToIso(y, m, d) : `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

function monthLength(y: number, m: number, calendar: Calendar): number {
  return calendar === 'jalali' ? jalaliMonthLength(y, m) : gregorianMonthLength(y, m);
}

/** The same day `n` months later in `calendar`, clamped to the month's length (31 Shahrivar → 30 Mehr). */
function addMonths(iso: string, n: number, calendar: Calendar): string {
  const [y, m, d] = ymdOf(iso, calendar);
  const i = y * 12 + m - 1 + n;
  const [ny, nm] = [Math.floor(i / 12), (i % 12) + 1];
  return isoOf(ny, nm, Math.min(d, monthLength(ny, nm, calendar)), calendar);
}

/** First day of the week (0 = Sunday): Saturday for Jalali; the locale's for Gregorian. */
function weekStart(calendar: Calendar, lang: Lang): number {
  if (calendar === 'jalali') return 6;
  try {
    type WeekInfo = { firstDay: number };
    const tag = lang === 'fa' ? 'fa-IR' : globalThis.navigator?.language || 'en-US';
    const locale = new Intl.Locale(tag) as Intl.Locale & { getWeekInfo?(): WeekInfo; weekInfo?: WeekInfo };
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (info) return info.firstDay % 7;
  } catch {
    // No week data in this engine: fall through.
  }
  return lang === 'fa' ? 6 : 0;
}

export default function CalendarPicker({ value, onPick, onClose, calendar, today }: CalendarPickerProps) {
  const { tr } = useLocale();
  const [active, setActive] = useState(value ?? today);
  const focusDay = useRef(true); // move focus to the active day after the next render (true: on opening)
  const rootRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const rtl = tr.dir === 'rtl';

  useEffect(() => {
    if (!focusDay.current) return;
    focusDay.current = false;
    rootRef.current?.querySelector<HTMLElement>(`[data-iso="${active}"]`)?.focus();
  }, [active]);

  const go = (iso: string, focus: boolean) => {
    focusDay.current = focus;
    setActive(iso);
  };

  const start = weekStart(calendar, tr.lang);
  const [y, m] = ymdOf(active, calendar);
  const lead = (weekdayOf(isoOf(y, m, 1, calendar)) - start + 7) % 7;
  const cells: ({ iso: string; d: number } | null)[] = Array<null>(lead).fill(null);
  for (let d = 1, len = monthLength(y, m, calendar); d <= len; d++) cells.push({ iso: isoOf(y, m, d, calendar), d });
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const columns = Array.from({ length: 7 }, (_, i) => (start + i) % 7);

  const onGridKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault(); // also stops the keypress/keyup from clicking the field's button, which gets the focus
      onPick(active);
      return;
    }
    const fromStart = (weekdayOf(active) - start + 7) % 7;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(active, rtl ? 1 : -1),
      ArrowRight: () => addDays(active, rtl ? -1 : 1),
      ArrowUp: () => addDays(active, -7),
      ArrowDown: () => addDays(active, 7),
      PageUp: () => addMonths(active, e.shiftKey ? -12 : -1, calendar),
      PageDown: () => addMonths(active, e.shiftKey ? 12 : 1, calendar),
      Home: () => addDays(active, -fromStart),
      End: () => addDays(active, 6 - fromStart),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const next = move();
    if (next !== active) go(next, true);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the picker (a dialog) closes it.
    <div
      className="cal"
      ref={rootRef}
      dir={tr.dir}
      lang={tr.lang}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation(); // an Escape here closes the picker, not the popup around it
        onClose();
      }}
    >
      <div className="cal-head">
        <button
          type="button"
          className="cal-nav"
          aria-label={tr.t('monthPrev')}
          onClick={() => go(addMonths(active, -1, calendar), false)}
        >
          <span aria-hidden="true">{rtl ? '›' : '‹'}</span>
        </button>
        <span className="cal-title" id={titleId} aria-live="polite">
          {tr.month(m, calendar)} {tr.digits(y)}
        </span>
        <button
          type="button"
          className="cal-nav"
          aria-label={tr.t('monthNext')}
          onClick={() => go(addMonths(active, 1, calendar), false)}
        >
          <span aria-hidden="true">{rtl ? '‹' : '›'}</span>
        </button>
      </div>
      <table className="cal-grid" role="grid" aria-labelledby={titleId} onKeyDown={onGridKey}>
        <thead>
          <tr>
            {columns.map((wd) => (
              <th key={wd} scope="col">
                <span aria-hidden="true">{tr.weekday(wd, true)}</span>
                <span className="visually-hidden">{tr.weekday(wd)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find((c) => c !== null)!.iso}>
              {week.map((cell, i) =>
                cell === null ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: an empty cell is known by its column alone.
                  // biome-ignore lint/a11y/useFocusableInteractive: an empty cell holds no day to focus.
                  <td key={i} role="gridcell" />
                ) : (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the grid handles the keys (onGridKey) for every day.
                  <td
                    key={cell.iso}
                    role="gridcell"
                    data-iso={cell.iso}
                    tabIndex={cell.iso === active ? 0 : -1}
                    aria-selected={cell.iso === value}
                    aria-current={cell.iso === today ? 'date' : undefined}
                    aria-label={dateInWords(cell.iso, calendar, tr)}
                    onClick={() => onPick(cell.iso)}
                  >
                    {tr.digits(cell.d)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="cal-foot">
        <button type="button" className="cal-today" onClick={() => onPick(today)}>
          {tr.t('today')}
        </button>
      </div>
    </div>
  );
}

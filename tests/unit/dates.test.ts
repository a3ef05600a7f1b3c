import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatDate,
  formatDuration,
  isoToJalali,
  isValidIso,
  jalaliMonthLength,
  jalaliToIso,
  parseDateInput,
  parseDuration,
  toAsciiDigits,
  todayIso,
} from '../../utils/dates';
import { findDate, findTime } from '../../utils/date-find';

describe('digits', () => {
  it('converts Persian and Arabic-Indic digits and keeps the rest', () => {
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits('تاریخ ۱۴۰۴/۰۷/۱۵ at 9')).toBe('تاریخ 1404/07/15 at 9');
  });
});

describe('calendar conversion', () => {
  it('knows the Nowruz boundaries and leap years', () => {
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
    expect(jalaliMonthLength(1404, 1)).toBe(31);
    expect(jalaliToIso(1403, 12, 30)).toBe('2025-03-20');
    expect(jalaliToIso(1404, 1, 1)).toBe('2025-03-21');
    expect(jalaliToIso(1404, 7, 15)).toBe('2025-10-07');
    expect(isoToJalali('2025-10-07')).toEqual({ jy: 1404, jm: 7, jd: 15 });
  });

  it('throws RangeError on impossible dates', () => {
    expect(() => jalaliToIso(1404, 12, 30)).toThrow(RangeError);
    expect(() => jalaliToIso(1404, 13, 1)).toThrow(RangeError);
    expect(() => jalaliToIso(1404, 1, 0)).toThrow(RangeError);
    expect(() => isoToJalali('2025-02-29')).toThrow(RangeError);
  });

  it('validates ISO days', () => {
    expect(isValidIso('2024-02-29')).toBe(true);
    expect(isValidIso('2025-02-29')).toBe(false);
    expect(isValidIso('2000-02-29')).toBe(true);
    expect(isValidIso('1900-02-29')).toBe(false);
    expect(isValidIso('2025-13-01')).toBe(false);
    expect(isValidIso('2025-1-01')).toBe(false);
    expect(isValidIso('2025-10-07T00:00')).toBe(false);
  });

  it('agrees with Intl persian calendar on every day 2000..2040 and round-trips', () => {
    const intl = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'UTC' });
    let iso = '2000-01-01';
    let days = 0;
    while (iso <= '2040-12-31') {
      const parts = intl.formatToParts(new Date(`${iso}T12:00:00Z`));
      const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
      const j = isoToJalali(iso);
      if (
        j.jy !== get('year') ||
        j.jm !== get('month') ||
        j.jd !== get('day') ||
        jalaliToIso(j.jy, j.jm, j.jd) !== iso
      ) {
        expect({ iso, j }).toEqual({ iso, j: { jy: get('year'), jm: get('month'), jd: get('day') } });
      }
      iso = addDays(iso, 1);
      days++;
    }
    expect(days).toBe(14976); // 41 years, 11 of them leap
  });
});

describe('addDays and todayIso', () => {
  it('adds across month, year and leap boundaries', () => {
    expect(addDays('2025-03-20', 1)).toBe('2025-03-21');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-10-07', 0)).toBe('2025-10-07');
    expect(addDays('2025-10-07', 365)).toBe('2026-10-07');
  });

  it('reads the day in the given zone, not in UTC', () => {
    const now = new Date('2025-03-20T21:00:00Z'); // 00:30 on 1 Farvardin in Tehran
    expect(todayIso(now, 'Asia/Tehran')).toBe('2025-03-21');
    expect(todayIso(now, 'UTC')).toBe('2025-03-20');
    expect(todayIso(new Date('2025-03-20T20:29:00Z'), 'Asia/Tehran')).toBe('2025-03-20');
    // No zone given: the runtime's, read from the Date's local fields.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const t of ['2025-03-20T20:29:00Z', '2025-03-20T20:31:00Z', '2024-12-31T23:59:59Z', '2025-01-01T00:00:00Z'])
      expect(todayIso(new Date(t))).toBe(todayIso(new Date(t), zone));
    expect(isValidIso(todayIso())).toBe(true);
  });
});

describe('formatDate', () => {
  it('writes the three formats zero padded', () => {
    expect(formatDate('2025-10-07', 'jalali-dot')).toBe('1404.07.15');
    expect(formatDate('2025-10-07', 'jalali-slash')).toBe('1404/07/15');
    expect(formatDate('2025-10-07', 'gregorian')).toBe('2025/10/07');
    expect(formatDate('2025-03-21', 'jalali-dot')).toBe('1404.01.01');
  });
});

describe('findDate', () => {
  it.each([
    ['1402.08.20 AT 11:30 AM', { iso: '2023-11-11', calendar: 'jalali', separator: '.', start: 0, end: 10 }],
    ['1402.10.27 11 AM', { iso: '2024-01-17', calendar: 'jalali', separator: '.', start: 0, end: 10 }],
    [
      'They sent 1402.02.27 <br /> I sent 1402.03.03',
      { iso: '2023-05-17', calendar: 'jalali', separator: '.', start: 10, end: 20 },
    ],
    ['1404/07/15', { iso: '2025-10-07', calendar: 'jalali', separator: '/', start: 0, end: 10 }],
    ['2025/7/2', { iso: '2025-07-02', calendar: 'gregorian', separator: '/', start: 0, end: 8 }],
    ['2023-10-30', { iso: '2023-10-30', calendar: 'gregorian', separator: '-', start: 0, end: 10 }],
    ['۱۴۰۴/۰۷/۱۵', { iso: '2025-10-07', calendar: 'jalali', separator: '/', start: 0, end: 10 }],
    ['مصاحبه: ۱۴۰۴/۰۷/۱۵ ساعت ۱۰', { iso: '2025-10-07', calendar: 'jalali', separator: '/', start: 8, end: 18 }],
  ])('finds the date in %j', (text, expected) => {
    expect(findDate(text)).toEqual(expected);
  });

  it.each([
    'IDK',
    'Date not set',
    '1401.10.',
    '1402.03.00',
    '1404/02/32',
    '1404/12/30',
    '12345.06.07',
    '1402.08.205',
    'v1.2.3',
    '1.2.3',
    '0912.345.6789',
    '1402.08/20',
    '1700.01.01',
  ])('finds no date in %j', (text) => {
    expect(findDate(text)).toBeNull();
  });

  it('skips a date-shaped non-date and takes the next real one', () => {
    expect(findDate('1402.03.00 then 1402.03.05')).toMatchObject({ iso: '2023-05-26', start: 16, end: 26 });
  });
});

describe('findTime', () => {
  it.each([
    ['1402.08.20 AT 11:30 AM', '11:30 AM'],
    ['1402.09.01 At 1 PM', '1 PM'],
    ['1402.10.27 11 AM', '11 AM'],
    ['1402.10.27 12 PM', '12 PM'],
    ['2023-10-30 14:00', '14:00'],
    ['1402.10.27', null],
    ['IDK', null],
    ['1402.10.27 13 PM', null],
  ])('reads the time in %j', (text, time) => {
    expect(findTime(text)).toBe(time);
  });
});

describe('parseDateInput', () => {
  const today = '2025-10-07'; // 1404/07/15
  const parse = (input: string, calendar?: 'jalali' | 'gregorian') => parseDateInput(input, { today, calendar });

  it.each([
    ['1404.08.03', '2025-10-25', 'jalali'],
    ['1404/8/3', '2025-10-25', 'jalali'],
    ['  1404-08-03 ', '2025-10-25', 'jalali'],
    ['۱۴۰۴/۰۸/۰۳', '2025-10-25', 'jalali'],
    ['١٤٠٤.٠٨.٠٣', '2025-10-25', 'jalali'],
    ['2025-10-25', '2025-10-25', 'gregorian'],
    ['2025/1/5', '2025-01-05', 'gregorian'],
    ['1403/12/30', '2025-03-20', 'jalali'],
    ['2024-02-29', '2024-02-29', 'gregorian'],
  ])('reads %j', (input, iso, calendar) => {
    expect(parse(input)).toEqual({ ok: true, iso, calendar });
  });

  it('treats a year above 1900 as Gregorian whatever the preferred calendar', () => {
    expect(parse('2025/10/25', 'jalali')).toEqual({ ok: true, iso: '2025-10-25', calendar: 'gregorian' });
    expect(parse('1404/08/03', 'gregorian')).toEqual({ ok: true, iso: '2025-10-25', calendar: 'jalali' });
  });

  it('reads month.day in the current year of the calendar', () => {
    expect(parse('08.03')).toEqual({ ok: true, iso: '2025-10-25', calendar: 'jalali' });
    expect(parse('8/3', 'jalali')).toEqual({ ok: true, iso: '2025-10-25', calendar: 'jalali' });
    expect(parse('08/03', 'gregorian')).toEqual({ ok: true, iso: '2025-08-03', calendar: 'gregorian' });
    expect(parse('12/30')).toMatchObject({ ok: false, code: 'leap' }); // 1404 is not leap
  });

  it.each([
    ['today', '2025-10-07'],
    ['Yesterday', '2025-10-06'],
    ['TOMORROW', '2025-10-08'],
    ['امروز', '2025-10-07'],
    ['دیروز', '2025-10-06'],
    ['فردا', '2025-10-08'],
    ['پریروز', '2025-10-05'],
    ['3 days ago', '2025-10-04'],
    ['1 day ago', '2025-10-06'],
    ['10 روز پیش', '2025-09-27'],
    ['۳ روز پیش', '2025-10-04'],
  ])('reads the relative %j', (input, iso) => {
    expect(parse(input)).toEqual({ ok: true, iso, calendar: 'jalali' });
  });

  it.each([
    ['1404/13/40', 'month', 'Month 13 does not exist: months run from 1 to 12.', { month: 13 }],
    ['1404/0/10', 'month', 'Month 0 does not exist: months run from 1 to 12.', { month: 0 }],
    [
      '1404/12/30',
      'leap',
      '1404 is not a leap year: Esfand 1404 has 29 days.',
      { year: 1404, month: 12, day: 30, max: 29 },
    ],
    [
      '1403/02/32',
      'day',
      'Day 32 does not exist: Ordibehesht has 31 days.',
      { year: 1403, month: 2, day: 32, max: 31 },
    ],
    ['1404/07/31', 'day', 'Day 31 does not exist: Mehr has 30 days.', { year: 1404, month: 7, day: 31, max: 30 }],
    ['1404/01/00', 'day', 'Day 0 does not exist: days start at 1.', { day: 0 }],
    [
      '2023-02-29',
      'leap',
      '2023 is not a leap year: February 2023 has 28 days.',
      { year: 2023, month: 2, day: 29, max: 28 },
    ],
    ['2025/04/31', 'day', 'Day 31 does not exist: April has 30 days.', { year: 2025, month: 4, day: 31, max: 30 }],
    ['04/08/03', 'year', 'Year 4 is too short: write the full year, like 1404 or 2025.', { year: 4 }],
    [
      '1700/01/01',
      'year',
      'Year 1700 is out of range: use a Jalali year (1300-1500) or a Gregorian year (1901-2100).',
      { year: 1700 },
    ],
    ['hello', 'format', 'Not a date: write it like 1404.08.03 (year.month.day).', {}],
    ['', 'format', 'Not a date: write it like 1404.08.03 (year.month.day).', {}],
    ['1404/08.03', 'format', 'Not a date: write it like 1404.08.03 (year.month.day).', {}],
    ['1404.08.03 AT 11 AM', 'format', 'Not a date: write it like 1404.08.03 (year.month.day).', {}],
  ])('rejects %j', (input, code, error, params) => {
    expect(parse(input)).toEqual({ ok: false, code, error, params });
  });
});

describe('durations', () => {
  it.each([
    ['1 hour', 60],
    ['2 hours', 120],
    ['30 minutes', 30],
    ['1 hour & 30 minutes', 90],
    ['1 hour and 30 minutes', 90],
    ['1 Hour and 30 minutes', 90],
    ['About 40 minutes', 40],
    ['30  minutes', 30],
    ['45 minutes!', 45],
    ['1.5 hours', 90],
    ['90 min', 90],
    ['1h 30m', 90],
    ['half an hour', 30],
    ['یک ساعت', 60],
    ['۳۰ دقیقه', 30],
    ['1 ساعت و 30 دقیقه', 90],
    ['نیم ساعت', 30],
    ['یک ساعت و نیم', 90],
    ['7 days', 7 * 1440],
    ['1 week (I think)', 10080],
    ['Duration not specified', null],
    ['IDK', null],
    ['', null],
    ['2 months', null],
  ])('parses %j', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each([
    [0, 'Duration not specified'],
    [1, '1 minute'],
    [30, '30 minutes'],
    [60, '1 hour'],
    [61, '1 hour & 1 minute'],
    [70, '1 hour & 10 minutes'],
    [90, '1 hour & 30 minutes'],
    [120, '2 hours'],
    [150, '2 hours & 30 minutes'],
  ])('formats %i minutes', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('round-trips its own output', () => {
    for (const m of [1, 45, 60, 61, 125, 600]) expect(parseDuration(formatDuration(m))).toBe(m);
  });
});

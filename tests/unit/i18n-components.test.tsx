// @vitest-environment jsdom
/** The shared components in English and Persian, and the dictionaries they read. */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { PostingView } from '../../components/PostingView';
import { ScoreBadge, StageLine, StatusEmojis } from '../../components/summary';
import { DEFAULT_SETTINGS, readSettings } from '../../utils/i18n';
import * as dashboardEn from '../../utils/i18n/dashboard-en';
import * as dashboardFa from '../../utils/i18n/dashboard-fa';
import * as en from '../../utils/i18n/en';
import * as fa from '../../utils/i18n/fa';
import * as enPanels from '../../utils/i18n/en-panels';
import * as faPanels from '../../utils/i18n/fa-panels';
import { createRecord, newStage, type DateFormat, type Posting } from '../../utils/record';
import { InLocale, jsdomRoot, TR } from './locale-helpers';

const dom = jsdomRoot();

function render(lang: 'en' | 'fa', dateFormat: DateFormat, node: (tr: (typeof TR)['en']) => React.ReactNode) {
  act(() =>
    dom.root.render(
      <InLocale lang={lang} dateFormat={dateFormat}>
        {node(TR[lang])}
      </InLocale>,
    ),
  );
}

const byTestId = (id: string) => dom.container.querySelector(`[data-testid="${id}"]`)!;

const record = () =>
  createRecord({
    company: { name: 'Snapp', website: '' },
    stages: [
      newStage('s1', 'resume', 'Sent Resume', { date: '2023-11-01' }),
      newStage('s2', 'rejection', 'Rejected', { date: '2023-11-11' }),
    ],
    outcome: { kind: 'rejected', afterStageId: 's2', remaining: null },
    score: 7.5,
  });

describe('summary pieces', () => {
  it.each([
    ['en', 'jalali-dot', 'Rejected · 1402.08.20', '7.5/10', 'Score 7.5 out of 10', 'Status: Rejected'],
    ['en', 'gregorian', 'Rejected · 2023/11/11', '7.5/10', 'Score 7.5 out of 10', 'Status: Rejected'],
    ['fa', 'jalali-slash', 'Rejected · 1402/08/20', '۷.۵/۱۰', 'امتیاز ۷.۵ از ۱۰', 'وضعیت: رد شدم'],
    ['fa', 'gregorian', 'Rejected · 2023/11/11', '۷.۵/۱۰', 'امتیاز ۷.۵ از ۱۰', 'وضعیت: رد شدم'],
  ] as const)(
    '%s, %s: the last stage in the date format, the score in the language',
    (lang, fmt, stage, score, scoreLabel, status) => {
      const r = record();
      render(lang, fmt, (tr) => (
        <>
          <StageLine record={r} tr={tr} />
          <ScoreBadge score={r.score} tr={tr} />
          <StatusEmojis record={r} tr={tr} />
        </>
      ));
      expect(byTestId('last-stage').textContent).toBe(stage);
      expect(byTestId('last-stage').querySelector('time')!.getAttribute('datetime')).toBe('2023-11-11');
      expect(byTestId('score').textContent).toBe(score);
      expect(byTestId('score').getAttribute('title')).toBe(scoreLabel);
      expect(byTestId('status').getAttribute('aria-label')).toBe(status);
    },
  );

  it('no stages: says so in the language; no score: nothing', () => {
    const r = createRecord({ company: { name: 'X', website: '' } });
    for (const [lang, words] of [
      ['en', 'No stages yet'],
      ['fa', 'هنوز مرحله‌ای نیست'],
    ] as const) {
      render(lang, 'jalali-dot', (tr) => (
        <>
          <StageLine record={r} tr={tr} />
          <ScoreBadge score={null} tr={tr} />
        </>
      ));
      expect(dom.container.textContent).toBe(words);
    }
  });
});

describe('PostingView', () => {
  const posting: Posting = {
    board: 'jobinja',
    url: 'https://jobinja.ir/companies/snapp/jobs/abc',
    jobId: 'abc',
    title: 'Backend Developer',
    company: { name: 'اسنپ', nameEn: 'Snapp', website: 'https://snapp.ir' },
    location: 'تهران',
    employmentType: 'تمام‌وقت',
    seniority: null,
    salary: null,
    skills: ['Go', 'Kafka'],
    description: '**Go**',
    postedAt: '2025-10-25',
    clippedAt: '2025-10-26T08:00:00.000Z',
    sources: { title: 'json-ld', skills: 'dom', description: 'readability' },
    notes: [],
  };
  const labels = () => [...dom.container.querySelectorAll('dt')].map((dt) => dt.textContent);
  const value = (label: string) =>
    [...dom.container.querySelectorAll('dt')].find((dt) => dt.textContent === label)!.nextElementSibling!.textContent;

  it('English, Jalali: English labels and sources, dates in the user’s format', () => {
    render('en', 'jalali-dot', (tr) => <PostingView posting={posting} tr={tr} />);
    expect(labels()).toEqual([
      'Title',
      'Company',
      'Board',
      'Website',
      'Location',
      'Type',
      'Skills',
      'Posted',
      'Clipped',
    ]);
    expect(value('Skills')).toBe('Go, Kafka page');
    expect(value('Posted')).toBe('1404.08.03 ');
    expect(value('Clipped')).toBe('1404.08.04 ');
    expect(byTestId('posting-title').querySelector('.source-badge')!.getAttribute('title')).toBe('From JSON-LD');
    expect(dom.container.querySelector('.posting-description .muted')!.textContent).toBe('Description Readability');
  });

  it('Persian, Gregorian: Persian labels, sources and list separator', () => {
    render('fa', 'gregorian', (tr) => <PostingView posting={posting} tr={tr} />);
    expect(labels()).toEqual([
      'عنوان',
      'شرکت',
      'سایت آگهی',
      'وب‌سایت',
      'محل کار',
      'نوع همکاری',
      'مهارت‌ها',
      'تاریخ انتشار',
      'تاریخ ذخیره',
    ]);
    expect(value('مهارت‌ها')).toBe('Go، Kafka صفحه');
    expect(value('تاریخ انتشار')).toBe('2025/10/25 ');
    expect(dom.container.querySelector('.source-badge')!.getAttribute('title')).toBe('از JSON-LD');
  });
});

describe('dictionaries', () => {
  it('English and Persian have the same keys, 12 months per calendar and 7 weekdays', () => {
    for (const [a, b] of [
      [en.messages, fa.messages],
      [enPanels.messages, faPanels.messages],
      [dashboardEn.messages, dashboardFa.messages],
      [en.stages, fa.stages],
      [en.outcomes, fa.outcomes],
      [en.dateFormats, fa.dateFormats],
    ]) {
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      for (const [k, v] of Object.entries(b)) expect(v, k).not.toBe('');
    }
    for (const d of [en, fa]) {
      expect(d.months.jalali).toHaveLength(12);
      expect(d.months.gregorian).toHaveLength(12);
      expect(d.weekdays).toHaveLength(7);
      expect(d.weekdaysShort).toHaveLength(7);
    }
  });

  it('the same placeholders in both languages', () => {
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [a, b] of [
      [en.messages, fa.messages],
      [enPanels.messages, faPanels.messages],
      [dashboardEn.messages, dashboardFa.messages],
    ] as const)
      for (const k of Object.keys(a))
        expect(slots((b as Record<string, string>)[k]), k).toEqual(slots((a as Record<string, string>)[k]));
  });

  it('dashboard translator: counts in the language’s digits', () => {
    expect(TR.en.t('appsMany', { n: 12 })).toBe('12 applications');
    expect(TR.fa.t('appsMany', { n: 12 })).toBe('۱۲ درخواست');
    expect(TR.fa.t('deleteQuestion')).toBe('{name} حذف شود؟'); // filled by the caller with a <bdi>
  });
});

describe('readSettings', () => {
  it('completes a partial or unknown value with the defaults', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ lang: 'fa' })).toEqual({ lang: 'fa', dateFormat: 'jalali-dot' });
    expect(readSettings({ lang: 'de', dateFormat: 'gregorian' })).toEqual({ lang: 'auto', dateFormat: 'gregorian' });
    expect(readSettings({ lang: 'en', dateFormat: 'julian' })).toEqual({ lang: 'en', dateFormat: 'jalali-dot' });
  });
});

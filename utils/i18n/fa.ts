/**
 * The Persian words of the popup and the components it shares with the dashboard (loaded only when that
 * language is in use).
 */
import type { Calendar } from '../dates';
import type { DateFormat, OutcomeKind, StageKind } from '../record';
import type { CoreKey } from './en';

export const messages: Record<CoreKey, string> = {
  appName: 'جاب‌نوت',
  openDashboard: 'داشبورد',
  settings: 'تنظیمات',
  newApplication: 'درخواست تازه',
  switchTo: 'رفتن به درخواست دیگر',
  switchPlaceholder: 'نام شرکت را بنویسید…',
  noMatches: 'درخواستی با این نام نیست',
  noApplications: 'هنوز درخواستی نیست. آگهی‌ای را ذخیره کنید یا با «درخواست تازه» شروع کنید.',
  loading: 'در حال بارگذاری…',
  tabSteps: 'مراحل',
  tabQuestions: 'سؤال‌ها',
  tabOutcome: 'نتیجه',
  tabDetails: 'مشخصات',
  tabExport: 'خروجی',
  logStep: 'ثبت مرحله',
  stepKind: 'مرحله',
  date: 'تاریخ',
  duration: 'مدت',
  platform: 'بستر',
  addStep: 'ثبت',
  editStep: 'ویرایش {label}',
  removeStep: 'حذف {label}',
  noSteps: 'هنوز مرحله‌ای ثبت نشده. مرحله را انتخاب کنید (یا کلیدش را بزنید) و تاریخش را.',
  keyHint: 'کلید: {key}',
  minutes30: '۳۰ دقیقه',
  hour1: '۱ ساعت',
  hour15: '۱٫۵ ساعت',
  questions: 'سؤال‌ها',
  outcome: 'نتیجه',
  saveFailed: 'ذخیره نشد: {error}. متن شما همین‌جا مانده و با تغییر بعدی دوباره ذخیره می‌شود.',
  restoreFailed:
    'آخرین تغییرات شما برنگشت: {error}. نگه داشته شده‌اند و دفعهٔ بعد که پنجره باز شود دوباره امتحان می‌شوند.',
  saving: 'در حال ذخیره…',
  saved: 'ذخیره شد',
  today: 'امروز',
  dateChoose: 'انتخاب تاریخ',
  dateRequired: 'تاریخ را وارد کنید.',
  dateLike: 'مثل {date}، امروز یا ۳ روز پیش',
  dateErrFormat: 'این تاریخ نیست: آن را مثل ۱۴۰۴.۰۸.۰۳ (سال.ماه.روز) بنویسید.',
  dateErrYearShort: 'سال {year} کامل نیست: سال را کامل بنویسید، مثل ۱۴۰۴ یا ۲۰۲۵.',
  dateErrYearRange: 'سال {year} خارج از محدوده است: سال شمسی (۱۳۰۰ تا ۱۵۰۰) یا میلادی (۱۹۰۱ تا ۲۱۰۰) بنویسید.',
  dateErrMonth: 'ماه {month} وجود ندارد: ماه‌ها از ۱ تا ۱۲ هستند.',
  dateErrLeap: '{year} کبیسه نیست: {monthName} {max} روز دارد.',
  dateErrDayStart: 'روز {day} وجود ندارد: روزها از ۱ شروع می‌شوند.',
  dateErrDay: 'روز {day} وجود ندارد: {monthName} {max} روز دارد.',
  storageFull:
    'فضای ذخیره‌سازی پر است: آخرین تغییرهای شما هنوز در پایگاه داده نیست. روی همین دستگاه نگه داشته شده‌اند و اینجا دیده می‌شوند، و به محض باز شدن جا ذخیره می‌شوند: کمی از فضای دیسک را آزاد کنید و دوباره باز کنید.',
};

export const stages: Record<StageKind, string> = {
  resume: 'ارسال رزومه',
  'hr-call': 'تماس HR',
  screening: 'غربالگری',
  technical: 'مصاحبه فنی',
  task: 'تسک',
  'task-review': 'بررسی تسک / کد',
  'hr-interview': 'مصاحبه HR',
  onsite: 'حضوری',
  offer: 'پیشنهاد (آفر)',
  rejection: 'رد شدن',
  declined: 'انصراف من',
  response: 'پاسخ',
  other: 'دیگر',
};

export const outcomes: Record<OutcomeKind, string> = {
  pending: 'در جریان',
  rejected: 'رد شدم',
  offer: 'آفر گرفتم',
  accepted: 'پذیرفتم',
  declined: 'انصراف دادم',
  ghosted: 'بی‌پاسخ ماند',
};

export const dateFormats: Record<DateFormat, string> = {
  'jalali-dot': 'شمسی 1404.08.03',
  'jalali-slash': 'شمسی 1404/08/03',
  gregorian: 'میلادی 2025/10/25',
};

export const months: Record<Calendar, readonly string[]> = {
  jalali: ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'],
  gregorian: ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'],
};

export const weekdays = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'];
export const weekdaysShort = ['ی', 'د', 'س', 'چ', 'پ', 'ج', 'ش'];

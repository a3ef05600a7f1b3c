/**
 * The English words of the popup and the components it shares with the dashboard (loaded only when that
 * language is in use).
 */
import type { Calendar } from '../dates';
import { GREGORIAN_MONTHS, JALALI_MONTHS } from '../dates';
import type { DateFormat, OutcomeKind, StageKind } from '../record';

export const messages = {
  clipPosting: 'Clip this posting',
  clipPage: 'Clip this page',
  clipUpdate: 'Update from page',
  clipping: 'Clipping…',
  clipBefore: 'Clipped from this page',
  clipBoard: 'A {board} posting.',
  clipAny: 'Any page with a job posting can be clipped.',
  clipFailed: 'Not clipped.',
  clipNotes: 'Clipped, with notes:',
  appName: 'Jobnote',
  openDashboard: 'Dashboard',
  settings: 'Settings',
  language: 'Language',
  languageAuto: 'Browser language',
  calendar: 'Dates',
  close: 'Close',
  newApplication: 'New application',
  company: 'Company',
  role: 'Role',
  create: 'Create',
  cancel: 'Cancel',
  switchTo: 'Switch application',
  switchPlaceholder: 'Type a company…',
  noMatches: 'No application matches',
  noApplications: 'No applications yet. Clip a posting, or start one with “New application”.',
  loading: 'Loading…',
  tabSteps: 'Steps',
  tabQuestions: 'Questions',
  tabOutcome: 'Outcome',
  tabExport: 'Export',
  logStep: 'Log a step',
  stepKind: 'Step',
  date: 'Date',
  duration: 'Duration',
  platform: 'Platform',
  label: 'Label',
  add: 'Add',
  addStep: 'Log step',
  edit: 'Edit',
  remove: 'Remove',
  removeStep: 'Remove {label}',
  noSteps: 'No steps yet. Pick a step (or press its key) and its date.',
  keyHint: 'Key: {key}',
  minutes30: '30 min',
  hour1: '1 hour',
  hour15: '1.5 hours',
  round: 'Section',
  newRound: 'New section',
  questions: 'Questions',
  noQuestions: 'No questions in this section yet.',
  answers: 'Answer',
  pasteLabel: 'Paste questions (one a line, numbered or bulleted; answers indented or after “A:”)',
  pasteHint: 'Rich text from Docs, Notion, Telegram or a chat keeps its formatting.',
  splitPreview: '{n} questions, {a} with answers',
  splitDuplicates: '{n} already in this section',
  addQuestions: 'Add {n} questions',
  clearPaste: 'Clear',
  include: 'Include',
  outcome: 'Outcome',
  afterStep: 'After which step',
  score: 'Score',
  noScore: 'No score',
  review: 'Review',
  reviewHint: 'How it went, in your words (Persian and English are both fine).',
  exportTitle: 'jobname entry',
  copyMarkdown: 'Copy markdown',
  copied: 'Copied',
  download: 'Download .md',
  fileHint: 'Add it to the repository as {path}, and this line to src/SUMMARY.md:',
  copyLine: 'Copy line',
  answerStyle: 'Answers',
  answerPlain: 'Plain (as entries use)',
  answerBoxed: 'Boxed (the generator’s)',
  saveFailed: 'Not saved: {error}. Your text is kept here; it is saved again with your next change.',
  restoreFailed:
    'Your last edits could not be put back: {error}. They are kept and tried again the next time the popup opens.',
  saving: 'Saving…',
  saved: 'Saved',
  dateInvalid: 'Not a date',
  today: 'Today',
  // The date field and its month picker (components/DateField.tsx, CalendarPicker.tsx).
  dateChoose: 'Choose a date',
  dateRequired: 'Enter a date.',
  dateLike: 'Like {date}, today or 3 days ago',
  monthPrev: 'Previous month',
  monthNext: 'Next month',
  // parseDateInput's errors, by code (utils/dates.ts writes the same English for the CLI).
  dateErrFormat: 'Not a date: write it like 1404.08.03 (year.month.day).',
  dateErrYearShort: 'Year {year} is too short: write the full year, like 1404 or 2025.',
  dateErrYearRange: 'Year {year} is out of range: use a Jalali year (1300-1500) or a Gregorian year (1901-2100).',
  dateErrMonth: 'Month {month} does not exist: months run from 1 to 12.',
  dateErrLeap: '{year} is not a leap year: {monthName} has {max} days.',
  dateErrDayStart: 'Day {day} does not exist: days start at 1.',
  dateErrDay: 'Day {day} does not exist: {monthName} has {max} days.',
  upgradeBlocked: 'Another Jobnote page is open with an older version: close it, or reload it.',
};

export type MessageKey = keyof typeof messages;

export const stages: Record<StageKind, string> = {
  resume: 'Sent resume',
  'hr-call': 'HR call',
  screening: 'Screening',
  technical: 'Technical interview',
  task: 'Task',
  'task-review': 'Task / code review',
  'hr-interview': 'HR interview',
  onsite: 'On-site',
  offer: 'Offer',
  rejection: 'Rejection',
  declined: 'I declined',
  response: 'Response',
  other: 'Other',
};

export const outcomes: Record<OutcomeKind, string> = {
  pending: 'In progress',
  rejected: 'Rejected',
  offer: 'Offer received',
  accepted: 'Accepted',
  declined: 'I declined',
  ghosted: 'No answer (ghosted)',
};

export const dateFormats: Record<DateFormat, string> = {
  'jalali-dot': 'Jalali 1404.08.03',
  'jalali-slash': 'Jalali 1404/08/03',
  gregorian: 'Gregorian 2025/10/25',
};

export const months: Record<Calendar, readonly string[]> = { jalali: JALALI_MONTHS, gregorian: GREGORIAN_MONTHS };

export const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const weekdaysShort = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

/**
 * The English words of the popup and the components it shares with the dashboard (loaded only when that
 * language is in use).
 */
import type { Calendar } from '../dates';
import { GREGORIAN_MONTHS, JALALI_MONTHS } from '../dates';
import type { DateFormat, OutcomeKind, StageKind } from '../record';

export const messages = {
  appName: 'Jobnote',
  openDashboard: 'Dashboard',
  settings: 'Settings',
  newApplication: 'New application',
  switchTo: 'Switch application',
  switchPlaceholder: 'Type a company…',
  noMatches: 'No application matches',
  noApplications: 'No applications yet. Clip a posting, or start one with “New application”.',
  loading: 'Loading…',
  tabSteps: 'Steps',
  tabQuestions: 'Questions',
  tabOutcome: 'Outcome',
  tabDetails: 'Details',
  tabExport: 'Export',
  logStep: 'Log a step',
  stepKind: 'Step',
  date: 'Date',
  duration: 'Duration',
  platform: 'Platform',
  addStep: 'Log step',
  editStep: 'Edit {label}',
  removeStep: 'Remove {label}',
  noSteps: 'No steps yet. Pick a step (or press its key) and its date.',
  keyHint: 'Key: {key}',
  minutes30: '30 min',
  hour1: '1 hour',
  hour15: '1.5 hours',
  questions: 'Questions',
  outcome: 'Outcome',
  saveFailed: 'Not saved: {error}. Your text is kept here; it is saved again with your next change.',
  restoreFailed:
    'Your last edits could not be put back: {error}. They are kept and tried again the next time the popup opens.',
  saving: 'Saving…',
  saved: 'Saved',
  today: 'Today',
  // The date field (components/DateField.tsx; its month picker's words are the panels').
  dateChoose: 'Choose a date',
  dateRequired: 'Enter a date.',
  dateLike: 'Like {date}, today or 3 days ago',
  // parseDateInput's errors, by code (utils/dates.ts writes the same English for the CLI).
  dateErrFormat: 'Not a date: write it like 1404.08.03 (year.month.day).',
  dateErrYearShort: 'Year {year} is too short: write the full year, like 1404 or 2025.',
  dateErrYearRange: 'Year {year} is out of range: use a Jalali year (1300-1500) or a Gregorian year (1901-2100).',
  dateErrMonth: 'Month {month} does not exist: months run from 1 to 12.',
  dateErrLeap: '{year} is not a leap year: {monthName} has {max} days.',
  dateErrDayStart: 'Day {day} does not exist: days start at 1.',
  dateErrDay: 'Day {day} does not exist: {monthName} has {max} days.',
  storageFull:
    'Storage is full: your last changes are not in the database yet. They are kept on this device and shown here, and saved as soon as there is room: free some disk space, then reopen.',
};

/** The keys of the first view's words (the panels' are in en-panels.ts). */
export type CoreKey = keyof typeof messages;

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

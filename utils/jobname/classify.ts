/** Reading a stage's kind off the words an entry uses (only the importer needs this). */
import { persianKey } from '../persian';
import type { StageKind } from '../record';

/**
 * Recognises a stage from a label as written in real entries: "Sent Resume", "HR Call (Skype voice chat)",
 * "1st Technical Interview", "Task Review & Live code", "Rejection Letter", "Offer Email", Persian labels too
 * (however they were typed: «تسك» with an Arabic kaf is «تسک»).
 * Order matters: the more specific patterns come first.
 */
export function classifyStage(label: string): StageKind {
  const l = persianKey(label);
  if (/resume|\bcv\b|رزومه/.test(l)) return 'resume';
  if (/declin|i rejected|انصراف|رد کردم/.test(l)) return 'declined';
  if (/reject|ghost|ریجکت|رد شد/.test(l)) return 'rejection';
  if (/\boffer|آفر|پیشنهاد/.test(l)) return 'offer';
  if (/response/.test(l)) return 'response';
  if (/hr ?& ?technical|technical ?& ?hr/.test(l)) return 'technical';
  if (/(task|code) ?(review|interview)|بررسی تسک|کد ?ریویو/.test(l)) return 'task-review';
  if (/task|assignment|challenge|تسک|تمرین/.test(l)) return 'task';
  if (/screening|غربال/.test(l)) return 'screening';
  if (/technical|tech\b|live ?cod|system design|فنی/.test(l)) return 'technical';
  if (/hr ?interview|مصاحبه.*(منابع انسانی|اچ ?آر)/.test(l)) return 'hr-interview';
  if (/\b(hr )?call\b|phone|تماس|تلفن/.test(l)) return 'hr-call';
  if (/on-?site|حضوری/.test(l)) return 'onsite';
  if (/interview|مصاحبه/.test(l)) return 'technical';
  return 'other';
}

/** linkedin (FACTS.md §3): adapter stub, filled in by the board work. */
import { jsonLdFinding } from '../jsonld';
import type { BoardAdapter, Finding } from '../types';

export const linkedin: BoardAdapter = {
  board: 'linkedin',
  read(ctx): Finding[] {
    const ld = jsonLdFinding(ctx);
    return ld ? [ld] : [];
  },
};

/** Stub until the LinkedIn adapter lands: whether a job pane is shown but its description is not yet. */
export function linkedinDescriptionMissing(doc: Document): boolean {
  const pane = doc.querySelector('.jobs-search__job-details, .job-view-layout, .jobs-details');
  if (!pane) return false;
  const d = doc.querySelector('#job-details, .jobs-description__content, .show-more-less-html__markup');
  return !d || !(d.textContent ?? '').trim();
}

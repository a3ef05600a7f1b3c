/** jobvision (FACTS.md §3): adapter stub, filled in by the board work. */
import { jsonLdFinding } from '../jsonld';
import type { BoardAdapter, Finding } from '../types';

export const jobvision: BoardAdapter = {
  board: 'jobvision',
  read(ctx): Finding[] {
    const ld = jsonLdFinding(ctx);
    return ld ? [ld] : [];
  },
};

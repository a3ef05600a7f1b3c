/** quera (FACTS.md §3): adapter stub, filled in by the board work. */
import { jsonLdFinding } from '../jsonld';
import type { BoardAdapter, Finding } from '../types';

export const quera: BoardAdapter = {
  board: 'quera',
  read(ctx): Finding[] {
    const ld = jsonLdFinding(ctx);
    return ld ? [ld] : [];
  },
};

/**
 * What a board adapter reads off a page: a partial posting whose every field says where it came from.
 * The extractor merges adapters' results in order of trust (JSON-LD, embedded state, DOM, Readability).
 */
import type { BoardId } from '../boards';
import type { FieldSource } from '../record';

/** The fields of the CLI's `scrape` output and of `Posting` that adapters fill. */
export interface PostingFields {
  title: string | null;
  companyName: string | null;
  companyNameEn: string | null;
  website: string | null;
  location: string | null;
  employmentType: string | null;
  seniority: string | null;
  /** As shown, ASCII digits ("از 30 تا 40 میلیون تومان", "30,000,000 - 40,000,000 Toman / month"). */
  salary: string | null;
  skills: string[] | null;
  /** Markdown. */
  description: string | null;
  /** YYYY-MM-DD */
  postedAt: string | null;
  jobId: string | null;
}

export type FieldName = keyof PostingFields;

/** A source's findings: some fields, all from one kind of source. */
export interface Finding {
  source: FieldSource;
  fields: Partial<PostingFields>;
  /** Remarks for the record (stale state skipped, description truncated…). */
  notes?: string[];
  /**
   * The page is not the posting (an error, sign-in or security-check page, or a pane still showing another
   * job): nothing else is read off it, neither Readability nor the page title.
   */
  blocked?: boolean;
}

/** Everything an adapter needs: the page (never executed), its URL, and limits. */
export interface PageContext {
  doc: Document;
  url: URL;
  /** The board's job id from the URL, when it has one (to spot stale embedded state). */
  jobId: string | null;
  /** Longest description kept, in characters of markdown. */
  maxDescription: number;
}

/**
 * A board adapter: reads its board's page and returns findings in order of trust (JSON-LD, embedded state,
 * DOM). Which URLs belong to which board, and their job ids, are in the board registry (utils/boards.ts).
 * Descriptions are markdown (see `describe` in markdown.ts).
 */
export interface BoardAdapter<Id extends BoardId = BoardId> {
  board: Id;
  read(ctx: PageContext): Finding[];
}

/**
 * A clipped posting, field by field, each with where it came from (JSON-LD, page state, page structure,
 * Readability). Everything from the page is shown as text: the description is markdown shown as written,
 * never parsed as HTML; links are kept only when they are http(s).
 */
import { boardName } from '@/utils/boards';
import type { FieldSource, Posting } from '@/utils/record';

const SOURCE_LABELS: Record<FieldSource, string> = {
  'json-ld': 'JSON-LD',
  state: 'page state',
  dom: 'page',
  readability: 'Readability',
};

function SafeLink({ href, children }: { href: string; children: React.ReactNode }) {
  if (!/^https?:\/\//i.test(href)) return <span dir="ltr">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" dir="ltr">
      {children}
    </a>
  );
}

function Source({ of }: { of: FieldSource | undefined }) {
  if (!of) return null;
  return (
    <span className="source-badge" title={`From ${SOURCE_LABELS[of]}`}>
      {SOURCE_LABELS[of]}
    </span>
  );
}

function Row({
  label,
  value,
  source,
  testId,
}: {
  label: string;
  value: React.ReactNode;
  source?: FieldSource;
  testId?: string;
}) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        <bdi>{value}</bdi> <Source of={source} />
      </dd>
    </>
  );
}

export function PostingView({ posting }: { posting: Posting }) {
  const s = posting.sources;
  const company = [posting.company.name, posting.company.nameEn].filter(Boolean).join(' · ');
  return (
    <div className="posting" data-testid="posting">
      <dl className="posting-fields">
        <Row label="Title" value={posting.title} source={s.title} testId="posting-title" />
        <Row label="Company" value={company} source={s.companyName} testId="posting-company" />
        <Row
          label="Board"
          value={<SafeLink href={posting.url}>{boardName(posting.board)}</SafeLink>}
          testId="posting-board"
        />
        <Row
          label="Website"
          value={
            posting.company.website ? (
              <SafeLink href={posting.company.website}>{posting.company.website}</SafeLink>
            ) : null
          }
          source={s.website}
        />
        <Row label="Location" value={posting.location} source={s.location} />
        <Row label="Type" value={posting.employmentType} source={s.employmentType} />
        <Row label="Seniority" value={posting.seniority} source={s.seniority} />
        <Row label="Salary" value={posting.salary} source={s.salary} testId="posting-salary" />
        <Row label="Skills" value={posting.skills.length ? posting.skills.join('، ') : null} source={s.skills} />
        <Row label="Posted" value={posting.postedAt} source={s.postedAt} />
        <Row label="Clipped" value={posting.clippedAt.slice(0, 10)} />
      </dl>
      {posting.description ? (
        <div className="posting-description">
          <div className="muted">
            Description <Source of={s.description} />
          </div>
          <div className="markdown-text" dir="auto" data-testid="posting-description">
            {posting.description}
          </div>
        </div>
      ) : null}
      {posting.notes.length ? (
        <ul className="muted posting-notes">
          {posting.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A clipped posting, field by field, each with where it came from (JSON-LD, page state, page structure,
 * Readability). Everything from the page is shown as text: the description is markdown shown as written,
 * never parsed as HTML; links are kept only when they are http(s).
 */
import { boardName } from '@/utils/boards';
import type { DashboardKey, DashboardTranslator } from '@/utils/i18n';
import type { FieldSource, Posting } from '@/utils/record';
import { ShownDate } from './summary';

const SOURCE_LABELS: Record<FieldSource, DashboardKey> = {
  'json-ld': 'sourceJsonLd',
  state: 'sourceState',
  dom: 'sourceDom',
  readability: 'sourceReadability',
};

function SafeLink({ href, children }: { href: string; children: React.ReactNode }) {
  if (!/^https?:\/\//i.test(href)) return <span dir="ltr">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" dir="ltr">
      {children}
    </a>
  );
}

function Source({ of, tr }: { of: FieldSource | undefined; tr: DashboardTranslator }) {
  if (!of) return null;
  const source = tr.t(SOURCE_LABELS[of]);
  return (
    <span className="source-badge" title={tr.t('sourceFrom', { source })}>
      {source}
    </span>
  );
}

function Row({
  label,
  value,
  source,
  testId,
  tr,
}: {
  label: string;
  value: React.ReactNode;
  source?: FieldSource;
  testId?: string;
  tr: DashboardTranslator;
}) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        <bdi>{value}</bdi> <Source of={source} tr={tr} />
      </dd>
    </>
  );
}

export function PostingView({ posting, tr }: { posting: Posting; tr: DashboardTranslator }) {
  const s = posting.sources;
  const company = [posting.company.name, posting.company.nameEn].filter(Boolean).join(' · ');
  return (
    <div className="posting" data-testid="posting">
      <dl className="posting-fields">
        <Row tr={tr} label={tr.t('postingTitle')} value={posting.title} source={s.title} testId="posting-title" />
        <Row tr={tr} label={tr.t('company')} value={company} source={s.companyName} testId="posting-company" />
        <Row
          tr={tr}
          label={tr.t('postingBoard')}
          value={<SafeLink href={posting.url}>{boardName(posting.board)}</SafeLink>}
          testId="posting-board"
        />
        <Row
          tr={tr}
          label={tr.t('postingWebsite')}
          value={
            posting.company.website ? (
              <SafeLink href={posting.company.website}>{posting.company.website}</SafeLink>
            ) : null
          }
          source={s.website}
        />
        <Row tr={tr} label={tr.t('postingLocation')} value={posting.location} source={s.location} />
        <Row tr={tr} label={tr.t('postingType')} value={posting.employmentType} source={s.employmentType} />
        <Row tr={tr} label={tr.t('postingSeniority')} value={posting.seniority} source={s.seniority} />
        <Row tr={tr} label={tr.t('postingSalary')} value={posting.salary} source={s.salary} testId="posting-salary" />
        <Row
          tr={tr}
          label={tr.t('postingSkills')}
          value={posting.skills.length ? posting.skills.join(tr.t('listSeparator')) : null}
          source={s.skills}
        />
        <Row
          tr={tr}
          label={tr.t('postingPosted')}
          value={posting.postedAt ? <ShownDate iso={posting.postedAt} /> : null}
          source={s.postedAt}
        />
        <Row tr={tr} label={tr.t('postingClipped')} value={<ShownDate iso={posting.clippedAt.slice(0, 10)} />} />
      </dl>
      {posting.description ? (
        <div className="posting-description">
          <div className="muted">
            {tr.t('postingDescription')} <Source of={s.description} tr={tr} />
          </div>
          <div className="markdown-text" dir="auto" data-testid="posting-description">
            {posting.description}
          </div>
        </div>
      ) : null}
      {posting.notes.length ? (
        <ul className="muted posting-notes">
          {posting.notes.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the extractor's notes, never reordered; they may repeat.
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The values of this record that were changed in two places at once (utils/conflicts.ts): the one the record
 * holds now and the one set aside, both in full, until the user keeps one. Shown by the popup (and any page
 * editing the record); loaded only when there are some.
 */
import type { StoredConflict } from '@/utils/conflicts';
import { dropConflict } from '@/utils/conflicts-edit';
import type { MessageKey } from '@/utils/i18n';
import { setAt, type Path } from '@/utils/merge';
import type { ApplicationRecord } from '@/utils/record';
import { useLocale } from './locale';

/** The words for a record's top-level field, where the popup already has them. */
const FIELD_WORDS: Partial<Record<string, MessageKey>> = {
  company: 'company',
  role: 'role',
  platform: 'platform',
  stages: 'tabSteps',
  outcome: 'outcome',
  rounds: 'questions',
  score: 'score',
  review: 'review',
};

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** «Review», «Questions › Tell me about yourself › text»: the field, and the item of a list by its own words. */
function describe(record: ApplicationRecord, path: Path, t: (k: MessageKey) => string): string {
  const parts: string[] = [];
  let at: unknown = record;
  path.forEach((seg, i) => {
    if (typeof seg === 'string') {
      at = (at as Record<string, unknown> | undefined)?.[seg];
      const word = i === 0 ? FIELD_WORDS[seg] : undefined;
      parts.push(word ? t(word) : seg);
      return;
    }
    const item = Array.isArray(at) ? (at.find((x) => x?.id === seg.id) as Record<string, unknown>) : undefined;
    at = item;
    const name = item && [item.text, item.title, item.label].find((v) => typeof v === 'string' && v);
    parts.push(typeof name === 'string' ? `«${short(name)}»` : seg.id);
  });
  return parts.join(' › ');
}

function shown(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 1);
}

export default function ConflictNotice({
  record,
  conflicts,
  edit,
  onResolved,
}: {
  record: ApplicationRecord;
  conflicts: readonly StoredConflict[];
  edit: (fn: (d: ApplicationRecord) => void) => void;
  onResolved: () => void;
}) {
  const { tr } = useLocale();
  const t = (k: MessageKey) => tr.t(k);
  return (
    <div className="notice notice-error conflicts" role="alert" data-testid="conflicts">
      {conflicts.map((c) => (
        <div key={`${JSON.stringify(c.path)}@${c.at}`} className="conflict" data-testid="conflict">
          <div>{tr.t('conflictTitle', { field: describe(record, c.path, t) })}</div>
          <dl>
            <dt>{tr.t('conflictKept')}</dt>
            <dd>
              <bdi className="conflict-text" data-testid="conflict-kept">
                {shown(c.kept)}
              </bdi>
            </dd>
            <dt>{tr.t(c.from === 'journal' ? 'conflictFromJournal' : 'conflictFromPage')}</dt>
            <dd>
              <bdi className="conflict-text" data-testid="conflict-other">
                {c.other === undefined ? tr.t('conflictDeleted') : shown(c.other)}
              </bdi>
            </dd>
          </dl>
          <div className="actions">
            <button
              type="button"
              className="btn"
              data-testid="conflict-use-other"
              onClick={() => {
                edit((d) => void setAt(d, c.path, structuredClone(c.other)));
                dropConflict(localStorage, c);
                onResolved();
              }}
            >
              {tr.t('conflictUseOther')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="conflict-keep"
              onClick={() => {
                dropConflict(localStorage, c);
                onResolved();
              }}
            >
              {tr.t('conflictKeep')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}

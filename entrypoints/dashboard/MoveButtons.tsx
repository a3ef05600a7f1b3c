/**
 * Up, down and remove for one row of the application page's lists (steps, sections, questions). The buttons'
 * ids are `<id>-up` and `<id>-down`, so a moved row's button can take the focus back (./focus.ts); their test ids
 * `<kind>-up`, `<kind>-down`, `<kind>-remove`.
 */
import type { EditRecord } from '@/components/useEditSession';
import type { DashboardTranslator } from '@/utils/i18n';
import type { ApplicationRecord } from '@/utils/record';

/** What the page's list editors (StagesEditor, RoundsEditor) take. */
export interface ListEditorProps {
  record: ApplicationRecord;
  edit: EditRecord;
  tr: DashboardTranslator;
  /** Something was removed: the page says so, in these words, with its undo. */
  onRemoved(what: string): void;
}

export function MoveButtons({
  id,
  kind,
  name,
  first,
  last,
  tr,
  onMove,
  onRemove,
}: {
  id: string;
  kind: 'stage' | 'round' | 'question';
  /** What the row is called, in the buttons' accessible names ("Move HR Call up"). */
  name: string;
  first: boolean;
  last: boolean;
  tr: DashboardTranslator;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}) {
  const move = (delta: -1 | 1) => (
    <button
      type="button"
      className="btn btn-small"
      id={`${id}-${delta < 0 ? 'up' : 'down'}`}
      disabled={delta < 0 ? first : last}
      aria-label={tr.t(delta < 0 ? 'moveUpName' : 'moveDownName', { name })}
      data-testid={`${kind}-${delta < 0 ? 'up' : 'down'}`}
      onClick={() => onMove(delta)}
    >
      {delta < 0 ? '↑' : '↓'}
    </button>
  );
  return (
    <>
      {move(-1)}
      {move(1)}
      <button
        type="button"
        className="btn btn-small"
        aria-label={tr.t('removeName', { name })}
        data-testid={`${kind}-remove`}
        onClick={onRemove}
      >
        {tr.t('remove')}
      </button>
    </>
  );
}

/**
 * Details: company (with the posting's English name offered for the heading), website, role, interview
 * platform and apply ways, each edit saved as it happens; the rest of the entry (task, sections, the preview)
 * is a click away in the dashboard, on this application. Loaded when the tab is opened.
 */
import { RecordDetails } from '@/components/DetailFields';
import type { EditRecord } from '@/components/useEditSession';
import type { ApplicationRecord } from '@/utils/record';
import { usePopup } from './context';

export default function DetailsPanel({
  record,
  edit,
  onOpenDashboard,
}: {
  record: ApplicationRecord;
  edit: EditRecord;
  onOpenDashboard(): void;
}) {
  const { tr } = usePopup();
  return (
    <div className="details" data-testid="details">
      <RecordDetails record={record} edit={edit} tr={tr} />
      <button type="button" className="btn btn-link" data-testid="details-dashboard" onClick={onOpenDashboard}>
        {tr.t('editInDashboard')}
      </button>
    </div>
  );
}

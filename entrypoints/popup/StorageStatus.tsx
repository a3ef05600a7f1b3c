/**
 * The settings' storage part: whether the browser keeps Jobnote's data when the disk runs low, how much it
 * uses of what the browser allows, and a button that asks the browser to keep it (services/storage.ts).
 */
import { useEffect, useState } from 'react';
import { byteSize, type ByteUnit } from '@/utils/bytes';
import type { MessageKey, Translator } from '@/utils/i18n';
import { estimate, persisted, requestPersist, type StorageUse } from '@/services/storage';
import { usePopup } from './context';

const UNIT_KEYS: Record<ByteUnit, MessageKey> = {
  B: 'sizeB',
  KB: 'sizeKB',
  MB: 'sizeMB',
  GB: 'sizeGB',
  TB: 'sizeTB',
};

function size(tr: Translator, bytes: number): string {
  const { value, unit } = byteSize(bytes);
  return tr.t(UNIT_KEYS[unit], { n: value });
}

type Answer = { kind: 'asking' } | { kind: 'answered'; granted: boolean | null } | { kind: 'failed'; error: unknown };

export function StorageStatus() {
  const { tr } = usePopup();
  const [kept, setKept] = useState<boolean | null | undefined>(undefined);
  const [use, setUse] = useState<StorageUse | null | undefined>(undefined);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    void persisted().then(setKept);
    void estimate().then(setUse);
  }, []);

  async function ask() {
    setAnswer({ kind: 'asking' });
    try {
      const granted = await requestPersist();
      setAnswer({ kind: 'answered', granted });
      // The answer is the browser's word for now; what it keeps is read back.
      setKept(await persisted());
    } catch (error) {
      setAnswer({ kind: 'failed', error });
    }
  }

  const state: MessageKey =
    kept === undefined
      ? 'storageChecking'
      : kept === null
        ? 'storageUnknown'
        : kept
          ? 'storagePersistent'
          : 'storageNotPersistent';
  return (
    <fieldset className="storage" data-testid="storage">
      <legend>{tr.t('storage')}</legend>
      <p
        className="storage-line"
        data-testid="storage-persisted"
        data-persisted={kept === undefined ? '' : String(kept)}
      >
        {tr.t(state)}
      </p>
      <p className="storage-line muted" data-testid="storage-usage">
        {use === undefined
          ? ''
          : use === null
            ? tr.t('storageUsageUnknown')
            : tr.t('storageUsage', { usage: size(tr, use.usage), quota: size(tr, use.quota) })}
      </p>
      {kept === false ? (
        <button
          type="button"
          className="btn"
          disabled={answer?.kind === 'asking'}
          onClick={() => void ask()}
          data-testid="storage-persist"
        >
          {tr.t('storagePersist')}
        </button>
      ) : null}
      {answer ? (
        <p className="storage-line" role="status" data-testid="storage-answer">
          {answer.kind === 'asking'
            ? tr.t('storageAsking')
            : answer.kind === 'failed'
              ? tr.t('storageAskFailed', {
                  error:
                    answer.error instanceof Error ? answer.error.message || answer.error.name : String(answer.error),
                })
              : answer.granted === null
                ? tr.t('storageCannotAsk')
                : tr.t(answer.granted ? 'storageGranted' : 'storageDenied')}
        </p>
      ) : null}
    </fieldset>
  );
}

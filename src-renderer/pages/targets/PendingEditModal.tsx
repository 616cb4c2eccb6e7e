import { Alert, Input, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A change the grid holds back until the manager answers (issue 12 items 4 and 5): an approved plan
 * changes only by an adjustment with a reason (P2.6), asked for here in place of dropping the typed
 * value; and a locked cell is overwritten only after saying that it is locked. The typed value stays
 * shown until it is sent or cancelled.
 */
export interface PendingEdit {
  /** Which cell, as the manager reads it (e.g. "Team 1 · M3"). */
  cell: string;
  /** The typed value, as typed; null for an action without one (a lock, a paste). */
  value: string | null;
  /** The cell is locked: overwriting it is asked first. */
  locked: boolean;
  /** The plan is approved and no reason is given yet. */
  needReason: boolean;
  run: (reason: string | undefined) => void;
}

export function PendingEditModal({
  pending,
  onClose,
  onReason,
}: {
  pending: PendingEdit | null;
  onClose: () => void;
  onReason: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  const ok = () => {
    if (!pending) return;
    const why = reason.trim();
    if (pending.needReason && !why) return;
    if (why) onReason(why);
    pending.run(why || undefined);
    close();
  };
  return (
    <Modal
      open={!!pending}
      title={
        pending?.value != null
          ? t('targets.pending.title', { cell: pending.cell, value: pending.value })
          : t('targets.pending.titleAction', { cell: pending?.cell ?? '' })
      }
      onOk={ok}
      onCancel={close}
      okText={pending?.locked ? t('targets.pending.overwrite') : t('targets.pending.apply')}
      okButtonProps={{ disabled: !!pending?.needReason && !reason.trim(), 'data-testid': 'pending-ok' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'pending-cancel' } as ButtonProps}
      destroyOnHidden
      // The held value is dropped only by an explicit Cancel: a stray click or key does not lose it.
      mask={{ closable: false }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {pending?.locked && (
          <Alert type="warning" showIcon title={t('targets.pending.locked')} data-testid="pending-locked" />
        )}
        {pending?.needReason && (
          <>
            <Typography.Text>{t('targets.pending.reasonAsk')}</Typography.Text>
            <Input
              autoFocus
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              onPressEnter={ok}
              placeholder={t('targets.workflow.reasonPlaceholder')}
              data-testid="pending-reason"
            />
          </>
        )}
      </Space>
    </Modal>
  );
}

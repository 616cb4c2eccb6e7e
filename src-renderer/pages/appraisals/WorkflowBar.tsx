import { CalculatorOutlined, CheckCircleOutlined, LockOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from '../../../src-main/contract/review';
import { opKey, useOpMutation } from '../../backend/useOp';
import { errorMessage } from '../../backend/ApiError';

const STEPS: ReviewStatus[] = ['draft', 'rated', 'submitted', 'approved', 'locked'];

/** P6.4 workflow: draft → rated → submitted → approved → locked, each step one button; a locked review changes no more. */
export function WorkflowBar({ quarter, status }: { quarter: string; status: ReviewStatus | null }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const compute = useOpMutation('review/compute', { answers: ({ quarter: q }) => opKey('review/show', { quarter: q }) });
  const submit = useOpMutation('review/submit');
  const approve = useOpMutation('review/approve');
  const lock = useOpMutation('review/lock');
  const reopen = useOpMutation('review/reopen');
  const [reason, setReason] = useState('');

  const run = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const scoring = status === null || status === 'draft' || status === 'rated';
  const confirmLock = () =>
    modal.confirm({
      title: t('review.ui.lockTitle', { quarter }),
      content: t('review.ui.lockText'),
      okText: t('review.ui.lock'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => run(lock.mutateAsync({ quarter }), t('review.ui.locked')),
    });
  const confirmReopen = () =>
    modal.confirm({
      title: t('review.ui.reopenTitle'),
      content: <Input.TextArea rows={2} onChange={(e) => setReason(e.target.value)} placeholder={t('review.ui.reopenReason')} />,
      okText: t('review.ui.reopen'),
      cancelText: t('common.cancel'),
      onOk: () => run(reopen.mutateAsync({ quarter, reason: reason || '—' }), t('review.ui.reopened')),
    });

  return (
    <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
      <Steps
        size="small"
        style={{ minWidth: 520 }}
        current={status ? STEPS.indexOf(status) : -1}
        items={STEPS.map((s) => ({ title: t(`review.status.${s}`) }))}
      />
      <Space wrap>
        <Button icon={<CalculatorOutlined />} disabled={!scoring} loading={compute.isPending} onClick={() => void run(compute.mutateAsync({ quarter }), t('review.ui.computed'))}>
          {status ? t('review.ui.recompute') : t('review.ui.compute')}
        </Button>
        <Button icon={<SendOutlined />} disabled={status !== 'rated'} onClick={() => void run(submit.mutateAsync({ quarter }), t('review.ui.submitted'))}>
          {t('review.ui.submit')}
        </Button>
        <Button icon={<CheckCircleOutlined />} disabled={status !== 'submitted' && status !== 'rated'} onClick={() => void run(approve.mutateAsync({ quarter }), t('review.ui.approved'))}>
          {t('review.ui.approve')}
        </Button>
        <Button icon={<LockOutlined />} danger disabled={status !== 'approved'} onClick={confirmLock}>
          {t('review.ui.lock')}
        </Button>
        <Button icon={<RollbackOutlined />} disabled={status !== 'submitted' && status !== 'approved'} onClick={confirmReopen}>
          {t('review.ui.reopen')}
        </Button>
      </Space>
    </Space>
  );
}

import {
  CalculatorOutlined,
  CheckCircleOutlined,
  LockOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { App, Button, Input, Space, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppraisalStatus } from '../../../src-main/contract/appraisal';
import { useOpMutation } from '../../backend/useOp';
import { useComputeAppraisal } from './useComputeAppraisal';
import { errorMessage } from '../../backend/ApiError';

const STEPS: AppraisalStatus[] = ['draft', 'rated', 'submitted', 'approved', 'locked'];

/** P6.4 workflow: draft → rated → submitted → approved → locked, each step one button; a locked appraisal changes no more. */
export function WorkflowBar({ quarter, status }: { quarter: string; status: AppraisalStatus | null }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const compute = useComputeAppraisal();
  const submit = useOpMutation('appraisal/submit');
  const approve = useOpMutation('appraisal/approve');
  const lock = useOpMutation('appraisal/lock');
  const reopen = useOpMutation('appraisal/reopen');
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
      title: t('appraisal.ui.lockTitle', { quarter }),
      content: t('appraisal.ui.lockText'),
      okText: t('appraisal.ui.lock'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => run(lock.mutateAsync({ quarter }), t('appraisal.ui.locked')),
    });
  const confirmReopen = () =>
    modal.confirm({
      title: t('appraisal.ui.reopenTitle'),
      content: (
        <Input.TextArea
          rows={2}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('appraisal.ui.reopenReason')}
        />
      ),
      okText: t('appraisal.ui.reopen'),
      cancelText: t('common.cancel'),
      onOk: () => run(reopen.mutateAsync({ quarter, reason: reason || '—' }), t('appraisal.ui.reopened')),
    });

  return (
    <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
      <Steps
        size="small"
        style={{ minWidth: 520 }}
        current={status ? STEPS.indexOf(status) : -1}
        items={STEPS.map((s) => ({ title: t(`appraisal.status.${s}`) }))}
      />
      <Space wrap>
        <Button
          icon={<CalculatorOutlined />}
          disabled={!scoring}
          loading={compute.isPending}
          onClick={() => void run(compute.mutateAsync({ quarter }), t('appraisal.ui.computed'))}
        >
          {status ? t('appraisal.ui.recompute') : t('appraisal.ui.compute')}
        </Button>
        <Button
          icon={<SendOutlined />}
          disabled={status !== 'rated'}
          onClick={() => void run(submit.mutateAsync({ quarter }), t('appraisal.ui.submitted'))}
        >
          {t('appraisal.ui.submit')}
        </Button>
        <Button
          icon={<CheckCircleOutlined />}
          disabled={status !== 'submitted' && status !== 'rated'}
          onClick={() => void run(approve.mutateAsync({ quarter }), t('appraisal.ui.approved'))}
        >
          {t('appraisal.ui.approve')}
        </Button>
        <Button icon={<LockOutlined />} danger disabled={status !== 'approved'} onClick={confirmLock}>
          {t('appraisal.ui.lock')}
        </Button>
        <Button
          icon={<RollbackOutlined />}
          disabled={status !== 'submitted' && status !== 'approved'}
          onClick={confirmReopen}
        >
          {t('appraisal.ui.reopen')}
        </Button>
      </Space>
    </Space>
  );
}

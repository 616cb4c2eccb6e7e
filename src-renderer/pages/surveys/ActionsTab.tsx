import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImprovementAction, SurveyDetail } from '../../../src-main/contract/survey';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ACTION_STATUSES, ActionFormModal } from './ActionFormModal';

type Kind = 'all' | 'improvement' | 'callback';
const STATUS_COLOR = { open: 'blue', in_progress: 'gold', done: 'green', cancelled: 'default' } as const;

/**
 * Acting on the survey (P4.7, issue #5 item 12): improvement actions with owner, due date, status and the
 * finding behind them, and one click that gives every detractor a call-back task for their salesperson.
 */
export function ActionsTab({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useOp('survey/actions', { surveyId: survey.id });
  const save = useOpMutation('survey/save-action');
  const callbacks = useOpMutation('survey/create-callbacks');
  const [kind, setKind] = useState<Kind>('all');
  const [editing, setEditing] = useState<ImprovementAction | 'new' | null>(null);
  const rows = useMemo(
    () => (actions.data ?? []).filter((a) => kind === 'all' || a.kind === kind),
    [actions.data, kind],
  );
  const count = (k: Kind) => (actions.data ?? []).filter((a) => k === 'all' || a.kind === k).length;
  const hasNps = survey.questionList.some((q) => q.type === 'nps');

  const setStatus = async (a: ImprovementAction, status: ImprovementAction['status']) => {
    try {
      await save.mutateAsync({
        id: a.id,
        surveyId: a.surveyId,
        questionId: a.questionId,
        ownerId: a.ownerId,
        finding: a.finding,
        action: a.action,
        dueDate: a.dueDate,
        status,
        note: a.note,
      });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const callBackAll = async () => {
    try {
      const r = await callbacks.mutateAsync({ surveyId: survey.id });
      message.success(t('survey.ui.actions.callbacksDone', r));
      setKind('callback');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const today = dayjs().format('YYYY-MM-DD');

  return (
    <div data-testid="survey-actions">
      <div className="wb-toolbar">
        <Segmented<Kind>
          value={kind}
          onChange={setKind}
          options={(['all', 'improvement', 'callback'] as const).map((k) => ({
            value: k,
            label: `${t(`survey.ui.actions.kind.${k}`)} (${count(k)})`,
          }))}
        />
        <Space>
          <Popconfirm
            title={t('survey.ui.actions.callbacksConfirm')}
            onConfirm={() => void callBackAll()}
            okText={t('survey.ui.actions.callbacks')}
            cancelText={t('common.cancel')}
            disabled={!hasNps}
          >
            <Button
              icon={<PhoneOutlined />}
              loading={callbacks.isPending}
              disabled={!hasNps || survey.responses === 0}
              data-testid="callbacks"
            >
              {t('survey.ui.actions.callbacks')}
            </Button>
          </Popconfirm>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="action-new">
            {t('survey.ui.actions.new')}
          </Button>
        </Space>
      </div>
      <Table<ImprovementAction>
        size="small"
        rowKey="id"
        loading={actions.isPending}
        dataSource={rows}
        pagination={{ pageSize: 12, size: 'small', hideOnSinglePage: true }}
        locale={{ emptyText: t('survey.ui.actions.empty') }}
        data-testid="actions-table"
        columns={[
          {
            title: t('survey.ui.actions.kindCol'),
            dataIndex: 'kind',
            width: 100,
            render: (v: Kind) => (
              <Tag color={v === 'callback' ? 'volcano' : 'geekblue'}>{t(`survey.ui.actions.kindOne.${v}`)}</Tag>
            ),
          },
          {
            title: t('survey.ui.actions.finding'),
            dataIndex: 'finding',
            render: (v: string, a) => (
              <div>
                <div>
                  {a.questionId && (
                    <Tag className="wb-action-question">
                      {survey.questionList.find((q) => q.id === a.questionId)?.code}
                    </Tag>
                  )}
                  {v}
                </div>
                <Typography.Text type="secondary">{a.action}</Typography.Text>
              </div>
            ),
          },
          {
            title: t('survey.ui.actions.owner'),
            dataIndex: 'ownerName',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('survey.ui.actions.customer'),
            dataIndex: 'customerName',
            width: 170,
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('survey.ui.actions.due'),
            dataIndex: 'dueDate',
            width: 110,
            sorter: (a, b) => (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9'),
            render: (v: string | null, a) => (
              <span
                className={
                  v && v < today && (a.status === 'open' || a.status === 'in_progress') ? 'wb-overdue' : undefined
                }
              >
                {v ?? '—'}
              </span>
            ),
          },
          {
            title: t('survey.ui.actions.status'),
            dataIndex: 'status',
            width: 140,
            render: (v: ImprovementAction['status'], a) => (
              <Select
                size="small"
                variant="borderless"
                value={v}
                onChange={(s) => void setStatus(a, s)}
                labelRender={(o) => <Tag color={STATUS_COLOR[o.value as ImprovementAction['status']]}>{o.label}</Tag>}
                options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`survey.ui.actionStatus.${s}`) }))}
                style={{ width: 130 }}
              />
            ),
          },
          {
            title: '',
            key: 'edit',
            width: 70,
            render: (_: unknown, a) => (
              <Button size="small" type="link" onClick={() => setEditing(a)}>
                {t('survey.ui.actions.edit')}
              </Button>
            ),
          },
        ]}
      />
      <ActionFormModal survey={survey} action={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

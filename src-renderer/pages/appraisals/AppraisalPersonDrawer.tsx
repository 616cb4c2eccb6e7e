import { CheckOutlined, CloseOutlined, PrinterOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Divider, Drawer, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppraisalOutcome, AppraisalPerson, AppraisalShow } from '../../../src-main/contract/appraisal';
import { useOpMutation } from '../../backend/useOp';
import { PERCENT_SOURCES } from '../../../src-main/contract/appraisal-scheme';
import { formatMoney, formatNumber, formatPercent } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { PeerRatings } from './PeerRatings';
import { TrendChart } from './TrendChart';
import { errorMessage } from '../../backend/ApiError';

interface Props {
  show: AppraisalShow;
  person: AppraisalPerson | null;
  scoresOpen: boolean;
  notesOpen: boolean;
  onClose: () => void;
  onPrint: (person: string) => void;
}

const STATUS_COLOR = { proposed: 'gold', confirmed: 'green', rejected: 'default' } as const;

/** One person's appraisal: KPIs, proposed outcomes to confirm or reject (P6.2, P6.3), calibration, feedback (P5.6), history. */
export function AppraisalPersonDrawer({ show, person, scoresOpen, notesOpen, onClose, onPrint }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const decide = useOpMutation('appraisal/decide-outcome');
  const feedback = useOpMutation('appraisal/feedback');
  const adjust = useOpMutation('appraisal/adjust');
  // the parent keys this drawer by person: the fields start from what is saved
  const [notes, setNotes] = useState({ feedback: person?.feedback ?? '', self: person?.selfAssessment ?? '' });
  const [adjusted, setAdjusted] = useState<number | null>(person?.adjustment?.total ?? null);
  const [reason, setReason] = useState(person?.adjustment?.reason ?? '');

  const run = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (!person) return null;
  const q = show.quarter;
  const decideButtons = (o: AppraisalOutcome) => (
    <Space size={4}>
      <Button
        size="small"
        icon={<CheckOutlined />}
        disabled={!notesOpen || o.status === 'confirmed'}
        onClick={() =>
          void run(decide.mutateAsync({ quarter: q, id: o.id, decision: 'confirmed' }), t('appraisal.ui.decided'))
        }
      >
        {t('appraisal.ui.confirm')}
      </Button>
      <Button
        size="small"
        icon={<CloseOutlined />}
        disabled={!notesOpen || o.status === 'rejected'}
        onClick={() =>
          void run(decide.mutateAsync({ quarter: q, id: o.id, decision: 'rejected' }), t('appraisal.ui.decided'))
        }
      >
        {t('appraisal.ui.reject')}
      </Button>
      {o.status !== 'proposed' && (
        <Button
          size="small"
          icon={<UndoOutlined />}
          disabled={!notesOpen}
          onClick={() =>
            void run(decide.mutateAsync({ quarter: q, id: o.id, decision: 'proposed' }), t('appraisal.ui.decided'))
          }
          aria-label={t('appraisal.ui.undo')}
        />
      )}
    </Space>
  );

  return (
    <Drawer
      open
      width={720}
      onClose={onClose}
      title={`${person.name} · ${person.employeeNo}`}
      extra={
        <Button icon={<PrinterOutlined />} onClick={() => onPrint(person.employeeNo)}>
          {t('appraisal.ui.printOne')}
        </Button>
      }
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('appraisal.report.team')}>{person.team ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('appraisal.report.total')}>{formatNumber(person.total, lang, 2)}</Descriptions.Item>
        <Descriptions.Item label={t('appraisal.report.grade')}>
          <Tag color="blue">{person.grade ?? '—'}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={show.scheme.kpis.map((k) => ({ ...k, ...person.kpis[k.key] }))}
        columns={[
          { title: t('appraisal.report.kpi'), dataIndex: 'label' },
          { title: t('appraisal.report.weight'), dataIndex: 'weight', render: (w: number) => `${w}%` },
          {
            title: t('appraisal.ui.value'),
            dataIndex: 'value',
            render: (v: number | null, r) =>
              v == null
                ? r.source === 'rated'
                  ? t('appraisal.ui.unrated')
                  : '—'
                : r.source === 'completion'
                  ? `${formatPercent(v / 100, lang, 2)} (${formatMoney(r.actual ?? null, lang)} / ${formatMoney(r.target ?? null, lang)})`
                  : PERCENT_SOURCES.has(r.source)
                    ? formatPercent(v / 100, lang, 2)
                    : formatNumber(v, lang, 2),
          },
          {
            title: t('appraisal.report.score'),
            dataIndex: 'score',
            render: (v: number | null) => (v == null ? '—' : formatNumber(v, lang, 1)),
          },
        ]}
      />
      <PeerRatings show={show} person={person} open={scoresOpen} />
      <Divider titlePlacement="start">{t('appraisal.report.outcomes')}</Divider>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        locale={{ emptyText: t('appraisal.report.noOutcomes') }}
        dataSource={person.outcomes}
        columns={[
          {
            title: t('appraisal.report.outcomeType'),
            dataIndex: 'type',
            render: (v: string) => t(`appraisal.outcome.${v}`),
          },
          {
            title: t('appraisal.report.amount'),
            dataIndex: 'amount',
            render: (v: number | null) => (v == null ? '—' : formatMoney(v, lang)),
          },
          { title: t('appraisal.report.reason'), dataIndex: 'reason', render: (v: string, o) => `${v} (${o.clause})` },
          {
            title: t('appraisal.report.decision'),
            dataIndex: 'status',
            render: (v: AppraisalOutcome['status']) => (
              <Tag color={STATUS_COLOR[v]}>{t(`appraisal.outcomeStatus.${v}`)}</Tag>
            ),
          },
          { title: '', key: 'act', render: (_: unknown, o) => decideButtons(o) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('appraisal.ui.proposalNote')}
      </Typography.Paragraph>
      <Divider titlePlacement="start">{t('appraisal.ui.calibrate')}</Divider>
      <Space wrap>
        <InputNumber
          min={0}
          max={200}
          step={0.5}
          value={adjusted}
          onChange={(v) => setAdjusted(v)}
          disabled={!scoresOpen}
          aria-label={t('appraisal.ui.adjustedTotal')}
          placeholder={String(person.originalTotal ?? '')}
        />
        <Input
          style={{ width: 320 }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          disabled={!scoresOpen}
          placeholder={t('appraisal.ui.adjustReason')}
        />
        <Button
          disabled={!scoresOpen || adjusted == null || !reason.trim()}
          onClick={() =>
            void run(
              adjust.mutateAsync({ quarter: q, person: person.employeeNo, total: adjusted, reason }),
              t('appraisal.ui.saved'),
            )
          }
        >
          {t('appraisal.ui.adjust')}
        </Button>
        {person.adjustment && (
          <Button
            disabled={!scoresOpen}
            onClick={() =>
              void run(
                adjust.mutateAsync({ quarter: q, person: person.employeeNo, total: null, reason: reason || '—' }),
                t('appraisal.ui.saved'),
              )
            }
          >
            {t('appraisal.ui.clearAdjust')}
          </Button>
        )}
      </Space>
      {person.adjustment && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 6 }}>
          {t('appraisal.report.adjusted', {
            original: person.originalTotal,
            by: person.adjustment.by,
            at: person.adjustment.at.slice(0, 10),
            reason: person.adjustment.reason,
          })}
        </Typography.Paragraph>
      )}
      <Divider titlePlacement="start">{t('appraisal.report.feedback')}</Divider>
      <Input.TextArea
        rows={3}
        value={notes.feedback}
        onChange={(e) => setNotes({ ...notes, feedback: e.target.value })}
        disabled={!notesOpen}
        aria-label={t('appraisal.report.feedback')}
      />
      <Typography.Text type="secondary">{t('appraisal.report.selfAssessment')}</Typography.Text>
      <Input.TextArea
        rows={2}
        value={notes.self}
        onChange={(e) => setNotes({ ...notes, self: e.target.value })}
        disabled={!notesOpen}
        aria-label={t('appraisal.report.selfAssessment')}
      />
      <Button
        style={{ marginTop: 8 }}
        type="primary"
        disabled={!notesOpen}
        onClick={() =>
          void run(
            feedback.mutateAsync({
              quarter: q,
              person: person.employeeNo,
              feedback: notes.feedback,
              selfAssessment: notes.self,
            }),
            t('appraisal.ui.saved'),
          )
        }
      >
        {t('common.save')}
      </Button>
      <Divider titlePlacement="start">{t('appraisal.ui.trend')}</Divider>
      <TrendChart person={person.employeeNo} />
    </Drawer>
  );
}

import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PeerRating,
  AppraisalKpiCell,
  AppraisalPerson,
  AppraisalShow,
} from '../../../src-main/contract/appraisal';
import { peerWeightOf, type KpiDefinition } from '../../../src-main/contract/appraisal-scheme';
import { useOp, useOpMutation } from '../../backend/useOp';
import { useLang } from '../../i18n/LanguageProvider';
import { errorMessage } from '../../backend/ApiError';

interface Props {
  show: AppraisalShow;
  person: AppraisalPerson;
  /** Scores may change (draft or rated). */
  open: boolean;
}

/** How the effective rating came about: "manager 4 · peers 3.5 (3) · 30 % → 3.85" (P6.1 teamwork). */
function peerExplanation(
  t: (key: string, args?: Record<string, string | number>) => string,
  lang: string,
  cell: AppraisalKpiCell | undefined,
): string | null {
  const p = cell?.peers;
  if (!cell || !p) return null;
  const f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const n = (x: number | null | undefined) => (x == null ? '—' : f.format(x));
  if (cell.rating == null) return t('appraisal.ui.peerNoManager', { count: p.count });
  const args = {
    manager: n(cell.rating),
    mean: n(p.mean),
    count: p.count,
    min: p.min,
    weight: n(p.weight),
    value: n(cell.value),
  };
  return t(p.counted ? 'appraisal.ui.peerCounted' : 'appraisal.ui.peerNotCounted', args);
}

/** One peer-rated KPI of the person: the colleagues' ratings, an add form, the blend explained. */
function PeerKpi({ show, person, open, kpi, ratings }: Props & { kpi: KpiDefinition; ratings: PeerRating[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const staff = useOp('staff/list', { includeInactive: false });
  const rate = useOpMutation('appraisal/peer-rate');
  const remove = useOpMutation('appraisal/delete-peer-rating');
  const [rater, setRater] = useState<string | null>(null);
  const [level, setLevel] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const run = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      message.success(done);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };
  const labelOf = (l: number) => kpi.rubric?.find((r) => r.level === l)?.label[lang] ?? '';
  const colleagues = (staff.data ?? []).filter((s) => s.status === 'active' && s.employeeNo !== person.employeeNo);
  const explanation = peerExplanation((key, args) => t(key, args ?? {}), lang, person.kpis[kpi.key]);
  const add = async () => {
    if (!rater || level == null) return;
    const ok = await run(
      rate.mutateAsync({
        quarter: show.quarter,
        person: person.employeeNo,
        rater,
        kpi: kpi.key,
        level,
        comment: comment.trim() || null,
      }),
      t('appraisal.ui.peerSaved'),
    );
    if (ok) {
      setRater(null);
      setLevel(null);
      setComment('');
    }
  };
  return (
    <div data-testid={`peer-${kpi.key}`} style={{ marginBottom: 12 }}>
      <Typography.Text strong>{kpi.label[lang]}</Typography.Text>
      {explanation && (
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px' }} data-testid={`peer-explain-${kpi.key}`}>
          {explanation}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        locale={{ emptyText: t('appraisal.ui.peerNone') }}
        dataSource={ratings}
        columns={[
          {
            title: t('appraisal.ui.peerRater'),
            dataIndex: 'raterName',
            render: (v: string, r) => `${v} · ${r.raterNo}`,
          },
          { title: t('appraisal.ui.peerLevel'), dataIndex: 'level', render: (v: number) => `${v} · ${labelOf(v)}` },
          { title: t('appraisal.ui.peerComment'), dataIndex: 'comment', render: (v: string | null) => v ?? '' },
          {
            title: '',
            key: 'act',
            render: (_: unknown, r) => (
              <Button
                size="small"
                icon={<DeleteOutlined />}
                disabled={!open}
                aria-label={t('appraisal.ui.peerDelete')}
                onClick={() => void run(remove.mutateAsync({ id: r.id }), t('appraisal.ui.peerDeleted'))}
              />
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 6 }}>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          value={rater}
          onChange={setRater}
          disabled={!open}
          placeholder={t('appraisal.ui.peerRater')}
          aria-label={t('appraisal.ui.peerRater')}
          options={colleagues.map((s) => ({ value: s.employeeNo, label: `${s.name} · ${s.employeeNo}` }))}
        />
        <Select
          style={{ width: 200 }}
          value={level}
          onChange={setLevel}
          disabled={!open}
          placeholder={t('appraisal.ui.peerLevel')}
          aria-label={t('appraisal.ui.peerLevel')}
          options={(kpi.rubric ?? []).map((r) => ({ value: r.level, label: `${r.level} · ${r.label[lang]}` }))}
        />
        <Input
          style={{ width: 200 }}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          disabled={!open}
          placeholder={t('appraisal.ui.peerComment')}
          maxLength={2000}
        />
        <Button disabled={!open || !rater || level == null} loading={rate.isPending} onClick={() => void add()}>
          {t('appraisal.ui.peerAdd')}
        </Button>
      </Space>
    </div>
  );
}

/** The person's peer ratings (P6.1 teamwork, rated by the manager, optionally with peers), for every rated KPI with a peer weight. */
export function PeerRatings({ show, person, open }: Props) {
  const { t } = useTranslation();
  const scheme = useOp('appraisal/scheme', { quarter: show.quarter });
  const list = useOp('appraisal/peer-ratings', { quarter: show.quarter, person: person.employeeNo });
  const kpis = (scheme.data?.definition.kpis ?? []).filter((k) => peerWeightOf(k) > 0);
  if (kpis.length === 0) return null;
  return (
    <>
      <Divider titlePlacement="start">{t('appraisal.ui.peerRatings')}</Divider>
      {!open && (
        <Alert
          style={{ marginBottom: 8 }}
          type="info"
          showIcon
          title={t(show.status === 'locked' ? 'appraisal.ui.peerClosedLocked' : 'appraisal.ui.peerClosed')}
        />
      )}
      {kpis.map((k) => (
        <PeerKpi
          key={k.key}
          show={show}
          person={person}
          open={open}
          kpi={k}
          ratings={(list.data ?? []).filter((r) => r.kpi === k.key)}
        />
      ))}
    </>
  );
}

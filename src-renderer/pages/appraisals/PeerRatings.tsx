import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeerRating, ReviewKpiCell, ReviewPerson, ReviewShow } from '../../../src-main/contract/review';
import { peerWeightOf, type KpiDefinition } from '../../../src-main/contract/review-scheme';
import { useOp, useOpMutation } from '../../backend/useOp';
import { useLang } from '../../i18n/LanguageProvider';
import { errorMessage } from '../../backend/ApiError';

interface Props {
  show: ReviewShow;
  person: ReviewPerson;
  /** Scores may change (draft or rated). */
  open: boolean;
}

/** How the effective rating came about: "manager 4 · peers 3.5 (3) · 30 % → 3.85" (P6.1 teamwork). */
export function peerExplanation(t: (key: string, args?: Record<string, string | number>) => string, lang: string, cell: ReviewKpiCell | undefined): string | null {
  const p = cell?.peers;
  if (!cell || !p) return null;
  const f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const n = (x: number | null | undefined) => (x == null ? '—' : f.format(x));
  if (cell.rating == null) return t('review.ui.peerNoManager', { count: p.count });
  const args = { manager: n(cell.rating), mean: n(p.mean), count: p.count, min: p.min, weight: n(p.weight), value: n(cell.value) };
  return t(p.counted ? 'review.ui.peerCounted' : 'review.ui.peerNotCounted', args);
}

/** One peer-rated KPI of the person: the colleagues' ratings, an add form, the blend explained. */
function PeerKpi({ show, person, open, kpi, ratings }: Props & { kpi: KpiDefinition; ratings: PeerRating[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const staff = useOp('staff/list', { includeInactive: false });
  const rate = useOpMutation('review/peer-rate');
  const remove = useOpMutation('review/delete-peer-rating');
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
    const ok = await run(rate.mutateAsync({ quarter: show.quarter, person: person.employeeNo, rater, kpi: kpi.key, level, comment: comment.trim() || null }), t('review.ui.peerSaved'));
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
        locale={{ emptyText: t('review.ui.peerNone') }}
        dataSource={ratings}
        columns={[
          { title: t('review.ui.peerRater'), dataIndex: 'raterName', render: (v: string, r) => `${v} · ${r.raterNo}` },
          { title: t('review.ui.peerLevel'), dataIndex: 'level', render: (v: number) => `${v} · ${labelOf(v)}` },
          { title: t('review.ui.peerComment'), dataIndex: 'comment', render: (v: string | null) => v ?? '' },
          {
            title: '',
            key: 'act',
            render: (_: unknown, r) => (
              <Button size="small" icon={<DeleteOutlined />} disabled={!open} aria-label={t('review.ui.peerDelete')} onClick={() => void run(remove.mutateAsync({ id: r.id }), t('review.ui.peerDeleted'))} />
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
          placeholder={t('review.ui.peerRater')}
          aria-label={t('review.ui.peerRater')}
          options={colleagues.map((s) => ({ value: s.employeeNo, label: `${s.name} · ${s.employeeNo}` }))}
        />
        <Select
          style={{ width: 200 }}
          value={level}
          onChange={setLevel}
          disabled={!open}
          placeholder={t('review.ui.peerLevel')}
          aria-label={t('review.ui.peerLevel')}
          options={(kpi.rubric ?? []).map((r) => ({ value: r.level, label: `${r.level} · ${r.label[lang]}` }))}
        />
        <Input style={{ width: 200 }} value={comment} onChange={(e) => setComment(e.target.value)} disabled={!open} placeholder={t('review.ui.peerComment')} maxLength={2000} />
        <Button disabled={!open || !rater || level == null} loading={rate.isPending} onClick={() => void add()}>
          {t('review.ui.peerAdd')}
        </Button>
      </Space>
    </div>
  );
}

/** The person's peer ratings (P6.1 teamwork, rated by the manager, optionally with peers), for every rated KPI with a peer weight. */
export function PeerRatings({ show, person, open }: Props) {
  const { t } = useTranslation();
  const scheme = useOp('review/scheme', { quarter: show.quarter });
  const list = useOp('review/peer-ratings', { quarter: show.quarter, person: person.employeeNo });
  const kpis = (scheme.data?.definition.kpis ?? []).filter((k) => peerWeightOf(k) > 0);
  if (kpis.length === 0) return null;
  return (
    <>
      <Divider titlePlacement="start">{t('review.ui.peerRatings')}</Divider>
      {!open && <Alert style={{ marginBottom: 8 }} type="info" showIcon title={t(show.status === 'locked' ? 'review.ui.peerClosedLocked' : 'review.ui.peerClosed')} />}
      {kpis.map((k) => (
        <PeerKpi key={k.key} show={show} person={person} open={open} kpi={k} ratings={(list.data ?? []).filter((r) => r.kpi === k.key)} />
      ))}
    </>
  );
}

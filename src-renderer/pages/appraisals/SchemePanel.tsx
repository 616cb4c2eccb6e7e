import { ExperimentOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Input, InputNumber, Popover, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSchemeInfo, WhatIfResult } from '../../../src-main/contract/review';
import { peerMinOf, peerWeightOf, type KpiDefinition, type SchemeDefinition } from '../../../src-main/contract/review-scheme';
import { invoke } from '../../backend/transport';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { useLang } from '../../i18n/LanguageProvider';
import { CurveChart } from './CurveChart';
import { RulesTable } from './RulesTable';
import { WhatIfView } from './WhatIfView';
import { errorMessage } from '../../backend/ApiError';

const PERCENT = new Set(['completion', 'salesGrowth', 'profitMargin', 'csat', 'complaintHandling']);

/**
 * The quarter's KPI scheme (P6.1) and rule table (P6.2, P6.3) on an editable copy: weights, grade
 * thresholds, rule thresholds and the bonus curve. What-if shows the effect before anything is saved;
 * saving makes a new version and recomputes the review.
 */
export function SchemePanel({ quarter, editable }: { quarter: string; editable: boolean }) {
  const scheme = useOp('review/scheme', { quarter });
  if (scheme.isError) return <ErrorState error={scheme.error} onRetry={() => void scheme.refetch()} compact />;
  if (scheme.isPending) return <Skeleton active />;
  // a saved version starts a fresh copy
  return <SchemeEditor key={`${quarter}:${scheme.data.version}`} info={scheme.data} editable={editable} />;
}

function SchemeEditor({ info, editable }: { info: ReviewSchemeInfo; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const { quarter } = info;
  const save = useOpMutation('review/save-scheme');
  const [copy, setCopy] = useState<SchemeDefinition>(() => structuredClone(info.definition));
  const [whatIf, setWhatIf] = useState<WhatIfResult | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const total = copy.kpis.reduce((s, k) => s + k.weight, 0);
  const setKpi = (key: string, weight: number) => setCopy({ ...copy, kpis: copy.kpis.map((k) => (k.key === key ? { ...k, weight } : k)) });
  // Rated KPIs (P6.1 teamwork): the peers' share of the rating and the fewest peer ratings that count.
  const setPeers = (key: string, patch: Pick<KpiDefinition, 'peerWeight' | 'peerMin'>) => setCopy({ ...copy, kpis: copy.kpis.map((k) => (k.key === key ? { ...k, ...patch } : k)) });

  const runWhatIf = async () => {
    setBusy(true);
    try {
      setWhatIf(await invoke('review/what-if', { quarter, definition: copy }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    try {
      const saved = await save.mutateAsync({ quarter, definition: copy, reason: reason || undefined });
      message.success(t('review.ui.schemeSaved', { version: saved.version }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const rubric = (k: KpiDefinition) => (
    <Table
      size="small"
      pagination={false}
      rowKey="level"
      dataSource={k.rubric}
      columns={[
        { title: t('review.ui.level'), dataIndex: 'level', width: 60 },
        { title: t('review.report.score'), dataIndex: 'score', width: 60 },
        { title: t('review.ui.levelLabel'), key: 'label', render: (_: unknown, r) => r.label[lang] },
        { title: t('review.ui.levelText'), key: 'd', render: (_: unknown, r) => r.description[lang] },
      ]}
    />
  );

  return (
    <div className="wb-review-scheme wb-review-scroll">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text>{info.version ? t('review.ui.schemeVersion', { version: info.version }) : info.copiedFrom ? t('review.ui.schemeCopied', { quarter: info.copiedFrom }) : t('review.ui.schemeDefault')}</Typography.Text>
        <Tag color={Math.abs(total - 100) < 1e-6 ? 'green' : 'red'}>{t('review.ui.weightsTotal', { total: Math.round(total * 100) / 100 })}</Tag>
      </Space>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={copy.kpis}
        columns={[
          { title: t('review.report.dimension'), dataIndex: 'dimension', width: 120, render: (v: string) => t(`review.dimension.${v}`) },
          { title: t('review.report.kpi'), key: 'label', render: (_: unknown, k) => k.label[lang] },
          { title: t('review.ui.source'), dataIndex: 'source', width: 130, render: (v: string) => t(`review.ui.sources.${v}`) },
          {
            title: t('review.report.weight'),
            dataIndex: 'weight',
            width: 110,
            render: (v: number, k) => <InputNumber size="small" min={0} max={100} value={v} suffix="%" disabled={!editable} aria-label={`${k.label[lang]} ${t('review.report.weight')}`} onChange={(w) => setKpi(k.key, w ?? 0)} />,
          },
          {
            title: t('review.ui.peersColumn'),
            key: 'peers',
            width: 230,
            render: (_: unknown, k) =>
              k.source === 'rated' && (
                <Space size={4}>
                  <InputNumber
                    size="small"
                    style={{ width: 76 }}
                    min={0}
                    max={100}
                    suffix="%"
                    value={peerWeightOf(k)}
                    disabled={!editable}
                    aria-label={`${k.label[lang]} ${t('review.ui.peerWeight')}`}
                    onChange={(w) => setPeers(k.key, { peerWeight: w ?? 0 })}
                  />
                  <Typography.Text type="secondary">{t('review.ui.peerMinLabel')}</Typography.Text>
                  <InputNumber
                    size="small"
                    style={{ width: 56 }}
                    min={1}
                    max={50}
                    value={peerMinOf(k)}
                    disabled={!editable || peerWeightOf(k) === 0}
                    aria-label={`${k.label[lang]} ${t('review.ui.peerMinLabel')}`}
                    onChange={(m) => setPeers(k.key, { peerMin: m ?? 1 })}
                  />
                </Space>
              ),
          },
          {
            title: t('review.ui.curveOrRubric'),
            key: 'curve',
            width: 260,
            render: (_: unknown, k) =>
              k.source === 'rated' ? (
                <Popover content={<div style={{ width: 560 }}>{rubric(k)}</div>} title={k.label[lang]}>
                  <Button size="small">{t('review.ui.showRubric')}</Button>
                </Popover>
              ) : (
                k.curve && <CurveChart curve={k.curve} unit={PERCENT.has(k.source) ? '%' : ''} label={k.label[lang]} />
              ),
          },
        ]}
      />
      <Divider titlePlacement="start">{t('review.ui.grades')}</Divider>
      <Space wrap>
        {copy.grades.map((g, i) => (
          <span key={g.grade}>
            <Tag color="blue">{g.grade}</Tag>≥{' '}
            <InputNumber size="small" style={{ width: 72 }} value={g.min} disabled={!editable} aria-label={`${g.grade} ≥`} onChange={(v) => setCopy({ ...copy, grades: copy.grades.map((x, j) => (j === i ? { ...x, min: v ?? 0 } : x)) })} />
          </span>
        ))}
        {copy.distribution && <Typography.Text type="secondary">{t('review.ui.target', { groups: copy.distribution.groups.map((g) => `${g.grades.join('+')} ${g.pct}%`).join(' / ') })}</Typography.Text>}
      </Space>
      <Divider titlePlacement="start">{t('review.ui.rules')}</Divider>
      <RulesTable def={copy} editable={editable} onChange={(rules) => setCopy({ ...copy, rules })} />
      {!editable && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('review.ui.schemeReadOnly')} />}
      <Space wrap style={{ marginTop: 12 }}>
        <Button icon={<ExperimentOutlined />} loading={busy} onClick={() => void runWhatIf()}>
          {t('review.ui.whatIf')}
        </Button>
        <Input style={{ width: 280 }} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('review.ui.changeReason')} disabled={!editable} />
        <Button type="primary" icon={<SaveOutlined />} disabled={!editable} loading={save.isPending} onClick={() => void apply()}>
          {t('review.ui.saveScheme')}
        </Button>
        <Button onClick={() => setCopy(structuredClone(info.definition))}>{t('review.ui.resetCopy')}</Button>
      </Space>
      {whatIf && <WhatIfView result={whatIf} />}
    </div>
  );
}

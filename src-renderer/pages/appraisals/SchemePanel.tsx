import { ExperimentOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Divider,
  Input,
  InputNumber,
  Popover,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppraisalSchemeInfo, WhatIfResult } from '../../../src-main/contract/appraisal';
import {
  PERCENT_SOURCES,
  peerMinOf,
  peerWeightOf,
  type KpiDefinition,
  type SchemeDefinition,
} from '../../../src-main/contract/appraisal-scheme';
import { invoke } from '../../backend/transport';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { useLang } from '../../i18n/LanguageProvider';
import { CurveChart } from './CurveChart';
import { RulesTable } from './RulesTable';
import { WhatIfView } from './WhatIfView';
import { errorMessage } from '../../backend/ApiError';

/**
 * The quarter's KPI scheme (P6.1) and rule table (P6.2, P6.3) on an editable copy: weights, grade
 * thresholds, rule thresholds and the bonus curve. What-if shows the effect before anything is saved;
 * saving makes a new version and recomputes the appraisal.
 */
export function SchemePanel({ quarter, editable }: { quarter: string; editable: boolean }) {
  const scheme = useOp('appraisal/scheme', { quarter });
  if (scheme.isError) return <ErrorState error={scheme.error} onRetry={() => void scheme.refetch()} compact />;
  if (scheme.isPending) return <Skeleton active />;
  // a saved version starts a fresh copy
  return <SchemeEditor key={`${quarter}:${scheme.data.version}`} info={scheme.data} editable={editable} />;
}

function SchemeEditor({ info, editable }: { info: AppraisalSchemeInfo; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const { quarter } = info;
  const save = useOpMutation('appraisal/save-scheme');
  const [copy, setCopy] = useState<SchemeDefinition>(() => structuredClone(info.definition));
  const [whatIf, setWhatIf] = useState<WhatIfResult | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const total = copy.kpis.reduce((s, k) => s + k.weight, 0);
  const setKpi = (key: string, weight: number) =>
    setCopy({ ...copy, kpis: copy.kpis.map((k) => (k.key === key ? { ...k, weight } : k)) });
  // Rated KPIs (P6.1 teamwork): the peers' share of the rating and the fewest peer ratings that count.
  const setPeers = (key: string, patch: Pick<KpiDefinition, 'peerWeight' | 'peerMin'>) =>
    setCopy({ ...copy, kpis: copy.kpis.map((k) => (k.key === key ? { ...k, ...patch } : k)) });

  const runWhatIf = async () => {
    setBusy(true);
    try {
      setWhatIf(await invoke('appraisal/what-if', { quarter, definition: copy }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    try {
      const saved = await save.mutateAsync({ quarter, definition: copy, reason: reason || undefined });
      message.success(t('appraisal.ui.schemeSaved', { version: saved.version }));
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
        { title: t('appraisal.ui.level'), dataIndex: 'level', width: 60 },
        { title: t('appraisal.report.score'), dataIndex: 'score', width: 60 },
        { title: t('appraisal.ui.levelLabel'), key: 'label', render: (_: unknown, r) => r.label[lang] },
        { title: t('appraisal.ui.levelText'), key: 'd', render: (_: unknown, r) => r.description[lang] },
      ]}
    />
  );

  return (
    <div className="wb-appraisal-scheme wb-appraisal-scroll">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text>
          {info.version
            ? t('appraisal.ui.schemeVersion', { version: info.version })
            : info.copiedFrom
              ? t('appraisal.ui.schemeCopied', { quarter: info.copiedFrom })
              : t('appraisal.ui.schemeDefault')}
        </Typography.Text>
        <Tag color={Math.abs(total - 100) < 1e-6 ? 'green' : 'red'}>
          {t('appraisal.ui.weightsTotal', { total: Math.round(total * 100) / 100 })}
        </Tag>
      </Space>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={copy.kpis}
        columns={[
          {
            title: t('appraisal.report.dimension'),
            dataIndex: 'dimension',
            width: 120,
            render: (v: string) => t(`appraisal.dimension.${v}`),
          },
          { title: t('appraisal.report.kpi'), key: 'label', render: (_: unknown, k) => k.label[lang] },
          {
            title: t('appraisal.ui.source'),
            dataIndex: 'source',
            width: 130,
            render: (v: string) => t(`appraisal.ui.sources.${v}`),
          },
          {
            title: t('appraisal.report.weight'),
            dataIndex: 'weight',
            width: 110,
            render: (v: number, k) => (
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={v}
                suffix="%"
                disabled={!editable}
                aria-label={`${k.label[lang]} ${t('appraisal.report.weight')}`}
                onChange={(w) => setKpi(k.key, w ?? 0)}
              />
            ),
          },
          {
            title: t('appraisal.ui.peersColumn'),
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
                    aria-label={`${k.label[lang]} ${t('appraisal.ui.peerWeight')}`}
                    onChange={(w) => setPeers(k.key, { peerWeight: w ?? 0 })}
                  />
                  <Typography.Text type="secondary">{t('appraisal.ui.peerMinLabel')}</Typography.Text>
                  <InputNumber
                    size="small"
                    style={{ width: 56 }}
                    min={1}
                    max={50}
                    value={peerMinOf(k)}
                    disabled={!editable || peerWeightOf(k) === 0}
                    aria-label={`${k.label[lang]} ${t('appraisal.ui.peerMinLabel')}`}
                    onChange={(m) => setPeers(k.key, { peerMin: m ?? 1 })}
                  />
                </Space>
              ),
          },
          {
            title: t('appraisal.ui.curveOrRubric'),
            key: 'curve',
            width: 260,
            render: (_: unknown, k) =>
              k.source === 'rated' ? (
                <Popover content={<div style={{ width: 560 }}>{rubric(k)}</div>} title={k.label[lang]}>
                  <Button size="small">{t('appraisal.ui.showRubric')}</Button>
                </Popover>
              ) : (
                k.curve && (
                  <CurveChart curve={k.curve} unit={PERCENT_SOURCES.has(k.source) ? '%' : ''} label={k.label[lang]} />
                )
              ),
          },
        ]}
      />
      <Divider titlePlacement="start">{t('appraisal.ui.grades')}</Divider>
      <Space wrap>
        {copy.grades.map((g, i) => (
          <span key={g.grade}>
            <Tag color="blue">{g.grade}</Tag>≥{' '}
            <InputNumber
              size="small"
              style={{ width: 72 }}
              value={g.min}
              disabled={!editable}
              aria-label={`${g.grade} ≥`}
              onChange={(v) =>
                setCopy({ ...copy, grades: copy.grades.map((x, j) => (j === i ? { ...x, min: v ?? 0 } : x)) })
              }
            />
          </span>
        ))}
        {copy.distribution && (
          <Typography.Text type="secondary">
            {t('appraisal.ui.target', {
              groups: copy.distribution.groups.map((g) => `${g.grades.join('+')} ${g.pct}%`).join(' / '),
            })}
          </Typography.Text>
        )}
      </Space>
      <Divider titlePlacement="start">{t('appraisal.ui.rules')}</Divider>
      <RulesTable def={copy} editable={editable} onChange={(rules) => setCopy({ ...copy, rules })} />
      {!editable && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('appraisal.ui.schemeReadOnly')} />}
      <Space wrap style={{ marginTop: 12 }}>
        <Button icon={<ExperimentOutlined />} loading={busy} onClick={() => void runWhatIf()}>
          {t('appraisal.ui.whatIf')}
        </Button>
        <Input
          style={{ width: 280 }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('appraisal.ui.changeReason')}
          disabled={!editable}
        />
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!editable}
          loading={save.isPending}
          onClick={() => void apply()}
        >
          {t('appraisal.ui.saveScheme')}
        </Button>
        <Button onClick={() => setCopy(structuredClone(info.definition))}>{t('appraisal.ui.resetCopy')}</Button>
      </Space>
      {whatIf && <WhatIfView result={whatIf} />}
    </div>
  );
}

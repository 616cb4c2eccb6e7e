import { InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleDefinition, SchemeDefinition } from '../../../src-main/contract/appraisal-scheme';
import { useLang } from '../../i18n/LanguageProvider';
import { conditionText, OPS } from './ruleText';

interface Props {
  def: SchemeDefinition;
  editable: boolean;
  onChange: (rules: RuleDefinition[]) => void;
}

type CurveField = 'threshold' | 'base' | 'perPoint' | 'acceleratorFrom' | 'acceleratorPerPoint' | 'cap';
const CURVE_FIELDS: CurveField[] = ['threshold', 'base', 'perPoint', 'acceleratorFrom', 'acceleratorPerPoint', 'cap'];

/** The reward and penalty rules (P6.2, P6.3), each naming its clause; thresholds and amounts editable on the copy. */
export function RulesTable({ def, editable, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const patch = (key: string, fn: (r: RuleDefinition) => RuleDefinition) =>
    onChange(def.rules.map((r) => (r.key === key ? fn(structuredClone(r)) : r)));

  const amountCell = (r: RuleDefinition) => {
    const a = r.amount;
    if (!a) return '—';
    if (a.kind === 'fixed') {
      return (
        <InputNumber
          size="small"
          min={0}
          value={a.yuan}
          disabled={!editable}
          prefix="¥"
          onChange={(v) => patch(r.key, (x) => ((x.amount = { kind: 'fixed', yuan: v ?? 0 }), x))}
        />
      );
    }
    return (
      <Space wrap size={4}>
        {CURVE_FIELDS.map((f) => (
          <span key={f} className="wb-curve-field">
            <Typography.Text type="secondary">{t(`appraisal.ui.curve.${f}`)}</Typography.Text>{' '}
            <InputNumber
              size="small"
              style={{ width: 88 }}
              value={a[f]}
              disabled={!editable}
              aria-label={t(`appraisal.ui.curve.${f}`)}
              onChange={(v) => patch(r.key, (x) => (x.amount?.kind === 'curve' && (x.amount[f] = v ?? 0), x))}
            />
          </span>
        ))}
      </Space>
    );
  };

  // conditions are alternatives (any one fires the rule); an editable threshold stands in the sentence itself
  const conditionCell = (r: RuleDefinition) =>
    r.when.map((c, i) => (
      <div key={i}>
        {i > 0 && <Typography.Text type="secondary">{t('appraisal.ui.rule.or')} </Typography.Text>}
        {c.kind === 'kpi' && editable ? (
          <span className="wb-curve-field">
            {`${def.kpis.find((k) => k.key === c.kpi)?.label[lang] ?? c.kpi} ${OPS[c.op]} `}
            <InputNumber
              size="small"
              style={{ width: 80 }}
              value={c.value}
              aria-label={t('appraisal.ui.threshold')}
              onChange={(v) =>
                patch(r.key, (x) => (x.when[i].kind === 'kpi' && ((x.when[i] as { value: number }).value = v ?? 0), x))
              }
            />
            {c.consecutive > 1 &&
              `${lang === 'zh-CN' ? '，' : ', '}${t('appraisal.ui.rule.running', { n: c.consecutive })}`}
          </span>
        ) : (
          conditionText(c, def, lang, t)
        )}
      </div>
    ));

  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={def.rules}
      columns={[
        {
          title: t('appraisal.report.clause'),
          dataIndex: 'clause',
          width: 70,
          render: (v: string) => <Tag color={v === 'P6.2' ? 'green' : 'volcano'}>{v}</Tag>,
        },
        {
          title: t('appraisal.report.outcomeType'),
          dataIndex: 'outcome',
          width: 130,
          render: (v: string) => t(`appraisal.outcome.${v}`),
        },
        { title: t('appraisal.ui.rule.label'), key: 'label', render: (_: unknown, r) => r.label[lang] },
        { title: t('appraisal.ui.rule.when'), key: 'when', render: (_: unknown, r) => conditionCell(r) },
        { title: t('appraisal.report.amount'), key: 'amount', render: (_: unknown, r) => amountCell(r) },
        {
          title: t('appraisal.ui.rule.enabled'),
          dataIndex: 'enabled',
          width: 80,
          render: (v: boolean, r) => (
            <Switch
              size="small"
              checked={v}
              disabled={!editable}
              onChange={(on) => patch(r.key, (x) => ((x.enabled = on), x))}
            />
          ),
        },
      ]}
    />
  );
}

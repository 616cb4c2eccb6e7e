import { Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WhatIfResult } from '../../../src-main/contract/appraisal';
import { formatMoney, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** What-if before applying (P6.2): bonus cost, grade distribution and who changes grade or bonus. */
export function WhatIfView({ result }: { result: WhatIfResult }) {
  const { t } = useTranslation();
  const lang = useLang();
  const grades = (g: Record<string, number>) =>
    Object.entries(g)
      .map(([k, n]) => `${k} ${n}`)
      .join(' · ');
  return (
    <Card size="small" title={t('appraisal.ui.whatIfTitle')} style={{ marginTop: 12 }}>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('appraisal.ui.bonusNow')} value={formatMoney(result.current.bonusCost, lang)} />
        </Col>
        <Col span={6}>
          <Statistic title={t('appraisal.ui.bonusThen')} value={formatMoney(result.proposed.bonusCost, lang)} />
        </Col>
        <Col span={12}>
          <div>{t('appraisal.ui.gradesNow', { grades: grades(result.current.grades) })}</div>
          <div>{t('appraisal.ui.gradesThen', { grades: grades(result.proposed.grades) })}</div>
        </Col>
      </Row>
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="employeeNo"
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: t('appraisal.ui.noChanges') }}
        dataSource={result.changes}
        columns={[
          { title: t('appraisal.ui.team'), dataIndex: 'team' },
          { title: t('appraisal.report.name'), dataIndex: 'name', render: (v: string, r) => `${v} ${r.employeeNo}` },
          {
            title: t('appraisal.report.total'),
            key: 'total',
            render: (_: unknown, r) => `${formatNumber(r.fromTotal, lang, 2)} → ${formatNumber(r.toTotal, lang, 2)}`,
          },
          {
            title: t('appraisal.report.grade'),
            key: 'grade',
            render: (_: unknown, r) => `${r.fromGrade ?? '—'} → ${r.toGrade ?? '—'}`,
          },
          {
            title: t('appraisal.outcome.bonus'),
            key: 'bonus',
            render: (_: unknown, r) => `${formatMoney(r.fromBonus, lang)} → ${formatMoney(r.toBonus, lang)}`,
          },
        ]}
      />
    </Card>
  );
}

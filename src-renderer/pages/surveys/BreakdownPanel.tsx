import { Card, Segmented, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension, type GroupStats } from '../../../src-main/contract/survey';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { fmtCi, fmtMean, fmtNps, fmtPct } from './surveyFormat';

/** Results by salesperson, team, region, product, period, segment or channel (issue #5 item 7). */
export function BreakdownPanel({ surveyId }: { surveyId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [dimension, setDimension] = useState<BreakdownDimension>('team');
  const data = useOp('survey/breakdown', { surveyId, dimension });
  return (
    <Card
      size="small"
      title={t('survey.ui.breakdown.title')}
      extra={
        <Segmented<BreakdownDimension>
          size="small"
          value={dimension}
          onChange={setDimension}
          options={BREAKDOWN_DIMENSIONS.map((d) => ({ value: d, label: t(`survey.ui.dimension.${d}`) }))}
          data-testid="breakdown-dimension"
        />
      }
    >
      {data.isError ? (
        <ErrorState compact error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <Table<GroupStats>
          size="small"
          rowKey="key"
          loading={data.isPending}
          dataSource={data.data}
          pagination={{ pageSize: 12, hideOnSinglePage: true, size: 'small' }}
          data-testid="breakdown-table"
          rowClassName={(r) => (r.tooSmall ? 'wb-row-small' : '')}
          columns={[
            {
              title: t(`survey.ui.dimension.${dimension}`),
              dataIndex: 'label',
              ellipsis: true,
              render: (v: string, r) => (
                <span>
                  {v}{' '}
                  {r.tooSmall && (
                    <Tooltip title={t('survey.ui.tooSmallHelp')}>
                      <Tag color="warning">{t('survey.ui.tooSmall')}</Tag>
                    </Tooltip>
                  )}
                </span>
              ),
            },
            {
              title: t('survey.ui.kpi.responses'),
              dataIndex: 'n',
              width: 90,
              align: 'right',
              sorter: (a, b) => a.n - b.n,
              render: (v: number) => formatNumber(v, lang),
            },
            {
              title: 'NPS',
              dataIndex: 'nps',
              width: 80,
              align: 'right',
              sorter: (a, b) => (a.nps ?? -999) - (b.nps ?? -999),
              render: (v: number | null) => fmtNps(v, lang),
            },
            {
              title: t('survey.ui.breakdown.ci'),
              dataIndex: 'ci95',
              width: 140,
              align: 'right',
              render: (v: [number, number] | null) => fmtCi(v, lang),
            },
            {
              title: 'CSAT',
              dataIndex: 'csat',
              width: 80,
              align: 'right',
              sorter: (a, b) => (a.csat ?? -1) - (b.csat ?? -1),
              render: (v: number | null) => fmtPct(v, lang),
            },
            {
              title: t('survey.ui.questions.mean'),
              dataIndex: 'mean',
              width: 80,
              align: 'right',
              render: (v: number | null) => fmtMean(v, lang),
            },
          ]}
        />
      )}
    </Card>
  );
}

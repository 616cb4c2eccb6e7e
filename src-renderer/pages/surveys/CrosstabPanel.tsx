import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension, type SurveyDetail } from '../../../src-main/contract/survey';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { CATEGORICAL_TYPES, fmtP } from './surveyFormat';

type XRow = { key: string; label: string; counts: number[]; n: number; tooSmall: boolean };

/** Any question against any dimension with Pearson's chi-square test (issue #5 item 7). */
export function CrosstabPanel({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const questions = survey.questionList.filter((q) => CATEGORICAL_TYPES.has(q.type));
  const [questionId, setQuestionId] = useState<number | undefined>(
    questions.find((q) => q.type === 'likert5')?.id ?? questions[0]?.id,
  );
  const [dimension, setDimension] = useState<BreakdownDimension>('team');
  const data = useOp(
    'survey/crosstab',
    { surveyId: survey.id, questionId: questionId ?? 0, dimension },
    { enabled: questionId !== undefined },
  );
  const x = data.data;
  const test = x?.test;
  return (
    <Card
      size="small"
      title={t('survey.ui.crosstab.title')}
      extra={
        <Space wrap>
          <Select
            size="small"
            style={{ width: 260 }}
            value={questionId}
            onChange={setQuestionId}
            options={questions.map((q) => ({ value: q.id, label: `${q.code} ${q.text}` }))}
            data-testid="crosstab-question"
          />
          <Typography.Text type="secondary">×</Typography.Text>
          <Select<BreakdownDimension>
            size="small"
            style={{ width: 130 }}
            value={dimension}
            onChange={setDimension}
            options={BREAKDOWN_DIMENSIONS.map((d) => ({ value: d, label: t(`survey.ui.dimension.${d}`) }))}
          />
        </Space>
      }
    >
      {!questions.length && <Alert type="info" showIcon title={t('survey.ui.crosstab.none')} />}
      {data.isError && <ErrorState compact error={data.error} onRetry={() => void data.refetch()} />}
      {x && test && (
        <>
          <div className="wb-crosstab-test" data-testid="crosstab-test">
            <Tag color={test.p !== null && test.p < 0.05 ? 'red' : 'default'}>
              χ² = {formatNumber(test.chi2, lang, 2)} · df = {test.df} · p = {fmtP(test.p)}
            </Tag>
            <Typography.Text type="secondary">
              {test.p === null
                ? t('survey.ui.crosstab.noTest')
                : test.p < 0.05
                  ? t('survey.ui.crosstab.significant')
                  : t('survey.ui.crosstab.notSignificant')}
            </Typography.Text>
            {test.lowExpectedShare > 0.2 && (
              <Tag color="warning">
                {t('survey.ui.crosstab.lowExpected', { share: Math.round(test.lowExpectedShare * 100) })}
              </Tag>
            )}
          </div>
          <Table<XRow>
            size="small"
            rowKey="key"
            dataSource={x.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t(`survey.ui.dimension.${dimension}`),
                dataIndex: 'label',
                fixed: 'left',
                render: (v: string, r) => (
                  <span>
                    {v} {r.tooSmall && <Tag color="warning">{t('survey.ui.tooSmall')}</Tag>}
                  </span>
                ),
              },
              ...x.columns.map((c, i) => ({
                title: c,
                key: String(i),
                align: 'right' as const,
                render: (_: unknown, r: XRow) => (
                  <span title={`${formatNumber((100 * r.counts[i]) / (r.n || 1), lang, 1)}%`}>
                    {formatNumber(r.counts[i], lang)}
                  </span>
                ),
              })),
              { title: 'n', dataIndex: 'n', align: 'right' as const, render: (v: number) => formatNumber(v, lang) },
            ]}
          />
        </>
      )}
    </Card>
  );
}

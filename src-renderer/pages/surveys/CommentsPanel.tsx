import { SearchOutlined } from '@ant-design/icons';
import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentRow, SurveyDetail } from '../../../src-main/contract/survey';
import { useOp } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { NPS_VALUE_COLOR } from './charts';

type NpsClass = 'promoter' | 'passive' | 'detractor';

/** Free-text answers (issue #5 item 9): searchable, filtered by NPS class, salesperson or question. */
export function CommentsPanel({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [questionId, setQuestionId] = useState<number | undefined>();
  const [salespersonId, setSalespersonId] = useState<number | undefined>();
  const [npsClass, setNpsClass] = useState<NpsClass | undefined>();
  const staff = useOp('staff/list', { includeInactive: true });
  const data = useOp('survey/comments', {
    surveyId: survey.id,
    search: deferred,
    questionId,
    salespersonId,
    npsClass,
    limit: 500,
  });
  const textQuestions = survey.questionList.filter((q) => q.type === 'text' || q.type === 'meta');
  return (
    <Card size="small" title={t('survey.ui.comments.title')} data-testid="comments">
      <Space wrap className="wb-comments-filters">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('survey.ui.comments.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 240 }}
          data-testid="comments-search"
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('survey.ui.comments.question')}
          value={questionId}
          onChange={setQuestionId}
          options={textQuestions.map((q) => ({ value: q.id, label: q.text }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          placeholder={t('survey.ui.comments.salesperson')}
          value={salespersonId}
          onChange={setSalespersonId}
          options={(staff.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.employeeNo})` }))}
        />
        <Select<NpsClass>
          allowClear
          style={{ width: 180 }}
          placeholder={t('survey.ui.comments.score')}
          value={npsClass}
          onChange={setNpsClass}
          options={(['detractor', 'passive', 'promoter'] as const).map((c) => ({
            value: c,
            label: t(`survey.ui.nps.${c}`),
          }))}
          data-testid="comments-class"
        />
        {data.data && (
          <Typography.Text type="secondary" data-testid="comments-total">
            {t('survey.ui.comments.total', {
              total: formatNumber(data.data.total, lang),
              shown: data.data.rows.length,
            })}
          </Typography.Text>
        )}
      </Space>
      {data.isError ? (
        <ErrorState compact error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <Table<CommentRow>
          size="small"
          rowKey={(r) => `${r.responseId}-${r.questionId}`}
          loading={data.isPending}
          dataSource={data.data?.rows}
          pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
          columns={[
            {
              title: t('survey.ui.comments.text'),
              dataIndex: 'text',
              render: (v: string) => <span className="wb-comment-text">{v}</span>,
            },
            {
              title: 'NPS',
              dataIndex: 'npsScore',
              width: 70,
              align: 'center',
              render: (v: number | null) => (v === null ? '—' : <Tag color={NPS_VALUE_COLOR(v)}>{v}</Tag>),
            },
            { title: t('survey.ui.comments.salesperson'), dataIndex: 'salesperson', width: 120 },
            { title: t('survey.ui.comments.customer'), dataIndex: 'customer', width: 180, ellipsis: true },
            { title: t('survey.ui.comments.question'), dataIndex: 'question', width: 160, ellipsis: true },
            {
              title: t('survey.ui.comments.date'),
              dataIndex: 'submittedAt',
              width: 110,
              render: (v: string | null) => v?.slice(0, 10) ?? '—',
            },
          ]}
        />
      )}
    </Card>
  );
}

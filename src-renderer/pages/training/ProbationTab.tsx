import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProbationReview } from '../../../src-main/contract/training';
import { errorMessage } from '../../backend/ApiError';
import { invoke } from '../../backend/transport';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ExportButton } from '../../components/ExportButton';
import { htmlOf, PrintFrame } from '../../components/PrintFrame';
import { formatMoney, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { tableExport } from '../../components/grid/tableExport';

/**
 * The probation review (P5.5 with P1.6): who is due, the months worked in figures, each ability item rated
 * on the appraisal's own rubric, and the decision: confirm, extend (to a later end) or end. The review
 * prints on A4 like the quarterly report.
 */
export function ProbationTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const [days, setDays] = useState(30);
  const due = useOp('training/probation-due', { days });
  const staff = useOp('staff/list', { includeInactive: false });
  const [person, setPerson] = useState<string | null>(null);
  const rows = due.data ?? [];
  const columns = [
    { key: 'employeeNo', title: t('training.fields.employeeNo'), value: (r: ProbationReview) => r.employeeNo },
    { key: 'name', title: t('training.fields.name'), value: (r: ProbationReview) => r.name },
    { key: 'team', title: t('training.fields.team'), value: (r: ProbationReview) => r.team },
    {
      key: 'hireDate',
      title: t('training.probation.hireDate'),
      value: (r: ProbationReview) => r.hireDate,
      format: 'date' as const,
    },
    {
      key: 'probationEnd',
      title: t('training.probation.end'),
      value: (r: ProbationReview) => r.probationEnd,
      format: 'date' as const,
    },
    {
      key: 'orders',
      title: t('training.probation.orders'),
      value: (r: ProbationReview) => r.data.orders,
      format: 'int' as const,
    },
    {
      key: 'sales',
      title: t('training.probation.sales'),
      value: (r: ProbationReview) => r.data.sales,
      format: 'money' as const,
    },
    {
      key: 'customers',
      title: t('training.probation.customers'),
      value: (r: ProbationReview) => r.data.customers,
      format: 'int' as const,
    },
  ];
  return (
    <div data-testid="training-probation">
      <div className="wb-toolbar">
        <Space wrap>
          <Typography.Text>{t('training.probation.dueWithin')}</Typography.Text>
          <Select
            value={days}
            onChange={setDays}
            style={{ width: 120 }}
            options={[30, 60, 90, 365].map((d) => ({
              value: d,
              label: t('training.probation.days', { count: d, n: formatNumber(d, lang) }),
            }))}
            data-testid="probation-days"
          />
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            placeholder={t('training.probation.anyone')}
            style={{ width: 260 }}
            value={null}
            onChange={(v: string | null) => v && setPerson(v)}
            options={(staff.data ?? []).map((s) => ({ value: s.employeeNo, label: `${s.name} (${s.employeeNo})` }))}
            data-testid="probation-person"
          />
        </Space>
        <ExportButton
          fileName={t('training.probation.title')}
          rows={rows.length}
          disabled={!rows.length}
          build={(format) => ({
            op: 'export/rows',
            input: tableExport(t('training.probation.title'), columns, rows, format),
          })}
          testId="probation-export"
        />
      </div>
      <Table<ProbationReview>
        rowKey="employeeNo"
        size="middle"
        loading={due.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('training.probation.noneDue') }}
        columns={[
          ...columns.map((c) => ({
            key: c.key,
            title: c.title,
            align: c.format === 'int' || c.format === 'money' ? ('right' as const) : undefined,
            render: (_: unknown, r: ProbationReview) =>
              c.format === 'money' ? formatMoney(r.data.sales, lang) : String(c.value(r) ?? '—'),
          })),
          {
            key: 'review',
            title: '',
            render: (_, r) => (
              <Button
                size="small"
                onClick={() => setPerson(r.employeeNo)}
                data-testid={`probation-open-${r.employeeNo}`}
              >
                {t('training.probation.review')}
              </Button>
            ),
          },
        ]}
      />
      {person && <ReviewDrawer person={person} onClose={() => setPerson(null)} />}
    </div>
  );
}

function ReviewDrawer({ person, onClose }: { person: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const review = useOp('training/probation', { person });
  const save = useOpMutation('training/probation-review');
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [decision, setDecision] = useState<'confirm' | 'extend' | 'end' | null>(null);
  const [extendTo, setExtendTo] = useState<dayjs.Dayjs | null>(null);
  const [note, setNote] = useState('');
  const [html, setHtml] = useState<string | null>(null);
  const r = review.data;
  const level = (key: string) => ratings[key] ?? r?.review?.ratings[key];
  const chosen = decision ?? r?.review?.decision ?? null;
  const submit = async () => {
    if (!r || !chosen) return;
    try {
      await save.mutateAsync({
        person,
        ratings: Object.fromEntries(
          r.items.flatMap((i) => (level(i.key) === undefined ? [] : [[i.key, level(i.key)!]])),
        ),
        decision: chosen,
        ...(chosen === 'extend' && extendTo ? { extendTo: extendTo.format('YYYY-MM-DD') } : {}),
        note: note || r.review?.note || '',
      });
      message.success(t('training.probation.saved'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const print = async () => {
    try {
      setHtml(htmlOf(await invoke('report/probation-review', { person })));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Drawer
      open
      size={720}
      onClose={onClose}
      title={r ? `${t('training.probation.title')} · ${r.name} (${r.employeeNo})` : t('training.probation.title')}
      extra={
        <Space>
          <Button onClick={() => void print()} data-testid="probation-print">
            {t('training.probation.print')}
          </Button>
          <Button
            type="primary"
            disabled={!chosen}
            loading={save.isPending}
            onClick={() => void submit()}
            data-testid="probation-save"
          >
            {t('training.actions.save')}
          </Button>
        </Space>
      }
    >
      {review.error && <Typography.Text type="danger">{errorMessage(review.error)}</Typography.Text>}
      {r && (
        <div data-testid="probation-review">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('training.fields.team')}>{r.team ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('training.probation.period')}>
              {r.hireDate ?? '—'} → {r.probationEnd ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.probation.orders')}>
              {formatNumber(r.data.orders, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.probation.sales')}>
              {formatMoney(r.data.sales, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.probation.customers')}>
              {formatNumber(r.data.customers, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.probation.decisionLabel')}>
              {r.review ? (
                <Tag data-testid="probation-decided">
                  {t(`training.probation.decision.${r.review.decision}`)}
                  {r.review.extendedTo ? ` → ${r.review.extendedTo}` : ''} · {r.review.date}
                </Tag>
              ) : (
                t('training.probation.undecided')
              )}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('training.probation.criteria')}
          </Typography.Title>
          {r.items.map((i) => (
            <div key={i.key} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{i.label}</Typography.Text>
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 2, marginTop: 4 }}
                value={level(i.key)}
                onChange={(e) => setRatings((x) => ({ ...x, [i.key]: e.target.value as number }))}
                data-testid={`probation-level-${i.key}`}
              >
                {i.levels.map((l) => (
                  <Radio key={l.level} value={l.level}>
                    <strong>
                      {l.level} · {l.label}
                    </strong>{' '}
                    <Typography.Text type="secondary">{l.description}</Typography.Text>
                  </Radio>
                ))}
              </Radio.Group>
            </div>
          ))}
          <Typography.Title level={5}>{t('training.probation.decisionLabel')}</Typography.Title>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Radio.Group
              value={chosen}
              onChange={(e) => setDecision(e.target.value as 'confirm')}
              data-testid="probation-decision"
            >
              {(['confirm', 'extend', 'end'] as const).map((d) => (
                <Radio.Button key={d} value={d} data-testid={`probation-decision-${d}`}>
                  {t(`training.probation.decision.${d}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
            {chosen === 'extend' && (
              <DatePicker
                value={extendTo}
                onChange={setExtendTo}
                placeholder={t('training.probation.extendTo')}
                data-testid="probation-extend-to"
              />
            )}
            <Input.TextArea
              rows={3}
              value={note || r.review?.note || ''}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('training.probation.note')}
              data-testid="probation-note"
            />
          </Space>
        </div>
      )}
      <PrintFrame title={t('training.probation.title')} html={html} onClose={() => setHtml(null)} />
    </Drawer>
  );
}

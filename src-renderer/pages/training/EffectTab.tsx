import { App, Button, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Effect, EffectSide, Suggestion } from '../../../src-main/contract/training';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';

const side = (s: EffectSide) =>
  s.n === 0 ? '—' : `${s.before} → ${s.after} (${s.change !== null && s.change > 0 ? '+' : ''}${s.change})`;

/** Closing the loop: appraisal gaps with the courses that address them (enrol in one step), and whether each course worked. */
export function EffectTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const table = useOp('training/effect-table', {});
  const gaps = useOp('training/suggestions', {});
  const enrol = useOpMutation('training/enrol');
  const [picked, setPicked] = useState<Record<string, number>>({});
  const keyOf = (s: Suggestion) => `${s.employeeNo}|${s.kpi}`;
  return (
    <div data-testid="training-effect">
      <Typography.Title level={5}>
        {t('training.tabs.suggestions')} {gaps.data?.quarter ? `· ${gaps.data.quarter}` : ''}
      </Typography.Title>
      <Table<Suggestion>
        rowKey={keyOf}
        size="small"
        loading={gaps.isPending}
        dataSource={gaps.data?.items ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t('training.fields.name'), key: 'name', render: (_, s) => `${s.name} (${s.employeeNo})` },
          { title: t('training.fields.kpi'), dataIndex: 'kpiLabel' },
          {
            title: t('training.fields.value'),
            key: 'v',
            render: (_, s) => `${s.value ?? '—'}${s.score !== null ? ` · ${Math.round(s.score)}` : ''}`,
          },
          {
            title: t('training.fields.suggestedCourses'),
            key: 'courses',
            render: (_, s) => {
              const options = s.courses.flatMap((c) =>
                c.sessions.map((x) => ({ value: x.id, label: `${c.title} · ${x.date}` })),
              );
              return options.length ? (
                <Select
                  style={{ width: 320 }}
                  value={picked[keyOf(s)] ?? options[0].value}
                  onChange={(v) => setPicked((p) => ({ ...p, [keyOf(s)]: v }))}
                  options={options}
                />
              ) : (
                <Typography.Text type="secondary">{t('training.summary.noUpcoming')}</Typography.Text>
              );
            },
          },
          {
            title: '',
            key: 'enrol',
            render: (_, s) => {
              const first = s.courses.flatMap((c) => c.sessions)[0];
              const sessionId = picked[keyOf(s)] ?? first?.id;
              return (
                <Button
                  size="small"
                  type="primary"
                  disabled={!sessionId}
                  data-testid={`enrol-${s.employeeNo}-${s.kpi}`}
                  onClick={() =>
                    void enrol
                      .mutateAsync({ sessionId, people: [s.employeeNo], reason: `${gaps.data?.quarter} ${s.kpiLabel}` })
                      .then(
                        (r) => message.success(t('training.summary.enrolled', { count: r.enrolled })),
                        (e: unknown) => message.error(errorMessage(e)),
                      )
                  }
                >
                  {t('training.actions.enrol')}
                </Button>
              );
            },
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('training.tabs.effect')}
      </Typography.Title>
      <Table<Effect>
        rowKey={(e) => e.course.id}
        size="small"
        loading={table.isPending}
        dataSource={table.data ?? []}
        pagination={false}
        columns={[
          { title: t('training.fields.course'), key: 'c', render: (_, e) => e.course.title },
          { title: t('training.fields.kpi'), dataIndex: 'kpi', render: (v: string | null) => v ?? '—' },
          {
            title: `${t('training.fields.trained')} (${t('training.fields.before')} → ${t('training.fields.after')})`,
            key: 't',
            render: (_, e) => side(e.trained),
          },
          { title: `${t('training.fields.trained')} n`, key: 'tn', render: (_, e) => e.trained.n },
          {
            title: `${t('training.fields.untrained')} (${t('training.fields.before')} → ${t('training.fields.after')})`,
            key: 'u',
            render: (_, e) => side(e.untrained),
          },
          { title: `${t('training.fields.untrained')} n`, key: 'un', render: (_, e) => e.untrained.n },
          {
            title: '',
            key: 'small',
            render: (_, e) => (e.tooSmall ? <Tag>{t('training.fields.tooSmall')}</Tag> : null),
          },
        ]}
      />
    </div>
  );
}

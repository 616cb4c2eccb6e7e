import { App, Button, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Effect, EffectSide, Suggestion } from '../../../src-main/contract/training';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ExportButton } from '../../components/ExportButton';
import { tableExport } from '../../components/grid/tableExport';

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
      <div className="wb-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('training.tabs.suggestions')} {gaps.data?.quarter ? `· ${gaps.data.quarter}` : ''}
        </Typography.Title>
        <ExportButton
          fileName={t('training.tabs.suggestions')}
          rows={gaps.data?.items.length ?? 0}
          disabled={!gaps.data?.items.length}
          build={(format) => ({
            op: 'export/rows',
            input: tableExport(
              t('training.tabs.suggestions'),
              [
                { title: t('training.fields.employeeNo'), value: (s: Suggestion) => s.employeeNo },
                { title: t('training.fields.name'), value: (s: Suggestion) => s.name },
                { title: t('training.fields.team'), value: (s: Suggestion) => s.team },
                { title: t('training.fields.kpi'), value: (s: Suggestion) => s.kpiLabel },
                { title: t('training.fields.value'), value: (s: Suggestion) => s.value, format: 'number' },
                { title: t('training.fields.score'), value: (s: Suggestion) => s.score, format: 'number' },
                {
                  title: t('training.fields.suggestedCourses'),
                  value: (s: Suggestion) => s.courses.map((c) => c.title).join('、'),
                },
              ],
              gaps.data?.items ?? [],
              format,
            ),
          })}
          testId="suggestions-export"
        />
      </div>
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
      <div className="wb-toolbar" style={{ marginTop: 24 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('training.tabs.effect')}
        </Typography.Title>
        <ExportButton
          fileName={t('training.tabs.effect')}
          rows={table.data?.length ?? 0}
          disabled={!table.data?.length}
          build={(format) => ({
            op: 'export/rows',
            input: tableExport(
              t('training.tabs.effect'),
              [
                { title: t('training.fields.course'), value: (e: Effect) => e.course.title },
                { title: t('training.fields.kpi'), value: (e: Effect) => e.kpi },
                ...(['trained', 'untrained'] as const).flatMap((g) => [
                  {
                    title: `${t(`training.fields.${g}`)} ${t('training.fields.n')}`,
                    value: (e: Effect) => e[g].n,
                    format: 'int' as const,
                  },
                  {
                    title: `${t(`training.fields.${g}`)} ${t('training.fields.before')}`,
                    value: (e: Effect) => e[g].before,
                    format: 'number' as const,
                  },
                  {
                    title: `${t(`training.fields.${g}`)} ${t('training.fields.after')}`,
                    value: (e: Effect) => e[g].after,
                    format: 'number' as const,
                  },
                  {
                    title: `${t(`training.fields.${g}`)} ${t('training.fields.change')}`,
                    value: (e: Effect) => e[g].change,
                    format: 'number' as const,
                  },
                ]),
                { title: t('training.fields.tooSmall'), value: (e: Effect) => e.tooSmall, format: 'bool' },
              ],
              table.data ?? [],
              format,
            ),
          })}
          testId="effect-export"
        />
      </div>
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

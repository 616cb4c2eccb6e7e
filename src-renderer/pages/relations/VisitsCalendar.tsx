import { Badge, Calendar, Card, List, Segmented, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitRecord } from '../../../src-main/contract/care';
import { useOp } from '../../backend/useOp';
import { useLang } from '../../i18n/LanguageProvider';
import { formatDate } from '../../i18n/format';

/** Planned and done visits by week or by month (P4.2). */
export function VisitsCalendar({ person }: { person?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [mode, setMode] = useState<'week' | 'month'>('week');
  const [anchor, setAnchor] = useState<Dayjs>(dayjs());
  const from = mode === 'week' ? anchor.startOf('week') : anchor.startOf('month').subtract(7, 'day');
  const to = mode === 'week' ? anchor.endOf('week') : anchor.endOf('month').add(7, 'day');
  const q = useOp('visits/list', {
    from: from.format('YYYY-MM-DD'),
    to: to.format('YYYY-MM-DD'),
    person: person || null,
  });
  const byDay = new Map<string, VisitRecord[]>();
  for (const v of q.data ?? []) (byDay.get(v.date) ?? byDay.set(v.date, []).get(v.date)!).push(v);
  const line = (v: VisitRecord) => `${v.customerName}${v.staffName ? ` · ${v.staffName}` : ''}`;
  return (
    <Card
      size="small"
      title={t('customers.ui.calendar')}
      extra={
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'week' | 'month')}
          options={[
            { value: 'week', label: t('customers.ui.week') },
            { value: 'month', label: t('customers.ui.month') },
          ]}
        />
      }
      data-testid="visits-calendar"
    >
      {mode === 'month' ? (
        <Calendar
          value={anchor}
          onPanelChange={(d) => setAnchor(d)}
          onSelect={(d) => setAnchor(d)}
          cellRender={(d, info) =>
            info.type === 'date' ? (
              <Space orientation="vertical" size={0}>
                {(byDay.get(d.format('YYYY-MM-DD')) ?? []).slice(0, 3).map((v) => (
                  <Badge
                    key={v.id}
                    status={v.status === 'done' ? 'success' : v.status === 'planned' ? 'processing' : 'default'}
                    text={v.customerName}
                  />
                ))}
              </Space>
            ) : null
          }
        />
      ) : (
        <>
          <Space style={{ marginBottom: 8 }}>
            <Typography.Link onClick={() => setAnchor(anchor.subtract(1, 'week'))}>‹</Typography.Link>
            <Typography.Text>
              {formatDate(from.format('YYYY-MM-DD'), lang)} – {formatDate(to.format('YYYY-MM-DD'), lang)}
            </Typography.Text>
            <Typography.Link onClick={() => setAnchor(anchor.add(1, 'week'))}>›</Typography.Link>
          </Space>
          <List
            size="small"
            dataSource={Array.from({ length: 7 }, (_, i) => from.add(i, 'day').format('YYYY-MM-DD'))}
            renderItem={(day) => (
              <List.Item>
                <Typography.Text strong style={{ minWidth: 130, display: 'inline-block', whiteSpace: 'nowrap' }}>
                  {formatDate(day, lang)}
                </Typography.Text>
                <Space wrap>
                  {(byDay.get(day) ?? []).map((v) => (
                    <Badge
                      key={v.id}
                      status={v.status === 'done' ? 'success' : v.status === 'planned' ? 'processing' : 'default'}
                      text={line(v)}
                    />
                  ))}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

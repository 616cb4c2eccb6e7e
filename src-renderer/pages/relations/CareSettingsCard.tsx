import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CareTemplate, CompanyEvent } from '../../../src-main/contract/care';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { useLang } from '../../i18n/LanguageProvider';
import { formatDate } from '../../i18n/format';
import { careCellRender, useCareDayLabels } from './careDays';

/** The greeting of each occasion in both languages, and the company's own dates on the care calendar (P4.3). */
export function CareSettingsCard() {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="care-settings">
      <Tabs
        items={[
          { key: 'templates', label: t('customers.ui.templates'), children: <Templates /> },
          { key: 'events', label: t('customers.ui.company-events'), children: <CompanyEvents /> },
        ]}
      />
    </Card>
  );
}

/** An occasion's name (春节, Birthday); a company's own occasion key as it was saved. */
const occasionName = (t: TFunction, key: string): string => t(`customers.ui.occasions.${key}`, { defaultValue: key });

function Templates() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useOp('care/templates', {});
  const save = useOpMutation('care/set-template');
  const [editing, setEditing] = useState<CareTemplate | null>(null);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const submit = async () => {
    if (!editing) return;
    try {
      await save.mutateAsync({ occasion: editing.occasion, lang: editing.lang, body });
      message.success(t('customers.ui.template-saved', { occasion: occasionName(t, editing.occasion) }));
      setEditing(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <Table<CareTemplate>
        size="small"
        pagination={false}
        loading={list.isLoading}
        rowKey={(r) => `${r.occasion}|${r.lang}`}
        dataSource={list.data}
        columns={[
          {
            title: t('customers.ui.occasion'),
            dataIndex: 'occasion',
            width: 150,
            render: (k: string) => occasionName(t, k),
          },
          { title: t('customers.ui.language'), dataIndex: 'lang', width: 90 },
          {
            title: t('customers.ui.greeting'),
            dataIndex: 'body',
            render: (b: string, r) => (
              <Space>
                <span>{b}</span>
                {r.custom && <Tag color="blue">{t('customers.ui.custom')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            width: 60,
            render: (_: unknown, r) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('customers.ui.edit')}
                data-testid={`edit-template-${r.occasion}-${r.lang}`}
                onClick={() => {
                  setEditing(r);
                  setBody(r.body);
                  setError(null);
                }}
              />
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing ? `${occasionName(t, editing.occasion)} · ${editing.lang}` : ''}
        onOk={() => void submit()}
        okText={t('customers.ui.save')}
        okButtonProps={{ disabled: !body.trim() }}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Input.TextArea
          value={body}
          maxLength={1000}
          rows={4}
          status={error ? 'error' : undefined}
          onChange={(e) => setBody(e.target.value)}
          data-testid="template-body"
        />
        {error && (
          <Typography.Text type="danger" data-testid="template-error">
            {error}
          </Typography.Text>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('customers.ui.placeholders')}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

function CompanyEvents() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const list = useOp('care/events', {});
  const save = useOpMutation('care/save-event');
  const remove = useOpMutation('care/delete-event');
  const [date, setDate] = useState<Dayjs | null>(null);
  const [name, setName] = useState('');
  const [yearly, setYearly] = useState(true);
  const labels = useCareDayLabels([(date ?? dayjs()).year()]);
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const add = async () => {
    if (!date) return;
    try {
      await save.mutateAsync({ date: date.format('YYYY-MM-DD'), name, yearly });
      message.success(t('customers.ui.event-saved', { name: name.trim() }));
      setName('');
      setDate(null);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <DatePicker
          value={date}
          onChange={setDate}
          cellRender={careCellRender(labels)}
          placeholder={t('customers.ui.date')}
          data-testid="event-date"
        />
        <Input
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('customers.ui.event-name')}
          style={{ width: 220 }}
          data-testid="event-name"
        />
        <Checkbox checked={yearly} onChange={(e) => setYearly(e.target.checked)}>
          {t('customers.ui.every-year')}
        </Checkbox>
        <Button
          icon={<PlusOutlined />}
          disabled={!date || !name.trim()}
          loading={save.isPending}
          onClick={() => void add()}
          data-testid="event-add"
        >
          {t('customers.ui.add-event')}
        </Button>
      </Space>
      <Table<CompanyEvent>
        size="small"
        pagination={false}
        loading={list.isLoading}
        rowKey="id"
        dataSource={list.data}
        locale={{ emptyText: t('customers.ui.no-events') }}
        columns={[
          { title: t('customers.ui.date'), dataIndex: 'date', width: 140, render: (d: string) => formatDate(d, lang) },
          { title: t('customers.ui.event-name'), dataIndex: 'name' },
          {
            title: t('customers.ui.every-year'),
            dataIndex: 'yearly',
            width: 100,
            render: (y: boolean) => (y ? '✓' : ''),
          },
          {
            title: '',
            width: 60,
            render: (_: unknown, r) => (
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('customers.ui.delete')}
                loading={remove.isPending && remove.variables?.id === r.id}
                onClick={() =>
                  void remove.mutateAsync({ id: r.id }).catch((e: unknown) => message.error(errorMessage(e)))
                }
              />
            ),
          },
        ]}
      />
    </>
  );
}

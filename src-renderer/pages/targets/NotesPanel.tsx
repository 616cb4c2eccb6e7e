import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketNote } from '../../../src-main/contract/targets';
import { errorMessage } from '../../backend/ApiError';
import { useOpMutation } from '../../backend/useOp';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { NoteModal, type NoteTarget } from './NoteModal';

const KIND_COLOR: Record<MarketNote['kind'], string> = {
  market: 'blue',
  competitor: 'volcano',
  strategy: 'green',
  assumption: 'gold',
};

function noteWhere(n: Pick<MarketNote, 'teamName' | 'staffName' | 'period'>, year: number, company: string): string {
  return [n.staffName ?? n.teamName ?? company, n.period ? `${year} ${n.period}` : String(year)].join(' · ');
}

/** The year's market, competitor and strategy notes (P2.3, P2.4), each with the cell it is attached to. */
export function NotesPanel({ year, notes }: { year: number; notes: MarketNote[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const remove = useOpMutation('targets/note-delete');
  const [editing, setEditing] = useState<{ target: NoteTarget; note: MarketNote | null } | null>(null);
  const company = t('targets.scope.company');

  return (
    <div className="wb-target-notes">
      <Space style={{ marginBottom: 12 }}>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setEditing({ target: { teamId: null, staffId: null, period: null, label: String(year) }, note: null })
          }
        >
          {t('targets.notes.addYear')}
        </Button>
        <Typography.Text type="secondary">{t('targets.notes.hint')}</Typography.Text>
      </Space>
      {notes.length === 0 ? (
        <Empty description={t('targets.notes.empty')} />
      ) : (
        <List
          dataSource={notes}
          renderItem={(n) => (
            <List.Item
              data-testid="target-note"
              actions={[
                <Button
                  key="e"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit', { defaultValue: 'Edit' })}
                  onClick={() =>
                    setEditing({
                      target: {
                        teamId: n.teamId,
                        staffId: n.staffId,
                        period: n.period,
                        label: noteWhere(n, year, company),
                      },
                      note: n,
                    })
                  }
                />,
                <Popconfirm
                  key="d"
                  title={t('targets.notes.confirmDelete')}
                  onConfirm={() => remove.mutate({ id: n.id }, { onError: (e) => void message.error(errorMessage(e)) })}
                >
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('targets.notes.delete')} />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    <Tag color={KIND_COLOR[n.kind]}>{t(`targets.notes.kind.${n.kind}`)}</Tag>
                    {n.title}
                  </Space>
                }
                description={
                  <>
                    <Typography.Text type="secondary" className="wb-small">
                      {noteWhere(n, year, company)} · {formatDateTime(n.createdAt, lang)}
                    </Typography.Text>
                    {n.body && (
                      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                        {n.body}
                      </Typography.Paragraph>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <NoteModal year={year} target={editing?.target ?? null} note={editing?.note} onClose={() => setEditing(null)} />
    </div>
  );
}

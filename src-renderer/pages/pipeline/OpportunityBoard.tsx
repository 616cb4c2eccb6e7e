import { App, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, type Opportunity, type Stage } from '../../../src-main/contract/pipeline';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { FullPageSpin } from '../../components/FullPageSpin';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

type Filter = { teamId?: number; staffId?: number; productId?: number; from?: string; to?: string };

/**
 * P3.1: one column per stage. A card moves by drag and drop, or from the keyboard: focus it and press
 * → or ← for the next or previous stage. Lost asks for the reason and the competitor.
 */
export function OpportunityBoard({ filter }: { filter: Filter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lang = useLang();
  const board = useOp('opportunities/board', filter);
  const move = useOpMutation('opportunities/move');
  const [lost, setLost] = useState<Opportunity | null>(null);
  const [form] = Form.useForm<{ lostReason: string; competitor?: string }>();
  const [over, setOver] = useState<Stage | null>(null);

  const moveTo = async (o: Opportunity, stage: Stage, extra: { lostReason?: string; competitor?: string } = {}) => {
    if (stage === o.stage) return;
    if (stage === 'lost' && !extra.lostReason) {
      setLost(o);
      return;
    }
    try {
      await move.mutateAsync({ id: o.id, stage, ...extra });
      message.success(t('pipeline.moved', { title: o.title, stage: t(`pipeline.stage.${stage}`) }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const onKey = (o: Opportunity, e: React.KeyboardEvent) => {
    const i = STAGES.indexOf(o.stage);
    if (e.key === 'ArrowRight' && i < STAGES.length - 1) void moveTo(o, STAGES[i + 1]);
    else if (e.key === 'ArrowLeft' && i > 0) void moveTo(o, STAGES[i - 1]);
    else return;
    e.preventDefault();
  };

  if (board.isLoading) return <FullPageSpin />;
  if (board.error) return <ErrorState error={board.error} onRetry={() => board.refetch()} />;
  const all = new Map((board.data ?? []).flatMap((c) => c.cards).map((o) => [o.id, o]));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('pipeline.boardHint')}</Typography.Paragraph>
      <div className="wb-board" data-testid="pipeline-board">
        {(board.data ?? []).map((col) => (
          <div
            key={col.stage}
            className={`wb-board-col${over === col.stage ? ' wb-board-col-over' : ''}`}
            data-testid={`stage-${col.stage}`}
            onDragOver={(e) => (e.preventDefault(), setOver(col.stage))}
            onDragLeave={() => setOver(null)}
            onDrop={(e) => {
              e.preventDefault();
              setOver(null);
              const o = all.get(Number(e.dataTransfer.getData('text/plain')));
              if (o) void moveTo(o, col.stage);
            }}
          >
            <div className="wb-board-head">
              <strong>{t(`pipeline.stage.${col.stage}`)}</strong> <Tag>{col.probability}%</Tag>
              <div className="wb-board-sum">
                {t('pipeline.columnSum', {
                  count: col.count,
                  total: formatMoney(col.total, lang),
                  weighted: formatMoney(col.weighted, lang),
                })}
              </div>
            </div>
            {col.cards.slice(0, 200).map((o) => (
              <div
                key={o.id}
                className={`wb-board-card${o.daysInStage !== null && o.daysInStage >= 60 && !['won', 'lost'].includes(o.stage) ? ' wb-board-card-stalled' : ''}`}
                draggable
                tabIndex={0}
                role="button"
                aria-label={t('pipeline.cardAria', { title: o.title, stage: t(`pipeline.stage.${o.stage}`) })}
                data-testid={`card-${o.id}`}
                onDragStart={(e) => e.dataTransfer.setData('text/plain', String(o.id))}
                onKeyDown={(e) => onKey(o, e)}
              >
                <div className="wb-board-title">{o.title}</div>
                <div className="wb-board-meta">
                  {o.customerName} · {o.staffName ?? '—'}
                </div>
                <div className="wb-board-meta">
                  {formatMoney(o.amount, lang)} · {o.expectedDate ?? '—'}
                  {o.daysInStage !== null && o.daysInStage >= 60 && !['won', 'lost'].includes(o.stage) && (
                    <Tag color="orange">{t('pipeline.stalled', { days: o.daysInStage })}</Tag>
                  )}
                </div>
              </div>
            ))}
            {col.cards.length > 200 && (
              <Typography.Text type="secondary">
                {t('pipeline.more', { count: col.cards.length - 200 })}
              </Typography.Text>
            )}
          </div>
        ))}
      </div>
      <Modal
        open={lost !== null}
        title={t('pipeline.lostTitle', { title: lost?.title ?? '' })}
        onCancel={() => setLost(null)}
        onOk={async () => {
          const v = await form.validateFields();
          const o = lost!;
          setLost(null);
          form.resetFields();
          await moveTo(o, 'lost', v);
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="lostReason"
            label={t('pipeline.lostReason')}
            rules={[{ required: true, message: t('pipeline.lostReasonRequired') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="competitor" label={t('pipeline.competitor')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

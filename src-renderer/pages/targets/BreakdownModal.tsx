import { Alert, App, Checkbox, Form, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { monthLabel } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import {
  BREAKDOWN_METHODS,
  HISTORY_BASES,
  type BreakdownMethod,
  type HistoryBaseChoice,
} from '../../../src-main/contract/targets';

interface Props {
  year: number;
  metric: 'sales' | 'profit';
  open: boolean;
  reason: string;
  onClose: () => void;
}

/** Chooses a breakdown method (P2.2) and runs it over the whole year; locked cells are kept. */
export function BreakdownModal({ year, metric, open, reason, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const run = useOpMutation('targets/breakdown');
  const [method, setMethod] = useState<BreakdownMethod>('history');
  const [growth, setGrowth] = useState<number | null>(null);
  const [weights, setWeights] = useState<number[]>(() => new Array<number>(12).fill(1));
  const [adopt, setAdopt] = useState(false);
  const [base, setBase] = useState<HistoryBaseChoice | undefined>(undefined);
  // P2.2: what last year's history rests on, shown before the breakdown runs, never a silent zero month.
  const needsHistory = method === 'history' || method === 'bottom-up' || growth !== null;
  const history = useOp(
    'targets/history-base',
    { year, metric, ...(base ? { base } : {}) },
    { enabled: open && needsHistory },
  );
  const info = needsHistory ? history.data : undefined;
  const incomplete = !!info && info.missing.length > 0 && info.lastOrder !== null;
  const months = (ms: number[]) => ms.map((m) => monthLabel(m, lang)).join(lang === 'en' ? ', ' : '、');

  const submit = () =>
    run.mutate(
      {
        year,
        metric,
        method,
        ...(growth !== null ? { growth } : {}),
        ...(method === 'weights' ? { weights } : {}),
        ...(method === 'bottom-up' && adopt ? { adopt: true } : {}),
        ...(incomplete && base ? { base } : {}),
        reason: reason.trim() || undefined,
      },
      {
        onError: (e) => void message.error(errorMessage(e)),
        onSuccess: (r) => {
          message.success(
            t('targets.breakdown.done', { rows: r.rowsChanged, annual: r.companyAnnual.toLocaleString(lang) }),
          );
          onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('targets.breakdown.title', { year })}
      onCancel={onClose}
      onOk={submit}
      okText={t('targets.breakdown.run')}
      okButtonProps={{ disabled: incomplete && !base }}
      confirmLoading={run.isPending}
      width={640}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('targets.breakdown.method')}>
          <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as BreakdownMethod)}>
            <Space orientation="vertical">
              {BREAKDOWN_METHODS.map((m) => (
                <Radio key={m} value={m} data-testid={`method-${m}`}>
                  <Typography.Text strong>{t(`targets.method.${m}`)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{t(`targets.method.${m}Help`)}</Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('targets.breakdown.growth')} extra={t('targets.breakdown.growthHelp')}>
          <InputNumber
            value={growth}
            onChange={(v) => setGrowth(v)}
            min={-100}
            max={1000}
            step={1}
            suffix="%"
            style={{ width: 160 }}
          />
        </Form.Item>
        {method === 'weights' && (
          <Form.Item label={t('targets.breakdown.weights')}>
            <div className="wb-target-weights">
              {weights.map((w, i) => (
                <label key={i}>
                  <span>{monthLabel(i + 1, lang)}</span>
                  <InputNumber
                    size="small"
                    min={0}
                    value={w}
                    onChange={(v) => setWeights((ws) => ws.map((x, k) => (k === i ? (v ?? 0) : x)))}
                  />
                </label>
              ))}
            </div>
          </Form.Item>
        )}
        {method === 'bottom-up' && (
          <Checkbox checked={adopt} onChange={(e) => setAdopt(e.target.checked)}>
            {t('targets.breakdown.adopt')}
          </Checkbox>
        )}
        {incomplete && (
          <Alert
            type="warning"
            showIcon
            data-testid="history-base-incomplete"
            title={t('targets.base.incomplete', {
              year: info.baseYear,
              months: months(info.missing),
              lastOrder: info.lastOrder,
              today: info.today,
            })}
            description={
              <Radio.Group value={base} onChange={(e) => setBase(e.target.value as HistoryBaseChoice)}>
                <Space orientation="vertical">
                  {HISTORY_BASES.map((b) => (
                    <Radio key={b} value={b} data-testid={`base-${b}`}>
                      {t(`targets.base.${b}`, {
                        year: info.baseYear,
                        from: info.last12?.from ?? '—',
                        to: info.last12?.to ?? '—',
                        months: months(info.missing),
                      })}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            }
          />
        )}
        {info && info.prorated.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="history-base-prorated"
            title={t('targets.base.prorated', { count: info.prorated.length })}
            description={info.prorated
              .map((p) =>
                t('targets.base.proratedPerson', {
                  name: p.name,
                  employeeNo: p.employeeNo,
                  hireDate: p.hireDate,
                  months: p.months,
                }),
              )
              .join(lang === 'en' ? '; ' : '；')}
          />
        )}
        <Typography.Paragraph type="secondary">{t('targets.breakdown.locksKept')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}

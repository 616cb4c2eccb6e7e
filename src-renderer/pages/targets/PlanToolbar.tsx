import {
  CloudDownloadOutlined,
  CloudUploadOutlined,
  CommentOutlined,
  FunctionOutlined,
  HistoryOutlined,
  RiseOutlined,
  SearchOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { App, Button, Input, InputNumber, Popover, Segmented, Space, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../backend/ApiError';
import { saveDownload } from '../../backend/download';
import { invoke, uploadFile } from '../../backend/transport';
import { useOpMutation } from '../../backend/useOp';
import type { FocusedTargetCell } from './TargetGrid';

interface Props {
  year: number;
  metric: 'sales' | 'profit';
  onMetric: (m: 'sales' | 'profit') => void;
  canEdit: boolean;
  reason: string;
  focused: FocusedTargetCell | null;
  filter: string;
  onFilter: (v: string) => void;
  onBreakdown: () => void;
  onHistory: () => void;
  onNote: () => void;
}

/** Actions on the plan: breakdown, undo, tiers, cell history and notes, and the wide sheet out and in (P2.2 item 9). */
export function PlanToolbar({
  year,
  metric,
  onMetric,
  canEdit,
  reason,
  focused,
  filter,
  onFilter,
  onBreakdown,
  onHistory,
  onNote,
}: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const undo = useOpMutation('targets/undo');
  const tiers = useOpMutation('targets/tiers');
  const importRun = useOpMutation('import/run');
  const [stretch, setStretch] = useState(10);
  const [challenge, setChallenge] = useState(20);
  const why = reason.trim() || undefined;
  const fail = (e: unknown) => void message.error(errorMessage(e));

  const exportPlan = async () => {
    try {
      const r = await invoke('targets/export', { year });
      saveDownload(r);
    } catch (e) {
      fail(e);
    }
  };

  const importPlan = async (file: File) => {
    let upload: string;
    try {
      upload = (await uploadFile(file)).upload;
    } catch (e) {
      fail(e);
      return false;
    }
    importRun.mutate(
      { kind: 'targets', file: { upload }, year },
      {
        onError: fail,
        onSuccess: (r) => {
          if (r.committed)
            message.success(
              t('targets.import.done', { updated: r.rows.updated + r.rows.inserted, unchanged: r.rows.unchanged }),
            );
          else
            modal.error({
              title: t('targets.import.refused', { count: r.rows.invalid }),
              content: r.errors
                .slice(0, 8)
                .map((e) => `${e.row}: ${e.message}`)
                .join('\n'),
            });
        },
      },
    );
    return false;
  };

  return (
    <Space wrap className="wb-target-toolbar">
      <Segmented
        value={metric}
        onChange={(v) => onMetric(v as 'sales' | 'profit')}
        options={[
          { value: 'sales', label: t('targets.metric.sales') },
          { value: 'profit', label: t('targets.metric.profit') },
        ]}
      />
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('targets.grid.search')}
        title={t('targets.grid.search')}
        value={filter}
        onChange={(e) => onFilter(e.target.value)}
        style={{ width: 124 }}
      />
      <Button
        type="primary"
        icon={<FunctionOutlined />}
        disabled={!canEdit}
        onClick={onBreakdown}
        data-testid="breakdown-button"
      >
        {t('targets.breakdown.button')}
      </Button>
      <Tooltip title={t('targets.grid.undoHint')}>
        <Button
          icon={<UndoOutlined />}
          disabled={!canEdit}
          loading={undo.isPending}
          data-testid="undo-button"
          onClick={() =>
            undo.mutate(
              { year, metric, reason: why },
              {
                onError: fail,
                onSuccess: (r) =>
                  void message.info(
                    r.undone
                      ? t('targets.grid.undone', {
                          action: t(`targets.action.${r.undone}`, { defaultValue: r.undone }),
                        })
                      : t('targets.grid.nothingToUndo'),
                  ),
              },
            )
          }
        >
          {t('targets.grid.undo')}
        </Button>
      </Tooltip>
      <Popover
        trigger="click"
        content={
          <Space orientation="vertical">
            <InputNumber
              addonBefore={t('targets.grid.stretch')}
              suffix="%"
              min={0}
              max={1000}
              value={stretch}
              onChange={(v) => setStretch(v ?? 0)}
            />
            <InputNumber
              addonBefore={t('targets.grid.challenge')}
              suffix="%"
              min={0}
              max={1000}
              value={challenge}
              onChange={(v) => setChallenge(v ?? 0)}
            />
            <Button
              type="primary"
              size="small"
              loading={tiers.isPending}
              onClick={() =>
                tiers.mutate(
                  { year, stretchPct: stretch, challengePct: challenge, reason: why },
                  { onError: fail, onSuccess: () => void message.success(t('targets.tiers.done')) },
                )
              }
            >
              {t('targets.tiers.apply')}
            </Button>
          </Space>
        }
      >
        <Button icon={<RiseOutlined />} disabled={!canEdit}>
          {t('targets.tiers.button')}
        </Button>
      </Popover>
      <Button icon={<HistoryOutlined />} disabled={!focused} onClick={onHistory} data-testid="history-button">
        {t('targets.history.button')}
      </Button>
      <Button icon={<CommentOutlined />} disabled={!focused} onClick={onNote}>
        {t('targets.notes.addHere')}
      </Button>
      <Button icon={<CloudDownloadOutlined />} onClick={() => void exportPlan()}>
        {t('targets.import.export')}
      </Button>
      <Upload
        accept=".xlsx,.xls,.csv"
        showUploadList={false}
        beforeUpload={(f) => {
          void importPlan(f);
          return false;
        }}
        disabled={!canEdit}
      >
        <Button icon={<CloudUploadOutlined />} loading={importRun.isPending} disabled={!canEdit}>
          {t('targets.import.import')}
        </Button>
      </Upload>
    </Space>
  );
}

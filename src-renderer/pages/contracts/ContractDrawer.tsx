import { PaperClipOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_ITEMS } from '../../../src-main/contract/sales-contracts';
import { errorMessage } from '../../backend/ApiError';
import { saveDownload } from '../../backend/download';
import { invoke, isDesktop, uploadFile } from '../../backend/transport';
import { useOp, useOpMutation } from '../../backend/useOp';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { STATUS_COLOR } from './ContractsPage';

/** P3.3: one contract: its checklist, the rule that applies and who still has to approve, and its next step. */
export function ContractDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const lang = useLang();
  const c = useOp('contracts/get', { contract: id });
  const staff = useOp('staff/list', { includeInactive: false });
  const checklist = useOpMutation('contracts/checklist');
  const submit = useOpMutation('contracts/submit');
  const approve = useOpMutation('contracts/approve');
  const reject = useOpMutation('contracts/reject');
  const setStatus = useOpMutation('contracts/set-status');
  const attach = useOpMutation('contracts/attach');
  const [approver, setApprover] = useState<string | undefined>();
  // P3.3: the desktop opens the checked scan with the system's viewer; the browser downloads it
  const openScan = async (fileId: number) => {
    try {
      if (isDesktop()) await invoke('contracts/open-scan', { contract: id, fileId });
      else saveDownload(await invoke('contracts/scan', { contract: id, fileId }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const run = async (call: () => Promise<unknown>) => {
    try {
      await call();
      message.success(t('contracts.done'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const withReason = (title: string, then: (reason: string) => void) => {
    let reason = '';
    modal.confirm({
      title,
      content: <Input onChange={(e) => (reason = e.target.value)} data-testid="reason-input" />,
      onOk: () => then(reason),
    });
  };
  const d = c.data;
  return (
    <Drawer
      open
      size={640}
      title={d ? `${d.contractNo} · ${d.customerName}` : ''}
      onClose={onClose}
      data-testid="contract-drawer"
    >
      {d && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('contracts.col.status')}>
              <Tag color={STATUS_COLOR[d.status]} data-testid="contract-status">
                {t(`contracts.status.${d.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('contracts.col.owner')}>{d.ownerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('contracts.col.amount')}>{formatMoney(d.amount, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('contracts.col.discount')}>
              {d.discountPct === null ? '—' : `${d.discountPct}%`}
            </Descriptions.Item>
            <Descriptions.Item label={t('contracts.col.rule')} span={2}>
              {t(`contracts.level.${d.rule.level}`)}
              {d.rule.reasons.length > 0 && ` — ${d.rule.reasons.map((r) => t(`contracts.reason.${r}`)).join(', ')}`}
              {d.rule.strategy && (
                <div data-testid="contract-band">
                  {d.rule.strategy.allowed
                    ? t('contracts.band', {
                        year: d.rule.strategy.year,
                        line: d.rule.strategy.productLine,
                        discount: d.rule.strategy.discountPct,
                        approver: t(`contracts.approver.${d.rule.strategy.approver}`),
                        max: d.rule.strategy.maxDiscountPct,
                      })
                    : t('contracts.bandBeyond', {
                        year: d.rule.strategy.year,
                        line: d.rule.strategy.productLine,
                        discount: d.rule.strategy.discountPct,
                      })}
                </div>
              )}
              {d.status === 'in_review' && d.rule.pending.length > 0 && (
                <div>
                  {t('contracts.pending', { roles: d.rule.pending.map((r) => t(`contracts.role.${r}`)).join(' → ') })}
                </div>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('contracts.approvals')} span={2}>
              {d.approvals.map((a) => `${t(`contracts.role.${a.role}`)}: ${a.approver}`).join('; ') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('contracts.checklist')}</Typography.Title>
          {CHECKLIST_ITEMS.map((k) => (
            <Checkbox
              key={k}
              checked={d.checklist?.[k] ?? false}
              disabled={!['draft', 'in_review'].includes(d.status)}
              onChange={(e) =>
                void run(() => checklist.mutateAsync({ contract: id, items: { [k]: e.target.checked } }))
              }
              data-testid={`check-${k}`}
            >
              {t(`contracts.item.${k}`)}
            </Checkbox>
          ))}
          <Space wrap>
            {d.status === 'draft' && (
              <Button type="primary" onClick={() => void run(() => submit.mutateAsync({ contract: id }))}>
                {t('contracts.action.submit')}
              </Button>
            )}
            {d.status === 'in_review' && (
              <>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 200 }}
                  placeholder={t('contracts.approverDefault')}
                  value={approver}
                  onChange={setApprover}
                  options={(staff.data ?? []).map((s) => ({ value: s.employeeNo, label: `${s.employeeNo} ${s.name}` }))}
                />
                <Button
                  type="primary"
                  data-testid="approve"
                  onClick={() =>
                    void run(() => approve.mutateAsync({ contract: id, ...(approver ? { as: approver } : {}) }))
                  }
                >
                  {t('contracts.action.approve')}
                </Button>
                <Button
                  danger
                  onClick={() =>
                    withReason(
                      t('contracts.action.reject'),
                      (reason) => void run(() => reject.mutateAsync({ contract: id, reason })),
                    )
                  }
                >
                  {t('contracts.action.reject')}
                </Button>
              </>
            )}
            {d.status === 'approved' && (
              <Button onClick={() => void run(() => setStatus.mutateAsync({ contract: id, status: 'signed' }))}>
                {t('contracts.action.sign')}
              </Button>
            )}
            {d.status === 'signed' && (
              <Button onClick={() => void run(() => setStatus.mutateAsync({ contract: id, status: 'in_force' }))}>
                {t('contracts.action.inForce')}
              </Button>
            )}
            {d.status === 'in_force' && (
              <Button onClick={() => void run(() => setStatus.mutateAsync({ contract: id, status: 'completed' }))}>
                {t('contracts.action.complete')}
              </Button>
            )}
            {['signed', 'in_force'].includes(d.status) && (
              <Button
                danger
                onClick={() =>
                  withReason(
                    t('contracts.action.terminate'),
                    (reason) => void run(() => setStatus.mutateAsync({ contract: id, status: 'terminated', reason })),
                  )
                }
              >
                {t('contracts.action.terminate')}
              </Button>
            )}
          </Space>
          <Typography.Title level={5}>{t('contracts.instalments')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.instalments}
            columns={[
              { title: t('contracts.col.seq'), dataIndex: 'seq' },
              { title: t('contracts.col.due'), dataIndex: 'dueDate' },
              { title: t('contracts.col.amount'), align: 'right', render: (_, r) => formatMoney(r.amount, lang) },
              { title: t('contracts.col.paid'), dataIndex: 'paidDate' },
            ]}
          />
          <Typography.Title level={5}>{t('contracts.scans')}</Typography.Title>
          {d.files.map((f) => (
            <div key={f.id} data-testid="contract-scan">
              {f.name} · <Typography.Text code>{f.sha256.slice(0, 16)}</Typography.Text>{' '}
              <Button size="small" type="link" onClick={() => void openScan(f.id)} data-testid="open-scan">
                {t(isDesktop() ? 'contracts.scan.open' : 'contracts.scan.download')}
              </Button>
            </div>
          ))}
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff"
            showUploadList={false}
            beforeUpload={(file) => {
              void run(async () =>
                attach.mutateAsync({ contract: id, file: { upload: (await uploadFile(file)).upload } }),
              );
              return false;
            }}
          >
            <Button icon={<PaperClipOutlined />} data-testid="attach-scan">
              {t('contracts.scan.attach')}
            </Button>
          </Upload>
        </Space>
      )}
    </Drawer>
  );
}

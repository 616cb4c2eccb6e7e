import { Button, Checkbox, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  column: string;
  /** The numbers the column holds. */
  codes: string[];
  onConfirm: (codes: Record<string, string | null>) => void;
}

interface Draft {
  label: string;
  none: boolean;
}

/**
 * The manager says what each number of a coded column stands for (issue #10 item 1): nothing is guessed,
 * numbers left empty stay as they are, "no answer" drops the code (0, 99…).
 */
export function CodeTableEditor({ column, codes, onConfirm }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const set = (code: string, d: Partial<Draft>) =>
    setDrafts((x) => ({ ...x, [code]: { ...(x[code] ?? { label: '', none: false }), ...d } }));
  const confirm = () => {
    const table: Record<string, string | null> = {};
    for (const [code, d] of Object.entries(drafts)) {
      if (d.none) table[code] = null;
      else if (d.label.trim()) table[code] = d.label.trim();
    }
    setOpen(false);
    if (Object.keys(table).length) onConfirm(table);
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`edit-codes-${column}`}>
        {t('survey.ui.import.editCodes')}
      </Button>
      <Modal
        open={open}
        title={t('survey.ui.import.codesTitle', { column })}
        onOk={confirm}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('survey.ui.import.codesHelp')}</Typography.Paragraph>
        <Table<{ code: string }>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={codes.map((code) => ({ code }))}
          columns={[
            { title: t('survey.ui.import.code'), dataIndex: 'code', width: 80 },
            {
              title: t('survey.ui.import.option'),
              key: 'label',
              render: (_: unknown, r) => (
                <Input
                  size="small"
                  disabled={drafts[r.code]?.none}
                  value={drafts[r.code]?.label ?? ''}
                  onChange={(e) => set(r.code, { label: e.target.value })}
                  aria-label={`${r.code}`}
                />
              ),
            },
            {
              title: t('survey.ui.import.noAnswer'),
              key: 'none',
              width: 100,
              render: (_: unknown, r) => (
                <Checkbox
                  checked={drafts[r.code]?.none ?? false}
                  onChange={(e) => set(r.code, { none: e.target.checked })}
                />
              ),
            },
          ]}
        />
      </Modal>
    </>
  );
}

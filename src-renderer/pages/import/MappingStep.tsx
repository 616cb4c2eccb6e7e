import { Alert, Button, Col, Descriptions, Form, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../src-main/contract/import';
import { PreviewGrid } from './PreviewGrid';

export interface Choices {
  sheet?: string;
  headerRow?: number;
  mapping?: Record<string, string | string[] | null>;
}

interface Props {
  preview: ImportPreview;
  choices: Choices;
  kind: string;
  kinds: { kind: string; label: string }[];
  /** Another kind for the same file (a dropped file arrives as the last kind chosen). */
  onKind: (kind: string) => void;
  onChange: (c: Choices) => void;
  onNext: () => void;
  onBack: () => void;
}

const colLabel = (c: ImportPreview['columns'][number]) => (c.group ? `${c.group} ${c.header}` : c.header);

/** Step 2: sheet and header row (preselected), each field's column, the live preview and the summary. */
export function MappingStep({ preview, choices, kind, kinds, onKind, onChange, onNext, onBack }: Props) {
  const { t } = useTranslation();
  const current = (key: string) => {
    const m = preview.mapping[key];
    return Array.isArray(m) ? m : m ?? null;
  };
  const setField = (key: string, header: string | string[] | null) => onChange({ ...choices, mapping: { ...preview.mapping, ...choices.mapping, [key]: header } });
  const { read, valid, invalid, skipped } = preview.rows;
  const columnOptions = preview.columns.map((c) => ({ value: colLabel(c), label: `${c.letter} · ${colLabel(c)}` }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label={t('importExport.ui.kind')}>
          <Select style={{ minWidth: 160 }} value={kind} options={kinds.map((k) => ({ value: k.kind, label: k.label }))} onChange={onKind} data-testid="mapping-kind" />
        </Form.Item>
        <Form.Item label={t('importExport.ui.sheet')}>
          <Select style={{ minWidth: 180 }} value={preview.sheet} options={preview.sheets.map((s) => ({ value: s, label: s }))} onChange={(sheet) => onChange({ sheet })} />
        </Form.Item>
        <Form.Item label={t('importExport.ui.headerRow')}>
          <InputNumber min={1} value={preview.headerRow} onChange={(v) => v && onChange({ ...choices, headerRow: Number(v) })} />
        </Form.Item>
        {preview.groupRow && <Tag>{t('importExport.ui.groupRow', { row: preview.groupRow })}</Tag>}
        {preview.rememberedMapping && <Tag color="blue">{t('importExport.ui.remembered')}</Tag>}
      </Form>
      <Row gutter={[12, 8]}>
        {preview.fields
          .filter((f) => !f.repeat)
          .map((f) => (
            <Col key={f.key} xs={24} sm={12} md={8} xl={6}>
              <Typography.Text strong={f.required}>
                {f.label}
                {f.required ? ' *' : ''}
              </Typography.Text>
              <Select
                allowClear
                style={{ width: '100%' }}
                placeholder={t('importExport.ui.notMapped')}
                value={current(f.key) as string | null}
                options={columnOptions}
                onChange={(v) => setField(f.key, v ?? null)}
                data-testid={`map-${f.key}`}
              />
            </Col>
          ))}
      </Row>
      <Descriptions size="small" column={4} bordered items={[
        { key: 'read', label: t('importExport.ui.read'), children: read.toLocaleString() },
        { key: 'valid', label: t('importExport.ui.valid'), children: valid.toLocaleString() },
        { key: 'invalid', label: t('importExport.ui.invalid'), children: <Typography.Text type={invalid ? 'danger' : undefined}>{invalid.toLocaleString()}</Typography.Text> },
        { key: 'skipped', label: t('importExport.ui.skipped'), children: skipped.toLocaleString() },
      ]} />
      {invalid > 0 && <Alert type="warning" showIcon title={t('importExport.ui.invalidHint', { count: invalid, n: invalid.toLocaleString() })} />}
      <PreviewGrid preview={preview} />
      <Space>
        <Button onClick={onBack}>{t('importExport.ui.back')}</Button>
        <Button type="primary" disabled={valid === 0} onClick={onNext} data-testid="import-next">
          {t('importExport.ui.next')}
        </Button>
      </Space>
    </Space>
  );
}

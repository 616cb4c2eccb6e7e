import { Alert, Button, Col, Descriptions, Form, InputNumber, Row, Select, Space, Spin, Tag, Typography } from 'antd';
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
  /** A re-map is under way (the table is held by the preview's session: well under a second). */
  busy?: boolean;
  /** Another kind for the same file (a dropped file arrives as the last kind chosen). */
  onKind: (kind: string) => void;
  onChange: (c: Choices) => void;
  onNext: () => void;
  onBack: () => void;
}

const colLabel = (c: ImportPreview['columns'][number]) => (c.group ? `${c.group} ${c.header}` : c.header);

/** Step 2: sheet and header row (preselected), each field's column, the live preview and the summary. */
export function MappingStep({ preview, choices, kind, kinds, busy, onKind, onChange, onNext, onBack }: Props) {
  const { t } = useTranslation();
  const current = (key: string) => {
    const m = preview.mapping[key];
    return Array.isArray(m) ? m : (m ?? null);
  };
  const setField = (key: string, header: string | string[] | null) =>
    onChange({ ...choices, mapping: { ...preview.mapping, ...choices.mapping, [key]: header } });
  const { read, valid, invalid, skipped } = preview.rows;
  const columnOptions = preview.columns.map((c) => ({ value: colLabel(c), label: `${c.letter} · ${colLabel(c)}` }));
  // Required fields no column feeds yet (issue 10 item 11): marked, and the rows wait until they are chosen.
  const missing = new Set(preview.missing);
  const missingLabels = preview.fields.filter((f) => missing.has(f.key)).map((f) => f.label);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label={t('importExport.ui.kind')}>
          <Select
            style={{ minWidth: 160 }}
            value={kind}
            options={kinds.map((k) => ({ value: k.kind, label: k.label }))}
            onChange={onKind}
            data-testid="mapping-kind"
          />
        </Form.Item>
        <Form.Item label={t('importExport.ui.sheet')}>
          <Select
            style={{ minWidth: 180 }}
            value={preview.sheet}
            options={preview.sheets.map((s) => ({ value: s, label: s }))}
            onChange={(sheet) => onChange({ sheet })}
          />
        </Form.Item>
        <Form.Item label={t('importExport.ui.headerRow')}>
          <InputNumber
            min={1}
            value={preview.headerRow}
            onChange={(v) => v && onChange({ ...choices, headerRow: Number(v) })}
          />
        </Form.Item>
        {preview.groupRow && <Tag>{t('importExport.ui.groupRow', { row: preview.groupRow })}</Tag>}
        {preview.rememberedMapping && <Tag color="blue">{t('importExport.ui.remembered')}</Tag>}
      </Form>
      {/* Why this sheet was read (issue 10 item 4), in the window's language: the service words it. */}
      {preview.sheets.length > 1 && preview.sheetReason && (
        <Typography.Text type="secondary" data-testid="mapping-sheet-reason">
          {preview.sheetReason}
        </Typography.Text>
      )}
      {missing.size > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('importExport.ui.missingTitle', {
            count: missing.size,
            fields: missingLabels.join(t('importExport.ui.listSeparator')),
          })}
          description={
            <Space orientation="vertical">
              {t('importExport.ui.missingHint')}
              {preview.looksLike && (
                <Space wrap>
                  {t('importExport.ui.looksLike', { label: preview.looksLike.label })}
                  <Button size="small" onClick={() => onKind(preview.looksLike!.kind)} data-testid="mapping-looks-like">
                    {t('importExport.ui.importAs', { label: preview.looksLike.label })}
                  </Button>
                </Space>
              )}
            </Space>
          }
          data-testid="mapping-missing"
        />
      )}
      <Row gutter={[12, 8]}>
        {preview.fields
          .filter((f) => !f.repeat)
          .map((f) => (
            <Col key={f.key} xs={24} sm={12} md={8} xl={6}>
              <Typography.Text strong={f.required} type={missing.has(f.key) ? 'danger' : undefined}>
                {f.label}
                {f.required || missing.has(f.key) ? ' *' : ''}
              </Typography.Text>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                status={missing.has(f.key) ? 'error' : undefined}
                disabled={busy}
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
      <Descriptions
        size="small"
        column={4}
        bordered
        items={[
          { key: 'read', label: t('importExport.ui.read'), children: read.toLocaleString() },
          { key: 'valid', label: t('importExport.ui.valid'), children: valid.toLocaleString() },
          {
            key: 'invalid',
            label: t('importExport.ui.invalid'),
            children: (
              <Typography.Text type={invalid ? 'danger' : undefined}>{invalid.toLocaleString()}</Typography.Text>
            ),
          },
          { key: 'skipped', label: t('importExport.ui.skipped'), children: skipped.toLocaleString() },
        ]}
      />
      {invalid > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('importExport.ui.invalidHint', { count: invalid, n: invalid.toLocaleString() })}
        />
      )}
      <Spin spinning={Boolean(busy)} delay={150}>
        <PreviewGrid preview={preview} />
      </Spin>
      <Space>
        <Button onClick={onBack}>{t('importExport.ui.back')}</Button>
        <Button
          type="primary"
          disabled={valid === 0 || missing.size > 0 || busy}
          onClick={onNext}
          data-testid="import-next"
        >
          {t('importExport.ui.next')}
        </Button>
      </Space>
    </Space>
  );
}

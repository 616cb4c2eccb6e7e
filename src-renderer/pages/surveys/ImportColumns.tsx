import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  COLUMN_ROLES,
  QUESTION_TYPES,
  type ColumnRole,
  type ImportedQuestion,
  type QuestionType,
} from '../../../src-main/contract/survey';
import { CodeTableEditor } from './CodeTableEditor';

type Role = ColumnRole;
/** A column as the survey import read it: the contract's imported question. */
type DetectedColumn = ImportedQuestion;
export interface Correction {
  column: string;
  role?: Role;
  type?: QuestionType;
  /** A code table the manager confirmed (issue #10 item 1); undefined takes it back. */
  codes?: Record<string, string | null>;
}

const codesText = (codes: Record<string, string | null>) =>
  Object.entries(codes)
    .map(([k, v]) => `${k}→${v ?? '∅'}`)
    .join(', ');

interface Props {
  columns: DetectedColumn[];
  corrections: Correction[];
  onCorrect: (c: Correction) => void;
  /** Importing into an existing survey: the types are the survey's own. */
  fixedTypes: boolean;
}

/** How each column of the export was understood (issue #5 item 4), for the manager to confirm or correct. */
export function ImportColumns({ columns, corrections, onCorrect, fixedTypes }: Props) {
  const { t } = useTranslation();
  const changed = new Set(corrections.map((c) => c.column));
  return (
    <Table<DetectedColumn>
      size="small"
      rowKey="column"
      pagination={false}
      scroll={{ y: 360 }}
      dataSource={columns}
      data-testid="import-columns"
      rowClassName={(r) => (r.role === 'ignore' ? 'wb-row-inactive' : '')}
      columns={[
        {
          title: t('survey.ui.import.column'),
          dataIndex: 'column',
          width: 70,
          render: (v: string) => (
            <span>
              {v} {changed.has(v) && <Tag color="blue">{t('survey.ui.import.corrected')}</Tag>}
            </span>
          ),
        },
        { title: t('survey.ui.import.header'), dataIndex: 'header', ellipsis: true },
        {
          title: t('survey.ui.import.role'),
          dataIndex: 'role',
          width: 170,
          render: (v: Role, r) => (
            <Select<Role>
              size="small"
              style={{ width: 150 }}
              value={v}
              onChange={(role) => onCorrect({ column: r.column, role })}
              options={COLUMN_ROLES.map((x) => ({ value: x, label: t(`survey.ui.role.${x}`) }))}
            />
          ),
        },
        {
          title: t('survey.ui.import.type'),
          dataIndex: 'type',
          width: 190,
          render: (v: QuestionType, r) =>
            r.role === 'question' || r.role === 'meta' || r.role === 'salesperson' ? (
              <Select<QuestionType>
                size="small"
                style={{ width: 170 }}
                disabled={fixedTypes}
                value={v}
                onChange={(type) => onCorrect({ column: r.column, type })}
                options={QUESTION_TYPES.map((x) => ({ value: x, label: t(`survey.ui.type.${x}`) }))}
              />
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          title: t('survey.ui.import.detail'),
          key: 'detail',
          ellipsis: true,
          render: (_: unknown, r) => {
            const words = Object.entries(r.wordMap);
            // what a code stands for is shown and applied only once confirmed (issue #10 item 1)
            if (r.codes)
              return (
                <Space size={4} wrap data-testid={`codes-${r.column}`}>
                  <Tag color="gold">{t('survey.ui.import.codes')}</Tag>
                  <Typography.Text>{codesText(r.codes)}</Typography.Text>
                  <Button size="small" type="link" onClick={() => onCorrect({ column: r.column, codes: undefined })}>
                    {t('survey.ui.import.dropCodes')}
                  </Button>
                </Space>
              );
            if (r.suggestedCodes) {
              const suggested = r.suggestedCodes;
              return (
                <Space size={4} wrap data-testid={`suggested-codes-${r.column}`}>
                  <Typography.Text type="warning">
                    {t('survey.ui.import.suggestedCodes', { codes: codesText(suggested) })}
                  </Typography.Text>
                  <Button size="small" onClick={() => onCorrect({ column: r.column, codes: suggested })}>
                    {t('survey.ui.import.useCodes')}
                  </Button>
                </Space>
              );
            }
            // a column of bare numbers may be coded: the manager can say what each number stands for
            if (
              r.choices.length &&
              r.choices.every((c) => /^-?\d+$/.test(c)) &&
              (r.type === 'choice' || r.type === 'multi')
            )
              return (
                <Space size={4} wrap>
                  <Typography.Text type="secondary">{r.choices.join(' / ')}</Typography.Text>
                  <CodeTableEditor
                    column={r.column}
                    codes={r.choices}
                    onConfirm={(codes) => onCorrect({ column: r.column, codes })}
                  />
                </Space>
              );
            if (r.choices.length) return <Typography.Text type="secondary">{r.choices.join(' / ')}</Typography.Text>;
            if (words.length)
              return (
                <Typography.Text type="secondary">{words.map(([w, s]) => `${w}→${s}`).join(', ')}</Typography.Text>
              );
            return null;
          },
        },
      ]}
    />
  );
}

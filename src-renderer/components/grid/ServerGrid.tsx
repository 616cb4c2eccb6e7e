import { SearchOutlined } from '@ant-design/icons';
import type { ColDef, GridApi, GridReadyEvent } from 'ag-grid-community';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../backend/ApiError';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { DataGrid } from '../DataGrid';
import { ExportButton } from '../ExportButton';
import { serverGridExport } from './gridExport';
import { useServerDatasource } from './useServerDatasource';

interface Props<T> {
  op: 'customers/page' | 'orders/page';
  columnDefs: ColDef<T>[];
  /** i18n key of the total line, e.g. 'records.orders.total' ({{count}}). */
  totalKey: string;
  /** i18n key prefix of the empty overlay: `.emptyTitle`, `.emptyText`, `.noMatch`. */
  emptyKey: string;
  searchPlaceholder: string;
  testId: string;
  /** What an export of this grid is called in the user's language (the file's name before the date). */
  exportName: string;
  extra?: ReactNode;
}

const rowId = (p: { data: { id: number } }) => String(p.data.id);
const defaultColDef = { floatingFilter: true };

/** A read-only grid over a server-side page operation: scrolls a million rows, sorts and filters on the server. */
export function ServerGrid<T extends { id: number }>({
  op,
  columnDefs,
  totalKey,
  emptyKey,
  searchPlaceholder,
  testId,
  exportName,
  extra,
}: Props<T>) {
  const { t } = useTranslation();
  const lang = useLang();
  const [api, setApi] = useState<GridApi<T> | null>(null);
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  const [filtered, setFiltered] = useState(false);

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(input.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [input]);

  const { datasource, total, error, loading, retry } = useServerDatasource(op, search, api as GridApi | null);
  const source = op === 'orders/page' ? 'orders' : 'customers';

  return (
    <div className="wb-grid-page">
      <div className="wb-toolbar">
        <Space wrap>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={searchPlaceholder}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            style={{ width: 300 }}
            data-testid={`${testId}-search`}
          />
          {extra}
        </Space>
        <Space>
          <Typography.Text type="secondary" data-testid={`${testId}-total`}>
            {total == null
              ? loading
                ? t('common.loading')
                : ''
              : t(totalKey, { count: total, n: formatNumber(total, lang) })}
          </Typography.Text>
          <ExportButton
            fileName={exportName}
            rows={total}
            disabled={!api || total === 0}
            // The page request the grid itself uses: the database writes every matching row, not only those loaded.
            build={(format) =>
              api ? { op: 'export/grid', input: serverGridExport(api as GridApi, source, search, format) } : null
            }
            testId={`${testId}-export`}
          />
        </Space>
      </div>
      {error != null && (
        <Alert
          type="error"
          showIcon
          className="wb-block"
          title={t('common.loadFailed')}
          description={errorMessage(error)}
          action={
            <Button size="small" onClick={retry}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      <div className="wb-grid-box" data-testid={testId}>
        <DataGrid<T>
          rowModelType="infinite"
          datasource={datasource}
          columnDefs={columnDefs}
          getRowId={rowId}
          cacheBlockSize={200}
          maxBlocksInCache={50}
          blockLoadDebounceMillis={60}
          onGridReady={(e: GridReadyEvent<T>) => setApi(e.api)}
          defaultColDef={defaultColDef}
          onFilterChanged={(e) => setFiltered(e.api.isAnyFilterPresent())}
          empty={
            search || filtered
              ? { title: t(`${emptyKey}.noMatch`) }
              : { title: t(`${emptyKey}.emptyTitle`), text: t(`${emptyKey}.emptyText`) }
          }
        />
      </div>
    </div>
  );
}

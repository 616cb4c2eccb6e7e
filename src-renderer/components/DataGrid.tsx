import { AllCommunityModule, ModuleRegistry, themeQuartz, type GridReadyEvent } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useMemo } from 'react';
import { useLang } from '../i18n/LanguageProvider';
import { gridLocaleText } from './gridLocaleText';

// Community modules only: tree data, grouping, clipboard and Excel export are Enterprise features.
ModuleRegistry.registerModules([AllCommunityModule]);

const FONT = [
  '-apple-system',
  'BlinkMacSystemFont',
  'Segoe UI',
  'PingFang SC',
  'Hiragino Sans GB',
  'Microsoft YaHei',
  'Noto Sans CJK SC',
  'Helvetica Neue',
  'Arial',
  'sans-serif',
];

/** The workbench's grid look: Quartz, compact, matching antd's blue and font. */
export const workbenchGridTheme = themeQuartz.withParams({
  fontFamily: FONT,
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
  rowHeight: 34,
  headerHeight: 38,
  accentColor: '#1f5fd6',
  foregroundColor: '#1f2937',
  headerBackgroundColor: '#f5f7fb',
  borderColor: '#e4e8ef',
  wrapperBorderRadius: 8,
  rowHoverColor: '#f0f5ff',
  selectedRowBackgroundColor: '#e6efff',
});

export type DataGridProps<T> = Omit<
  AgGridReactProps<T>,
  'theme' | 'localeText' | 'modules' | 'loadThemeGoogleFonts'
> & {
  /** Height of the grid; it fills its parent by default. */
  height?: number | string;
  /** What the grid says when it has no rows (instead of AG Grid's bare "No rows"). */
  empty?: { title: string; text?: string };
};

function EmptyOverlay({ title, text }: { title: string; text?: string }) {
  return (
    <div className="wb-grid-empty" data-testid="grid-empty">
      <div className="wb-grid-empty-title">{title}</div>
      {text && <div className="wb-grid-empty-text">{text}</div>}
    </div>
  );
}

/**
 * The one place that imports ag-grid-react: every grid of the workbench goes through here so that the
 * theme, the locale text and the registered modules stay the same everywhere.
 */
export function DataGrid<T>({ height = '100%', defaultColDef, onGridReady, empty, ...props }: DataGridProps<T>) {
  const lang = useLang();
  const localeText = useMemo(() => gridLocaleText(lang), [lang]);
  const colDefaults = useMemo(
    () => ({ sortable: true, resizable: true, filter: true, minWidth: 80, ...defaultColDef }),
    [defaultColDef],
  );
  return (
    <div className="wb-grid" style={{ height, width: '100%' }}>
      <AgGridReact<T>
        // the locale text is read when the grid starts: a new key remounts it in the other language
        key={lang}
        theme={workbenchGridTheme}
        loadThemeGoogleFonts={false}
        localeText={localeText}
        defaultColDef={colDefaults}
        animateRows={false}
        enableCellTextSelection
        onGridReady={(e: GridReadyEvent<T>) => onGridReady?.(e)}
        noRowsOverlayComponent={empty ? EmptyOverlay : undefined}
        noRowsOverlayComponentParams={empty}
        {...props}
      />
    </div>
  );
}

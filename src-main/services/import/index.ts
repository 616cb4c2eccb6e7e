import { importOps } from '../../contract/import';
import { t } from '../../i18n/messages';
import type { HandlersOf } from '../handler-types';
import { writeFileOut } from '../files/write';
import { importHistory, undoImport } from './history';
import { getKind, IMPORT_KINDS } from './kinds';
import { kindFields, previewImport, problemsFile, runImport } from './run';
import { templateWorkbook } from './template';

export const importHandlers = {
  'import/kinds': (ctx) =>
    Object.values(IMPORT_KINDS).map((k) => ({
      kind: k.kind,
      label: t(ctx.lang, k.label),
      fields: kindFields(ctx, k),
      requireOneOf: (k.requireOneOf ?? []).map((s) => [...s]),
    })),
  'import/preview': (ctx, input) => previewImport(ctx, input),
  'import/run': (ctx, input) => runImport(ctx, input),
  'import/problems': (ctx, input) => problemsFile(ctx, input),
  'import/template': (ctx, input) => {
    const kind = getKind(input.kind);
    return writeFileOut(
      input.out,
      `${t(ctx.lang, kind.label)}-${t(ctx.lang, 'importExport.template.suffix')}.xlsx`,
      templateWorkbook(kind, ctx.lang),
    );
  },
  'import/history': (ctx, input) => importHistory(ctx.db, input.limit),
  'import/undo': (ctx, input) => undoImport(ctx, input.id),
} satisfies HandlersOf<typeof importOps>;

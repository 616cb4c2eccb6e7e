import type { FileOut } from '../../src-main/contract/files';

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  pdf: 'application/pdf',
  html: 'text/html',
};

/**
 * Saves a file an operation handed back (an export, a template, a problem file, a report) as a download:
 * the one way the page saves files. The desktop asks where with its own save dialog (electron/security.ts
 * allows blob: downloads only). Returns false when nothing came back (the job was cancelled).
 */
export function saveDownload(file: Pick<FileOut, 'name' | 'base64'> | null | undefined, name = file?.name): boolean {
  if (!file?.base64 || !name) return false;
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(
    new Blob([bytes], { type: TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

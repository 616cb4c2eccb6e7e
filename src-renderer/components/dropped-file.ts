import { uploadFile } from '../backend/transport';

/** A file the user picked or dropped, already handed to the workbench: `upload` is the operations' `{ upload }` file input. */
export interface PickedFile {
  name: string;
  upload: string;
  size: number;
}

/** Hands a picked or dropped file to the workbench (transport.uploadFile) and describes it for the wizard. */
export async function pickFile(file: File): Promise<PickedFile> {
  const info = await uploadFile(file);
  return { name: file.name, upload: info.upload, size: info.bytes };
}

/**
 * A file dropped anywhere on the window (WindowFileDrop) waiting for the import wizard to take it
 * (issue #3 item 8: "pick a file, or drop it on the window"). One slot: a newer drop replaces an older one.
 */
let pending: PickedFile | null = null;
const listeners = new Set<() => void>();

export const droppedFile = {
  put(file: PickedFile): void {
    pending = file;
    for (const l of listeners) l();
  },
  /** Hands the waiting file over once: the wizard calls it when it starts on a file. */
  take(): PickedFile | null {
    const f = pending;
    pending = null;
    return f;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The files the import reads (the engine still checks the content: a renamed file is refused there). */
export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.csv', '.tsv', '.txt', '.ods'];
export const isSpreadsheetName = (name: string) =>
  SPREADSHEET_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

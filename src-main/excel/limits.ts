/**
 * Every bound the readers keep, in one place (issue #17 items 7–9). A file is refused with its own
 * error code the moment it passes one of them, so that no file — damaged, hostile or merely huge —
 * can make an import use unbounded memory or time. The figures leave room for any real workbook:
 * the largest parts of the public spreadsheets in the fixtures deflate about 21 : 1.
 */

/** A file larger than this is refused before it is read (its size is checked on disk first). */
export { MAX_FILE_BYTES } from '../contract/files';

/** One part of a workbook (a worksheet's XML) may unpack to at most this; all parts read, to twice that. */
export const MAX_PART_BYTES = 512 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

/**
 * Deflate reaches about 1,000 : 1 on repeated bytes, which is what a "zip bomb" uses; spreadsheet
 * programs' parts stay far below 100 : 1 (Apache POI refuses above 100 : 1). The first MB of any part
 * is free of the check, so tiny, very regular parts never trip it.
 */
export const MAX_INFLATE_RATIO = 200;
export const RATIO_GRACE_BYTES = 1024 * 1024;

/** Distinct texts of a workbook's shared-strings table, and their total length in characters. */
export const MAX_SHARED_STRINGS = 2_000_000;
export const MAX_SHARED_TEXT_CHARS = 64 * 1024 * 1024;

/** Cells a sheet may hold (rows × columns as stored, blanks between values included). */
export const MAX_CELLS = 12_000_000;

/** Text between two row ends (one row, or what follows the last): more than this means a row never closes. */
export const MAX_ROW_CHARS = 32 * 1024 * 1024;

/** Merged ranges kept per sheet: they only matter for headers, and each is looked at per header cell. */
export const MAX_MERGES = 10_000;

/** Files read through SheetJS (.xls, .ods, HTML tables) build the whole workbook in memory: a smaller cap. */
export const MAX_LEGACY_BYTES = 64 * 1024 * 1024;

export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

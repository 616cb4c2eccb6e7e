import zlib from 'node:zlib';
import { Inflate } from 'fflate';
import { isWorkbenchError, WorkbenchError } from '../contract/errors';
import { MAX_INFLATE_RATIO, MAX_PART_BYTES, MAX_UNPACKED_BYTES, mb, RATIO_GRACE_BYTES } from './limits';

/**
 * A minimal ZIP reader over the file's bytes: the central directory gives each entry's place, and an
 * entry is inflated either whole (small parts: workbook, styles, shared strings) or in slices, so that a
 * huge worksheet is scanned without ever holding its whole XML in memory and can be abandoned early.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataOffset: number;
  encrypted: boolean;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** Parts up to this size are inflated at once; larger ones (a million-row sheet) are streamed. */
const INFLATE_AT_ONCE = 96 * 1024 * 1024;

/** Parts read whole as text are small in every real workbook (styles of a big one: a few MB). */
const WHOLE_PART_BYTES = 64 * 1024 * 1024;

const truncated = (file: string) => new WorkbenchError('import/truncated', { file });
// A failure inside the consumer (too many rows, a damaged sheet) keeps its own code; only the inflater's are "cut off".
const rethrow = (e: unknown, file: string): never => {
  throw isWorkbenchError(e) ? e : truncated(file);
};

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;
  /** Bytes inflated from this archive so far, over every part read (P-limits: MAX_UNPACKED_BYTES). */
  private unpacked = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  private u16 = (o: number) => this.view.getUint16(o, true);
  private u32 = (o: number) => this.view.getUint32(o, true);
  private u64 = (o: number) => Number(this.view.getBigUint64(o, true));

  private readDirectory(): void {
    const len = this.bytes.length;
    let eocd = -1;
    for (let i = len - 22; i >= Math.max(0, len - 22 - 65_535); i--) {
      if (this.u32(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    // A ZIP without its end record was cut short (an interrupted download or copy).
    if (eocd < 0) throw truncated(this.file);
    let count = this.u16(eocd + 10);
    let cdOffset = this.u32(eocd + 16);
    if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && this.u32(eocd - 20) === SIG_EOCD64_LOCATOR) {
      const rec = this.u64(eocd - 12);
      count = this.u64(rec + 32);
      cdOffset = this.u64(rec + 48);
    }
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > len || this.u32(p) !== SIG_CENTRAL) throw truncated(this.file);
      const flags = this.u16(p + 8);
      const method = this.u16(p + 10);
      let compressedSize = this.u32(p + 20);
      let size = this.u32(p + 24);
      const nameLen = this.u16(p + 28);
      const extraLen = this.u16(p + 30);
      const commentLen = this.u16(p + 32);
      let localOffset = this.u32(p + 42);
      const name = new TextDecoder().decode(this.bytes.subarray(p + 46, p + 46 + nameLen));
      // ZIP64 sizes live in the extra field when the 32-bit ones are saturated.
      for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
        const id = this.u16(e);
        const sz = this.u16(e + 2);
        if (id === 1) {
          let q = e + 4;
          if (size === 0xffffffff) {
            size = this.u64(q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = this.u64(q);
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = this.u64(q);
        }
        e += 4 + sz;
      }
      if (localOffset + 30 > len || this.u32(localOffset) !== SIG_LOCAL) throw truncated(this.file);
      const dataOffset = localOffset + 30 + this.u16(localOffset + 26) + this.u16(localOffset + 28);
      if (dataOffset + compressedSize > len) throw truncated(this.file);
      this.entries.set(name.replace(/^\/+/, ''), {
        name,
        method,
        compressedSize,
        size,
        dataOffset,
        encrypted: (flags & 1) === 1,
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Finds an entry ignoring case (some writers spell part names differently). */
  find(name: string): ZipEntry | undefined {
    const exact = this.entries.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    for (const [k, v] of this.entries) if (k.toLowerCase() === lower) return v;
    return undefined;
  }

  /**
   * Refuses a part before inflating it when its declared size or compression ratio is beyond any
   * spreadsheet (issue #17 item 8); `count` then holds the actual output to the same bounds, since the
   * sizes a ZIP declares can lie.
   */
  private guard(entry: ZipEntry): (inflated: number, consumed: number) => void {
    const tooLarge = () =>
      new WorkbenchError('import/unpacked-too-large', {
        file: this.file,
        maxMb: mb(MAX_PART_BYTES),
        totalMb: mb(MAX_UNPACKED_BYTES),
      });
    const ratio = (out: number, inp: number) =>
      new WorkbenchError('import/compression-ratio', {
        file: this.file,
        ratio: Math.round(out / Math.max(inp, 1)).toLocaleString('en'),
        max: MAX_INFLATE_RATIO,
      });
    if (entry.size > MAX_PART_BYTES || this.unpacked + entry.size > MAX_UNPACKED_BYTES) throw tooLarge();
    if (entry.size > RATIO_GRACE_BYTES && entry.size > entry.compressedSize * MAX_INFLATE_RATIO)
      throw ratio(entry.size, entry.compressedSize);
    let seen = 0;
    return (inflated, consumed) => {
      seen += inflated;
      this.unpacked += inflated;
      if (seen > MAX_PART_BYTES || this.unpacked > MAX_UNPACKED_BYTES) throw tooLarge();
      if (seen > RATIO_GRACE_BYTES && seen > consumed * MAX_INFLATE_RATIO) throw ratio(seen, consumed);
    };
  }

  /**
   * Streams an entry's uncompressed bytes to `onChunk` in slices; `onChunk` returns false to stop early.
   */
  stream(entry: ZipEntry, onChunk: (chunk: Uint8Array, final: boolean) => boolean | void): void {
    if (entry.encrypted) throw new WorkbenchError('import/encrypted', { file: this.file });
    const data = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    // 128 KB slices: each decodes to an ordinary heap string that a young-generation collection frees at
    // once (Node keeps the text of a 1 MB slice outside the heap, where it lingered: +70 MB peak on 100,000 rows).
    const SLICE = 1 << 17;
    if (entry.method === 0) {
      this.guard(entry)(data.length, data.length);
      for (let i = 0; i < data.length; i += SLICE)
        if (onChunk(data.subarray(i, i + SLICE), i + SLICE >= data.length) === false) return;
      if (data.length === 0) onChunk(data, true);
      return;
    }
    if (entry.method !== 8) throw new WorkbenchError('import/not-a-workbook', { file: this.file });
    const count = this.guard(entry);
    if (entry.size <= INFLATE_AT_ONCE) {
      // Node's zlib inflates a part in one go about eight times faster than a JS inflater; parts up to
      // this size are inflated whole and then handed out in slices like the streamed ones. A part that
      // inflates past its declared size is streamed instead, under the running bounds.
      let out: Buffer | undefined;
      try {
        // One output buffer of the declared size (plus the byte that shows the end): zlib's default 64 KB
        // chunks, joined at the end, cost twice the inflating itself on a 50 MB sheet.
        out = zlib.inflateRawSync(data, {
          maxOutputLength: Math.max(entry.size, 1),
          chunkSize: Math.max(entry.size + 1, 64),
        });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw truncated(this.file);
      }
      if (out) {
        count(out.length, data.length);
        for (let i = 0; i < out.length; i += SLICE)
          if (onChunk(out.subarray(i, i + SLICE), i + SLICE >= out.length) === false) return;
        if (out.length === 0) onChunk(out, true);
        return;
      }
    }
    let stop = false;
    let consumed = 0;
    const inflater = new Inflate((chunk, final) => {
      count(chunk.length, consumed);
      if (!stop && onChunk(chunk, final) === false) stop = true;
    });
    // 16 KB of input at a time: even at deflate's 1,000 : 1 a push yields at most 16 MB before the check.
    const IN = 1 << 14;
    try {
      for (let i = 0; i < data.length && !stop; i += IN) {
        consumed = Math.min(i + IN, data.length);
        inflater.push(data.subarray(i, i + IN), i + IN >= data.length);
      }
    } catch (e) {
      rethrow(e, this.file);
    }
  }

  /**
   * Inflates every part once, keeping nothing, to hold the archive to `maxBytes` in all before it is
   * handed to a reader that unpacks it whole on its own (SheetJS, for .ods).
   */
  checkUnpacked(maxBytes: number): void {
    let total = 0;
    for (const entry of this.entries.values()) {
      this.stream(entry, (chunk) => {
        total += chunk.length;
        if (total > maxBytes)
          throw new WorkbenchError('import/unpacked-too-large', {
            file: this.file,
            maxMb: mb(maxBytes),
            totalMb: mb(maxBytes),
          });
      });
    }
  }

  /** The whole entry as text (for the small parts of a workbook: relationships, workbook, styles). */
  text(name: string, maxBytes = WHOLE_PART_BYTES): string | undefined {
    const entry = this.find(name);
    if (!entry) return undefined;
    const parts: string[] = [];
    const dec = new TextDecoder('utf-8');
    let size = 0;
    this.stream(entry, (chunk, final) => {
      size += chunk.length;
      if (size > maxBytes)
        throw new WorkbenchError('import/unpacked-too-large', {
          file: this.file,
          maxMb: mb(maxBytes),
          totalMb: mb(MAX_UNPACKED_BYTES),
        });
      parts.push(dec.decode(chunk, { stream: !final }));
    });
    return parts.join('');
  }
}

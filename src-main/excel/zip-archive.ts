import zlib from 'node:zlib';
import { Inflate } from 'fflate';
import { WorkbenchError } from '../contract/errors';

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
const INFLATE_AT_ONCE = 160 * 1024 * 1024;

const truncated = (file: string) => new WorkbenchError('import/truncated', { file });

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;

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
      for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
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
      this.entries.set(name.replace(/^\/+/, ''), { name, method, compressedSize, size, dataOffset, encrypted: (flags & 1) === 1 });
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
   * Streams an entry's uncompressed bytes to `onChunk` in slices; `onChunk` returns false to stop early.
   */
  stream(entry: ZipEntry, onChunk: (chunk: Uint8Array, final: boolean) => boolean | void): void {
    if (entry.encrypted) throw new WorkbenchError('import/encrypted', { file: this.file });
    const data = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    // 128 KB slices: each decodes to an ordinary heap string that a young-generation collection frees at
    // once (Node keeps the text of a 1 MB slice outside the heap, where it lingered: +70 MB peak on 100,000 rows).
    const SLICE = 1 << 17;
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += SLICE) if (onChunk(data.subarray(i, i + SLICE), i + SLICE >= data.length) === false) return;
      if (data.length === 0) onChunk(data, true);
      return;
    }
    if (entry.method !== 8) throw new WorkbenchError('import/not-a-workbook', { file: this.file });
    if (entry.size <= INFLATE_AT_ONCE) {
      // Node's zlib inflates a part in one go about eight times faster than a JS inflater; parts up to
      // this size are inflated whole and then handed out in slices like the streamed ones.
      let out: Buffer;
      try {
        out = zlib.inflateRawSync(data, { maxOutputLength: INFLATE_AT_ONCE + 1 });
      } catch {
        throw truncated(this.file);
      }
      for (let i = 0; i < out.length; i += SLICE) if (onChunk(out.subarray(i, i + SLICE), i + SLICE >= out.length) === false) return;
      if (out.length === 0) onChunk(out, true);
      return;
    }
    let stop = false;
    const inflater = new Inflate((chunk, final) => {
      if (!stop && onChunk(chunk, final) === false) stop = true;
    });
    try {
      for (let i = 0; i < data.length && !stop; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    } catch {
      throw truncated(this.file);
    }
  }

  /** The whole entry as text (for the small parts of a workbook). */
  text(name: string): string | undefined {
    const entry = this.find(name);
    if (!entry) return undefined;
    const parts: string[] = [];
    const dec = new TextDecoder('utf-8');
    this.stream(entry, (chunk, final) => {
      parts.push(dec.decode(chunk, { stream: !final }));
    });
    return parts.join('');
  }
}

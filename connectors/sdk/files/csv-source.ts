import { createReadStream, statSync } from 'node:fs';
import type { FieldIssue } from '../record-kind';
import type { RecordSource, SourceRecord } from './source-record';

/**
 * Reads institutions' CSV exports as they really come: `;` or `,` (or tab) separators found from
 * the header, UTF-8 (with or without BOM) or Latin-1 decided per record (a record that is not
 * valid UTF-8 is read as Latin-1, so even mixed files read correctly), RFC 4180 quotes with
 * separators, quotes and newlines inside, CRLF or LF, and a last line without a newline.
 *
 * Never throws on bad content: a row with the wrong number of cells, an unterminated quote or an
 * absurd size becomes a SourceRecord with issues, which the import dead-letters with its bytes.
 */
export interface CsvOptions {
  /** Force an encoding instead of deciding per record. */
  readonly encoding?: 'auto' | 'utf8' | 'latin1';
  /** Largest record accepted, in bytes; longer ones are dead-lettered (default 64 KiB). */
  readonly maxRecordBytes?: number;
}

export const CSV_ISSUE = {
  columnCount: 'CSV_COLUMN_COUNT',
  unterminatedQuote: 'CSV_UNTERMINATED_QUOTE',
  tooLarge: 'CSV_RECORD_TOO_LARGE',
  noHeader: 'CSV_NO_HEADER',
} as const;

export function csvFileSource(file: string, opts: CsvOptions = {}): RecordSource {
  const total = statSync(file).size;
  let done = 0;
  return {
    progress: () => ({ done, total }),
    [Symbol.asyncIterator]: () => readCsv(byteChunks(file, (n) => { done += n; }), opts)[Symbol.asyncIterator](),
  };
}

async function* byteChunks(file: string, onRead: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    onRead((chunk as Buffer).length);
    yield chunk as Buffer;
  }
}

/** Physical lines (bytes, without the line break) with their 1-based line numbers. */
async function* lines(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ bytes: Buffer; lineNo: number }> {
  let rest: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  for await (const chunk of chunks) {
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl !== -1; nl = buf.indexOf(0x0a, start)) {
      const end = nl > start && buf[nl - 1] === 0x0d ? nl - 1 : nl;
      yield { bytes: buf.subarray(start, end), lineNo: ++lineNo };
      start = nl + 1;
    }
    rest = Buffer.from(buf.subarray(start));
  }
  if (rest.length) yield { bytes: rest[rest.length - 1] === 0x0d ? rest.subarray(0, -1) : rest, lineNo: ++lineNo };
}

function decode(bytes: Buffer, encoding: CsvOptions['encoding']): string {
  if (encoding === 'latin1') return bytes.toString('latin1');
  const s = bytes.toString('utf8');
  // U+FFFD means invalid UTF-8 unless the file literally contains it (EF BF BD).
  if (encoding === 'utf8' || !s.includes('\uFFFD') || bytes.includes(REPLACEMENT_UTF8)) return s;
  return bytes.toString('latin1');
}
const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

/** Splits one logical record; `undefined` when a quote is still open at its end (the record continues). */
export function splitCsv(text: string, sep: string): string[] | undefined {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let cell = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) return undefined;
        cell += text.slice(i, q);
        if (text[q + 1] === '"') { cell += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the separator is kept (lenient, like spreadsheets).
      const next = text.indexOf(sep, i);
      cells.push(cell + (next === -1 ? text.slice(i) : text.slice(i, next)));
      if (next === -1) return cells;
      i = next + sep.length;
    } else {
      const next = text.indexOf(sep, i);
      cells.push(next === -1 ? text.slice(i) : text.slice(i, next));
      if (next === -1) return cells;
      i = next + sep.length;
    }
  }
}

/** The separator of a header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectSeparator(header: string): string {
  const unquoted = header.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  return [';', ',', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ';');
}

/** Header names as keys: trimmed, lower case, accents folded, spaces and hyphens as `_`. */
export function headerKey(name: string): string {
  return name.replace(/^\uFEFF/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export async function* readCsv(chunks: AsyncIterable<Buffer>, opts: CsvOptions = {}): AsyncGenerator<SourceRecord> {
  const maxBytes = opts.maxRecordBytes ?? 64 * 1024;
  let header: string[] | undefined;
  let sep = ';';
  let recordNo = 0;
  let pending: { parts: Buffer[]; size: number; firstLine: number } | undefined;
  const reject = (raw: Buffer, firstLine: number, issue: FieldIssue): SourceRecord =>
    ({ recordNo: ++recordNo, location: `línea ${firstLine}`, raw, fields: null, issues: [issue] });

  for await (const { bytes, lineNo } of lines(chunks)) {
    if (!pending && bytes.length === 0) continue; // blank lines are not records
    const parts = pending ? [...pending.parts, Buffer.from('\n'), bytes] : [bytes];
    const size = (pending?.size ?? 0) + bytes.length + (pending ? 1 : 0);
    const firstLine = pending?.firstLine ?? lineNo;
    if (size > maxBytes) {
      pending = undefined;
      yield reject(Buffer.concat(parts).subarray(0, maxBytes), firstLine, { field: '(registro)', code: CSV_ISSUE.tooLarge });
      continue;
    }
    const raw = parts.length === 1 ? bytes : Buffer.concat(parts);
    const text = decode(raw, opts.encoding);
    if (!header) {
      sep = detectSeparator(text);
      const cells = splitCsv(text, sep);
      if (!cells) { pending = { parts, size, firstLine }; continue; }
      pending = undefined;
      header = cells.map(headerKey);
      continue;
    }
    const cells = splitCsv(text, sep);
    if (!cells) { pending = { parts, size, firstLine }; continue; }
    pending = undefined;
    if (cells.length !== header.length) {
      yield reject(raw, firstLine, { field: '(registro)', code: CSV_ISSUE.columnCount });
      continue;
    }
    const fields: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) fields[header[c]!] = cells[c]!;
    // `raw` is a view into the read chunk (chunks are never reused), so no copy per record.
    yield { recordNo: ++recordNo, location: `línea ${firstLine}`, raw, fields, issues: [] };
  }
  if (pending) yield reject(Buffer.concat(pending.parts), pending.firstLine, { field: '(registro)', code: CSV_ISSUE.unterminatedQuote });
  if (!header) yield reject(Buffer.alloc(0), 1, { field: '(archivo)', code: CSV_ISSUE.noHeader });
}

import { detectSeparator, headerKey, readCsv, splitCsv } from './csv-source';
import type { SourceRecord } from './source-record';

async function read(bytes: Buffer | string, chunkSize = 7, opts = {}): Promise<SourceRecord[]> {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  async function* chunks() { for (let i = 0; i < buf.length; i += chunkSize) yield buf.subarray(i, i + chunkSize); }
  const out: SourceRecord[] = [];
  for await (const r of readCsv(chunks(), opts)) out.push(r);
  return out;
}

describe('CSV reader', () => {
  it('Given a UTF-8 file with BOM, CRLF and Spanish headers, When read in small chunks, Then fields are keyed by folded header names', async () => {
    const rows = await read('\uFEFFTipo;Fecha Nacimiento;Apellido-Paterno\r\nMATRICULA;01-02-2015;Núñez\r\n');
    expect(rows).toEqual([expect.objectContaining({ recordNo: 1, location: 'línea 2', fields: { tipo: 'MATRICULA', fecha_nacimiento: '01-02-2015', apellido_paterno: 'Núñez' }, issues: [] })]);
  });

  it('Given a Latin-1 file, When read, Then accents and ñ decode correctly; a UTF-8 line in the same file also does', async () => {
    const latin = Buffer.concat([Buffer.from('a,b\n', 'latin1'), Buffer.from('Peñalolén,Ñuñoa\n', 'latin1'), Buffer.from('Peñalolén,Ñuñoa\n', 'utf8')]);
    const rows = await read(latin);
    expect(rows.map((r) => r.fields)).toEqual([{ a: 'Peñalolén', b: 'Ñuñoa' }, { a: 'Peñalolén', b: 'Ñuñoa' }]);
  });

  it('Given quoted cells with separators, doubled quotes and newlines, When read, Then they are kept whole and the location is the first line', async () => {
    const rows = await read('x;y\n"uno; dos";"dice ""hola""\nsegunda línea"\nsolo;fila\n');
    expect(rows.map((r) => [r.location, r.fields])).toEqual([
      ['línea 2', { x: 'uno; dos', y: 'dice "hola"\nsegunda línea' }],
      ['línea 4', { x: 'solo', y: 'fila' }],
    ]);
  });

  it('Given rows with too few or too many cells, blank lines and a truncated last line, When read, Then each bad one is a record with an issue and good ones survive', async () => {
    const rows = await read('a;b;c\n1;2;3\n\n1;2\n1;2;3;4\n4;5;6\n7;8;"9');
    expect(rows.map((r) => [r.recordNo, r.location, r.issues.map((i) => i.code)[0] ?? 'ok'])).toEqual([
      [1, 'línea 2', 'ok'], [2, 'línea 4', 'CSV_COLUMN_COUNT'], [3, 'línea 5', 'CSV_COLUMN_COUNT'], [4, 'línea 6', 'ok'], [5, 'línea 7', 'CSV_UNTERMINATED_QUOTE'],
    ]);
    expect(rows[1]!.raw.toString()).toBe('1;2');
  });

  it('Given an absurdly large record, When read, Then it is rejected by size and reading goes on', async () => {
    const rows = await read(`a;b\n${'x'.repeat(5000)};1\nok;2\n`, 512, { maxRecordBytes: 1024 });
    expect(rows.map((r) => r.issues[0]?.code ?? r.fields)).toEqual(['CSV_RECORD_TOO_LARGE', { a: 'ok', b: '2' }]);
  });

  it('Given an empty file, When read, Then one record says there is no header', async () => {
    expect((await read('')).map((r) => r.issues[0]?.code)).toEqual(['CSV_NO_HEADER']);
  });

  it('Given binary garbage, When read, Then the reader neither throws nor invents valid rows', async () => {
    const garbage = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    const rows = await read(garbage, 100);
    expect(rows.every((r) => r.issues.length > 0 || r.fields !== null)).toBe(true);
  });

  it('Given header lines, When the separator is detected, Then the most frequent unquoted one wins', () => {
    expect(detectSeparator('a;b;c')).toBe(';');
    expect(detectSeparator('a,b,c')).toBe(',');
    expect(detectSeparator('"a;x",b,c')).toBe(',');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
    expect(headerKey(' RUN NNA ')).toBe('run_nna');
    expect(splitCsv('"abierta;x', ';')).toBeUndefined();
  });
});

import { csvLine, parseCsv } from './csv';

describe('CSV writing and reading', () => {
  const awkward = ['Pasaje "Los Aromos" 12', 'Villa Sur; casa B', 'Calle 1, depto 2', 'Los Copihues 456\nVilla Los Héroes', '', 'Ñuñoa'];

  it.each([[';', false], [',', false], [';', true]] as const)('Given cells with separators, quotes and line breaks, When written with "%s" (quote all: %s) and read back, Then every cell survives', (sep, quoteAll) => {
    const text = `${csvLine(['a', 'b', 'c', 'd', 'e', 'f'], sep, quoteAll)}\r\n${csvLine(awkward, sep, quoteAll)}\r\n${csvLine(['1', '2', '3', '4', '5', '6'], sep, quoteAll)}\r\n`;
    const { header, rows } = parseCsv(text, sep);
    expect(header).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(rows.map((r) => Object.values(r.cells))).toEqual([awkward, ['1', '2', '3', '4', '5', '6']]);
    // The record with a line break in a cell starts on line 2; the next one on line 4.
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('Given minimal quoting, When a plain cell is written, Then it is not quoted; a cell with the separator is', () => {
    expect(csvLine(['12.345.678-5', '72,5'], ',', false)).toBe('12.345.678-5,"72,5"');
    expect(csvLine(['72,5'], ';', false)).toBe('72,5');
  });

  it('Given a UTF-8 BOM, When parsed, Then the first header is clean', () => {
    expect(parseCsv('\uFEFFtipo;id\nX;1\n', ';').header).toEqual(['tipo', 'id']);
  });
});

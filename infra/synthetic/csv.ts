/**
 * RFC 4180 CSV, as the generator writes it and reads it back in its tests: a field is quoted
 * when it holds the separator, a quote, CR or LF (or always, for exporters that quote
 * everything), quotes are doubled inside quotes, and line breaks inside a field are kept.
 */
export function csvLine(cells: readonly string[], separator: string, quoteAll: boolean): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += separator;
    const c = cells[i]!;
    out += quoteAll || needsQuotes(c, separator) ? `"${c.replace(/"/g, '""')}"` : c;
  }
  return out;
}

function needsQuotes(cell: string, separator: string): boolean {
  return cell.includes(separator) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
}

/** Parses a whole CSV text (header first) into rows keyed by header name, with each row's first line. */
export function parseCsv(text: string, separator: string): { header: string[]; rows: { line: number; cells: Record<string, string> }[] } {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let atCellStart = true;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
    cells = [];
    cell = '';
    atCellStart = true;
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) { quoted = true; atCellStart = false; continue; }
    if (ch === separator) { cells.push(cell); cell = ''; atCellStart = true; continue; }
    if (ch === '\r' && text[i + 1] === '\n') continue;
    if (ch === '\n') { endRecord(); line++; start = line; continue; }
    cell += ch;
    atCellStart = false;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  const [head, ...rest] = records;
  const header = head?.cells ?? [];
  return {
    header,
    rows: rest.map((r) => ({ line: r.line, cells: Object.fromEntries(header.map((h, k) => [h, r.cells[k] ?? ''])) })),
  };
}

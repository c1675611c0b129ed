/**
 * A plain text table for people: columns padded to the widest cell, two spaces apart. `header` is
 * one translated string with `|` between column titles (as the message catalogues write them).
 */
export function renderTable(header: string, rows: readonly (readonly string[])[]): string[] {
  const head = header.split('|');
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

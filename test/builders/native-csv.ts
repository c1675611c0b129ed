/** Writes native rows as an institution's CSV export would: header from the first row, `;` by default, RFC 4180 quoting. */
export function toCsv(rows: readonly Record<string, unknown>[], sep = ';'): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /["\n\r]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(sep), ...rows.map((r) => columns.map((c) => cell(r[c])).join(sep))].join('\r\n') + '\r\n';
}

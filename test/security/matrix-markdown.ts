import { COLUMNS, MATRIX, NOT_IN_MATRIX, ROWS, type Cell } from './authorization-matrix';

/**
 * The matrix (authorization-matrix.ts) as the Markdown tables of docs/security/authorization-matrix.md.
 * The doc embeds this output between markers; a unit test fails when the two differ, so the doc
 * cannot drift from the data the integration test checks.
 */
export const BEGIN = '<!-- matrix:begin (generated from test/security/authorization-matrix.ts; do not edit by hand) -->';
export const END = '<!-- matrix:end -->';

const esc = (s: string) => s.replace(/\|/g, '\\|');

function cellText(c: Cell): string {
  return `**${c.status}**${c.code ? ` \`${c.code}\`` : ''}${c.sameAnswerAs ? ' ≡' : ''}${c.finding ? ' ⚠' : ''}`;
}

export function renderMatrix(): string {
  const cols = COLUMNS.map((c, i) => `C${i + 1}`);
  const out: string[] = [];
  out.push('Columns:', '');
  out.push('| # | Service | Endpoint | What | X-Purpose sent | Audited read |', '|---|---|---|---|---|---|');
  COLUMNS.forEach((c, i) => out.push(`| ${cols[i]} | ${c.service} | \`${c.method} ${esc(c.path)}\` | ${esc(c.description)} | ${c.purpose ? 'yes' : 'no'} | ${c.audit ? `\`${c.audit.table}\` \`${c.audit.action}\`` : '—'} |`));
  out.push('', `Matrix (${ROWS.length} rows × ${COLUMNS.length} columns = ${MATRIX.length} cells; ≡ = byte-for-byte the answer to an unknown id (same credential), checked; ⚠ = expected today but a finding):`, '');
  out.push(`| Credential | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`);
  for (const r of ROWS) {
    out.push(`| ${esc(r.label)} | ${COLUMNS.map((c) => cellText(MATRIX.find((m) => m.row === r.id && m.column === c.id)!)).join(' | ')} |`);
  }
  out.push('', 'Reasons, per cell:', '', '| Credential | Column | Status | Reason |', '|---|---|---|---|');
  const colOf = (id: string) => `${cols[COLUMNS.findIndex((c) => c.id === id)]} \`${id}\``;
  for (const m of MATRIX) {
    const same = m.sameAnswerAs ? ` (same answer as ${colOf(m.sameAnswerAs)}${m.auditStatus ? `; audited as ${m.auditStatus}` : ''})` : '';
    out.push(`| ${m.row} | ${colOf(m.column)} | ${m.status}${m.code ? ` ${m.code}` : ''} | ${esc(m.reason)}${same}${m.finding ? ` — ⚠ ${esc(m.finding)}` : ''} |`);
  }
  out.push('', 'Not in the matrix:', '');
  for (const n of NOT_IN_MATRIX) out.push(`- **${n.service}**: ${n.reason}`);
  return [BEGIN, ...out, END].join('\n');
}

/** The generated part of a doc (between the markers), or null when the markers are missing. */
export function embeddedMatrix(doc: string): string | null {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  return a < 0 || b < a ? null : doc.slice(a, b + END.length);
}

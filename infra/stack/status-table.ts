import type { ComponentStatus } from './stack';

/** Column titles and state words, already translated. */
export interface StatusLabels {
  readonly component: string;
  readonly state: string;
  readonly address: string;
  readonly ok: string;
  readonly fail: string;
}

/**
 * The human `hub status` table, one row per component, columns padded to the widest cell:
 *   kafka     ok     127.0.0.1:9092
 *   registry  FALLA  http://127.0.0.1:8081/apis/ccompat/v7  (ECONNREFUSED)
 */
export function renderStatusTable(rows: readonly ComponentStatus[], labels: StatusLabels): string[] {
  const cells = rows.map((r) => [r.name, r.ok ? labels.ok : labels.fail, r.url + (!r.ok && r.detail ? `  (${r.detail})` : '')] as const);
  const header = [labels.component, labels.state, labels.address] as const;
  const w0 = Math.max(header[0].length, ...cells.map((c) => c[0].length));
  const w1 = Math.max(header[1].length, ...cells.map((c) => c[1].length));
  const line = (c: readonly [string, string, string]): string => `${c[0].padEnd(w0)}  ${c[1].padEnd(w1)}  ${c[2]}`.trimEnd();
  return [line(header), ...cells.map(line)];
}

/** The exact `hub status --json` document: one object, components in display order. */
export function statusJson(rows: readonly ComponentStatus[]): string {
  return JSON.stringify({ components: rows.map((r) => (r.detail === undefined ? { name: r.name, ok: r.ok, url: r.url } : { name: r.name, ok: r.ok, url: r.url, detail: r.detail })) });
}

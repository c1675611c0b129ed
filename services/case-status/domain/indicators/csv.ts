import { INDICATORS } from './catalogue';
import { roundHalfUp } from './compute';
import type { IndicatorDefinition, IndicatorRow } from './types';

const HEADERS = {
  es: ['indicador', 'nombre', 'grupo', 'unidad_estadias_numerador', 'unidad_estadias_denominador', 'unidad_estadias_valor',
    'unidad_ninos_numerador', 'unidad_ninos_denominador', 'unidad_ninos_valor', 'definitivo', 'items_provisorios', 'meta', 'cumple_meta'],
  en: ['indicator', 'name', 'group', 'stays_numerator', 'stays_denominator', 'stays_value',
    'children_numerator', 'children_denominator', 'children_value', 'final', 'provisional_items', 'target', 'meets_target'],
} as const;

function cell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV export of indicator rows (RFC 4180, comma, dot decimals, values rounded half up to 1 decimal). */
export function indicatorsToCsv(rows: readonly IndicatorRow[], lang: 'es' | 'en' = 'es', definitions: readonly IndicatorDefinition[] = INDICATORS): string {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const lines = [HEADERS[lang].join(',')];
  for (const r of rows) {
    const d = byId.get(r.indicatorId);
    const v = (x: number | null) => (x === null ? null : roundHalfUp(x));
    const target = d?.target ? `${d.target.direction === 'MIN' ? '>=' : '<='}${d.target.value}` : null;
    lines.push([r.indicatorId, d ? (lang === 'es' ? d.nameEs : d.nameEn) : '', r.group,
      roundHalfUp(r.stays.numerator, 2), r.stays.denominator, v(r.stays.value),
      roundHalfUp(r.children.numerator, 2), r.children.denominator, v(r.children.value),
      r.final, r.provisionalItems, target, r.meetsTarget].map(cell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

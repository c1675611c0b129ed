/** `hub indicators` messages (es-CL first, English second). */
export const indicatorsMessages = {
  es: {
    'indicators.usage': 'Uso: npx hub indicators --from AAAA-MM-DD --to AAAA-MM-DD --by comuna|region|modality [--json] [--csv ARCHIVO]',
    'indicators.header': 'Indicadores del {from} al {to} por {by} ({children} niños, niñas y adolescentes; {events} eventos)',
    'indicators.columns': 'indicador | grupo | estadías (num/den = valor) | niños (num/den = valor) | definitivo',
    'indicators.csvWritten': 'CSV escrito en {file} ({rows} filas).',
    'indicators.empty': 'No hay datos en el período.',
  },
  en: {
    'indicators.usage': 'Usage: npx hub indicators --from YYYY-MM-DD --to YYYY-MM-DD --by comuna|region|modality [--json] [--csv FILE]',
    'indicators.header': 'Indicators from {from} to {to} by {by} ({children} children; {events} events)',
    'indicators.columns': 'indicator | group | stays (num/den = value) | children (num/den = value) | final',
    'indicators.csvWritten': 'CSV written to {file} ({rows} rows).',
    'indicators.empty': 'No data in the period.',
  },
};

/** `hub indicators` messages (es-CL first, English second). */
export const indicatorsMessages = {
  es: {
    'indicators.usage': 'Uso: npx hub indicators --from AAAA-MM-DD --to AAAA-MM-DD --by comuna|region|modality [--json] [--csv ARCHIVO]',
    'indicators.header': 'Indicadores del {from} al {to} por {by} ({children} niños, niñas y adolescentes; {events} eventos)',
    'indicators.by.comuna': 'comuna',
    'indicators.by.region': 'región',
    'indicators.by.modality': 'modalidad',
    'indicators.columns': 'indicador | grupo | estadías (num/den = valor) | niños (num/den = valor) | definitivo',
    'indicators.csvWritten': 'CSV escrito en {file} ({rows} filas).',
    'indicators.empty': 'No hay datos en el período.',
    'indicators.noTables': 'Aún no existen las tablas del servicio case-status en el esquema «{schema}»: el servicio nunca se ha ejecutado o falta preparar la base de datos. Ejecute «npx hub prepare» (o inicie el servicio case-status) y vuelva a intentarlo.',
  },
  en: {
    'indicators.usage': 'Usage: npx hub indicators --from YYYY-MM-DD --to YYYY-MM-DD --by comuna|region|modality [--json] [--csv FILE]',
    'indicators.header': 'Indicators from {from} to {to} by {by} ({children} children; {events} events)',
    'indicators.by.comuna': 'comuna',
    'indicators.by.region': 'region',
    'indicators.by.modality': 'modality',
    'indicators.columns': 'indicator | group | stays (num/den = value) | children (num/den = value) | final',
    'indicators.csvWritten': 'CSV written to {file} ({rows} rows).',
    'indicators.empty': 'No data in the period.',
    'indicators.noTables': 'The case-status service tables do not exist yet in schema "{schema}": the service has never run or the database was not prepared. Run "npx hub prepare" (or start the case-status service) and try again.',
  },
};

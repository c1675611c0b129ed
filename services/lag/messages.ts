/** Messages of the lag monitor's HTTP API for people (es-CL first, English second). */
export const LAG_MESSAGES = {
  es: {
    'lag.unavailable': 'No se pudo consultar Kafka para calcular el rezago: {reason}. Se reintenta en el próximo muestreo.',
    'lag.groupNotFound': 'No existe el grupo de consumidores «{group}» (o no tiene particiones con offsets).',
  },
  en: {
    'lag.unavailable': 'Kafka could not be queried to compute lag: {reason}. The next sample retries.',
    'lag.groupNotFound': 'Consumer group "{group}" does not exist (or has no partitions with offsets).',
  },
} as const;

import { Kafka, logLevel, Partitioners, type LogEntry, type Producer } from 'kafkajs';
import type { Logger } from '../logging/create-logger';
import { kafkajsSecurityOptions, type KafkaSecurity } from './client-security';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'info', [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs go through the process's pino logger, one namespace per kafkajs component. */
function bridge(log: Logger) {
  return () => ({ namespace, level, log: entry }: LogEntry) => {
    // kafkajs puts broker/group metadata beside the message, never payloads; its own timestamp is dropped for pino's.
    const { message, timestamp: _timestamp, ...rest } = entry;
    log[LEVELS[level] ?? 'info']({ kafkajs: namespace, ...rest }, message);
  };
}

export interface KafkaOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly log: Logger;
  /**
   * SASL/TLS of the connection, from kafkaSecurityOf(config) at the composition root
   * (docs/security/kafka.md). Absent: PLAINTEXT, as the embedded stack serves.
   */
  readonly security?: KafkaSecurity;
}

export function createKafka(opts: KafkaOptions): Kafka {
  return new Kafka({
    clientId: opts.clientId,
    brokers: [...opts.brokers],
    logLevel: logLevel.WARN,
    logCreator: bridge(opts.log.child({ component: 'kafkajs' })),
    retry: { initialRetryTime: 200, retries: 8 },
    connectionTimeout: 5000,
    ...(opts.security ? kafkajsSecurityOptions(opts.security) : {}),
  });
}

/**
 * The producer every service and connector uses: idempotent, acks=all (the broker must persist
 * to every in-sync replica before we call a record accepted), one request in flight so
 * idempotent sequence numbers stay ordered across retries.
 */
export async function createProducer(kafka: Kafka, opts: { transactionalId?: string } = {}): Promise<Producer> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    // Murmur2, the Java client's partitioner: the same key lands on the same partition from any client.
    createPartitioner: Partitioners.DefaultPartitioner,
    // kafkajs requires unbounded retries for idempotence; callers bound their own waits.
    retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5000 },
    allowAutoTopicCreation: false,
    ...(opts.transactionalId ? { transactionalId: opts.transactionalId, transactionTimeout: 60000 } : {}),
  });
  await producer.connect();
  return producer;
}

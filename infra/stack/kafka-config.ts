import { randomBytes } from 'node:crypto';

/** Values filled into infra/kafka/server.properties. */
export interface KafkaConfigValues {
  readonly host: string;
  readonly kafkaPort: number;
  readonly controllerPort: number;
  readonly dataDir: string;
}

/**
 * Fills `{{name}}` placeholders. Unknown or missing names throw rather than leave a literal
 * `{{...}}` for the broker to choke on with a less helpful message.
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return String(v);
  });
}

export function renderServerProperties(template: string, values: KafkaConfigValues): string {
  return renderTemplate(template, { ...values });
}

/**
 * A KRaft cluster id as `kafka-storage.sh random-uuid` makes it: 16 random bytes, base64url
 * without padding (22 characters). Kafka's Uuid.randomUuid rejects ids starting with '-' (they
 * look like CLI flags), so we do the same. Made here to save a JVM start on the first run.
 */
export function newClusterId(random: (n: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-') && isClusterId(id)) return id;
  }
}

export function isClusterId(text: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(text) && text !== 'AAAAAAAAAAAAAAAAAAAAAA' && text !== 'AAAAAAAAAAAAAAAAAAAAAQ';
}

/**
 * Whether a jar (a zip) lists `entry`. Zip central directories store names uncompressed, so a
 * byte search is enough to verify the download has e.g. `kafka/tools/StorageTool.class`.
 */
export function jarListsEntry(jar: Buffer, entry: string): boolean {
  return jar.includes(Buffer.from(entry, 'utf8'));
}

/** JVM flags of the broker: Kafka's own G1 defaults, a small heap, and die (not limp) on OOM. */
export const KAFKA_JVM_FLAGS: readonly string[] = [
  '-Xms256m',
  '-Xmx512m',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
];

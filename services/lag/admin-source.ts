import type { Admin, Kafka } from 'kafkajs';

/**
 * The monitor's admin client, replaced when a deleted topic poisons it. kafkajs's admin keeps
 * every topic it was ever asked about in its metadata target set; once one of them is deleted
 * (tests and operators delete topics), every later metadata refresh fails with
 * UNKNOWN_TOPIC_OR_PARTITION, forever. The only cure is a fresh client.
 */
export interface AdminSource {
  current(): Promise<Admin>;
  /** Drops the current client (disconnected in the background); the next current() builds another. */
  invalidate(): void;
  close(): Promise<void>;
}

export function adminSource(kafka: Kafka): AdminSource {
  let admin: Promise<Admin> | undefined;
  const disconnect = (a: Promise<Admin> | undefined) => a?.then((x) => x.disconnect()).catch(() => undefined);
  return {
    current() {
      admin ??= (async () => {
        const a = kafka.admin();
        await a.connect();
        return a;
      })().catch((err: unknown) => { admin = undefined; throw err; });
      return admin;
    },
    invalidate() {
      void disconnect(admin);
      admin = undefined;
    },
    async close() {
      await disconnect(admin);
      admin = undefined;
    },
  };
}

/** An error from a topic that no longer exists (possibly wrapped by kafkajs's retrier). */
export function isUnknownTopic(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; i++) {
    const x = e as { type?: string; message?: string; originalError?: unknown; cause?: unknown };
    if (x.type === 'UNKNOWN_TOPIC_OR_PARTITION' || /does not host this topic-partition/.test(x.message ?? '')) return true;
    e = x.originalError ?? x.cause;
  }
  return false;
}

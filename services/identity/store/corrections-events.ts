import type { PoolClient } from 'pg';
import { appendToOutbox } from '../../platform/outbox/append-to-outbox';
import type { EncodedMessage } from '../../platform/kafka/encoded-message';
import type { IdentityChange } from '../domain/corrections';

/** An identity event of a correction with its ledger position (the entry's seq, assigned on insert). */
export interface CorrectionEvent extends Omit<IdentityChange, 'ledgerIndex'> {
  readonly ledgerSeq: string;
  /** Deterministic: `<causeId>:<ledgerSeq>`, so a retried request that was already applied adds nothing. */
  readonly eventId: string;
  /** The request id that caused it (the ledger entries' cause_id). */
  readonly causeId: string;
  /** When the correction was decided (epoch ms): the event's occurredAt. */
  readonly occurredAt: number;
}

/**
 * Writes identity events to the service's outbox inside the correction's transaction. The
 * stream owns the encoding (hub.identity.ChildIdentityChanged, keyed by child id, on the identity
 * topic) and passes its writer in, so corrections and stream decisions publish one format on one
 * topic. Must only use `client` (the correction's transaction): the events become durable with
 * the correction or not at all.
 */
export type PublishIdentityChanges = (client: PoolClient, events: readonly CorrectionEvent[]) => Promise<void>;

/**
 * A PublishIdentityChanges over the service's outbox table: `encode` turns the events into Kafka
 * messages (the stream's Avro encoder for hub.identity.ChildIdentityChanged, keyed by child id),
 * appended in the correction's transaction; the identity relay publishes them exactly once.
 */
export function outboxPublisher(opts: {
  readonly encode: (events: readonly CorrectionEvent[]) => Promise<readonly EncodedMessage[]>;
  readonly table?: string;
  readonly channel: string;
}): PublishIdentityChanges {
  return async (client, events) => {
    if (events.length === 0) return;
    const messages = await opts.encode(events);
    // One outbox entry per correction: its messages are published together, in ledger order.
    await appendToOutbox(client, opts.table ?? 'identity_outbox', opts.channel, [{ eventId: events[0]!.eventId, messages }]);
  };
}

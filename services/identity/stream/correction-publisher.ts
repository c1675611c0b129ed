/**
 * The writer of correction events (review API, C3) into the identity outbox: the same schema,
 * topic, key and encoder as the stream's own events, inside the correction's transaction.
 */
import type { AvroCodec } from '../../platform/avro/avro-codec';
import { appendToOutbox } from '../../platform/outbox/append-to-outbox';
import type { CorrectionEvent, PublishIdentityChanges } from '../store/corrections-events';
import { buildIdentityEvent, encodeIdentityEvents } from './identity-events';
import { IDENTITY_OUTBOX } from './identity-stream';

export function createCorrectionPublisher(opts: { codec: AvroCodec; topicPrefix: string; outboxChannel: string; now?: () => number }): PublishIdentityChanges {
  const now = opts.now ?? Date.now;
  return async (client, events: readonly CorrectionEvent[]) => {
    if (events.length === 0) return;
    const recordedAt = now();
    const avro = events.map((e) => buildIdentityEvent({
      childId: e.childId, kind: e.kind, status: e.status === 'ACTIVE' ? 'active' : e.status === 'MERGED' ? 'merged' : 'retired',
      affectedRecordKeys: e.affectedRecordKeys, recordKeys: e.recordKeys, mergedInto: e.mergedInto, mergedFrom: e.mergedFrom,
      relatedChildIds: e.relatedChildIds, underReview: e.underReview, golden: e.golden, ledgerSeq: e.ledgerSeq, actor: e.actor,
      reason: e.reason, modelVersion: e.modelVersion, causeId: e.eventId, occurredAt: e.occurredAt, recordedAt, eventId: e.eventId,
    }));
    const messages = await encodeIdentityEvents(opts.codec, opts.topicPrefix, avro);
    await appendToOutbox(client, IDENTITY_OUTBOX, opts.outboxChannel, messages.map((m, i) => ({ eventId: avro[i]!.envelope.eventId, messages: [m] })));
  };
}

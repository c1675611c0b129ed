import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { Authenticator } from '../../platform/auth/authenticator';
import { CredentialRepository } from '../../platform/auth/credential-repository';
import type { AvroCodec } from '../../platform/avro/avro-codec';
import type { Logger } from '../../platform/logging/create-logger';
import type { IdentityConfig } from '../config';
import { childIdFor } from '../store/child-ids';
import { outboxPublisher, type CorrectionEvent } from '../store/corrections-events';
import { buildIdentityEvent, encodeIdentityEvents, type IdentityEventInput } from '../stream/identity-events';
import type { IdentityApiDeps } from './identity-api.module';

/**
 * A correction's event as the stream's event builder takes it: same schema, topic, key (child id)
 * and golden-record mapping as the stream's own events. The event id is the correction's
 * (`<requestId>:<ledgerSeq>`) where the builder accepts one.
 */
export function toIdentityEventInput(e: CorrectionEvent, recordedAt: number): IdentityEventInput {
  const input: IdentityEventInput & { eventId?: string } = {
    childId: e.childId, kind: e.kind,
    status: e.status === 'ACTIVE' ? 'active' : e.status === 'MERGED' ? 'merged' : 'retired',
    affectedRecordKeys: e.affectedRecordKeys, recordKeys: e.recordKeys, mergedInto: e.mergedInto, mergedFrom: e.mergedFrom,
    relatedChildIds: e.relatedChildIds, underReview: e.underReview, golden: e.golden, ledgerSeq: e.ledgerSeq,
    actor: e.actor, reason: e.reason, modelVersion: e.modelVersion, causeId: e.causeId,
    occurredAt: e.occurredAt, recordedAt, traceId: null, eventId: e.eventId,
  };
  return input;
}

/**
 * The review API's dependencies from the identity process's parts (start-identity.ts →
 * http-mount.ts): credentials from the platform table, events through the identity outbox with
 * the stream's Avro encoder, child ids in the stream's format (`api:<uuid>` cause).
 */
export function identityApiDeps(p: {
  readonly config: Pick<IdentityConfig, 'HUB_TOPIC_PREFIX' | 'HTTP_BODY_LIMIT_BYTES' | 'IDENTITY_AUTH_CACHE_MS'>;
  readonly pool: Pool;
  readonly codec: AvroCodec;
  readonly log: Logger;
  readonly channel: string;
  readonly now?: () => number;
}): IdentityApiDeps {
  const now = p.now ?? Date.now;
  return {
    pool: p.pool,
    log: p.log,
    now,
    authenticator: new Authenticator(new CredentialRepository(p.pool), { ttlMs: p.config.IDENTITY_AUTH_CACHE_MS }),
    newIdentityId: () => childIdFor(`api:${randomUUID()}`),
    publish: outboxPublisher({
      channel: p.channel,
      encode: (events) => encodeIdentityEvents(p.codec, p.config.HUB_TOPIC_PREFIX, events.map((e) => buildIdentityEvent(toIdentityEventInput(e, now())))),
    }),
    bodyLimitBytes: p.config.HTTP_BODY_LIMIT_BYTES,
  };
}

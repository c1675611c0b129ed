import { randomUUID } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { Authenticator } from '../platform/auth/authenticator';
import { CredentialRepository } from '../platform/auth/credential-repository';
import type { AvroCodec } from '../platform/avro/avro-codec';
import type { Logger } from '../platform/logging/create-logger';
import type { IdentityConfig } from './config';
import { IdentityApiModule } from './http/identity-api.module';
import { childIdFor } from './store/child-ids';
import { createCorrectionPublisher } from './stream/correction-publisher';

export interface ApiMountDeps {
  readonly config: IdentityConfig;
  readonly pool: Pool;
  readonly codec: AvroCodec;
  readonly log: Logger;
  /** NOTIFY channel of the identity outbox relay. */
  readonly channel: string;
}

/**
 * The review and identity API module (services/identity/http/, engineer C3) with its
 * dependencies: hub credentials, and the stream's own encoder and outbox for correction events
 * (one format, one topic, one relay). Identities a person creates (split, "new identity") get ids
 * in the stream's format from a random cause: requests are not replayed, so determinism is moot.
 */
export function mountIdentityApi(deps: ApiMountDeps): DynamicModule {
  return IdentityApiModule.register({
    pool: deps.pool,
    authenticator: new Authenticator(new CredentialRepository(deps.pool), { ttlMs: deps.config.IDENTITY_AUTH_CACHE_MS }),
    log: deps.log,
    now: Date.now,
    newIdentityId: () => childIdFor(`api:${randomUUID()}`),
    publish: createCorrectionPublisher({ codec: deps.codec, topicPrefix: deps.config.HUB_TOPIC_PREFIX, outboxChannel: deps.channel }),
    bodyLimitBytes: deps.config.HTTP_BODY_LIMIT_BYTES,
  });
}

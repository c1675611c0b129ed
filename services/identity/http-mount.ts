import type { DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AvroCodec } from '../platform/avro/avro-codec';
import type { Logger } from '../platform/logging/create-logger';
import type { IdentityConfig } from './config';

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
 * dependencies, or null while it is not available. Kept apart from start-identity.ts so the
 * stream composition does not change when the API's wiring does.
 */
export async function mountIdentityApi(_deps: ApiMountDeps): Promise<DynamicModule | null> {
  return null;
}

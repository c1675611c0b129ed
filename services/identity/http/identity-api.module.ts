import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Pool } from 'pg';
import type { Authenticator } from '../../platform/auth/authenticator';
import { AUTHENTICATOR, CredentialGuard } from '../../platform/auth/credential.guard';
import type { Logger } from '../../platform/logging/create-logger';
import type { SurvivorshipPolicy } from '../domain/golden-record';
import type { PublishIdentityChanges } from '../store/corrections-events';
import { IdentityApi } from './identity-api';
import { IdentitiesController, ReviewTasksController } from './identity-api.controllers';
import { IdentityApiErrorsFilter } from './identity-api-errors.filter';
import { IdentityReviewerGuard } from './reviewer.guard';
import { IDENTITY_API, IDENTITY_API_SERVICE } from './tokens';

export { IDENTITY_API } from './tokens';


/**
 * What the review and identity API needs from the process (start-identity.ts builds it):
 * the pool (tables of migrations/0001 and 0002), the process's Authenticator (credentials
 * table, as the intake), the logger, a clock, an id generator for identities created by a split
 * or a "new identity" resolution (the stream's id format), and the writer of identity events to
 * the outbox (the stream's encoder: same topic, same schema, same ordering).
 */
export interface IdentityApiDeps {
  readonly pool: Pool;
  readonly authenticator: Authenticator;
  readonly log: Logger;
  readonly now: () => number;
  readonly newIdentityId: () => string;
  readonly publish: PublishIdentityChanges;
  readonly policy?: SurvivorshipPolicy;
  /** Largest accepted body, for the 413 message (the app's bodyLimitBytes). */
  readonly bodyLimitBytes: number;
  /** Page size cap of GET /v1/review/tasks. */
  readonly maxPageSize?: number;
}

/**
 * The identity service's review and identity API (under /v1): review tasks, corrections
 * (resolve, merge, split), identity reads and explanations. Authenticated with hub credentials
 * (institution HUB, scope identity-review), audited. Mount it by importing
 * `IdentityApiModule.register(deps)` in the process's root module: nothing else to install (its
 * error filter registers itself for its own paths).
 */
@Module({})
export class IdentityApiModule {
  static register(deps: IdentityApiDeps): DynamicModule {
    return {
      module: IdentityApiModule,
      controllers: [ReviewTasksController, IdentitiesController],
      providers: [
        CredentialGuard,
        IdentityReviewerGuard,
        // App-wide, because Fastify's body errors (413, 415, bad JSON) are raised before any controller; limited to our paths.
        { provide: APP_FILTER, useClass: IdentityApiErrorsFilter },
        { provide: AUTHENTICATOR, useValue: deps.authenticator },
        { provide: IDENTITY_API, useValue: deps },
        { provide: IDENTITY_API_SERVICE, useValue: new IdentityApi(deps) },
      ],
    };
  }
}

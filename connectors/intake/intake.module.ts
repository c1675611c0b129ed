import { Module, type DynamicModule } from '@nestjs/common';
import type { Authenticator } from '../../services/platform/auth/authenticator';
import { AUTHENTICATOR, CredentialGuard } from '../../services/platform/auth/credential.guard';
import type { HealthCheck } from '../../services/platform/http/health';
import type { HubMetrics } from '../../services/platform/http/metrics';
import { PlatformModule } from '../../services/platform/nest/platform.module';
import { INTAKE_HTTP, IntakeController, type IntakeHttpDeps } from './http/intake.controller';
import { DOCS_PAGE, OPENAPI_DOC, OpenApiController } from './http/openapi.controller';

export interface IntakeModuleDeps {
  readonly checks: readonly HealthCheck[];
  readonly metrics: HubMetrics;
  readonly authenticator: Authenticator;
  readonly http: IntakeHttpDeps;
  readonly openapi: object;
  readonly docsPage: string;
}

/** The intake's HTTP surface: /health and /metrics (platform), the record routes, the OpenAPI document. */
@Module({})
export class IntakeModule {
  static register(deps: IntakeModuleDeps): DynamicModule {
    return {
      module: IntakeModule,
      imports: [PlatformModule.register({ checks: deps.checks, metrics: deps.metrics })],
      controllers: [IntakeController, OpenApiController],
      providers: [
        CredentialGuard,
        { provide: AUTHENTICATOR, useValue: deps.authenticator },
        { provide: INTAKE_HTTP, useValue: deps.http },
        { provide: OPENAPI_DOC, useValue: deps.openapi },
        { provide: DOCS_PAGE, useValue: deps.docsPage },
      ],
    };
  }
}

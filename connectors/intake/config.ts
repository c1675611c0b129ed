import { z } from 'zod';
import { hubConfigSchema } from '../../services/platform/config/hub-config';

export const intakeConfigSchema = hubConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8082).describe('Port of the HTTP intake (0: any free port, for tests).'),
  HTTP_HOST: z.string().default('127.0.0.1').describe('Interface the intake binds to; loopback unless deployed behind a gateway.'),
  HTTP_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(256 * 1024).describe('Largest accepted request body (413 above it).'),
  INTAKE_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60000).default(5000).describe('How long a looked-up credential is reused: the delay before a revocation takes effect.'),
  INTAKE_RELAY_BATCH: z.coerce.number().int().min(2).max(10000).default(1000).describe('Outbox rows per Kafka transaction of the relay.'),
  INTAKE_COMMIT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4).describe('Outbox transactions in flight at once (group commit).'),
  INTAKE_FHIR: z.enum(['on', 'off']).default('on').describe('Serve POST /v1/health/fhir (FHIR R4 bundles).'),
});

export type IntakeConfig = z.output<typeof intakeConfigSchema>;

import { z } from 'zod';
import { hubConfigSchema } from '../platform/config/hub-config';

export const apiConfigSchema = hubConfigSchema.extend({
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8080).describe('Port of the public HTTP API.'),
  HTTP_HOST: z.string().default('127.0.0.1').describe('Interface the API binds to; loopback unless deployed behind a gateway.'),
  HTTP_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024).describe('Largest accepted request body.'),
});

export type ApiConfig = z.output<typeof apiConfigSchema>;

import { PermanentError, TransientError } from '../errors';

export type CompatibilityLevel =
  | 'NONE' | 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE';

/**
 * Minimal client for the Confluent Schema Registry REST API (served by Apicurio under
 * `/apis/ccompat/v7`, or by Confluent's registry). Only what the hub needs; the registry is the
 * authority on compatibility, so an incompatible registration surfaces as a PermanentError.
 */
export interface SchemaRegistryClient {
  readonly baseUrl: string;
  /** Registers (or finds) a schema under a subject and returns its global id. */
  register(subject: string, schema: object): Promise<number>;
  getSchema(id: number): Promise<object>;
  setCompatibility(subject: string, level: CompatibilityLevel): Promise<void>;
  /** Asks the registry whether `schema` may become the next version of `subject`. */
  isCompatible(subject: string, schema: object): Promise<boolean>;
  listSubjects(): Promise<string[]>;
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

export function createSchemaRegistryClient(baseUrl: string, opts: { timeoutMs?: number } = {}): SchemaRegistryClient {
  const root = baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 10000;

  async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    let res: Response;
    try {
      res = await fetch(`${root}${path}`, {
        method,
        headers: { 'content-type': CONTENT_TYPE, accept: CONTENT_TYPE },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new TransientError('REGISTRY_UNAVAILABLE', `schema registry unreachable at ${root}`, { cause });
    }
    const text = await res.text();
    let json: T;
    try {
      json = (text ? JSON.parse(text) : {}) as T;
    } catch {
      // A proxy's HTML error page, not the registry: say so rather than throw a SyntaxError.
      throw new TransientError('REGISTRY_ERROR', `schema registry ${method} ${path} answered ${res.status} with a non-JSON body`);
    }
    if (res.status >= 500 || res.status === 429) {
      throw new TransientError('REGISTRY_ERROR', `schema registry ${method} ${path} answered ${res.status}`);
    }
    return { status: res.status, json };
  }

  type ErrorBody = { error_code?: number; message?: string };
  const enc = encodeURIComponent;

  return {
    baseUrl: root,
    async register(subject, schema) {
      const { status, json } = await call<{ id?: number } & ErrorBody>('POST', `/subjects/${enc(subject)}/versions`, {
        schema: JSON.stringify(schema),
        schemaType: 'AVRO',
      });
      if (status === 409) {
        throw new PermanentError('SCHEMA_INCOMPATIBLE', `schema for subject ${subject} is incompatible with the registered versions: ${json.message ?? ''}`.trim());
      }
      if (status !== 200 || typeof json.id !== 'number') {
        throw new PermanentError('SCHEMA_REJECTED', `registry refused schema for ${subject} (${status}): ${json.message ?? ''}`.trim());
      }
      return json.id;
    },
    async getSchema(id) {
      const { status, json } = await call<{ schema?: string } & ErrorBody>('GET', `/schemas/ids/${id}`);
      if (status === 404) throw new PermanentError('SCHEMA_UNKNOWN', `schema id ${id} is not in the registry`);
      if (status !== 200 || typeof json.schema !== 'string') throw new TransientError('REGISTRY_ERROR', `cannot read schema id ${id} (${status})`);
      return JSON.parse(json.schema) as object;
    },
    async setCompatibility(subject, level) {
      const { status, json } = await call<ErrorBody>('PUT', `/config/${enc(subject)}`, { compatibility: level });
      if (status !== 200) throw new PermanentError('REGISTRY_CONFIG_REJECTED', `cannot set ${level} on ${subject} (${status}): ${json.message ?? ''}`);
    },
    async isCompatible(subject, schema) {
      const { status, json } = await call<{ is_compatible?: boolean } & ErrorBody>(
        'POST', `/compatibility/subjects/${enc(subject)}/versions/latest`, { schema: JSON.stringify(schema), schemaType: 'AVRO' },
      );
      if (status === 404) return true; // no version yet: anything is compatible with nothing
      if (status !== 200) throw new PermanentError('REGISTRY_CHECK_FAILED', `compatibility check for ${subject} failed (${status}): ${json.message ?? ''}`);
      return json.is_compatible === true;
    },
    async listSubjects() {
      const { status, json } = await call<string[]>('GET', '/subjects');
      if (status !== 200) throw new TransientError('REGISTRY_ERROR', `cannot list subjects (${status})`);
      return json;
    },
  };
}

import { z } from 'zod';
import type { RecordKind } from '../sdk/record-kind';
import type { IntakeRoute } from './routes';

type Json = Record<string, unknown>;

/**
 * The intake's OpenAPI 3.1 document, generated from the same route table that serves requests:
 * one operation per record kind with its native schema (zod 4 → JSON Schema, input side, with the
 * field types' descriptions and examples), the bearer credential, and every answer the route can
 * give. Spanish first: it is what institutions' developers read.
 */
export function buildOpenApi(routes: readonly IntakeRoute[], opts: { bodyLimitBytes: number }): Json {
  const schemas: Json = { ...COMMON_SCHEMAS };
  const paths: Json = {};
  const tags = new Map<string, Json>();
  for (const route of routes) {
    const spec = route.spec;
    tags.set(spec.institution, {
      name: spec.institution,
      description: `Rutas de ${spec.institution}. Alcance de la credencial: ${spec.scopeMeaning.es} (o * para todas las unidades). / Credential scope: ${spec.scopeMeaning.en}.`,
    });
    let bodySchema: Json;
    let summary: { es: string; en: string };
    let example: Json | undefined;
    if (route.type === 'record') {
      const name = schemaName(spec.institution, route.kind);
      schemas[name] = nativeSchema(route.kind);
      bodySchema = { $ref: `#/components/schemas/${name}` };
      summary = route.kind.summary;
      example = exampleOf(schemas[name] as Json);
    } else {
      bodySchema = { $ref: '#/components/schemas/FhirBundle' };
      summary = { es: 'Bundle FHIR R4 de un establecimiento (atenciones de urgencia e inscripciones a programas).', en: 'FHIR R4 Bundle of an establishment (emergency visits and programme enrolments).' };
    }
    paths[route.path] = {
      post: {
        tags: [spec.institution],
        operationId: operationId(route),
        summary: summary.es,
        description: `${summary.es}\n\n${summary.en}\n\n${route.type === 'record' ? `Tipo de registro: \`${route.kind.kind}\` → evento \`${route.kind.recordName}\`.` : 'Todas las entradas se aceptan juntas o ninguna.'}`,
        security: [{ bearer: [] }],
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }, { $ref: '#/components/parameters/AcceptLanguage' }],
        requestBody: { required: true, content: { 'application/json': { schema: bodySchema, ...(example ? { example } : {}) } } },
        responses: route.type === 'record' ? RECORD_RESPONSES : BUNDLE_RESPONSES,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'red-ninez-hub · Ingreso de registros institucionales',
      version: 'v1',
      description: [
        'API de ingreso de la red de protección de la niñez: cada institución (tribunales, Mejor Niñez/SENAME, municipios, escuelas, salud) publica sus registros nativos, con sus nombres de campo en español.',
        'Autenticación: `Authorization: Bearer <token>`; cada institución o unidad tiene su credencial (`npx hub credentials create`). Una credencial solo publica registros de su propia unidad.',
        'Un registro se responde 202 solo cuando quedó guardado de forma durable; luego se publica en Kafka exactamente una vez. Reenviar el mismo registro responde 200 con `duplicado: true`.',
        'Idempotency-Key: reintente con la misma clave para obtener la misma respuesta; una misma clave con otro contenido responde 422.',
        `Mensajes en español (es-CL) por defecto; \`Accept-Language: en\` para inglés. Tamaño máximo del cuerpo: ${Math.floor(opts.bodyLimitBytes / 1024)} KB.`,
      ].join('\n\n'),
    },
    tags: [...tags.values()],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'rnh_<id>_<secreto>', description: 'Credencial de la institución o unidad.' } },
      parameters: PARAMETERS,
      responses: RESPONSES,
      schemas,
    },
  };
}

/** A record kind's body as JSON Schema: zod's input side, plus examples and which fields are required. */
export function nativeSchema(kind: RecordKind): Json {
  const { $schema: _drop, ...json } = z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const shape = (kind.schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  for (const [field, type] of Object.entries(shape)) {
    const meta = type.meta() as { examples?: unknown[] } | undefined;
    if (meta?.examples && properties[field]) properties[field] = { ...properties[field], examples: meta.examples };
  }
  const required = requiredFields(kind);
  return { ...json, description: `${kind.summary.es} (${kind.kind})`, ...(required.length > 0 ? { required } : {}) };
}

/** The fields an empty record is refused for: the schema's own answer, so it cannot drift from validation. */
function requiredFields(kind: RecordKind): string[] {
  const r = kind.schema.safeParse({});
  if (r.success) return [];
  return [...new Set(r.error.issues.filter((i) => i.message === 'REQUIRED' && i.path.length === 1).map((i) => String(i.path[0])))];
}

function exampleOf(schema: Json): Json | undefined {
  const out: Json = {};
  for (const [field, p] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    const ex = p.examples as unknown[] | undefined;
    if (ex && ex.length > 0) out[field] = ex[0];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function schemaName(institution: string, kind: RecordKind): string {
  return `${institution}_${kind.kind}`;
}

function operationId(route: IntakeRoute): string {
  const tail = route.path.split('/').slice(2).join('-');
  return `post-${tail}`.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

const FIELD_PROBLEM: Json = {
  type: 'object',
  required: ['campo', 'codigo', 'mensaje'],
  properties: {
    campo: { type: 'string', description: 'Campo (o ruta FHIR) del problema.', examples: ['fecha_nacimiento'] },
    codigo: { type: 'string', description: 'Código estable del problema.', examples: ['INVALID_DATE'] },
    mensaje: { type: 'string', description: 'Explicación para personas (es-CL, o inglés con Accept-Language: en). Nunca repite el valor enviado.' },
  },
};

const COMMON_SCHEMAS: Json = {
  FieldProblem: FIELD_PROBLEM,
  ErrorBody: {
    type: 'object',
    required: ['codigo', 'mensaje'],
    properties: {
      codigo: { type: 'string', examples: ['INVALID_RECORD'] },
      mensaje: { type: 'string' },
      errores: { type: 'array', items: { $ref: '#/components/schemas/FieldProblem' } },
    },
  },
  Accepted: {
    type: 'object',
    required: ['eventId', 'estado', 'duplicado', 'advertencias'],
    properties: {
      eventId: { type: 'string', format: 'uuid', description: 'Id determinista del evento: el mismo registro reenviado tiene el mismo id.' },
      estado: { const: 'aceptado' },
      duplicado: { type: 'boolean', description: 'true si el hub ya había aceptado este mismo registro (no se publica de nuevo).' },
      advertencias: { type: 'array', items: { $ref: '#/components/schemas/FieldProblem' }, description: 'El registro fue aceptado, pero algo merece revisión (ej.: dígito verificador del RUN).' },
    },
  },
  BundleAccepted: {
    type: 'object',
    required: ['estado', 'duplicado', 'eventos', 'advertencias'],
    properties: {
      estado: { const: 'aceptado' },
      duplicado: { type: 'boolean', description: 'true si todos los registros del Bundle ya habían sido aceptados.' },
      eventos: {
        type: 'array',
        items: { type: 'object', required: ['eventId', 'tipo', 'duplicado'], properties: { eventId: { type: 'string', format: 'uuid' }, tipo: { type: 'string' }, duplicado: { type: 'boolean' } } },
      },
      advertencias: { type: 'array', items: { $ref: '#/components/schemas/FieldProblem' } },
    },
  },
  FhirBundle: {
    type: 'object',
    required: ['resourceType'],
    description: 'Bundle FHIR R4 (collection, transaction o batch) con Patient, Encounter (class EMER) y EpisodeOfCare, según las convenciones del hub.',
    properties: { resourceType: { const: 'Bundle' }, type: { type: 'string' }, entry: { type: 'array', items: { type: 'object' } } },
  },
};

const PARAMETERS: Json = {
  IdempotencyKey: {
    name: 'Idempotency-Key', in: 'header', required: false,
    description: 'Clave elegida por el cliente (1–200 caracteres ASCII visibles), por credencial. Reintentar con la misma clave y el mismo contenido devuelve la respuesta original (encabezado Idempotency-Replayed: true); con otro contenido, 422.',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  AcceptLanguage: {
    name: 'Accept-Language', in: 'header', required: false,
    description: 'Idioma de los mensajes: español (es-CL) por defecto; `en` para inglés.',
    schema: { type: 'string', examples: ['es-CL', 'en'] },
  },
};

const error = (description: string): Json => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } });

const RESPONSES: Json = {
  Accepted: { description: 'Aceptado: el registro quedó guardado de forma durable y se publicará exactamente una vez.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Accepted' } } } },
  Duplicate: { description: 'Duplicado: el hub ya había aceptado este mismo registro; no se publica de nuevo.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Accepted' } } } },
  BundleAccepted: { description: 'Aceptado: los registros del Bundle quedaron guardados de forma durable.', content: { 'application/json': { schema: { $ref: '#/components/schemas/BundleAccepted' } } } },
  BundleDuplicate: { description: 'Duplicado: todos los registros del Bundle ya habían sido aceptados.', content: { 'application/json': { schema: { $ref: '#/components/schemas/BundleAccepted' } } } },
  BadRequest: error('Registro inválido (errores por campo en `errores`), JSON inválido o Idempotency-Key inválida. Nada fue publicado.'),
  Unauthorized: error('Falta la credencial, no es válida o fue revocada.'),
  Forbidden: error('La credencial es de otra institución, o el registro es de otra unidad que la de la credencial.'),
  PayloadTooLarge: error('El cuerpo supera el tamaño máximo.'),
  UnsupportedMediaType: error('El cuerpo no es application/json.'),
  KeyReused: error('La Idempotency-Key ya se usó con otro contenido.'),
  Unavailable: error('El hub no pudo guardar el registro; no fue aceptado. Reintentar con la misma Idempotency-Key.'),
};

const ref = (name: string): Json => ({ $ref: `#/components/responses/${name}` });
const ERRORS: Json = {
  400: ref('BadRequest'), 401: ref('Unauthorized'), 403: ref('Forbidden'), 413: ref('PayloadTooLarge'),
  415: ref('UnsupportedMediaType'), 422: ref('KeyReused'), 503: ref('Unavailable'),
};
const RECORD_RESPONSES: Json = { 202: ref('Accepted'), 200: ref('Duplicate'), ...ERRORS };
const BUNDLE_RESPONSES: Json = { 202: ref('BundleAccepted'), 200: ref('BundleDuplicate'), ...ERRORS };

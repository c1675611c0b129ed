import type { Catalogue } from '../../services/platform/i18n/i18n';

/**
 * What the HTTP intake says to institutions' systems and the people who read their logs: error
 * bodies' `mensaje`, es-CL first. Field issues use connectors/sdk/messages.ts; credential
 * failures use services/platform/auth/messages.ts. Nothing here echoes a submitted value.
 */
export const INTAKE_MESSAGES_ES: Catalogue = {
  INVALID_RECORD: 'El registro tiene {count} error(es); nada fue publicado. Corrija los campos indicados y vuelva a enviarlo.',
  INVALID_BUNDLE: 'El Bundle FHIR tiene {count} error(es); nada fue publicado. Corrija las entradas indicadas y vuelva a enviarlo.',
  EMPTY_BUNDLE: 'El Bundle no contiene atenciones de urgencia ni inscripciones a programas; nada fue publicado.',
  INVALID_JSON: 'El cuerpo no es JSON válido.',
  EMPTY_BODY: 'El cuerpo de la solicitud está vacío: envíe el registro como objeto JSON.',
  BODY_TOO_LARGE: 'El cuerpo supera el tamaño máximo permitido ({limit} KB).',
  UNSUPPORTED_MEDIA_TYPE: 'Solo se acepta JSON: envíe el encabezado Content-Type: application/json.',
  INVALID_IDEMPOTENCY_KEY: 'El encabezado Idempotency-Key debe tener entre 1 y 200 caracteres ASCII visibles.',
  IDEMPOTENCY_KEY_REUSED: 'La Idempotency-Key ya se usó con un contenido distinto; nada fue publicado. Use una clave nueva para cada registro y repita la misma clave solo para reintentar exactamente el mismo envío.',
  BAD_REQUEST: 'La solicitud no es válida para esta ruta.',
  NOT_FOUND: 'No existe la ruta {method} {path}. Las rutas disponibles están en /v1/openapi.json.',
  UNAVAILABLE: 'El hub no pudo guardar el registro en este momento, así que no fue aceptado. Reintente en unos segundos con la misma Idempotency-Key.',
  INTERNAL: 'Error interno del hub; el registro no fue aceptado. Reintente más tarde o avise al equipo del hub.',
};

export const INTAKE_MESSAGES_EN: Catalogue = {
  INVALID_RECORD: 'The record has {count} error(s); nothing was published. Fix the fields listed and send it again.',
  INVALID_BUNDLE: 'The FHIR Bundle has {count} error(s); nothing was published. Fix the entries listed and send it again.',
  EMPTY_BUNDLE: 'The Bundle holds no emergency visits or programme enrolments; nothing was published.',
  INVALID_JSON: 'The body is not valid JSON.',
  EMPTY_BODY: 'The request body is empty: send the record as a JSON object.',
  BODY_TOO_LARGE: 'The body exceeds the maximum allowed size ({limit} KB).',
  UNSUPPORTED_MEDIA_TYPE: 'Only JSON is accepted: send the header Content-Type: application/json.',
  INVALID_IDEMPOTENCY_KEY: 'The Idempotency-Key header must be 1 to 200 visible ASCII characters.',
  IDEMPOTENCY_KEY_REUSED: 'The Idempotency-Key was already used with different content; nothing was published. Use a new key for each record and repeat a key only to retry exactly the same request.',
  BAD_REQUEST: 'The request is not valid for this route.',
  NOT_FOUND: 'There is no route {method} {path}. The available routes are in /v1/openapi.json.',
  UNAVAILABLE: 'The hub could not store the record right now, so it was not accepted. Retry in a few seconds with the same Idempotency-Key.',
  INTERNAL: 'Internal hub error; the record was not accepted. Retry later or tell the hub team.',
};

import type { Catalogue } from '../i18n/i18n';

/** What authentication and authorisation failures say to callers (HTTP error bodies), es-CL first. */
export const AUTH_MESSAGES_ES: Catalogue = {
  TOKEN_MISSING: 'Falta la credencial: envíe el encabezado Authorization: Bearer <token>.',
  TOKEN_INVALID: 'La credencial no es válida.',
  TOKEN_REVOKED: 'La credencial fue revocada. Solicite una nueva al administrador del hub.',
  WRONG_INSTITUTION: 'Esta credencial pertenece a otra institución y no puede publicar en esta ruta.',
  WRONG_UNIT: 'Esta credencial solo puede publicar registros de su propia unidad ({scope}); el registro indica otra.',
  AUTH_UNAVAILABLE: 'No fue posible verificar la credencial en este momento. Reintente en unos segundos.',
  HUB_SCOPE_REQUIRED: 'Esta consulta es solo para personal del hub con una credencial de alcance {scope}.',
};

export const AUTH_MESSAGES_EN: Catalogue = {
  TOKEN_MISSING: 'Missing credential: send the header Authorization: Bearer <token>.',
  TOKEN_INVALID: 'The credential is not valid.',
  TOKEN_REVOKED: 'The credential was revoked. Ask the hub administrator for a new one.',
  WRONG_INSTITUTION: 'This credential belongs to another institution and cannot publish on this route.',
  WRONG_UNIT: 'This credential may only publish records of its own unit ({scope}); the record names another.',
  AUTH_UNAVAILABLE: 'The credential could not be verified right now. Retry in a few seconds.',
  HUB_SCOPE_REQUIRED: 'Only hub staff holding a credential with scope {scope} may make this request.',
};

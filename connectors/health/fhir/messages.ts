import type { Catalogue } from '../../../services/platform/i18n/i18n';

/**
 * What the FHIR reader's issue codes mean, for people (API error bodies, `hub import` summaries).
 * Merge them over the SDK's ISSUE_MESSAGES_ES/EN. `{field}` is a FHIR path; values are never echoed.
 */
export const FHIR_MESSAGES_ES: Catalogue = {
  FHIR_NOT_A_BUNDLE: 'El documento no es un Bundle FHIR (resourceType debe ser "Bundle").',
  FHIR_INVALID_ENTRY: 'La entrada {field} no contiene un recurso FHIR con resourceType.',
  FHIR_UNRESOLVED_SUBJECT: 'La referencia al paciente en {field} no corresponde a ningún Patient del mismo Bundle.',
  FHIR_DUPLICATE_RESOURCE: 'El recurso en {field} repite el id o fullUrl de otro recurso distinto del Bundle; las referencias a ambos quedan sin resolver.',
};

export const FHIR_MESSAGES_EN: Catalogue = {
  FHIR_NOT_A_BUNDLE: 'The document is not a FHIR Bundle (resourceType must be "Bundle").',
  FHIR_INVALID_ENTRY: 'Entry {field} does not hold a FHIR resource with a resourceType.',
  FHIR_UNRESOLVED_SUBJECT: 'The patient reference in {field} does not match any Patient in the same Bundle.',
  FHIR_DUPLICATE_RESOURCE: 'The resource at {field} reuses the id or fullUrl of a different resource in the Bundle; references to either are left unresolved.',
};

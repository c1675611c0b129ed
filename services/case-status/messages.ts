/** People-facing messages of the case-status service (es-CL first, English second). */
export const CASE_MESSAGES_ES = {
  PURPOSE_REQUIRED: 'Falta el encabezado X-Purpose: indique para qué consulta los datos del niño, niña o adolescente.',
  FORBIDDEN_INSTITUTION: 'Su institución no puede consultar trayectorias de casos; solo recibe el indicador mínimo.',
  FORBIDDEN_CHILD: 'Su credencial no tiene acceso a este niño, niña o adolescente.',
  FORBIDDEN_CASE: 'Su credencial no tiene acceso a este caso.',
  FORBIDDEN_INDICATORS: 'Su institución no puede consultar indicadores.',
  CHILD_NOT_FOUND: 'No hay casos registrados para el identificador {childId}.',
  CASE_NOT_FOUND: 'No existe el caso {caseId}.',
  CHILD_MERGED: 'El identificador {childId} fue fusionado en {survivor}.',
  INVALID_QUERY: 'Parámetros inválidos: {detail}.',
} as const;

export const CASE_MESSAGES_EN: Record<keyof typeof CASE_MESSAGES_ES, string> = {
  PURPOSE_REQUIRED: 'The X-Purpose header is missing: state why you are reading the child\'s data.',
  FORBIDDEN_INSTITUTION: 'Your institution may not read case timelines; it only receives the minimal flag.',
  FORBIDDEN_CHILD: 'Your credential has no access to this child.',
  FORBIDDEN_CASE: 'Your credential has no access to this case.',
  FORBIDDEN_INDICATORS: 'Your institution may not read indicators.',
  CHILD_NOT_FOUND: 'No cases are recorded for the id {childId}.',
  CASE_NOT_FOUND: 'The case {caseId} does not exist.',
  CHILD_MERGED: 'The id {childId} was merged into {survivor}.',
  INVALID_QUERY: 'Invalid parameters: {detail}.',
};

export type CaseMessageCode = keyof typeof CASE_MESSAGES_ES;

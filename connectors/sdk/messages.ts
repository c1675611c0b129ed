import type { Catalogue } from '../../services/platform/i18n/i18n';

/**
 * What field issue codes mean, for people: API error bodies, `hub import` summaries, DLQ listings.
 * Spanish is authoritative. Templates name the field, never its value (values may be personal data).
 */
export const ISSUE_MESSAGES_ES: Catalogue = {
  REQUIRED: 'El campo {field} es obligatorio.',
  INVALID_TYPE: 'El campo {field} debe ser texto o número.',
  TOO_LONG: 'El campo {field} es demasiado largo.',
  INVALID_ID: 'El campo {field} solo admite letras, dígitos, punto, guion y guion bajo.',
  INVALID_NAME: 'El campo {field} contiene caracteres que no corresponden a un nombre.',
  INVALID_TEXT: 'El campo {field} contiene caracteres de control.',
  INVALID_PHONE: 'El campo {field} no es un teléfono válido.',
  INVALID_DATE: 'El campo {field} no es una fecha válida (use DD-MM-AAAA).',
  INVALID_DATETIME: 'El campo {field} no es una fecha y hora válida (use DD-MM-AAAA HH:MM).',
  INVALID_RUN: 'El campo {field} no es un RUN (ej.: 12.345.678-5).',
  INVALID_RUC: 'El campo {field} no es un RUC (ej.: 2320012345-K).',
  RUC_CHECK_DIGIT: 'El dígito verificador del RUC en {field} no corresponde.',
  INVALID_RIT: 'El campo {field} no es un RIT (ej.: P-1234-2023).',
  INVALID_COMUNA: 'El campo {field} no es un código de comuna (CUT de 5 dígitos).',
  UNKNOWN_COMUNA: 'El código de comuna en {field} no existe.',
  INVALID_RBD: 'El campo {field} no es un RBD válido.',
  INVALID_IPE: 'El campo {field} no es un IPE válido.',
  INVALID_BOOLEAN: 'El campo {field} debe ser SI o NO.',
  INVALID_NUMBER: 'El campo {field} debe ser un número.',
  OUT_OF_RANGE: 'El valor de {field} está fuera del rango permitido.',
  INVALID_OPTION: 'El valor de {field} no es una de las opciones permitidas.',
  UNKNOWN_KIND: 'Tipo de registro desconocido en {field}.',
  NOT_AN_OBJECT: 'El registro debe ser un objeto JSON.',
  INCONSISTENT: 'El campo {field} no es coherente con el resto del registro.',
  // Warnings: the record is accepted.
  RUN_CHECK_DIGIT: 'Advertencia: el dígito verificador del RUN en {field} no corresponde; se conserva tal como vino y no se usará para vincular.',
  RUN_PLACEHOLDER: 'Advertencia: el RUN en {field} es un valor de relleno; no se usará para vincular.',
};

export const ISSUE_MESSAGES_EN: Catalogue = {
  REQUIRED: 'Field {field} is required.',
  INVALID_TYPE: 'Field {field} must be text or a number.',
  TOO_LONG: 'Field {field} is too long.',
  INVALID_ID: 'Field {field} allows only letters, digits, dot, hyphen and underscore.',
  INVALID_NAME: 'Field {field} has characters that do not belong in a name.',
  INVALID_TEXT: 'Field {field} contains control characters.',
  INVALID_PHONE: 'Field {field} is not a valid phone number.',
  INVALID_DATE: 'Field {field} is not a valid date (use DD-MM-YYYY).',
  INVALID_DATETIME: 'Field {field} is not a valid date and time (use DD-MM-YYYY HH:MM).',
  INVALID_RUN: 'Field {field} is not a RUN (e.g. 12.345.678-5).',
  INVALID_RUC: 'Field {field} is not a RUC (e.g. 2320012345-K).',
  RUC_CHECK_DIGIT: 'The RUC check digit in {field} does not match.',
  INVALID_RIT: 'Field {field} is not a RIT (e.g. P-1234-2023).',
  INVALID_COMUNA: 'Field {field} is not a comuna code (5-digit CUT).',
  UNKNOWN_COMUNA: 'The comuna code in {field} does not exist.',
  INVALID_RBD: 'Field {field} is not a valid RBD.',
  INVALID_IPE: 'Field {field} is not a valid IPE.',
  INVALID_BOOLEAN: 'Field {field} must be SI or NO.',
  INVALID_NUMBER: 'Field {field} must be a number.',
  OUT_OF_RANGE: 'The value of {field} is out of range.',
  INVALID_OPTION: 'The value of {field} is not one of the allowed options.',
  UNKNOWN_KIND: 'Unknown record kind in {field}.',
  NOT_AN_OBJECT: 'The record must be a JSON object.',
  INCONSISTENT: 'Field {field} is inconsistent with the rest of the record.',
  RUN_CHECK_DIGIT: 'Warning: the RUN check digit in {field} does not match; kept as sent and not used for linking.',
  RUN_PLACEHOLDER: 'Warning: the RUN in {field} is a filler value; not used for linking.',
};

/**
 * The URLs and codes of the hub's FHIR conventions for health establishments (see ../README.md).
 * The spec's forms come first; the HL7 Chile Core (CL Core) forms are accepted as well, because
 * establishments that already speak CL Core should not have to rewrite their bundles for the hub.
 */

/** Identifier.system of a RUN (Registro Civil), as the hub's spec and CL Core examples use it. */
export const RUN_SYSTEM = 'http://regcivil.cl/Validacion/RUN';

/** CL Core `CSCodigoDNI`: type of identity document; `NNCHL` is the Chilean cédula, whose number is the RUN. */
export const CL_DOCUMENT_TYPE_SYSTEM = 'https://hl7chile.cl/fhir/ig/clcore/CodeSystem/CSCodigoDNI';
export const CL_CHILEAN_ID_CARD_CODE = 'NNCHL';

/** CL Core `CSTipoIdentificador`: `1` RUN, `3` RUN of the mother (for a newborn; never the child's own). */
export const CL_IDENTIFIER_TYPE_SYSTEM = 'https://hl7chile.cl/fhir/ig/clcore/CodeSystem/CSTipoIdentificador';
export const CL_IDENTIFIER_TYPE_RUN = '1';
export const CL_IDENTIFIER_TYPE_MOTHERS_RUN = '3';

/** Extension on `name.family` (JSON `_family.extension`) carrying the second surname, valueString. */
export const SECOND_SURNAME_URL = 'https://hl7chile.cl/fhir/ig/clcore/StructureDefinition/SegundoApellido';

/** CL Core extension coding the comuna (CUT) of an address, on `address.city` (or `district`). */
export const COMUNA_EXTENSION_URL = 'https://hl7chile.cl/fhir/ig/clcore/StructureDefinition/ComunasCl';

/** Identifier.system of a health establishment's DEIS code. */
export const DEIS_SYSTEM = 'https://deis.minsal.cl/establecimientos';

/** The hub's extension on Encounter: whether the mandatory report (denuncia) was filed, valueBoolean. */
export const REPORT_FILED_URL = 'https://hub.red-ninez.cl/fhir/StructureDefinition/denuncia';

/** Encounter.class code (v3 ActCode) of an emergency visit. */
export const EMERGENCY_CLASS = 'EMER';

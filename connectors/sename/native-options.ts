import {
  AbscondmentKindSymbols, AdministrationSymbols, AdmissionKindSymbols, AmbitSymbols, CareRegimeSymbols, ComplexityLevelSymbols,
  CourtTypeSymbols, DiagnosisRecommendationSymbols, DiagnosisTypeSymbols, EgressCauseSymbols, EgressDestinationSymbols,
  InterventionPlanTypeSymbols, ProgrammeModalitySymbols,
} from '../../schemas';
import { optionList } from '../sdk/list-field';
import * as f from '../sdk/native-fields';

/**
 * The option fields of SENAINFO exports: the Avro symbols, plus the other spellings programmes
 * plausibly write (keys are folded: upper case, no accents, spaces and hyphens as `_`). Aliases
 * only where the meaning is unambiguous; anything else is rejected, not guessed.
 */
export const modality = f.option(ProgrammeModalitySymbols, {
  FAMILIA_ACOGIDA: 'FAMILIA_DE_ACOGIDA', FAE: 'FAMILIA_DE_ACOGIDA',
  RESIDENCIA_DE_PROTECCION: 'RESIDENCIA', RESIDENCIA_PROTECCION: 'RESIDENCIA',
  CENTRO_CERRADO: 'CENTRO_REGIMEN_CERRADO', CRC: 'CENTRO_REGIMEN_CERRADO',
  SEMICERRADO: 'CENTRO_SEMICERRADO', CSC: 'CENTRO_SEMICERRADO',
  CTD1416: 'CTD_14_16',
});

export const regime = f.option(CareRegimeSymbols, {
  RESIDENCIA: 'RESIDENCIAL', INTERNADO: 'RESIDENCIAL', AMBULATORIA: 'AMBULATORIO', MEDIO_LIBRE: 'AMBULATORIO',
});

export const administration = f.option(AdministrationSymbols, {
  ADMINISTRACION_DIRECTA: 'AADD', AA_DD: 'AADD', 'AA.DD': 'AADD', 'AA.DD.': 'AADD',
  ORGANISMO_COLABORADOR: 'OCA', ORGANISMO_COLABORADOR_ACREDITADO: 'OCA', COLABORADOR: 'OCA',
});

export const admissionKind = f.option(AdmissionKindSymbols, {
  ORDEN_JUDICIAL: 'ORDEN_TRIBUNAL', ORDEN_DEL_TRIBUNAL: 'ORDEN_TRIBUNAL', JUDICIAL: 'ORDEN_TRIBUNAL', TRIBUNAL: 'ORDEN_TRIBUNAL',
  EXTRA_JUDICIAL: 'EXTRAJUDICIAL', DERIVADO: 'DERIVACION',
});

export const courtType = f.option(CourtTypeSymbols, {
  TRIBUNAL_DE_FAMILIA: 'FAMILIA', JUZGADO_DE_FAMILIA: 'FAMILIA', TRIBUNAL_DE_GARANTIA: 'GARANTIA', JUZGADO_DE_GARANTIA: 'GARANTIA',
  JUZGADO_DE_MENORES: 'MENORES',
});

export const diagnosisType = f.option(DiagnosisTypeSymbols, { PROFUNDIZACION: 'PROFUNDIZACION_DIAGNOSTICA' });

export const complexity = f.option(ComplexityLevelSymbols, { ALTO: 'ALTA', MEDIO: 'MEDIA', BAJO: 'BAJA' });

export const recommendation = f.option(DiagnosisRecommendationSymbols, {
  BREVE: 'INTERVENCION_BREVE', ESPECIALIZADA: 'INTERVENCION_ESPECIALIZADA', INTERVENCION_ESPECIALIZADO: 'INTERVENCION_ESPECIALIZADA',
});

export const egressDestination = f.option(EgressDestinationSymbols, {
  FAMILIA_DE_ORIGEN: 'FAMILIA_ORIGEN', FAMILIA_BIOLOGICA: 'FAMILIA_ORIGEN', REINSERCION_FAMILIAR: 'FAMILIA_ORIGEN',
  FAMILIA_ADOPTANTE: 'FAMILIA_ADOPTIVA', ADOPCION: 'FAMILIA_ADOPTIVA',
  RED_DE_PROTECCION: 'PROGRAMA_RED_PROTECCION', PROGRAMA_DE_LA_RED: 'PROGRAMA_RED_PROTECCION', OTRO_PROGRAMA_DE_LA_RED: 'PROGRAMA_RED_PROTECCION',
  FUERA_DE_LA_RED: 'PROGRAMA_FUERA_RED',
});

export const egressCause = f.option(EgressCauseSymbols, {
  CUMPLIMIENTO_PII: 'CUMPLIMIENTO_OBJETIVOS_PII', CUMPLIMIENTO_DE_OBJETIVOS: 'CUMPLIMIENTO_OBJETIVOS_PII',
  ADOPCION: 'PROCESO_ADOPCION', PROCESO_DE_ADOPCION: 'PROCESO_ADOPCION',
  TERMINO_MEDIDA: 'TERMINO_MEDIDA_JUDICIAL', TERMINO_DE_MEDIDA: 'TERMINO_MEDIDA_JUDICIAL',
});

export const planType = f.option(InterventionPlanTypeSymbols, {
  PII_BREVE: 'BREVE', INTERVENCION_BREVE: 'BREVE', PII_ESPECIALIZADA: 'ESPECIALIZADA', INTERVENCION_ESPECIALIZADA: 'ESPECIALIZADA',
  PII_FAMILIAR: 'FAMILIAR',
});

export const abscondmentKind = f.option(AbscondmentKindSymbols, {
  EVASION: 'FUGA', ABANDONO_DEL_PROGRAMA: 'ABANDONO', ABANDONO_DE_PROGRAMA: 'ABANDONO',
});

/** Ámbitos of a diagnosis and ejes of a plan: the diagnosis says "social", the plan "comunitario". */
export const ambits = optionList(AmbitSymbols, {
  SOCIAL: 'SOCIAL_COMUNITARIO', COMUNITARIO: 'SOCIAL_COMUNITARIO', SOCIOCOMUNITARIO: 'SOCIAL_COMUNITARIO',
  SOCIO_COMUNITARIO: 'SOCIAL_COMUNITARIO', SOCIAL_Y_COMUNITARIO: 'SOCIAL_COMUNITARIO', FAMILIA: 'FAMILIAR',
});

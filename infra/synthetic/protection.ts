import { formatRuc } from '../../services/platform/chile';
import type { EgressCause, EgressDestination, ProgrammeModality } from '../../schemas';
import { addMonths, ageAt, formatDate, formatInstant, ymd, type Day, type LocalTime } from './calendar';
import type { Court, Programme } from './reference';
import { pad, type FamilyTimeline } from './timeline';
import type { Child } from './world';

/**
 * Protection and juvenile-justice trajectories (domain.md §3): who triggers what, in which order.
 *
 *   municipal alert / case opened (OPD/OLN) → referral to the family court → admission order,
 *   diagnosis request and hearing → SENAME admission → diagnosis report → PII (brief or
 *   specialised, sometimes escalated) → egress proposal → hearing and court egress resolution
 *   (accepts, modifies, rejects) → egress executed → municipal case closed;
 *   abscondment (fuga / abandono) ends a stay early; some children re-enter months later, some
 *   are derived to an ambulatory programme (new stay with the derivation id).
 *
 * Juvenile justice: guarantee court order to a COD (with RUC) → discernment diagnosis → court
 * egress → CERECO or community programme, or home.
 */
export interface ProtectionOutcome {
  /** Children with a protection case (they get more absence alerts and mental-health care). */
  readonly protectedIds: ReadonlySet<string>;
  /** Maltreatment emergency visits that triggered a case: child id → day. */
  readonly maltreatmentVisits: ReadonlyMap<string, Day>;
  /** Adolescents in juvenile justice. */
  readonly juvenileIds: ReadonlySet<string>;
}

interface CourtRef { cod_tribunal: string; tipo_tribunal: string; rit: string; ruc: string }

const CASE_ORIGINS: readonly (readonly [string, number])[] = [
  ['ESCUELA', 25], ['SALUD', 20], ['DEMANDA_ESPONTANEA', 20], ['ALERTA', 15], ['TRIBUNAL', 10], ['PROGRAMA_PROTECCION', 5], ['OTRO', 5],
];
const VULNERATIONS: readonly string[] = ['NEGLIGENCIA', 'MALTRATO_FISICO', 'MALTRATO_PSICOLOGICO', 'VIF', 'ABUSO_SEXUAL', 'DESERCION_ESCOLAR', 'TRABAJO_INFANTIL'];

export function protectionTrajectories(tl: FamilyTimeline, rates: { protection: number; juvenile: number }): ProtectionOutcome {
  const protectedIds = new Set<string>();
  const juvenileIds = new Set<string>();
  const maltreatmentVisits = new Map<string, Day>();
  const { family, rng, scope } = tl;

  if (rng.chance(rates.protection)) {
    // The trigger may precede the window: the extraction then shows only the case's later records.
    const t0 = rng.int(scope.windowStart - 180, scope.referenceDay - 20);
    const eligible = family.children.filter((c) => c.birth < t0 - 30 && ageAt(c.birth, t0) <= 17);
    const involved = eligible.filter((c, i) => i === 0 || rng.chance(0.85));
    if (involved.length > 0) {
      const court = tl.ref.familyCourt(family.comuna);
      const rit = newRit(tl, court, t0, 'P');
      const ruc = rng.chance(0.2) ? newRuc(tl, t0) : '';
      const origin = rng.weighted(CASE_ORIGINS);
      const toCourt = origin === 'TRIBUNAL' || rng.chance(0.75);
      const siblingGroup = involved.length > 1 && rng.chance(0.6) ? `GH-${pad(tl.ids.next('grupo_hermanos'), 6)}` : '';
      const shared = siblingGroup ? tl.ref.programme(family.comuna, involved.length > 1 && ageAt(involved[involved.length - 1]!.birth, t0) < 6 ? 'RESIDENCIA' : 'CTD', rng) : null;
      for (const child of involved) {
        protectedIds.add(child.id);
        const visit = municipalCase(tl, child, t0 + rng.int(0, 2), origin, toCourt);
        if (visit !== null) maltreatmentVisits.set(child.id, visit);
        if (toCourt) {
          courtEpisode(tl, child, t0 + rng.int(8, 30), { court, rit, ruc }, { siblingGroup, shared }, 0);
        } else {
          ambulatoryReferral(tl, child, t0 + rng.int(10, 30));
        }
      }
    }
  }

  for (const child of family.children) {
    const t = rng.int(scope.windowStart - 60, scope.referenceDay - 10);
    const age = ageAt(child.birth, t);
    if (age < 14 || age > 17 || !rng.chance(child.sex === 'M' ? rates.juvenile : rates.juvenile / 6)) continue;
    juvenileIds.add(child.id);
    juvenileEpisode(tl, child, t);
  }
  return { protectedIds, maltreatmentVisits, juvenileIds };
}

/** The municipal office's case; returns the day of the maltreatment emergency visit that triggered it, if any. */
function municipalCase(tl: FamilyTimeline, child: Child, t0: Day, origin: string, toCourt: boolean): Day | null {
  const { rng, family } = tl;
  const comuna = family.comuna.code;
  const officeType = tl.ref.officeType(comuna);
  const year = ymd(t0).y;
  const caseId = `${officeType}-${comuna}-${year}-${pad(tl.ids.next(`caso_local/${comuna}`), 5)}`;
  const base = { comuna, tipo_oficina: officeType };
  const muni = (kind: string, day: Day, fields: Record<string, string>) =>
    tl.emit({ institution: 'MUNICIPALITY', kind, unit: comuna, at: tl.time(day, 8, 17), child, fields: { ...base, ...fields } });

  if (origin === 'ALERTA' || rng.chance(0.2)) {
    const source = origin === 'ALERTA' ? rng.pick(['SISTEMA_ALERTA_NINEZ', 'COMUNIDAD']) : origin === 'ESCUELA' ? 'ESCUELA' : origin === 'SALUD' ? 'SALUD' : 'OTRO';
    muni('ALERTA', t0 - rng.int(1, 6), { id_caso_local: '', fuente_alerta: source, prioridad: rng.pick(['ALTA', 'MEDIA', 'BAJA', '']) });
  }
  muni('CASO_ABIERTO', t0, { id_caso_local: caseId, origen: origin, cod_vulneracion: rng.chance(0.8) ? rng.pick(VULNERATIONS) : '' });
  if (rng.chance(0.15)) muni('ALERTA', t0 + rng.int(15, 90), { id_caso_local: caseId, fuente_alerta: rng.pick(['ESCUELA', 'SALUD', 'COMUNIDAD']), prioridad: 'ALTA' });
  const referral = t0 + rng.int(5, 20);
  if (toCourt) {
    const court = tl.ref.familyCourt(family.comuna);
    muni('DERIVACION', referral, { id_caso_local: caseId, destino_derivacion: 'TRIBUNAL_FAMILIA', cod_unidad_destino: rng.chance(0.7) ? court.code : '' });
  } else if (rng.chance(0.7)) {
    const programme = tl.ref.programme(family.comuna, 'PROGRAMA_MALTRATO', rng);
    muni('DERIVACION', referral, { id_caso_local: caseId, destino_derivacion: 'PROGRAMA_PROTECCION', modalidad_destino: 'PROGRAMA_MALTRATO', cod_unidad_destino: programme.code });
  } else {
    muni('DERIVACION', referral, { id_caso_local: caseId, destino_derivacion: rng.pick(['SERVICIO_MUNICIPAL', 'SALUD', 'EDUCACION']), cod_unidad_destino: '' });
  }
  muni('CASO_CERRADO', t0 + rng.int(120, 420), { id_caso_local: caseId, motivo_cierre: rng.pick(['DERIVADO', 'OBJETIVOS_CUMPLIDOS', 'SIN_ADHERENCIA', 'CAMBIO_DE_COMUNA', '']) });
  return origin === 'SALUD' ? t0 - rng.int(1, 4) : null;
}

function newRit(tl: FamilyTimeline, court: Court, day: Day, letter: string): string {
  const year = ymd(day).y;
  return `${letter}-${tl.ids.next(`rit/${court.code}/${year}`) + 100}-${year}`;
}

function newRuc(tl: FamilyTimeline, day: Day): string {
  const yy = String(ymd(day).y % 100).padStart(2, '0');
  return formatRuc(`${yy}0${pad(tl.ids.next(`ruc/${yy}`) + 10_000, 7)}`);
}

function protectionModality(age: number, child: Child, tl: FamilyTimeline): ProgrammeModality {
  const { rng } = tl;
  if (age < 6) return rng.chance(0.7) ? 'CTDL' : 'RESIDENCIA';
  if (age >= 10 && age <= 15 && child.sex === 'M' && rng.chance(0.08)) return 'CTDE';
  return rng.weighted<ProgrammeModality>([['CTD', 55], ['RESIDENCIA', 15], ['PROGRAMA_MALTRATO', 20], ['FAMILIA_DE_ACOGIDA', 10]]);
}

const DIAGNOSIS_BY_MODALITY: Partial<Record<ProgrammeModality, string>> = {
  CTDL: 'DIAGNOSTICO', CTD: 'DIAGNOSTICO', CTDE: 'PROFUNDIZACION_DIAGNOSTICA', RESIDENCIA: 'PERICIA_SOCIAL',
  PROGRAMA_MALTRATO: 'PERICIA_PSICOLOGICA', FAMILIA_DE_ACOGIDA: 'PERICIA_SOCIAL', COD: 'DISCERNIMIENTO',
};

interface Stay {
  readonly programme: Programme;
  readonly caseId: string;
  readonly courtRef: CourtRef | null;
}

/** Everything a SENAME record of a stay carries. */
function senameEmit(tl: FamilyTimeline, child: Child, stay: Stay, kind: string, t: LocalTime, fields: Record<string, string>, withCourt: boolean): string | null {
  const court = withCourt && stay.courtRef ? stay.courtRef : null;
  return tl.emit({
    institution: 'SENAME', kind, unit: stay.programme.code, at: t, child,
    fields: {
      id_caso: stay.caseId, cod_programa: stay.programme.code,
      cod_tribunal: court?.cod_tribunal ?? '', tipo_tribunal: court?.tipo_tribunal ?? '', rit: court?.rit ?? '', ruc: court?.ruc ?? '',
      ...fields,
    },
  });
}

function admit(tl: FamilyTimeline, child: Child, programme: Programme, day: Day, kind: string, courtRef: CourtRef | null, extra: Record<string, string> = {}): Stay {
  const year = ymd(day).y;
  const stay: Stay = { programme, caseId: `ING-${year}-${pad(tl.ids.next('caso/SENAME'), 7)}`, courtRef };
  senameEmit(tl, child, stay, 'INGRESO', tl.time(day, 8, 22), {
    modalidad: programme.modality, regimen: programme.regime, administracion: programme.administration,
    cod_institucion_colaboradora: programme.ocaCode ?? '', tipo_ingreso: kind,
    id_derivacion: '', ref_adulto_acompanante: '', ref_grupo_hermanos: '', ...extra,
  }, courtRef !== null);
  return stay;
}

/**
 * A court-ordered stay and its end. `round` counts re-entries (at most two per child).
 * Returns nothing: every record is emitted on the family's timeline.
 */
function courtEpisode(
  tl: FamilyTimeline, child: Child, t1: Day, cause: { court: Court; rit: string; ruc: string },
  group: { siblingGroup: string; shared: Programme | null }, round: number,
): void {
  const { rng, family } = tl;
  if (t1 >= tl.scope.referenceDay) return;
  const age = ageAt(child.birth, t1);
  const modality = group.shared?.modality ?? protectionModality(age, child, tl);
  const programme = group.shared ?? tl.ref.programme(family.comuna, modality, rng);
  const courtRef: CourtRef = { cod_tribunal: cause.court.code, tipo_tribunal: 'FAMILIA', rit: cause.rit, ruc: cause.ruc };
  const court = (kind: string, day: Day, fields: Record<string, string>, hour = 9) => tl.emit({
    institution: 'TRIBUNAL', kind, unit: cause.court.code, at: tl.time(day, hour, 14), child,
    fields: { cod_tribunal: cause.court.code, tipo_tribunal: rng.chance(0.7) ? 'FAMILIA' : '', rit: cause.rit, ruc: cause.ruc, ...fields },
  });

  // An emergency delivery by Carabineros comes first, without an order (regularised within 48 h).
  const extrajudicial = round === 0 && programme.regime === 'RESIDENCIAL' && rng.chance(0.08);
  let stay: Stay | null = extrajudicial ? admit(tl, child, programme, t1 - 1, 'EXTRAJUDICIAL', null) : null;

  court('ORDEN_INGRESO', t1, {
    materia: 'MEDIDA_PROTECCION', modalidad_destino: programme.modality, regimen_destino: programme.regime,
    cod_programa_destino: rng.chance(0.7) ? programme.code : '', administracion_destino: programme.administration,
  });
  const diagnosisType = DIAGNOSIS_BY_MODALITY[programme.modality] ?? 'DIAGNOSTICO';
  court('SOLICITUD_DIAGNOSTICO', t1, {
    tipo_diagnostico: diagnosisType, regimen: programme.regime, modalidad_destino: programme.modality,
    cod_programa_destino: programme.code, fecha_plazo: formatDate(t1 + 28),
  });
  court('AUDIENCIA', t1, { fecha_audiencia: formatInstant(tl.time(t1 + rng.int(30, 45), 9, 13)), tipo_audiencia: 'PREPARATORIA' });

  const t2 = t1 + rng.int(0, 3);
  stay ??= admit(tl, child, programme, t2, 'ORDEN_TRIBUNAL', courtRef, { ref_grupo_hermanos: group.siblingGroup });
  stay = { ...stay, courtRef };
  const recommendBrief = rng.chance(0.5);
  const tDiag = t2 + rng.int(15, 28);
  senameEmit(tl, child, stay, 'DIAGNOSTICO', tl.time(tDiag), {
    tipo_diagnostico: diagnosisType, nivel_complejidad: rng.pick(['ALTA', 'MEDIA', 'BAJA', '']),
    ambitos: rng.pick(['INDIVIDUAL|FAMILIAR', 'FAMILIAR', 'INDIVIDUAL|FAMILIAR|SOCIAL_COMUNITARIO', 'FAMILIAR|SOCIAL_COMUNITARIO']),
    recomendacion: recommendBrief ? 'INTERVENCION_BREVE' : 'INTERVENCION_ESPECIALIZADA', destino_recomendado: '',
  }, true);
  court('AUDIENCIA', tDiag + rng.int(5, 15), { fecha_audiencia: formatInstant(tl.time(tDiag + rng.int(16, 30), 9, 13)), tipo_audiencia: 'REVISION_MEDIDA' });

  const abscondAt = rng.chance(0.07) ? tDiag + rng.int(-10, 120) : null;
  const plan = programme.modality === 'CTDL' || programme.modality === 'FAMILIA_DE_ACOGIDA' ? 'FAMILIAR'
    : programme.modality === 'CTD' && recommendBrief ? 'BREVE' : 'ESPECIALIZADA';
  const tPlan = tDiag + rng.int(5, 25);
  const months = plan === 'BREVE' ? 3 : 6;
  if (abscondAt !== null && abscondAt < tPlan) { abscond(tl, child, stay, abscondAt, cause, round); return; }
  const planId = senameEmit(tl, child, stay, 'PII', tl.time(tPlan), {
    tipo_plan: plan, ejes: rng.pick(['INDIVIDUAL|FAMILIAR|SOCIAL_COMUNITARIO', 'INDIVIDUAL|FAMILIAR', 'FAMILIAR']),
    fecha_termino_prevista: formatDate(addMonths(tPlan, months)),
  }, false);
  let planEnd = addMonths(tPlan, months) + rng.int(-20, 20);
  if (plan === 'BREVE' && rng.chance(0.2)) {
    const tEsc = tPlan + rng.int(30, 80);
    senameEmit(tl, child, stay, 'ESCALAMIENTO', tl.time(tEsc), { tipo_plan_origen: 'BREVE', tipo_plan_destino: 'ESPECIALIZADA', id_plan_origen: planId ?? '' }, false);
    planEnd = addMonths(tEsc, 6);
  }
  if (abscondAt !== null && abscondAt < planEnd) { abscond(tl, child, stay, abscondAt, cause, round); return; }

  // Egress: proposal → hearing → resolution (a rejection sends the centre back for another proposal).
  let proposal = planEnd;
  let destination = proposeDestination(tl, programme.modality, ageAt(child.birth, proposal));
  for (let attempt = 0; ; attempt++) {
    senameEmit(tl, child, stay, 'PROPUESTA_EGRESO', tl.time(proposal), {
      destino_propuesto: destination, causal_propuesta: causeFor(destination, tl), modalidad_destino: '', cod_programa_destino: '',
    }, true);
    const hearing = proposal + rng.int(7, 25);
    court('AUDIENCIA', proposal + rng.int(1, 5), { fecha_audiencia: formatInstant(tl.time(hearing, 9, 13)), tipo_audiencia: 'REVISION_MEDIDA' });
    const decision = attempt > 0 ? 'ACOGE' : rng.weighted([['ACOGE', 85], ['MODIFICA', 10], ['RECHAZA', 5]] as const);
    if (decision === 'MODIFICA') destination = destination === 'FAMILIA_ORIGEN' ? 'FAMILIA_EXTENDIDA' : 'FAMILIA_ORIGEN';
    const derived = destination === 'PROGRAMA_RED_PROTECCION' ? tl.ref.programme(family.comuna, rng.pick(['PROGRAMA_MALTRATO', 'FAMILIA_DE_ACOGIDA'] as const), rng) : null;
    court('RESOLUCION_EGRESO', hearing, {
      decision, cod_programa_origen: programme.code, destino: decision === 'RECHAZA' ? '' : destination,
      modalidad_destino: derived?.modality ?? '', cod_programa_destino: derived?.code ?? '',
      fecha_efectiva: decision === 'RECHAZA' ? '' : formatDate(hearing + 1),
    }, 10);
    if (decision === 'RECHAZA') { proposal = hearing + rng.int(60, 90); continue; }
    const tEgress = hearing + rng.int(1, 7);
    const derivation = derived ? `DER-${pad(tl.ids.next('derivacion'), 7)}` : '';
    senameEmit(tl, child, stay, 'EGRESO', tl.time(tEgress), {
      causal: causeFor(destination, tl), destino: destination, modalidad_destino: derived?.modality ?? '', cod_programa_destino: derived?.code ?? '',
      id_derivacion: derivation,
    }, true);
    if (derived) ambulatoryStay(tl, child, derived, tEgress + rng.int(3, 15), derivation);
    else if (round < 2 && rng.chance(0.12)) {
      courtEpisode(tl, child, tEgress + rng.int(60, 240), rng.chance(0.5) ? cause : { ...cause, rit: newRit(tl, cause.court, tEgress, 'P') }, { siblingGroup: '', shared: null }, round + 1);
    }
    return;
  }
}

function abscond(tl: FamilyTimeline, child: Child, stay: Stay, day: Day, cause: { court: Court; rit: string; ruc: string }, round: number): void {
  const { rng } = tl;
  const kind = stay.programme.modality === 'COD' || stay.programme.modality === 'CERECO' ? 'FUGA' : 'ABANDONO';
  senameEmit(tl, child, stay, 'FUGA_ABANDONO', tl.time(day, 1, 23), { tipo_evento_fuga: kind }, false);
  if (round < 2 && rng.chance(0.4)) courtEpisode(tl, child, day + rng.int(20, 120), cause, { siblingGroup: '', shared: null }, round + 1);
}

/** A stay in an ambulatory programme after a derivation (or a municipal referral): plan, then egress. */
function ambulatoryStay(tl: FamilyTimeline, child: Child, programme: Programme, day: Day, derivation: string): void {
  const { rng } = tl;
  const stay = admit(tl, child, programme, day, 'DERIVACION', null, { id_derivacion: derivation });
  const tPlan = day + rng.int(10, 30);
  senameEmit(tl, child, stay, 'PII', tl.time(tPlan), {
    tipo_plan: programme.modality === 'FAMILIA_DE_ACOGIDA' ? 'FAMILIAR' : 'ESPECIALIZADA', ejes: 'INDIVIDUAL|FAMILIAR',
    fecha_termino_prevista: formatDate(addMonths(tPlan, 6)),
  }, false);
  const end = addMonths(tPlan, rng.int(4, 10));
  senameEmit(tl, child, stay, 'EGRESO', tl.time(end), {
    causal: 'CUMPLIMIENTO_OBJETIVOS_PII', destino: 'FAMILIA_ORIGEN', modalidad_destino: '', cod_programa_destino: '', id_derivacion: '',
  }, false);
}

function ambulatoryReferral(tl: FamilyTimeline, child: Child, day: Day): void {
  if (!tl.rng.chance(0.7)) return;
  const programme = tl.ref.programme(tl.family.comuna, 'PROGRAMA_MALTRATO', tl.rng);
  ambulatoryStay(tl, child, programme, day, '');
}

function proposeDestination(tl: FamilyTimeline, modality: ProgrammeModality, age: number): EgressDestination {
  const options: [EgressDestination, number][] = modality === 'CTDL'
    ? [['FAMILIA_ORIGEN', 50], ['FAMILIA_EXTENDIDA', 20], ['FAMILIA_ADOPTIVA', 15], ['PROGRAMA_RED_PROTECCION', 15]]
    : [['FAMILIA_ORIGEN', 50], ['FAMILIA_EXTENDIDA', 20], ['PROGRAMA_RED_PROTECCION', 20], ['FAMILIA_SUSTITUTA', 5], ...(age >= 16 ? [['VIDA_INDEPENDIENTE', 5] as [EgressDestination, number]] : [])];
  return tl.rng.weighted(options);
}

function causeFor(destination: string, tl: FamilyTimeline): EgressCause {
  switch (destination) {
    case 'FAMILIA_ADOPTIVA': return 'PROCESO_ADOPCION';
    case 'PROGRAMA_RED_PROTECCION': return tl.rng.pick(['DIAGNOSTICO_CONCLUIDO', 'CUMPLIMIENTO_OBJETIVOS_PII'] as const);
    case 'VIDA_INDEPENDIENTE': return 'CUMPLIMIENTO_OBJETIVOS_PII';
    default: return tl.rng.pick(['FAMILIA_ASUME_ROL', 'CUMPLIMIENTO_OBJETIVOS_PII', 'SUPERACION_VULNERACION'] as const);
  }
}

/** Juvenile justice: guarantee court → COD (discernment) → CERECO, a community programme, or home. */
function juvenileEpisode(tl: FamilyTimeline, child: Child, t: Day): void {
  const { rng, family } = tl;
  const court = tl.ref.guaranteeCourt(family.comuna);
  const rit = newRit(tl, court, t, 'O');
  const ruc = newRuc(tl, t - rng.int(0, 2));
  const courtRef: CourtRef = { cod_tribunal: court.code, tipo_tribunal: 'GARANTIA', rit, ruc };
  const emitCourt = (kind: string, day: Day, fields: Record<string, string>) => tl.emit({
    institution: 'TRIBUNAL', kind, unit: court.code, at: tl.time(day, 9, 14), child,
    fields: { cod_tribunal: court.code, tipo_tribunal: 'GARANTIA', rit, ruc, ...fields },
  });
  const cod = tl.ref.programme(family.comuna, 'COD', rng);
  emitCourt('AUDIENCIA', t, { fecha_audiencia: formatInstant(tl.time(t, 9, 12)), tipo_audiencia: 'CONTROL_DETENCION' });
  emitCourt('ORDEN_INGRESO', t, { materia: 'INTERNACION_PROVISORIA', modalidad_destino: 'COD', regimen_destino: 'RESIDENCIAL', cod_programa_destino: cod.code, administracion_destino: 'AADD' });
  emitCourt('SOLICITUD_DIAGNOSTICO', t, { tipo_diagnostico: 'DISCERNIMIENTO', regimen: 'RESIDENCIAL', modalidad_destino: 'COD', cod_programa_destino: cod.code, fecha_plazo: formatDate(t + 5) });
  const stay = admit(tl, child, cod, t, 'ORDEN_TRIBUNAL', courtRef);
  const tDiag = t + rng.int(3, 5);
  senameEmit(tl, child, stay, 'DIAGNOSTICO', tl.time(tDiag), {
    tipo_diagnostico: 'DISCERNIMIENTO', nivel_complejidad: rng.pick(['ALTA', 'MEDIA']), ambitos: 'INDIVIDUAL|SOCIAL_COMUNITARIO',
    recomendacion: 'EGRESO', destino_recomendado: 'MEDIO_LIBRE',
  }, true);
  if (rng.chance(0.1)) { senameEmit(tl, child, stay, 'FUGA_ABANDONO', tl.time(tDiag + rng.int(0, 10), 1, 23), { tipo_evento_fuga: 'FUGA' }, false); return; }
  const tRes = tDiag + rng.int(2, 20);
  const destination = rng.weighted<EgressDestination>([['MEDIO_LIBRE', 50], ['FAMILIA_ORIGEN', 30], ['CERECO', 20]]);
  const next = destination === 'CERECO' ? tl.ref.programme(family.comuna, 'CERECO', rng)
    : destination === 'MEDIO_LIBRE' ? tl.ref.programme(family.comuna, 'MEDIO_LIBRE_RPA', rng) : null;
  emitCourt('RESOLUCION_EGRESO', tRes, {
    decision: 'DE_OFICIO', cod_programa_origen: cod.code, destino: destination, modalidad_destino: next?.modality ?? '',
    cod_programa_destino: next?.code ?? '', fecha_efectiva: formatDate(tRes),
  });
  const derivation = next ? `DER-${pad(tl.ids.next('derivacion'), 7)}` : '';
  senameEmit(tl, child, stay, 'EGRESO', tl.time(tRes + rng.int(0, 2)), {
    causal: rng.pick(['DIAGNOSTICO_CONCLUIDO', 'TERMINO_MEDIDA_JUDICIAL']), destino: destination,
    modalidad_destino: next?.modality ?? '', cod_programa_destino: next?.code ?? '', id_derivacion: derivation,
  }, true);
  if (!next) return;
  const tNext = tRes + rng.int(1, 10);
  const nextStay = admit(tl, child, next, tNext, next.modality === 'CERECO' ? 'ORDEN_TRIBUNAL' : 'DERIVACION',
    next.modality === 'CERECO' ? courtRef : null, { id_derivacion: derivation });
  const tPlan = tNext + rng.int(5, 10);
  senameEmit(tl, child, nextStay, 'PII', tl.time(tPlan), {
    tipo_plan: next.modality === 'CERECO' ? 'CERECO' : 'LRPA', ejes: 'INDIVIDUAL|FAMILIAR|SOCIAL_COMUNITARIO', fecha_termino_prevista: formatDate(addMonths(tPlan, 6)),
  }, false);
  if (rng.chance(0.15)) { senameEmit(tl, child, nextStay, 'FUGA_ABANDONO', tl.time(tPlan + rng.int(10, 150), 1, 23), { tipo_evento_fuga: next.modality === 'CERECO' ? 'FUGA' : 'ABANDONO' }, false); return; }
  senameEmit(tl, child, nextStay, 'EGRESO', tl.time(addMonths(tPlan, rng.int(5, 8))), {
    causal: 'TERMINO_MEDIDA_JUDICIAL', destino: 'FAMILIA_ORIGEN', modalidad_destino: '', cod_programa_destino: '', id_derivacion: '',
  }, next.modality === 'CERECO');
}


import type { ConnectorSpec, RecordKind } from '../sdk/record-kind';

/** `POST /v1/<spec.httpPrefix>/<kind.httpPath>`: one native record of one kind. */
export interface RecordRoute {
  readonly type: 'record';
  readonly path: string;
  readonly spec: ConnectorSpec;
  readonly kind: RecordKind;
}

/** `POST /v1/health/fhir`: a FHIR R4 Bundle, read into the health connector's native rows. */
export interface FhirRoute {
  readonly type: 'fhir';
  readonly path: string;
  readonly spec: ConnectorSpec;
}

export type IntakeRoute = RecordRoute | FhirRoute;

export const API_PREFIX = '/v1';
export const FHIR_PATH = `${API_PREFIX}/health/fhir`;

/**
 * The intake's routes, generated from the connector specs: the same table serves requests,
 * labels metrics and writes the OpenAPI document, so they cannot disagree.
 */
export function intakeRoutes(specs: readonly ConnectorSpec[], opts: { fhir: boolean }): IntakeRoute[] {
  const routes: IntakeRoute[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    for (const kind of spec.kinds) {
      const path = `${API_PREFIX}/${spec.httpPrefix}/${kind.httpPath}`;
      if (seen.has(path)) throw new Error(`two record kinds share the route ${path}`);
      seen.add(path);
      routes.push({ type: 'record', path, spec, kind });
    }
  }
  const health = specs.find((s) => s.institution === 'HEALTH');
  if (opts.fhir && health) {
    if (seen.has(FHIR_PATH)) throw new Error(`a record kind takes the FHIR route ${FHIR_PATH}`);
    routes.push({ type: 'fhir', path: FHIR_PATH, spec: health });
  }
  return routes;
}

import type { ConnectorSpec } from '../sdk/record-kind';
import { HEALTH_CONNECTOR } from '../health';
import { MUNICIPALITY_CONNECTOR } from '../municipality';
import { SCHOOL_CONNECTOR } from '../school';
import { SENAME_CONNECTOR } from '../sename';
import { TRIBUNAL_CONNECTOR } from '../tribunal';

/** Every institution the HTTP intake serves; each spec's kinds become routes (routes.ts). */
export const INTAKE_CONNECTORS: readonly ConnectorSpec[] = [
  TRIBUNAL_CONNECTOR, SENAME_CONNECTOR, MUNICIPALITY_CONNECTOR, SCHOOL_CONNECTOR, HEALTH_CONNECTOR,
];

export { bundleToNativeRows, fhirPathOf, FHIR_MESSAGES_ES, FHIR_MESSAGES_EN } from '../health';

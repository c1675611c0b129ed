/**
 * Health establishments' connector (by DEIS code): native record kinds, their schemas and
 * mappings, and the reader that turns a FHIR R4 bundle into the same native rows.
 */
export { HEALTH_CONNECTOR } from './records';
export { bundleToNativeRows, fhirPathOf, type BundleRows, type BundleRow, type BundleIssue } from './fhir/bundle-to-rows';
export { FHIR_MESSAGES_EN, FHIR_MESSAGES_ES } from './fhir/messages';

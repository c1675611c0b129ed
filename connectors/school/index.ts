/** Schools' connector (SIGE-like exports, by RBD): native record kinds, their schemas and mappings. */
export { SCHOOL_CONNECTOR } from './records';

/** Municipal offices' (OPD / OLN) connector: native record kinds, their schemas and mappings. */
export { MUNICIPALITY_CONNECTOR } from './records';

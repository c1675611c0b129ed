/** SENAME / Mejor Niñez (SENAINFO) connector: native record kinds, their schemas and mappings. */
export { SENAME_CONNECTOR } from './records';

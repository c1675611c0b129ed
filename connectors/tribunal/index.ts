/** Family courts' connector: native record kinds, their schemas and mappings. */
export { TRIBUNAL_CONNECTOR } from './records';

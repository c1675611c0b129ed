import type { ConnectorSpec, Institution } from '../../connectors/sdk/record-kind';
import { TRIBUNAL_CONNECTOR } from '../../connectors/tribunal';

/** Every institution's connector, for `hub import`. */
export const CONNECTORS: readonly ConnectorSpec[] = [TRIBUNAL_CONNECTOR];

/** How people name institutions on the command line (Spanish first), folded to lower case without accents. */
const ALIASES: Readonly<Record<string, Institution>> = {
  tribunal: 'TRIBUNAL', tribunales: 'TRIBUNAL', courts: 'TRIBUNAL', court: 'TRIBUNAL',
  sename: 'SENAME', 'mejor-ninez': 'SENAME', mejorninez: 'SENAME', oca: 'SENAME',
  municipality: 'MUNICIPALITY', municipio: 'MUNICIPALITY', municipios: 'MUNICIPALITY', opd: 'MUNICIPALITY', oln: 'MUNICIPALITY',
  school: 'SCHOOL', colegio: 'SCHOOL', colegios: 'SCHOOL', escuela: 'SCHOOL', escuelas: 'SCHOOL',
  health: 'HEALTH', salud: 'HEALTH',
};

export function connectorFor(name: string): ConnectorSpec | undefined {
  const folded = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s_]+/g, '-');
  const institution = ALIASES[folded] ?? (folded.toUpperCase() as Institution);
  return CONNECTORS.find((c) => c.institution === institution);
}

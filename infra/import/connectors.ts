import { HEALTH_CONNECTOR } from '../../connectors/health';
import { MUNICIPALITY_CONNECTOR } from '../../connectors/municipality';
import type { ConnectorSpec, Institution } from '../../connectors/sdk/record-kind';
import { SCHOOL_CONNECTOR } from '../../connectors/school';
import { SENAME_CONNECTOR } from '../../connectors/sename';
import { TRIBUNAL_CONNECTOR } from '../../connectors/tribunal';

/** Every institution's connector, for `hub import`. */
export const CONNECTORS: readonly ConnectorSpec[] = [TRIBUNAL_CONNECTOR, SENAME_CONNECTOR, MUNICIPALITY_CONNECTOR, SCHOOL_CONNECTOR, HEALTH_CONNECTOR];

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

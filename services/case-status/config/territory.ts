import { comunaByCode } from '../../platform/chile';
import type { TerritoryContext } from '../domain/indicators/types';

/** Region of a comuna from the CUT table (services/platform/chile); the domain receives it as a function. */
export const CHILE_TERRITORY: TerritoryContext = {
  regionOf: (cut) => comunaByCode(cut)?.regionCode ?? null,
};

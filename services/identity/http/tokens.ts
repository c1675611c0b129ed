/** Nest injection tokens of the identity API (apart, so module, filter and controllers share them without cycles). */
export const IDENTITY_API = Symbol('IDENTITY_API');
export const IDENTITY_API_SERVICE = Symbol('IDENTITY_API_SERVICE');

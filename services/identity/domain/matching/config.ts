/**
 * The comparison vector: fields and their levels, in comparator order. This is typed data shared
 * by the comparators (which return level indices), EM (which learns m/u/h per level) and the model
 * file (which stores them by name). Changing a level list changes the model format: bump
 * MODEL_FORMAT and retrain (`npx hub matching train`).
 *
 * Every field's last level is `null` (either side missing): it carries weight 0 in every class,
 * i.e. missing values are ignored rather than counted for or against.
 */
export const MODEL_FORMAT = 'fs3-v1';

export const FIELD_LEVELS = {
  run: ['agree', 'conflict', 'null'],
  identifier: ['agree', 'close', 'conflict', 'null'],
  given: ['exact', 'subset', 'shared', 'nickname', 'name-swap', 'close', 'phonetic', 'similar', 'else', 'null'],
  surnames: [
    'both-exact', 'swapped', 'name-swap', 'exact-close', 'paternal-exact', 'both-close',
    'paternal-exact-maternal-differs', 'paternal-close', 'maternal-exact', 'one-cross', 'else', 'null',
  ],
  birthDate: ['exact', 'transposed', 'year-off-by-one', 'one-part', 'else', 'null'],
  sex: ['agree', 'disagree', 'null'],
  comuna: ['agree', 'disagree', 'null'],
  street: ['exact', 'close', 'else', 'null'],
  locality: ['exact', 'close', 'else', 'null'],
  postcode: ['exact', 'close', 'else', 'null'],
  phone: ['agree', 'disagree', 'null'],
} as const satisfies Record<string, readonly string[]>;

export type FieldName = keyof typeof FIELD_LEVELS;
export const FIELD_NAMES = Object.keys(FIELD_LEVELS) as FieldName[];
export const FIELD_COUNT = FIELD_NAMES.length;

/** Field indices, for the comparators' level arrays. */
export const F = Object.fromEntries(FIELD_NAMES.map((n, i) => [n, i])) as Record<FieldName, number>;

/** Level index of `level` in `field` (typo-safe at compile time). */
export function lv<K extends FieldName>(field: K, level: (typeof FIELD_LEVELS)[K][number]): number {
  return (FIELD_LEVELS[field] as readonly string[]).indexOf(level);
}

/** Number of levels of each field, in FIELD_NAMES order. */
export const LEVEL_COUNTS: readonly number[] = FIELD_NAMES.map((n) => FIELD_LEVELS[n].length);

/**
 * Levels that count as *individual* evidence: agreement on something only this child has. The
 * household guard requires one of them for an automatic link, because siblings and twins agree
 * on surnames, address, comuna, phone and (twins) birth date.
 */
export const INDIVIDUAL_EVIDENCE = {
  run: [lv('run', 'agree')],
  identifier: [lv('identifier', 'agree'), lv('identifier', 'close')],
  given: ['exact', 'subset', 'shared', 'nickname', 'name-swap', 'close', 'phonetic'].map((l) => lv('given', l as never)),
} as const;

/** Surname levels that mean "same family name" for the twin guard. */
export const SAME_FAMILY_SURNAMES: readonly number[] = ['both-exact', 'swapped', 'exact-close', 'paternal-exact', 'both-close']
  .map((l) => lv('surnames', l as never));

/** Birth-date levels consistent with a RUN agreement (a typo, a transposition, or no date). */
export const BIRTH_CONSISTENT: readonly number[] = ['exact', 'transposed', 'year-off-by-one', 'one-part', 'null']
  .map((l) => lv('birthDate', l as never));

/** Hypocorisms (matching.md §5.3), folded upper case; `A|B` when a nickname stands for several names. Data: extend with the child-protection service. */
export const DEFAULT_NICKNAMES: Readonly<Record<string, string>> = {
  PANCHO: 'FRANCISCO', PACO: 'FRANCISCO', PANCHA: 'FRANCISCA', NACHO: 'IGNACIO', PEPE: 'JOSE', LUCHO: 'LUIS',
  COTE: 'JOSE', CONI: 'CONSTANZA', CATA: 'CATALINA', JAVI: 'JAVIERA', SEBA: 'SEBASTIAN', BENJA: 'BENJAMIN',
  VICHO: 'VICENTE', FENA: 'FERNANDA', MAITE: 'TERESA', LUPE: 'GUADALUPE', CHARO: 'ROSARIO', CHUCHO: 'JESUS',
  MANOLO: 'MANUEL', PATO: 'PATRICIO', CRIS: 'CRISTIAN|CRISTOBAL', NICO: 'NICOLAS', FRAN: 'FRANCISCA', FLO: 'FLORENCIA',
  TOMY: 'TOMAS', TOMI: 'TOMAS', AGUS: 'AGUSTIN', MATI: 'MATIAS', ANTO: 'ANTONIA', DANI: 'DANIELA|DANIEL', VALE: 'VALENTINA',
  GABY: 'GABRIELA', ALE: 'ALEJANDRA|ALEJANDRO', CAMI: 'CAMILA', SOFI: 'SOFIA', MAXI: 'MAXIMILIANO', RODRI: 'RODRIGO',
  JUANPA: 'PABLO', JOSEFA: 'JOSEFA', PEPA: 'JOSEFA', CHELO: 'MARCELO', MEMO: 'GUILLERMO', TITO: 'ALBERTO',
  KIKE: 'ENRIQUE', QUIQUE: 'ENRIQUE', NANDO: 'FERNANDO', RAFA: 'RAFAEL', SANTI: 'SANTIAGO', VICKY: 'VICTORIA',
  ISI: 'ISIDORA', TRINI: 'TRINIDAD', EMI: 'EMILIA', MARTI: 'MARTINA', ELI: 'ELISA', LEO: 'LEONARDO',
};

// Generated from schemas/avro/identity/person-record.v1.avsc by `npx hub schemas generate`. Do not edit.

import type { RecordSchema } from '../schema-types';

/**
 * A person as one source system holds them: the hub's canonical person record, also used one per
 * line in NDJSON batch files. Values are kept as the source gives them; normalisation and matching
 * happen downstream.
 *
 * Avro record `hub.identity.PersonRecord`.
 */
export interface PersonRecord {
  /** Code of the source system or institution the record comes from. */
  source: string;
  /** Id of the person's record in the source system. */
  sourceRecordId: string;
  /**
   * Chilean RUN as the source wrote it, in any common form (12.345.678-5, 12345678-5, 123456785,
   * lower-case k). Null when the person has none or the source does not know it. Validated and
   * normalised downstream.
   */
  run: string | null;
  /** Identifiers other than the RUN (e.g. IPE). Empty when there are none. */
  identifiers: Identifier[];
  /** Given names, as written by the source. */
  givenNames: string | null;
  /** First (paternal) surname, as written by the source. */
  paternalSurname: string | null;
  /** Second (maternal) surname, as written by the source. */
  maternalSurname: string | null;
  /**
   * Date of birth as YYYY-MM-DD. A string, not a date logical type, because sources send partial or
   * doubtful dates that must reach matching unchanged.
   */
  birthDate: string | null;
  /** Registered sex, when the source records it. */
  sex: Sex | null;
  /** Comuna of residence as its 5-digit CUT code (e.g. 13101), when known. */
  comunaCode: string | null;
  /** Address of residence, when the source has one. */
  address: Address | null;
  /** Contact phone number, as written by the source. */
  phone: string | null;
}

/**
 * An identifier other than the RUN, qualified by the scheme that issued it.
 *
 * Avro record `hub.identity.Identifier`.
 */
export interface Identifier {
  /**
   * Issuing scheme, e.g. CL-IPE (the provisional school id given to migrant children without a
   * RUN).
   */
  scheme: string;
  /** The identifier as the scheme writes it. */
  value: string;
}

/**
 * Registered sex: F female, M male, X non-binary or other.
 *
 * Avro enum `hub.identity.Sex`.
 */
export type Sex = 'F' | 'M' | 'X';

/** Symbols of {@link Sex}, in schema order. */
export const SexSymbols: readonly Sex[] = ['F', 'M', 'X'];

/**
 * A postal address as the source holds it; every part may be missing.
 *
 * Avro record `hub.identity.Address`.
 */
export interface Address {
  /** Street, number and unit, as one line. */
  street: string | null;
  /** Locality, town or village (for rural addresses, the sector). */
  locality: string | null;
  /** Postal code, when the source has one. */
  postcode: string | null;
  /** Region, as the source names or codes it. */
  region: string | null;
}

/**
 * Self-contained Avro schema of `hub.identity.PersonRecord` (referenced types inlined), as the
 * registry receives it.
 */
export const PersonRecordSchema: RecordSchema = {
  type: 'record',
  name: 'PersonRecord',
  namespace: 'hub.identity',
  doc: "A person as one source system holds them: the hub's canonical person record, also used one per line in NDJSON batch files. Values are kept as the source gives them; normalisation and matching happen downstream.",
  fields: [
    {
      name: 'source',
      type: 'string',
      doc: 'Code of the source system or institution the record comes from.',
    },
    {
      name: 'sourceRecordId',
      type: 'string',
      doc: "Id of the person's record in the source system.",
    },
    {
      name: 'run',
      type: ['null', 'string'],
      default: null,
      doc: 'Chilean RUN as the source wrote it, in any common form (12.345.678-5, 12345678-5, 123456785, lower-case k). Null when the person has none or the source does not know it. Validated and normalised downstream.',
    },
    {
      name: 'identifiers',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'Identifier',
          doc: 'An identifier other than the RUN, qualified by the scheme that issued it.',
          fields: [
            {
              name: 'scheme',
              type: 'string',
              doc: 'Issuing scheme, e.g. CL-IPE (the provisional school id given to migrant children without a RUN).',
            },
            { name: 'value', type: 'string', doc: 'The identifier as the scheme writes it.' },
          ],
        },
      },
      default: [],
      doc: 'Identifiers other than the RUN (e.g. IPE). Empty when there are none.',
    },
    {
      name: 'givenNames',
      type: ['null', 'string'],
      default: null,
      doc: 'Given names, as written by the source.',
    },
    {
      name: 'paternalSurname',
      type: ['null', 'string'],
      default: null,
      doc: 'First (paternal) surname, as written by the source.',
    },
    {
      name: 'maternalSurname',
      type: ['null', 'string'],
      default: null,
      doc: 'Second (maternal) surname, as written by the source.',
    },
    {
      name: 'birthDate',
      type: ['null', 'string'],
      default: null,
      doc: 'Date of birth as YYYY-MM-DD. A string, not a date logical type, because sources send partial or doubtful dates that must reach matching unchanged.',
    },
    {
      name: 'sex',
      type: [
        'null',
        {
          type: 'enum',
          name: 'Sex',
          doc: 'Registered sex: F female, M male, X non-binary or other.',
          symbols: ['F', 'M', 'X'],
        },
      ],
      default: null,
      doc: 'Registered sex, when the source records it.',
    },
    {
      name: 'comunaCode',
      type: ['null', 'string'],
      default: null,
      doc: 'Comuna of residence as its 5-digit CUT code (e.g. 13101), when known.',
    },
    {
      name: 'address',
      type: [
        'null',
        {
          type: 'record',
          name: 'Address',
          doc: 'A postal address as the source holds it; every part may be missing.',
          fields: [
            {
              name: 'street',
              type: ['null', 'string'],
              default: null,
              doc: 'Street, number and unit, as one line.',
            },
            {
              name: 'locality',
              type: ['null', 'string'],
              default: null,
              doc: 'Locality, town or village (for rural addresses, the sector).',
            },
            {
              name: 'postcode',
              type: ['null', 'string'],
              default: null,
              doc: 'Postal code, when the source has one.',
            },
            {
              name: 'region',
              type: ['null', 'string'],
              default: null,
              doc: 'Region, as the source names or codes it.',
            },
          ],
        },
      ],
      default: null,
      doc: 'Address of residence, when the source has one.',
    },
    {
      name: 'phone',
      type: ['null', 'string'],
      default: null,
      doc: 'Contact phone number, as written by the source.',
    },
  ],
};

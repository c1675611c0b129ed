import type { FieldIssue } from '../record-kind';

/**
 * One record as read from an institution's file, before validation. Every record of a file gets
 * one, even an unreadable one, so the import can account for it (published, dead-lettered or
 * duplicate): nothing read is ever silently dropped.
 */
export interface SourceRecord {
  /** 1-based number of the record in the file (data rows, header excluded; FHIR: the row's order). */
  readonly recordNo: number;
  /** Where it starts in the file, for people: `line 17` or `entry[3]`. */
  readonly location: string;
  /** The record's original bytes, for the dead-letter topic. */
  readonly raw: Buffer;
  /** Field name → value, when the record could be read. */
  readonly fields: Readonly<Record<string, unknown>> | null;
  /** Problems reading the record (not validating it): it goes to the DLQ with these. */
  readonly issues: readonly FieldIssue[];
}

/** A source of records that also reports how far it has read, for progress bars. */
export interface RecordSource extends AsyncIterable<SourceRecord> {
  /** Bytes consumed so far and in total (total 0 when unknown). */
  progress(): { readonly done: number; readonly total: number };
}

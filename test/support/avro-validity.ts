import * as avro from 'avsc';
import { schemaFor } from '../../schemas';

/** Paths at which `value` does not match the Avro schema of `recordName` (empty when valid). */
export function avroProblems(recordName: string, value: unknown): string[] {
  const bad: string[] = [];
  avro.Type.forSchema(schemaFor(recordName) as avro.Schema).isValid(value, { errorHook: (p) => bad.push(p.join('.') || '(root)') });
  return bad;
}

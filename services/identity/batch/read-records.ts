/**
 * NDJSON PersonRecord files → normalised records. zod checks each line at the edge (required
 * `source` and `sourceRecordId`; optional fields may be absent or null); a bad line stops the run
 * with its line number (never its content: it is personal data).
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { NameMemo, normalisePerson, type NormalisedPerson, type PersonRecordInput } from '../domain/matching';

const str = z.string().nullable().optional();
const lineSchema = z.object({
  source: z.string().min(1),
  sourceRecordId: z.string().min(1),
  run: str,
  identifiers: z.array(z.object({ scheme: z.string(), value: z.string() })).nullable().optional(),
  givenNames: str,
  paternalSurname: str,
  maternalSurname: str,
  birthDate: str,
  sex: z.enum(['F', 'M', 'X']).nullable().optional().catch(null),
  comunaCode: str,
  address: z.object({ street: str, locality: str, postcode: str, region: str }).partial().nullable().optional(),
  phone: str,
}).passthrough();

export class InputError extends Error {
  constructor(readonly line: number, readonly reason: string) {
    super(`line ${line}: ${reason}`);
  }
}

export async function readRecords(file: string, onProgress?: (bytes: number, total: number, records: number) => void): Promise<NormalisedPerson[]> {
  const total = statSync(file).size;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const out: NormalisedPerson[] = [];
  const memo = new NameMemo();
  let lineNo = 0;
  let bytes = 0;
  for await (const line of lines) {
    lineNo++;
    bytes += Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    let json: unknown;
    try { json = JSON.parse(line); } catch { throw new InputError(lineNo, 'not valid JSON'); }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(lineNo, `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`);
    }
    out.push(normalisePerson(parsed.data as unknown as PersonRecordInput, memo));
    if (onProgress && (lineNo & 0x3fff) === 0) onProgress(bytes, total, out.length);
  }
  onProgress?.(total, total, out.length);
  return out;
}

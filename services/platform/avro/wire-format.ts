import { PermanentError } from '../errors';

/** Confluent wire format: magic byte 0, 4-byte big-endian schema id, then the Avro binary body. */
export const MAGIC_BYTE = 0;
const HEADER_LENGTH = 5;

export function frame(schemaId: number, body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER_LENGTH + body.length);
  out.writeUInt8(MAGIC_BYTE, 0);
  out.writeInt32BE(schemaId, 1);
  body.copy(out, HEADER_LENGTH);
  return out;
}

/** Splits a framed message; rejects anything else explicitly (newer magic bytes, raw JSON, empty). */
export function unframe(buf: Buffer | null | undefined): { schemaId: number; body: Buffer } {
  if (!buf || buf.length < HEADER_LENGTH) {
    throw new PermanentError('NOT_AVRO_FRAMED', `message of ${buf?.length ?? 0} bytes is too short for the Confluent wire format`);
  }
  const magic = buf.readUInt8(0);
  if (magic !== MAGIC_BYTE) throw new PermanentError('UNKNOWN_MAGIC_BYTE', `unknown magic byte ${magic}`);
  return { schemaId: buf.readInt32BE(1), body: buf.subarray(HEADER_LENGTH) };
}

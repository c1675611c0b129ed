import { frame, unframe } from './wire-format';
import { PermanentError } from '../errors';

describe('Confluent wire format', () => {
  it('Given a schema id and body, When framed and unframed, Then both come back', () => {
    const body = Buffer.from([1, 2, 3]);
    const framed = frame(257, body);
    expect([...framed.subarray(0, 5)]).toEqual([0, 0, 0, 1, 1]);
    expect(unframe(framed)).toEqual({ schemaId: 257, body });
  });

  it('Given an unknown magic byte, When unframed, Then it is a permanent error', () => {
    expect(() => unframe(Buffer.from([1, 0, 0, 0, 1, 9]))).toThrow(PermanentError);
    expect(() => unframe(Buffer.from([1, 0, 0, 0, 1, 9]))).toThrow(/magic byte 1/);
  });

  it('Given a too-short or missing message, When unframed, Then it is a permanent error', () => {
    expect(() => unframe(Buffer.from('{}'))).toThrow(/too short/);
    expect(() => unframe(null)).toThrow(PermanentError);
  });
});

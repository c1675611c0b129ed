import { readFileSync } from 'node:fs';
import { parseModel, type MatchingModel } from '../domain/matching';

/** Reads and validates a model file; throws an Error whose message says what is wrong. */
export function loadModel(file: string): MatchingModel {
  let json: unknown;
  try { json = JSON.parse(readFileSync(file, 'utf8')); } catch (err) {
    throw new Error(err instanceof SyntaxError ? 'not valid JSON' : String((err as Error).message));
  }
  return parseModel(json);
}

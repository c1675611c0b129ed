import { createHash } from 'node:crypto';
import type { Hasher } from '../domain/canonical';

/** The production hasher of the domain: SHA-256, hex. */
export const sha256Hex: Hasher = (text) => createHash('sha256').update(text).digest('hex');

import type { Hasher } from './canonical';

/**
 * A deterministic 256-bit hex hash for domain tests (FNV-1a over four seeds), so domain tests need
 * no runtime import. Production uses SHA-256 (adapters/sha256.ts); the domain only needs "equal
 * text, equal hash".
 */
export const testHasher: Hasher = (text) => {
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    for (let round = 0; round < 2; round++) {
      let h = (seed ^ round) >>> 0;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
      out += h.toString(16).padStart(8, '0');
    }
  }
  return out;
};

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as chile from './index';

/**
 * The domain-purity lint rule covers services/*\/domain only, yet connectors' and matching's
 * domain cores import this module, so it must be just as pure. This test holds it to that.
 */
const runtimeFiles = readdirSync(__dirname)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(path.join(__dirname, name), 'utf8') }));

const FORBIDDEN: readonly [string, RegExp][] = [
  ['a non-relative import', /(?:from\s+|require\(\s*|import\(\s*)['"](?!\.\/)[^'"]+['"]/],
  ['the clock', /Date\.now\(|new Date\(\s*\)/],
  ['Math.random', /Math\.random/],
  ['process / env', /\bprocess\./],
  ['I/O', /\bfetch\(|\bsetTimeout\(|\bsetInterval\(/],
];

describe('services/platform/chile is pure', () => {
  it('Given the runtime files (all but tests and data/), When read, Then the scan sees them (the check is not vacuous)', () => {
    expect(runtimeFiles.map((f) => f.name)).toEqual(expect.arrayContaining(['run.ts', 'names.ts', 'comunas.ts', 'comunas.generated.ts', 'index.ts']));
  });

  it.each(FORBIDDEN)('Given every runtime file, When scanned for %s, Then none uses it', (_what, pattern) => {
    expect(runtimeFiles.filter((f) => pattern.test(f.text)).map((f) => f.name)).toEqual([]);
  });

  it('Given the hand-written files, When their lines are counted, Then each stays under 200', () => {
    const long = runtimeFiles.filter((f) => f.name !== 'comunas.generated.ts' && f.text.split('\n').length >= 200);
    expect(long.map((f) => f.name)).toEqual([]);
  });

  it('Given the public entry point, When imported, Then it exposes the parsers, the comuna table and the synthetic helpers', () => {
    expect(chile.parseRun('12.345.678-5')).toMatchObject({ ok: true, normalized: '12345678-5' });
    for (const fn of [chile.parseRuc, chile.parseRit, chile.parseRbd, chile.parseIpe, chile.parseName, chile.parseCutCode, chile.syntheticRun, chile.mulberry32]) {
      expect(typeof fn).toBe('function');
    }
    expect(chile.COMUNAS).toHaveLength(346);
  });
});

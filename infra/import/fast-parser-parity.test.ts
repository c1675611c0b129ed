import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { csvFileSource } from '../../connectors/sdk/files/csv-source';
import type { RecordSource } from '../../connectors/sdk/files/source-record';
import { fastRecordParser } from '../../connectors/sdk/fast-record-parser';
import { resolveKind } from '../../connectors/sdk/process-record';
import { DEFAULT_OPTIONS, generate } from '../synthetic/generate';
import { directorySinks } from '../synthetic/sinks';
import { CONNECTORS } from './connectors';
import { fhirFileSource } from './fhir-source';

/**
 * The fast record parser must agree with zod on every record it accepts: same keys, same values.
 * Checked on the generator's realistic files for every connector (valid rows, dialect noise and
 * invalid rows), each record against its own kind's schema and every other kind's.
 */
const FILES: readonly [string, string][] = [
  ['tribunales.csv', 'TRIBUNAL'], ['sename.csv', 'SENAME'], ['municipios.csv', 'MUNICIPALITY'],
  ['colegios.csv', 'SCHOOL'], ['salud.csv', 'HEALTH'], ['salud.json', 'HEALTH'],
];

describe('fast record parser parity with zod', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'hub-fast-parser-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Given generated files of every institution, When each record is parsed by the fast parser and by zod, Then every fast success equals zod\'s output and every zod failure is left to zod', async () => {
    await generate({ ...DEFAULT_OPTIONS, children: 150, seed: 11, invalidRate: 0.08 }, directorySinks(dir));
    const mismatches: string[] = [];
    let agreedSuccesses = 0;
    let zodFailures = 0;
    const fastKinds = new Set<string>();
    for (const [file, institution] of FILES) {
      const spec = CONNECTORS.find((c) => c.institution === institution)!;
      const source: RecordSource = file.endsWith('.json') ? fhirFileSource(join(dir, file)) : csvFileSource(join(dir, file));
      for await (const rec of source) {
        if (!rec.fields) continue;
        const own = resolveKind(spec, rec.fields);
        for (const kind of spec.kinds) {
          const fast = fastRecordParser(kind.schema);
          if (!fast) continue;
          fastKinds.add(`${institution}.${kind.kind}`);
          const byFast = fast(rec.fields);
          const byZod = kind.schema.safeParse(rec.fields);
          if (!byZod.success) {
            zodFailures++;
            if (byFast !== undefined) mismatches.push(`${file} ${rec.location} ${kind.kind}: fast accepted what zod rejected`);
          } else if (byFast !== undefined) {
            if (!isDeepStrictEqual(byFast, byZod.data)) mismatches.push(`${file} ${rec.location} ${kind.kind}: different output`);
            else if (!('ok' in own) && own.kind === kind.kind) agreedSuccesses++;
          } else {
            mismatches.push(`${file} ${rec.location} ${kind.kind}: zod accepted what fast rejected`);
          }
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(agreedSuccesses).toBeGreaterThan(1000);
    expect(zodFailures).toBeGreaterThan(100);
    // Most kinds are plain objects of native fields; a kind with cross-field rules is zod's alone.
    expect(fastKinds.size).toBeGreaterThan(5);
  }, 120000);
});

/**
 * Generates `../comunas.generated.ts` from `cut_comunas_2018.csv` (the 346 comunas of the
 * Código Único Territorial, 2018 update; provenance in the file header and
 * /work/shared/data/chile/README.md).
 *
 *   node -r @swc-node/register services/platform/chile/data/generate-comunas.ts           # write
 *   node -r @swc-node/register services/platform/chile/data/generate-comunas.ts --check   # exit 1 on drift
 *
 * Why generate instead of reading the CSV at run time: the runtime module stays pure (no I/O), is
 * type-checked, and works the same from sources, `dist/` and images. Why keep the CSV: it is the
 * reviewed, hash-identified copy of the upstream data; a unit test regenerates the module from it
 * and fails if someone edits either side alone.
 *
 * {@link renderComunasModule} is pure; only the command-line part below touches the disk.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const CSV_PATH = path.join(__dirname, 'cut_comunas_2018.csv');
export const GENERATED_PATH = path.join(__dirname, '..', 'comunas.generated.ts');

const HEADER = [
  'Código Región', 'Nombre Región', 'Abreviatura Región', 'Código Provincia', 'Nombre Provincia',
  'Código Comuna 2018', 'Nombre Comuna',
];

/**
 * Validates the CSV text and renders the TypeScript module. Throws on anything unexpected (a
 * changed header, a quoted field, a code that is not zero-padded, a comuna whose code does not
 * start with its province's, two names for one region…): bad reference data must stop the build,
 * not be silently normalised.
 */
export function renderComunasModule(csvText: string): string {
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
  const [headerLine, ...rows] = lines;
  if (headerLine !== HEADER.join(',')) throw new Error(`unexpected CSV header: ${headerLine ?? '(none)'}`);

  const regions = new Map<string, readonly [string, string]>();
  const provinces = new Map<string, string>();
  const comunas = new Map<string, string>();
  rows.forEach((line, i) => {
    const where = `CSV line ${i + 2}`;
    if (line.includes('"')) throw new Error(`${where}: quoted fields are not supported`);
    const cells = line.split(',');
    if (cells.length !== HEADER.length) throw new Error(`${where}: expected ${HEADER.length} fields, got ${cells.length}`);
    const [regionCode = '', regionName = '', regionAbbr = '', provinceCode = '', provinceName = '', code = '', name = ''] = cells.map((c) => c.trim());
    if (!/^\d{2}$/.test(regionCode) || !/^\d{3}$/.test(provinceCode) || !/^\d{5}$/.test(code)) throw new Error(`${where}: codes must be zero-padded 2/3/5 digits`);
    if (!provinceCode.startsWith(regionCode) || !code.startsWith(provinceCode)) throw new Error(`${where}: ${code} is not inside ${provinceCode} / ${regionCode}`);
    if ([regionName, regionAbbr, provinceName, name].some((v) => v === '')) throw new Error(`${where}: empty name`);
    agree(regions, regionCode, [regionName, regionAbbr], where);
    agree(provinces, provinceCode, provinceName, where);
    if (comunas.has(code)) throw new Error(`${where}: duplicate comuna code ${code}`);
    comunas.set(code, name);
  });
  if (comunas.size === 0) throw new Error('no comunas in the CSV');

  const sha256 = createHash('sha256').update(csvText).digest('hex');
  const q = (s: string) => JSON.stringify(s);
  return [
    '// GENERATED from data/cut_comunas_2018.csv by data/generate-comunas.ts. Do not edit by hand:',
    '// change the CSV, then run `node -r @swc-node/register services/platform/chile/data/generate-comunas.ts`.',
    `// CSV sha256 ${sha256}. ${regions.size} regions, ${provinces.size} provinces, ${comunas.size} comunas.`,
    '// Source: Observatorio Logístico, "MAESTRO Códigos Únicos Territoriales – Actualizado al 2018",',
    '// via GitHub piperubio/clregions (MIT). Names are kept exactly as the source spells them.',
    '',
    '/** [region code, region name, source abbreviation] */',
    'export const REGION_ROWS: readonly (readonly [string, string, string])[] = [',
    ...[...regions].map(([code, [name, abbr]]) => `  [${q(code)}, ${q(name)}, ${q(abbr)}],`),
    '];',
    '',
    '/** [province code, province name]; the region is the first 2 digits. */',
    'export const PROVINCE_ROWS: readonly (readonly [string, string])[] = [',
    ...[...provinces].map(([code, name]) => `  [${q(code)}, ${q(name)}],`),
    '];',
    '',
    '/** [comuna CUT code, comuna name]; the province is the first 3 digits. */',
    'export const COMUNA_ROWS: readonly (readonly [string, string])[] = [',
    ...[...comunas].map(([code, name]) => `  [${q(code)}, ${q(name)}],`),
    '];',
    '',
  ].join('\n');
}

function agree<V>(seen: Map<string, V>, code: string, value: V, where: string): void {
  const before = seen.get(code);
  if (before === undefined) seen.set(code, value);
  else if (JSON.stringify(before) !== JSON.stringify(value)) throw new Error(`${where}: ${code} named both ${JSON.stringify(before)} and ${JSON.stringify(value)}`);
}

function main(argv: readonly string[]): number {
  const rendered = renderComunasModule(readFileSync(CSV_PATH, 'utf8'));
  if (argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(GENERATED_PATH, 'utf8'); } catch { /* missing counts as drift */ }
    if (current === rendered) return 0;
    process.stderr.write(`${path.basename(GENERATED_PATH)} is out of date; run this script without --check\n`);
    return 1;
  }
  writeFileSync(GENERATED_PATH, rendered);
  process.stdout.write(`wrote ${GENERATED_PATH}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

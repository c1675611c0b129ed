import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CSV_PATH, GENERATED_PATH, renderComunasModule } from './generate-comunas';

const csv = readFileSync(CSV_PATH, 'utf8');
const header = csv.split('\n')[0]!;
const row = (cells: string) => `${header}\n${cells}`;

describe('comunas.generated.ts stays in step with the CSV', () => {
  it('Given the committed CSV, When the module is regenerated, Then it equals the committed comunas.generated.ts', () => {
    // On failure: node -r @swc-node/register services/platform/chile/data/generate-comunas.ts
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(renderComunasModule(csv));
  });

  it('Given the CSV in the repository, When hashed, Then it is byte-identical to the reviewed shared copy (sha256 in its README)', () => {
    expect(createHash('sha256').update(readFileSync(CSV_PATH)).digest('hex')).toBe('cc8d816e2d0e43e3f42728a5c8d46d45824e74fd02de119cd449559673a56757');
  });
});

describe('renderComunasModule refuses bad reference data', () => {
  it.each([
    ['a changed header', 'code,name\n01101,Iquique'],
    ['no rows', header],
    ['a quoted field', row('01,Tarapacá,TPCA,011,Iquique,01101,"Iquique"')],
    ['a missing field', row('01,Tarapacá,TPCA,011,Iquique,01101')],
    ['a lost leading zero', row('1,Tarapacá,TPCA,011,Iquique,1101,Iquique')],
    ['a comuna outside its province', row('01,Tarapacá,TPCA,011,Iquique,01401,Iquique')],
    ['a province outside its region', row('01,Tarapacá,TPCA,021,Iquique,02101,Iquique')],
    ['an empty name', row('01,Tarapacá,TPCA,011,Iquique,01101,')],
    ['a duplicate code', row('01,Tarapacá,TPCA,011,Iquique,01101,Iquique\n01,Tarapacá,TPCA,011,Iquique,01101,Otra')],
    ['two names for one region', row('01,Tarapacá,TPCA,011,Iquique,01101,Iquique\n01,Otra,TPCA,011,Iquique,01107,Alto Hospicio')],
  ])('Given a CSV with %s, When rendering, Then it throws', (_what, text) => {
    expect(() => renderComunasModule(text)).toThrow();
  });

  it('Given CRLF line ends and a BOM, When rendering, Then the rows are still read', () => {
    expect(renderComunasModule(`\uFEFF${row('01,Tarapacá,TPCA,011,Iquique,01101,Iquique')}`.replace(/\n/g, '\r\n'))).toContain('["01101", "Iquique"]');
  });
});

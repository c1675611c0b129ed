import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLUMNS, MATRIX, ROWS, cellOf } from './authorization-matrix';
import { embeddedMatrix, renderMatrix } from './matrix-markdown';

describe('authorisation matrix data', () => {
  it('Given the rows and columns, When the matrix is built, Then there is exactly one cell per pair', () => {
    expect(MATRIX).toHaveLength(ROWS.length * COLUMNS.length);
    expect(new Set(MATRIX.map((c) => `${c.row}|${c.column}`)).size).toBe(MATRIX.length);
  });

  it('Given a revoked, forged, malformed or missing token, When any authenticated endpoint is asked, Then 401', () => {
    for (const row of ['revoked', 'forged', 'malformed', 'missing'] as const) {
      for (const c of COLUMNS.filter((k) => k.id !== 'case.metrics' && k.id !== 'api.info')) expect(cellOf(row, c.id).status).toBe(401);
    }
  });

  it('Given a credential of another territory, When it reads a T1 child or case, Then never 200', () => {
    for (const row of ['tribunal-other', 'sename-other', 'muni-other'] as const) {
      for (const col of ['case.timeline', 'case.case', 'identity.read'] as const) expect(cellOf(row, col).status).not.toBe(200);
    }
  });

  it('Given docs/security/authorization-matrix.md, When compared with the data, Then its generated tables are the data\'s', () => {
    const doc = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'security', 'authorization-matrix.md'), 'utf8');
    expect(embeddedMatrix(doc)).toBe(renderMatrix());
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLUMNS, MATRIX, PUBLIC_COLUMNS, ROWS, cellOf } from './authorization-matrix';
import { embeddedMatrix, renderMatrix } from './matrix-markdown';

describe('authorisation matrix data', () => {
  it('Given the rows and columns, When the matrix is built, Then there is exactly one cell per pair', () => {
    expect(MATRIX).toHaveLength(ROWS.length * COLUMNS.length);
    expect(new Set(MATRIX.map((c) => `${c.row}|${c.column}`)).size).toBe(MATRIX.length);
  });

  it('Given a revoked, forged, malformed or missing token, When any authenticated endpoint is asked, Then 401', () => {
    for (const row of ['revoked', 'forged', 'malformed', 'missing'] as const) {
      for (const c of COLUMNS.filter((k) => !PUBLIC_COLUMNS.has(k.id))) expect(cellOf(row, c.id).status).toBe(401);
    }
  });

  it('Given the public columns, When listed, Then they serve no data about children or institutions (only the metrics scrape and the service index)', () => {
    expect([...PUBLIC_COLUMNS].sort()).toEqual(['api.info', 'case.metrics']);
    for (const id of PUBLIC_COLUMNS) expect(COLUMNS.find((c) => c.id === id)!.audit).toBeNull();
  });

  it('Given a credential of another territory, When it asks for a T1 child or case (also through a merged id), Then exactly the answer of an unknown id', () => {
    for (const row of ['tribunal-other', 'sename-other', 'muni-other'] as const) {
      for (const col of ['case.timeline', 'case.timeline-merged'] as const) expect(cellOf(row, col)).toMatchObject({ status: 404, code: 'CHILD_NOT_FOUND', sameAnswerAs: 'case.timeline-unknown' });
      expect(cellOf(row, 'case.case')).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND', sameAnswerAs: 'case.case-unknown' });
    }
    for (const row of ['tribunal-own', 'sename-own', 'muni-own'] as const) expect(cellOf(row, 'case.timeline-t2')).toMatchObject({ status: 404, sameAnswerAs: 'case.timeline-unknown' });
  });

  it('Given HUB credentials, When they read cases, identities or operational counters, Then only the matching role (or `*`) is let through', () => {
    const ok = (row: (typeof ROWS)[number]['id'], col: (typeof COLUMNS)[number]['id']) => cellOf(row, col).status < 400;
    for (const col of ['case.timeline', 'case.case', 'case.indicators'] as const) {
      expect(['hub-any', 'hub-review', 'hub-case-read', 'hub-ops', 'hub-other-scope'].filter((r) => ok(r as 'hub-any', col))).toEqual(['hub-any', 'hub-case-read']);
    }
    expect(['hub-any', 'hub-review', 'hub-case-read', 'hub-ops', 'hub-other-scope'].filter((r) => ok(r as 'hub-any', 'identity.read'))).toEqual(['hub-any', 'hub-review']);
    expect(['hub-any', 'hub-review', 'hub-case-read', 'hub-ops', 'hub-other-scope'].filter((r) => ok(r as 'hub-any', 'dedup.stats'))).toEqual(['hub-any', 'hub-ops']);
    for (const row of ROWS.map((r) => r.id).filter((r) => !r.startsWith('hub-'))) expect(cellOf(row, 'dedup.stats').status).not.toBe(200);
  });

  it('Given the matrix, When searched for open findings, Then there are none left', () => {
    expect(MATRIX.filter((c) => c.finding)).toEqual([]);
  });

  it('Given a credential of another territory, When it reads a T1 child or case, Then never 200', () => {
    for (const row of ['tribunal-other', 'sename-other', 'muni-other'] as const) {
      for (const col of ['case.timeline', 'case.timeline-merged', 'case.case', 'identity.read'] as const) expect(cellOf(row, col).status).not.toBe(200);
      for (const col of ['case.timeline', 'case.timeline-merged', 'case.case', 'identity.read'] as const) expect(cellOf(row, col).status).not.toBe(308);
    }
  });

  it('Given docs/security/authorization-matrix.md, When compared with the data, Then its generated tables are the data\'s', () => {
    const doc = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'security', 'authorization-matrix.md'), 'utf8');
    expect(embeddedMatrix(doc)).toBe(renderMatrix());
  });
});

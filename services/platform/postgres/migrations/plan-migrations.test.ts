import { planMigrations, type MigrationFile } from './plan-migrations';

const aFile = (over: Partial<MigrationFile> = {}): MigrationFile => ({
  component: 'platform', version: 1, name: '0001_init.sql', checksum: 'aaa', sql: 'select 1', ...over,
});

describe('planMigrations', () => {
  it('Given nothing applied, When planning, Then every file is applied in component and version order', () => {
    const plan = planMigrations([aFile({ component: 'z', version: 2 }), aFile({ component: 'z', version: 1 }), aFile()], []);
    expect(plan).toEqual({ ok: true, toApply: [aFile(), aFile({ component: 'z', version: 1 }), aFile({ component: 'z', version: 2 })] });
  });

  it('Given everything applied with the same checksums, When planning, Then nothing is applied', () => {
    expect(planMigrations([aFile()], [{ component: 'platform', version: 1, checksum: 'aaa' }])).toEqual({ ok: true, toApply: [] });
  });

  it('Given an applied file was edited, When planning, Then it refuses with the checksum problem', () => {
    const plan = planMigrations([aFile({ checksum: 'bbb' })], [{ component: 'platform', version: 1, checksum: 'aaa' }]);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.problems[0]).toMatch(/changed after it was applied/);
  });

  it('Given a new file numbered below an applied one, When planning, Then it refuses (out of order)', () => {
    const plan = planMigrations([aFile({ version: 1 }), aFile({ version: 3, checksum: 'c' })], [{ component: 'platform', version: 3, checksum: 'c' }]);
    expect(!plan.ok && plan.problems.join()).toMatch(/older than the applied version 3/);
  });

  it('Given a migration applied but deleted from disk, When planning, Then it refuses', () => {
    const plan = planMigrations([aFile({ version: 2, checksum: 'b' })], [{ component: 'platform', version: 1, checksum: 'aaa' }, { component: 'platform', version: 2, checksum: 'b' }]);
    expect(!plan.ok && plan.problems.join()).toMatch(/platform\/1: applied in the database but missing on disk/);
  });

  it('Given another component applied to the same schema, When planning only mine, Then its migrations are not judged', () => {
    expect(planMigrations([aFile()], [{ component: 'platform', version: 1, checksum: 'aaa' }, { component: 'identity', version: 3, checksum: 'x' }]))
      .toEqual({ ok: true, toApply: [] });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCompatibility } from './compatibility';
import type { JsonObject } from './json';
import { schemaPaths } from './workspace';

interface Field { name: string; type: unknown; default?: unknown }
interface Rec { fields: Field[] }

/** The released PersonObserved, the baseline a producer's new version is checked against. */
const released = JSON.parse(readFileSync(join(schemaPaths().released, 'person-observed.v1.avsc'), 'utf8')) as JsonObject;

function withPersonChange(change: (person: Rec) => void): JsonObject {
  const copy = JSON.parse(JSON.stringify(released)) as JsonObject & Rec;
  change(copy.fields.find((f) => f.name === 'person')!.type as Rec);
  return copy;
}

function field(rec: Rec, name: string): Field {
  return rec.fields.find((f) => f.name === name)!;
}

describe('Local compatibility check', () => {
  it('Given an unchanged schema, When checked in FULL mode, Then it is compatible', () => {
    expect(checkCompatibility('FULL', released, released)).toEqual({ compatible: true, reasons: [], incompatibilities: [] });
  });

  it('Given a field added without default, When checked BACKWARD, Then it is refused with the field path', () => {
    const next = withPersonChange((p) => p.fields.push({ name: 'nationality', type: 'string' }));
    const result = checkCompatibility('BACKWARD', released, next);
    expect(result.compatible).toBe(false);
    expect(result.reasons).toEqual([
      'BACKWARD: hub.identity.PersonObserved.person.nationality: field added without a default, so records written without it cannot be read',
    ]);
  });

  it('Given sourceRecordId changed from string to int, When checked BACKWARD, Then it is refused naming both types', () => {
    const next = withPersonChange((p) => { field(p, 'sourceRecordId').type = 'int'; });
    const result = checkCompatibility('BACKWARD', released, next);
    expect(result.compatible).toBe(false);
    expect(result.incompatibilities).toEqual([{
      direction: 'BACKWARD', code: 'TYPE_CHANGED', path: 'hub.identity.PersonObserved.person.sourceRecordId', params: { from: 'string', to: 'int' },
    }]);
  });

  it('Given an optional field added with default null, When checked in FULL mode, Then it is accepted', () => {
    const next = withPersonChange((p) => p.fields.push({ name: 'nationality', type: ['null', 'string'], default: null }));
    expect(checkCompatibility('FULL', released, next).compatible).toBe(true);
  });

  it('Given a required field removed, When checked, Then BACKWARD accepts it but FORWARD refuses it', () => {
    const next = withPersonChange((p) => { p.fields = p.fields.filter((f) => f.name !== 'source'); });
    expect(checkCompatibility('BACKWARD', released, next).compatible).toBe(true);
    expect(checkCompatibility('FORWARD', released, next).incompatibilities).toMatchObject([
      { direction: 'FORWARD', code: 'FIELD_REMOVED_WITHOUT_DEFAULT', path: 'hub.identity.PersonObserved.person.source' },
    ]);
  });

  it('Given an enum symbol removed, When checked BACKWARD, Then old data with that symbol is reported unreadable', () => {
    const next = withPersonChange((p) => {
      const sex = field(p, 'sex').type as [string, { symbols: string[] }];
      sex[1].symbols = ['F', 'M'];
    });
    expect(checkCompatibility('BACKWARD', released, next).incompatibilities).toMatchObject([
      { code: 'ENUM_SYMBOLS_UNREADABLE', path: 'hub.identity.PersonObserved.person.sex', params: { symbols: 'X' } },
    ]);
  });

  it('Given a nullable field made required, When checked BACKWARD, Then the null branch is reported unreadable', () => {
    const next = withPersonChange((p) => { const f = field(p, 'phone'); f.type = 'string'; delete f.default; });
    expect(checkCompatibility('BACKWARD', released, next).incompatibilities).toMatchObject([
      { code: 'UNION_BRANCH_UNREADABLE', path: 'hub.identity.PersonObserved.person.phone', params: { branch: 'null', readable: 'string' } },
    ]);
  });
});

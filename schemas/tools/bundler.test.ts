import * as avro from 'avsc';
import { bundleAll } from './bundler';
import { generateAll } from './generator';
import { loadSources, type SourceFile } from './loader';
import { SchemaError } from './schema-error';

function source(path: string, schema: object): SourceFile {
  return { path, text: JSON.stringify(schema) };
}

const ENVELOPE = source('common/event-envelope.v1.avsc', {
  type: 'record', name: 'EventEnvelope', namespace: 'hub.common', fields: [{ name: 'eventId', type: 'string' }],
});

function record(path: string, name: string, fields: object[]): SourceFile {
  const [domain] = path.split('/');
  return source(path, { type: 'record', name, namespace: `hub.${domain}`, fields });
}

function schemaError(run: () => unknown): SchemaError {
  try {
    run();
  } catch (err) {
    if (err instanceof SchemaError) return err;
    throw err;
  }
  throw new Error('expected a SchemaError');
}

describe('Bundler', () => {
  it('Given a reference to a type no file defines, When bundling, Then it names the reference, where it is, and a likely match', () => {
    const files = [ENVELOPE, record('case/case-opened.v1.avsc', 'CaseOpened', [{ name: 'envelope', type: 'hub.common.Eventenvelope' }])];
    const err = schemaError(() => bundleAll(loadSources(files)));
    expect(err.code).toBe('UNKNOWN_REFERENCE');
    expect(err.message).toBe('case/case-opened.v1.avsc#CaseOpened.envelope: refers to unknown type hub.common.Eventenvelope (did you mean hub.common.EventEnvelope?)');
  });

  it('Given a relative name that resolves to the wrong namespace, When bundling, Then the unknown full name is reported', () => {
    const files = [ENVELOPE, record('case/case-opened.v1.avsc', 'CaseOpened', [{ name: 'envelope', type: 'EventEnvelope' }])];
    expect(schemaError(() => bundleAll(loadSources(files))).params).toMatchObject({ name: 'hub.case.EventEnvelope' });
  });

  it('Given the same full name defined in two files, When loading, Then both places are named', () => {
    const files = [
      record('case/case-opened.v1.avsc', 'CaseOpened', [{ name: 'a', type: { type: 'enum', name: 'Status', symbols: ['OPEN'] } }]),
      record('case/case-closed.v1.avsc', 'CaseClosed', [{ name: 'b', type: { type: 'enum', name: 'Status', symbols: ['CLOSED'] } }]),
    ];
    const err = schemaError(() => loadSources(files));
    expect(err.code).toBe('DUPLICATE_NAME');
    expect(err.message).toBe('hub.case.Status is defined twice: in case/case-closed.v1.avsc#CaseClosed.b and in case/case-opened.v1.avsc#CaseOpened.a');
  });

  it('Given two files that refer to each other, When bundling, Then the cycle is refused and spelled out', () => {
    const files = [
      record('case/case-a.v1.avsc', 'CaseA', [{ name: 'b', type: ['null', 'hub.case.CaseB'], default: null }]),
      record('case/case-b.v1.avsc', 'CaseB', [{ name: 'a', type: ['null', 'hub.case.CaseA'], default: null }]),
    ];
    const err = schemaError(() => bundleAll(loadSources(files)));
    expect(err.code).toBe('CYCLE');
    expect(err.message).toBe('recursive schemas are not allowed: hub.case.CaseA → hub.case.CaseB → hub.case.CaseA');
  });

  it('Given a file whose name does not match its record, When loading, Then the expected name is given', () => {
    const err = schemaError(() => loadSources([record('case/case-opened.v1.avsc', 'CaseClosed', [])]));
    expect(err.code).toBe('FILE_NAME_MISMATCH');
    expect(err.params).toMatchObject({ expected: 'hub.case.CaseOpened', actual: 'hub.case.CaseClosed' });
  });

  it('Given a breaking v2 next to v1, When loading, Then v2 must carry its major in the record name', () => {
    const v1 = record('case/case-opened.v1.avsc', 'CaseOpened', []);
    expect(loadSources([v1, record('case/case-opened.v2.avsc', 'CaseOpenedV2', [])]).sources.map((s) => s.root.fullName))
      .toEqual(['hub.case.CaseOpened', 'hub.case.CaseOpenedV2']);
    const err = schemaError(() => loadSources([v1, record('case/case-opened.v2.avsc', 'CaseOpened', [])]));
    expect(err.params).toMatchObject({ expected: 'hub.case.CaseOpenedV2' });
  });

  it('Given a file that is not JSON, When loading, Then the file is named', () => {
    const err = schemaError(() => loadSources([{ path: 'case/case-opened.v1.avsc', text: '{ "type": "record", ' }]));
    expect(err.code).toBe('INVALID_JSON');
    expect(err.params['file']).toBe('case/case-opened.v1.avsc');
  });

  it('Given something avsc rejects (a non-null default on a nullable field), When bundling, Then avsc\'s reason is kept', () => {
    const files = [record('case/case-opened.v1.avsc', 'CaseOpened', [{ name: 'a', type: ['null', 'string'], default: 'x' }])];
    const err = schemaError(() => bundleAll(loadSources(files)));
    expect(err.code).toBe('AVSC_REJECTED');
    expect(err.params['name']).toBe('hub.case.CaseOpened');
  });

  it('Given a union of two non-null types, When generating, Then it is refused with the field named', () => {
    const files = [record('case/case-opened.v1.avsc', 'CaseOpened', [{ name: 'a', type: ['null', 'string', 'int'] }])];
    const err = schemaError(() => generateAll(loadSources(files)));
    expect(err.code).toBe('UNSUPPORTED_UNION');
    expect(err.params['where']).toBe('case/case-opened.v1.avsc#CaseOpened.a');
  });

  it('Given types from several files and namespaces, When bundled, Then each result parses alone with avsc', () => {
    const files = [ENVELOPE, record('case/case-opened.v1.avsc', 'CaseOpened', [
      { name: 'envelope', type: 'hub.common.EventEnvelope' },
      { name: 'previous', type: ['null', 'hub.common.EventEnvelope'], default: null },
    ])];
    for (const bundle of bundleAll(loadSources(files))) {
      expect(() => avro.Type.forSchema(bundle.schema as avro.Schema)).not.toThrow();
    }
  });
});

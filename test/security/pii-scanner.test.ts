import { createPiiScanner, nameValues, patternOf, personalValuesFromCsv, type PersonalValue } from './pii-scanner';

const CSV = [
  'tipo;id_registro;run_nna;nombres;apellido_paterno;apellido_materno;fecha_nacimiento;direccion;telefono',
  'ORDEN_INGRESO;RES-1;26.907.056-0;Camila Dominga;RODRÍGUEZ;De la Cruz;14-02-2021;Avenida O\'Higgins 2377;+56 9 4420 4048',
  '"MATRICULA";"RES-2";"18057498-K";"Luz";"Paz";"";"";"";""',
].join('\n');

describe('pii scanner', () => {
  const values = personalValuesFromCsv(CSV);
  const scanner = createPiiScanner(values);
  const kinds = (text: string) => scanner.scan(text, 'test').map((f) => f.kind).sort();

  it('Given a native CSV, When read, Then RUNs, birth date, address, phone and name combinations are the personal values', () => {
    expect(values).toEqual(expect.arrayContaining<PersonalValue>([
      { kind: 'run', value: '26.907.056-0' }, { kind: 'run', value: '18057498-K' }, { kind: 'birthDate', value: '14-02-2021' },
      { kind: 'address', value: 'Avenida O\'Higgins 2377' }, { kind: 'phone', value: '+56 9 4420 4048' },
      { kind: 'name', value: 'Camila Dominga' }, { kind: 'name', value: 'Camila RODRÍGUEZ' }, { kind: 'name', value: 'RODRÍGUEZ De la Cruz' },
    ]));
  });

  it('Given a RUN, When it appears with dots, without dots, without hyphen or as the bare body, Then each is found', () => {
    for (const t of ['run=26.907.056-0', '"26907056-0"', 'x 269070560 y', 'body 26907056.', 'k: 18.057.498-k']) expect(kinds(t)).toEqual(['run']);
  });

  it('Given digits that only contain a RUN inside a longer number, When scanned, Then nothing is found', () => {
    expect(kinds('hub_process_heap_bytes 1269070560')).toEqual([]);
    expect(kinds('id 126907056')).toEqual([]);
  });

  it('Given a birth date, When written DD-MM-YYYY, DD/MM/YYYY or ISO, Then it is found; another date is not', () => {
    for (const t of ['nacido 14-02-2021', '14/02/2021', '{"birthDate":"2021-02-14"}']) expect(kinds(t)).toEqual(['birthDate']);
    expect(kinds('2021-02-15')).toEqual([]);
  });

  it('Given names in another case or without accents, When scanned, Then the combinations are found', () => {
    expect(kinds('persona: camila rodriguez')).toEqual(['name']);
    expect(kinds('RODRIGUEZ  DE LA CRUZ')).toEqual(['name']);
  });

  it('Given short single names that are ordinary words, When scanned, Then they are not needles (no false alarms)', () => {
    expect(nameValues('Luz', 'Paz', '')).toEqual([{ kind: 'name', value: 'Luz Paz' }]);
    expect(kinds('la luz del día, en paz')).toEqual([]);
  });

  it('Given a phone, When written with or without separators or country code, Then it is found', () => {
    for (const t of ['tel 944204048', '+56 9 4420 4048', '9-4420-4048', '56944204048']) expect(kinds(t)).toEqual(['phone']);
  });

  it('Given an address, When it appears in a log line in upper case, Then it is found and reported with an excerpt', () => {
    const [f] = scanner.scan('{"msg":"bad row","dir":"AVENIDA O\'HIGGINS 2377"}', 'log:1');
    expect(f).toMatchObject({ kind: 'address', source: 'log:1', excerpt: expect.stringContaining("o'higgins 2377") });
  });

  it('Given shapeless values, When compiled, Then they are skipped rather than matching everything', () => {
    expect(patternOf({ kind: 'run', value: 'sin run' })).toBeNull();
    expect(patternOf({ kind: 'phone', value: '123' })).toBeNull();
    expect(patternOf({ kind: 'birthDate', value: '2021' })).toBeNull();
  });
});

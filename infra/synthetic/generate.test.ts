import { parseRun } from '../../services/platform/chile';
import { generateInMemory, rowsOf, truthOf, bundleOf, type Generated, type Row, type TruthRow } from './testing';

const CSV_FILES = ['tribunales.csv', 'sename.csv', 'municipios.csv', 'colegios.csv', 'salud.csv'];
const NATIVE = [...CSV_FILES, 'salud.json'];

/** `DD-MM-AAAA HH:MM` (or with `/`) → a sortable number. */
function instant(text: string): number {
  const m = /^(\d{2})[-/](\d{2})[-/](\d{4}) (\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not an instant: ${text}`);
  return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5]));
}

describe('hub generate: a full synthetic set', () => {
  let g: Generated;
  let truth: TruthRow[];
  beforeAll(async () => {
    g = await generateInMemory({ seed: 21, children: 1500 });
    truth = truthOf(g);
  });

  it('Given the same seed, When generated again, Then every file is byte-for-byte identical; another seed gives other data', async () => {
    const again = await generateInMemory({ seed: 21, children: 1500 });
    expect([...again.files.keys()].sort()).toEqual([...g.files.keys()].sort());
    for (const [name, bytes] of g.files) expect(again.files.get(name)!.equals(bytes)).toBe(true);
    const other = await generateInMemory({ seed: 22, children: 1500 });
    for (const name of [...NATIVE, 'truth.csv']) expect(other.files.get(name)!.equals(g.files.get(name)!)).toBe(false);
  });

  it('Given --only colegios, When generated, Then only colegios.csv is written, with the same bytes as in the full set', async () => {
    const only = await generateInMemory({ seed: 21, children: 1500, only: ['colegios'] });
    expect([...only.files.keys()].sort()).toEqual(['colegios.csv', 'manifest.json', 'truth.csv']);
    expect(only.files.get('colegios.csv')!.equals(g.files.get('colegios.csv')!)).toBe(true);
    expect(Object.keys(only.manifest.noise)).toEqual(['SCHOOL']);
  });

  it('Given the set, When its files are counted, Then the manifest says the same per file, kind and expectation', () => {
    for (const file of CSV_FILES) {
      const rows = rowsOf(g, file);
      const summary = g.manifest.files.find((f) => f.file === file)!;
      const byKind: Record<string, number> = {};
      for (const r of rows) byKind[r.cells.tipo!] = (byKind[r.cells.tipo!] ?? 0) + 1;
      expect(summary.records).toBe(rows.length);
      expect(summary.byKind).toEqual(byKind);
      const ofFile = truth.filter((t) => t.file === file);
      expect(summary.dlq).toBe(ofFile.filter((t) => t.expected === 'DLQ').length);
      expect(summary.publish).toBe(ofFile.filter((t) => t.expected === 'PUBLISH').length);
    }
    const fhir = g.manifest.files.find((f) => f.file === 'salud.json')!;
    const entries = bundleOf(g).entry;
    expect(fhir.entries).toBe(entries.length);
    const types: Record<string, number> = {};
    for (const e of entries) types[e.resource.resourceType] = (types[e.resource.resourceType] ?? 0) + 1;
    expect(fhir.resources).toEqual(types);
    expect(fhir.records).toBe(types.EpisodeOfCare! + types.Encounter! - fhir.ignoredEntries!);
    expect(g.manifest.truth.rows).toBe(truth.length);
    expect(truth.length).toBe(g.manifest.files.reduce((s, f) => s + f.records, 0));
    expect(Object.keys(fhir.byKind).sort()).toEqual(['ATENCION_URGENCIA', 'INSCRIPCION_PROGRAMA']);
    expect(g.manifest.world.children).toBe(1500);
  });

  it('Given the truth file, When matched with the native files, Then every record has exactly one truth row naming its id, kind and child', () => {
    for (const file of CSV_FILES) {
      const rows = rowsOf(g, file);
      const byLine = new Map(truth.filter((t) => t.file === file).map((t) => [Number(t.line), t]));
      expect(byLine.size).toBe(rows.length);
      for (const r of rows) {
        const t = byLine.get(r.line)!;
        expect(t).toBeDefined();
        expect(r.cells.tipo).toBe(t.kind);
        if (t.invalid !== 'missing_record_id') expect(r.cells.id_registro).toBe(t.record_id);
        expect(t.child_id === '').toBe(t.kind === 'PLAZAS');
        if (t.kind !== 'PLAZAS') expect(t.source_child_id.endsWith(r.cells.id_nna!)).toBe(true);
      }
    }
    const entries = bundleOf(g).entry;
    for (const t of truth.filter((x) => x.file === 'salud.json')) {
      const e = entries[Number(t.entry)]!;
      expect(e.resource.resourceType).toBe(t.kind === 'ATENCION_URGENCIA' ? 'Encounter' : 'EpisodeOfCare');
      if (t.invalid !== 'overlong_record_id') expect(e.resource.id).toBe(t.record_id);
    }
    expect(new Set(truth.map((t) => t.child_id).filter((c) => c !== '')).size).toBeGreaterThan(1300);
  });

  it('Given the configured noise, When views are counted in the truth file, Then the manifest\'s counts agree and every rate holds within sampling error', () => {
    const views = new Map<string, string[]>();
    for (const t of truth) {
      if (t.kind === 'PLAZAS') continue;
      const key = `${t.institution}/${t.source_child_id}${t.kind === 'RECIEN_NACIDO' ? '/rn' : ''}`;
      if (!views.has(key)) views.set(key, t.noise === '' ? [] : t.noise.split('|'));
    }
    let checked = 0;
    for (const [institution, labels] of Object.entries(g.manifest.noise)) {
      for (const [label, { rate, eligible, applied }] of Object.entries(labels)) {
        const seen = [...views.entries()].filter(([k, n]) => k.startsWith(`${institution}/`) && !k.endsWith('/rn') && n.includes(label)).length;
        expect({ institution, label, applied: seen }).toEqual({ institution, label, applied });
        if (eligible < 300) continue;
        const tolerance = 4 * Math.sqrt((rate * (1 - rate)) / eligible) + 0.005;
        expect(Math.abs(applied / eligible - rate)).toBeLessThanOrEqual(tolerance);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('Given twins, When their records in one institution are read without noise, Then they share birth date and surnames and differ in RUN', async () => {
    const clean = await generateInMemory({ seed: 21, children: 1500, noiseScale: 0, invalidRate: 0 });
    const rows = rowsOf(clean, 'colegios.csv');
    const t = truthOf(clean).filter((x) => x.file === 'colegios.csv');
    const byChild = new Map<string, Row>();
    t.forEach((x, i) => { if (x.traits.includes('twin') && !x.traits.includes('migrant')) byChild.set(x.child_id, rows[i]!); });
    let pairs = 0;
    for (const [id, a] of byChild) {
      const next = `C${String(Number(id.slice(1)) + 1).padStart(6, '0')}`;
      const b = byChild.get(next);
      if (!b || a.cells.fecha_nacimiento !== b.cells.fecha_nacimiento) continue;
      pairs++;
      expect([b.cells.apellido_paterno, b.cells.apellido_materno]).toEqual([a.cells.apellido_paterno, a.cells.apellido_materno]);
      expect(b.cells.direccion).toBe(a.cells.direccion);
      expect(parseRun(a.cells.run_nna).ok && parseRun(b.cells.run_nna).ok).toBe(true);
      expect(b.cells.run_nna).not.toBe(a.cells.run_nna);
      expect(b.cells.nombres).not.toBe(a.cells.nombres);
    }
    expect(pairs).toBeGreaterThan(3);
  });

  it('Given newborn registrations, When read, Then they carry the mother\'s RUN, often as the child\'s RUN too, and twins share it', () => {
    const rows = rowsOf(g, 'salud.csv');
    const t = truth.filter((x) => x.file === 'salud.csv');
    const newborns = rows.map((r, i) => ({ r, t: t[i]! })).filter((x) => x.t.kind === 'RECIEN_NACIDO' && x.t.expected === 'PUBLISH');
    expect(newborns.length).toBeGreaterThan(40);
    const underMother = newborns.filter((x) => x.t.noise.includes('newborn_mother_run'));
    expect(underMother.length / newborns.length).toBeGreaterThan(0.15);
    for (const { r, t: tr } of newborns) {
      if (tr.traits.includes('migrant')) continue;
      if (!tr.noise.includes('run_madre_missing')) {
        const mother = parseRun(r.cells.run_madre);
        expect(mother.ok && mother.body >= 8_000_000 && mother.body < 18_000_000).toBe(true);
      }
      if (tr.noise.includes('newborn_mother_run') && !tr.noise.includes('run_madre_missing')) expect(r.cells.run_nna).toBe(r.cells.run_madre);
      if (tr.noise.includes('newborn_placeholder_name')) expect(r.cells.nombres).toMatch(/^RN( HIJ[OA] DE .+)?$/i);
    }
    const twins = newborns.filter((x) => x.r.cells.orden_nacimiento !== '');
    for (const a of twins.filter((x) => x.r.cells.orden_nacimiento === '1')) {
      const b = twins.find((x) => x.r.cells.orden_nacimiento === '2' && x.r.cells.fecha_nacimiento === a.r.cells.fecha_nacimiento && x.r.cells.cod_establecimiento === a.r.cells.cod_establecimiento);
      if (b && a.r.cells.run_madre && b.r.cells.run_madre) expect(b.r.cells.run_madre.replace(/\./g, '')).toBe(a.r.cells.run_madre.replace(/\./g, ''));
    }
  });

  it('Given the Latin-1 exports, When their bytes are decoded, Then they are not UTF-8 and read correctly as Latin-1 (ñ, á); the others are UTF-8', () => {
    for (const file of ['sename.csv', 'municipios.csv']) {
      const bytes = g.files.get(file)!;
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const text = bytes.toString('latin1');
      expect(text).toMatch(/ñ|Ñ/);
      expect(text).toMatch(/[áéíóú]/);
      expect(bytes.includes(0xf1) || bytes.includes(0xd1)).toBe(true);
    }
    for (const file of ['tribunales.csv', 'colegios.csv', 'salud.csv', 'salud.json', 'truth.csv']) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(g.files.get(file)!)).not.toThrow();
    }
    expect(g.files.get('salud.csv')!.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('Given court-ordered stays, When their records are put in time order, Then they follow the lifecycle: order → admission → … → resolution → egress', () => {
    const court = rowsOf(g, 'tribunales.csv').map((r) => r.cells);
    const sename = rowsOf(g, 'sename.csv').map((r) => r.cells);
    const ok = (t: Record<string, string>) => truth.find((x) => x.record_id === t.id_registro)?.expected === 'PUBLISH';
    const start = instant('10-01-2021 00:00');
    let checked = 0;
    for (const egress of sename.filter((r) => r.tipo === 'EGRESO' && r.rit !== '' && ok(r) && instant(r.fecha_evento!) > start)) {
      // A resolution made invalid on purpose still says when it was made, unless its time is what was broken.
      const resolutions = court.filter((c) => c.tipo === 'RESOLUCION_EGRESO' && c.rit === egress.rit && c.cod_tribunal === egress.cod_tribunal && !c.fecha_resolucion!.startsWith('32'));
      expect(resolutions.some((c) => instant(c.fecha_resolucion!) <= instant(egress.fecha_evento!))).toBe(true);
      const stay = sename.filter((s) => s.id_caso === egress.id_caso);
      const admission = stay.find((s) => s.tipo === 'INGRESO');
      if (admission && ok(admission)) expect(instant(admission.fecha_evento!)).toBeLessThan(instant(egress.fecha_evento!));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    const admissions = sename.filter((r) => r.tipo === 'INGRESO' && r.tipo_ingreso === 'ORDEN_TRIBUNAL' && r.rit !== '' && ok(r) && instant(r.fecha_evento!) > start);
    for (const admission of admissions) {
      const orders = court.filter((c) => c.tipo === 'ORDEN_INGRESO' && c.rit === admission.rit && c.cod_tribunal === admission.cod_tribunal && !c.fecha_resolucion!.startsWith('32'));
      expect(orders.some((c) => instant(c.fecha_resolucion!.slice(0, 10) + ' 00:00') <= instant(admission.fecha_evento!))).toBe(true);
    }
    expect(admissions.length).toBeGreaterThan(50);
  });

  it('Given the invalid share, When DLQ rows are read, Then there are about as many as asked and each shows its corruption', () => {
    const rows = new Map(CSV_FILES.map((f) => [f, rowsOf(g, f)]));
    const dlq = truth.filter((t) => t.expected === 'DLQ');
    expect(dlq.length / truth.length).toBeGreaterThan(0.005);
    expect(dlq.length / truth.length).toBeLessThan(0.02);
    for (const t of dlq.filter((x) => x.file !== 'salud.json')) {
      const r = rows.get(t.file)!.find((x) => x.line === Number(t.line))!.cells;
      if (t.invalid === 'bad_birth_date') expect(r.fecha_nacimiento).toMatch(/^31[-/]02[-/]/);
      if (t.invalid === 'unknown_comuna') expect(r.comuna_residencia === '99999' || r.comuna === '99999').toBe(true);
      if (t.invalid === 'run_with_letters') expect(r.run_nna).toMatch(/[OISBl]/);
      if (t.invalid === 'overlong_address') expect(r.direccion!.length).toBeGreaterThan(200);
      if (t.invalid === 'missing_record_id') expect(r.id_registro).toBe('');
    }
  });
});

describe('hub generate --enrollments', () => {
  it('Given a small bulk run, When generated, Then colegios.csv holds that many enrollments of different children, with truth and manifest', async () => {
    const g = await generateInMemory({ seed: 4, enrollments: 400, noiseScale: 0, invalidRate: 0 });
    expect([...g.files.keys()].sort()).toEqual(['colegios.csv', 'manifest.json', 'truth.csv']);
    const rows = rowsOf(g, 'colegios.csv');
    expect(rows).toHaveLength(400);
    expect(new Set(rows.map((r) => r.cells.tipo))).toEqual(new Set(['MATRICULA']));
    const runs = rows.map((r) => r.cells.run_nna).filter((x) => x !== '');
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs.every((r) => parseRun(r).ok)).toBe(true);
    expect(truthOf(g)).toHaveLength(400);
    expect(g.manifest.params.enrollments).toBe(400);
    expect(g.manifest.files.map((f) => [f.file, f.records])).toEqual([['colegios.csv', 400]]);
    const again = await generateInMemory({ seed: 4, enrollments: 400, noiseScale: 0, invalidRate: 0 });
    expect(again.files.get('colegios.csv')!.equals(g.files.get('colegios.csv')!)).toBe(true);
  });
});

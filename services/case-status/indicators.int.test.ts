import { randomBytes } from 'node:crypto';
import type { CapacityDeclared, ChildIdentityChanged } from '../../schemas';
import { TOPICS } from '../../schemas/topics';
import { aChildIdentityChanged } from '../../test/builders/identity-events';
import { aChild, anEnvelope } from '../../test/builders/event-parts';
import { anAbscondmentRecorded, anAdmissionRegistered, anEgressExecuted, aCapacityDeclared } from '../../test/builders/sename-events';
import { eventually, testLogger } from '../../test/harness/test-env';
import { CredentialRepository } from '../platform/auth/credential-repository';
import { createCaseKit, type CaseKit, type InstitutionEvent } from './testing/case-kit';
import { startCaseStatus, type RunningCaseStatus } from './start-case-status';

/**
 * Done-when of issue 5: indicators computed by the SERVICE on a generated population equal a
 * straightforward recomputation from the raw events written here. The population goes through
 * Kafka (SENAME events, capacity declarations, identity links — some children linked only after
 * their events arrived, some first resolved as two identities and merged later), the service stores
 * and derives it, and GET /v1/indicators answers. The expected figures below use none of the
 * domain's functions: a stay list, local dates from Intl, and the printed formulas.
 */
const log = testLogger();
const DAY = 86_400_000;
const CHILDREN = 48;
const FROM = '2023-07-01';
const TO = '2024-12-31';
const AS_OF = Date.UTC(2025, 3, 1, 12);
const T0 = Date.UTC(2023, 0, 2);

/** Seeded PRNG (mulberry32): the population is reproducible from SEED. */
const SEED = Number(process.env.CASE_INDICATORS_SEED ?? 20240605);
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Programme { code: string; modality: 'COD' | 'CTD_14_16' | 'CTD' | 'CERECO'; regime: 'RESIDENCIAL' | 'AMBULATORIO'; administration: 'AADD' | 'OCA'; places: number }
interface RawStay { child: number; programme: Programme; admitAt: number; exitAt: number | null; exitKind: 'EGRESS' | 'FUGA' | 'ABANDONO' | null }

/** Local calendar date in Chile, independently of the service's calendar. */
const chileDate = (at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
/** Same instant six calendar months later (UTC), the day clamped to the month's length. */
function sixMonthsLater(at: number): number {
  const d = new Date(at);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 6, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const monthLength = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), monthLength));
  return target.getTime();
}
const inPeriod = (at: number) => chileDate(at) >= FROM && chileDate(at) <= TO && at <= AS_OF;
const pct = (num: number, den: number) => (den === 0 ? null : (num / den) * 100);

describe('case-status indicators against an independent recomputation', () => {
  let kit: CaseKit;
  let service: RunningCaseStatus | undefined;
  let token = '';
  const tag = randomBytes(3).toString('hex');
  const schema = `${process.env.HUB_DB_SCHEMA ?? 'hub_test'}_ind${tag}`;

  beforeAll(async () => {
    // Its own PostgreSQL schema: indicators read every stored event, so no other test's population may be in it.
    kit = await createCaseKit({ ...process.env, HUB_DB_SCHEMA: schema }, 'caseind', log);
    service = await startCaseStatus(kit.config(), log, { now: () => AS_OF, clock: false });
    token = (await new CredentialRepository(kit.pool).create({ institution: 'HUB', scope: '*', label: 'indicators test' })).token;
  });
  afterAll(async () => {
    await service?.close();
    await kit?.dropTopics();
    await kit?.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await kit?.close();
  });

  it('Given a generated population linked through identity events, When the service computes the indicators, Then they equal a naive recomputation from the raw events for stays and children', async () => {
    const rnd = prng(SEED);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const programmes: Programme[] = [
      { code: `COD-R-${tag}`, modality: 'COD', regime: 'RESIDENCIAL', administration: 'AADD', places: 25 },
      { code: `COD-A-${tag}`, modality: 'COD', regime: 'AMBULATORIO', administration: 'AADD', places: 15 },
      { code: `C1416-${tag}`, modality: 'CTD_14_16', regime: 'RESIDENCIAL', administration: 'AADD', places: 12 },
      { code: `CODOCA-${tag}`, modality: 'COD', regime: 'RESIDENCIAL', administration: 'OCA', places: 20 },
      { code: `CTD-${tag}`, modality: 'CTD', regime: 'RESIDENCIAL', administration: 'AADD', places: 30 },
      { code: `CERECO-${tag}`, modality: 'CERECO', regime: 'RESIDENCIAL', administration: 'AADD', places: 18 },
    ];

    // 1. The raw population: consecutive stays per child; every stay is a new SENAME case id.
    const stays: RawStay[] = [];
    for (let c = 0; c < CHILDREN; c++) {
      let t = T0 + Math.floor(rnd() * 120) * DAY;
      const n = 1 + Math.floor(rnd() * 4);
      for (let s = 0; s < n; s++) {
        const admitAt = t + Math.floor(rnd() * 200) * DAY + Math.floor(rnd() * 24) * 3_600_000;
        if (admitAt > AS_OF - 2 * DAY) break;
        const last = s === n - 1;
        const r = rnd();
        const exitKind: RawStay['exitKind'] = last && r < 0.3 ? null : r < 0.55 ? 'EGRESS' : r < 0.8 ? 'FUGA' : 'ABANDONO';
        const exitAt = exitKind === null ? null : Math.min(admitAt + (1 + Math.floor(rnd() * 150)) * DAY + Math.floor(rnd() * 20) * 3_600_000, AS_OF - DAY);
        stays.push({ child: c, programme: pick(programmes), admitAt, exitAt, exitKind });
        if (exitAt === null) break;
        // After an abscondment the next admission comes after the re-open window (30 days): it is a new stay, not a return.
        t = exitAt + (exitKind === 'EGRESS' ? DAY : 31 * DAY);
      }
    }

    // 2. Identity: child c's stays alternate between two SENAME source records. Most children are one identity with
    //    both records; every 5th is first two identities merged after the events; every 7th is linked only after them.
    const rec = (c: number, k: number) => `N-${tag}-${c}-${k}`;
    const childId = (c: number) => `NNA-I-${tag}-${c}`;
    let seq = 0;
    const identity = (id: string, over: Partial<ChildIdentityChanged>): ChildIdentityChanged => {
      seq += 1;
      return aChildIdentityChanged({
        childId: id, ledgerSeq: seq, affectedRecordKeys: [],
        envelope: { ...aChildIdentityChanged().envelope, eventId: `HUB:identity:${tag}:${seq}`, sourceRecordId: id },
        ...over,
      });
    };
    const keys = (c: number) => [`SENAME|${rec(c, 0)}`, `SENAME|${rec(c, 1)}`];
    const before: ChildIdentityChanged[] = [];
    const after: ChildIdentityChanged[] = [];
    for (let c = 0; c < CHILDREN; c++) {
      if (c % 5 === 0) {
        const other = `${childId(c)}-B`;
        before.push(identity(childId(c), { recordKeys: [keys(c)[0]!] }), identity(other, { recordKeys: [keys(c)[1]!] }));
        after.push(identity(other, { kind: 'MERGED', status: 'MERGED', mergedInto: childId(c), recordKeys: [], affectedRecordKeys: [keys(c)[1]!], golden: null }));
        after.push(identity(childId(c), { kind: 'RECORD_LINKED', mergedFrom: [other], recordKeys: keys(c), affectedRecordKeys: [keys(c)[1]!] }));
      } else if (c % 7 === 0) {
        after.push(identity(childId(c), { recordKeys: keys(c), affectedRecordKeys: keys(c) }));
      } else {
        before.push(identity(childId(c), { recordKeys: keys(c), affectedRecordKeys: keys(c) }));
      }
    }

    // 3. The raw SENAME events of the stays, and the programmes' capacity declarations.
    const events: InstitutionEvent[] = [];
    const ev = (recordName: string, value: unknown): InstitutionEvent => ({ recordName, value: value as InstitutionEvent['value'] });
    const countByChild = new Map<number, number>();
    for (const s of stays) {
      const k = countByChild.get(s.child) ?? 0;
      countByChild.set(s.child, k + 1);
      const caseRef = `ING-${tag}-${s.child}-${k}`;
      const p = s.programme;
      const env = (kind: string, at: number) => anEnvelope('SENAME', p.code, caseRef, { eventId: `SENAME:${tag}:${s.child}:${k}:${kind}`, occurredAt: at, recordedAt: at + 60_000 });
      const common = { person: aChild('SENAME', rec(s.child, k % 2)), caseId: caseRef, programmeCode: p.code };
      events.push(ev('hub.sename.AdmissionRegistered', anAdmissionRegistered({
        ...common, envelope: env('adm', s.admitAt), modality: p.modality, regime: p.regime, administration: p.administration,
        collaboratingInstitutionCode: p.administration === 'OCA' ? 'OCA-0099' : null, admissionKind: 'EXTRAJUDICIAL', courtCase: null, derivationId: null,
      })));
      if (s.exitAt === null) continue;
      if (s.exitKind === 'EGRESS') {
        events.push(ev('hub.sename.EgressExecuted', anEgressExecuted({
          ...common, envelope: env('egr', s.exitAt), cause: 'TERMINO_MEDIDA_JUDICIAL', destination: 'FAMILIA_ORIGEN',
          destinationModality: null, destinationProgrammeCode: null, courtCase: null, derivationId: null,
        })));
      } else {
        events.push(ev('hub.sename.AbscondmentRecorded', anAbscondmentRecorded({ ...common, envelope: env('fug', s.exitAt), kind: s.exitKind! })));
      }
    }
    const capacity: CapacityDeclared[] = programmes.map((p) => aCapacityDeclared({
      envelope: anEnvelope('SENAME', p.code, `PLZ-${p.code}`, { eventId: `SENAME:${tag}:plz:${p.code}`, occurredAt: T0, recordedAt: T0 }),
      programmeCode: p.code, modality: p.modality, regime: p.regime, administration: p.administration,
      collaboratingInstitutionCode: p.administration === 'OCA' ? 'OCA-0099' : null, places: p.places, validFrom: '2023-01-01', validTo: null,
    }));

    // 4. Through Kafka, in an order that exercises parking and re-linking: identities first (part), events shuffled, the rest of the identities last.
    const capacityTopic = kit.prefix + TOPICS.senameCapacity.name;
    await kit.producer.send({ topic: capacityTopic, acks: -1, messages: await Promise.all(capacity.map(async (c) => ({
      key: c.programmeCode, value: await kit.codec.encode(capacityTopic, 'hub.sename.CapacityDeclared', c), headers: { 'hub.event.id': c.envelope.eventId },
    }))) });
    await kit.produceIdentity(before);
    const shuffled = [...events].sort(() => rnd() - 0.5);
    for (let i = 0; i < shuffled.length; i += 50) await kit.produceEvents(shuffled.slice(i, i + 50));
    await kit.produceIdentity(after);
    const ids = [...capacity.map((c) => c.envelope.eventId), ...before.map((e) => e.envelope.eventId), ...events.map((e) => e.value.envelope.eventId), ...after.map((e) => e.envelope.eventId)];
    await eventually(async () => {
      const { rows } = await kit.pool.query<{ n: string }>("SELECT count(*)::text AS n FROM processed_events WHERE consumer = 'hub.case-status' AND event_id = ANY($1::text[])", [ids]);
      return Number(rows[0]!.n) === ids.length ? true : undefined;
    }, 180000, `${ids.length} events processed`);
    const parked = await kit.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM case_events WHERE child_id IS NULL');
    expect(parked.rows[0]!.n).toBe('0');

    // 5. The service's answer.
    const res = await fetch(`${service!.url}/v1/indicators?from=${FROM}&to=${TO}&by=none`, { headers: { authorization: `Bearer ${token}`, 'x-purpose': 'prueba de indicadores' } });
    expect(res.status).toBe(200);
    const body = await res.json() as { asOf: number; rows: { indicatorId: string; group: string; stays: { numerator: number; denominator: number; value: number | null }; children: { numerator: number; denominator: number; value: number | null } }[] };
    expect(body.asOf).toBe(AS_OF);
    const row = (id: string) => {
      const r = body.rows.filter((x) => x.indicatorId === id);
      expect(r.map((x) => x.group)).toEqual(['NACIONAL']);
      return r[0]!;
    };

    // 6. The naive recomputation from the raw stays.
    const exits = stays.filter((s) => s.exitAt !== null && inPeriod(s.exitAt));
    const byChild = <T>(items: readonly RawStay[], f: (xs: RawStay[]) => T) => {
      const m = new Map<number, RawStay[]>();
      for (const s of items) m.set(s.child, [...(m.get(s.child) ?? []), s]);
      return [...m.values()].map(f);
    };
    const expected: Record<string, { stays: [number, number]; children: [number, number] }> = {};

    // HUB-REENTRY-6M: every exit; back = a later admission of the same child within six calendar months (known by asOf).
    const back = (s: RawStay) => stays.some((n) => n.child === s.child && n.admitAt > s.exitAt! && n.admitAt < sixMonthsLater(s.exitAt!) && n.admitAt <= AS_OF);
    expected['HUB-REENTRY-6M'] = {
      stays: [exits.filter(back).length, exits.length],
      children: [byChild(exits, (xs) => xs.some(back)).filter(Boolean).length, byChild(exits, () => 1).length],
    };
    // MML-33: exits of directly-run diagnostic centres (COD, CTD 14-16); numerator: the exit is a fuga.
    const diag = exits.filter((s) => (s.programme.modality === 'COD' || s.programme.modality === 'CTD_14_16') && s.programme.administration === 'AADD');
    expected['MML-33'] = {
      stays: [diag.filter((s) => s.exitKind === 'FUGA').length, diag.length],
      children: [byChild(diag, (xs) => xs.some((s) => s.exitKind === 'FUGA')).filter(Boolean).length, byChild(diag, () => 1).length],
    };
    // MML-30: mean days (local dates) of the directly-run residential COD exits; children: mean of each child's mean.
    const days = (s: RawStay) => Math.round((Date.parse(chileDate(s.exitAt!)) - Date.parse(chileDate(s.admitAt))) / DAY);
    const codR = exits.filter((s) => s.programme.modality === 'COD' && s.programme.regime === 'RESIDENCIAL' && s.programme.administration === 'AADD');
    const childMeans = byChild(codR, (xs) => xs.reduce((a, s) => a + days(s), 0) / xs.length);
    expected['MML-30'] = { stays: [codR.reduce((a, s) => a + days(s), 0), codR.length], children: [childMeans.reduce((a, b) => a + b, 0), childMeans.length] };
    // MML-35: stays open at the end of the period (local midnight of the next day) in directly-run diagnostic centres / declared places.
    const end = Date.parse(`${TO}T23:59:59.999-03:00`);
    const open = stays.filter((s) => (s.programme.modality === 'COD' || s.programme.modality === 'CTD_14_16') && s.programme.administration === 'AADD'
      && s.admitAt <= end && (s.exitAt === null || s.exitAt > end));
    const places = programmes.filter((p) => (p.modality === 'COD' || p.modality === 'CTD_14_16') && p.administration === 'AADD').reduce((a, p) => a + p.places, 0);
    expected['MML-35'] = { stays: [open.length, places], children: [new Set(open.map((s) => s.child)).size, places] };

    const got = Object.fromEntries(Object.keys(expected).map((id) => {
      const r = row(id);
      return [id, { stays: [r.stays.numerator, r.stays.denominator], children: [r.children.numerator, r.children.denominator] }];
    }));
    process.stderr.write(`[case-status indicators test] seed ${SEED}, ${stays.length} stays, ${events.length} events: ${JSON.stringify(expected)}\n`);
    expect(got).toEqual(expected);
    for (const id of Object.keys(expected)) {
      const kind = id === 'MML-30' ? 'mean' : 'pct';
      const value = (u: [number, number]) => (kind === 'mean' ? (u[1] === 0 ? null : u[0] / u[1]) : pct(u[0], u[1]));
      expect(row(id).stays.value).toBeCloseTo(value(expected[id]!.stays) ?? NaN, 9);
      expect(row(id).children.value).toBeCloseTo(value(expected[id]!.children) ?? NaN, 9);
    }
    // The population is not degenerate: every compared figure has a denominator, and some exits re-entered.
    for (const id of Object.keys(expected)) expect(expected[id]!.stays[1]).toBeGreaterThan(0);
    expect(expected['HUB-REENTRY-6M']!.stays[0]).toBeGreaterThan(0);
    expect(expected['MML-33']!.stays[0]).toBeGreaterThan(0);
  });
});

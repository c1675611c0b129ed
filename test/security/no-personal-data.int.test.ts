import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startIntake, type RunningIntake } from '../../connectors/intake/start-intake';
import { deadLetterTopicOf, TOPICS } from '../../schemas/topics';
import { createIntakeWorld, type IntakeWorld } from '../../connectors/intake/testing/intake-fixture';
import { caseStatusConfigSchema } from '../../services/case-status/config';
import { startCaseStatus, type RunningCaseStatus } from '../../services/case-status/start-case-status';
import { dedupConfigSchema } from '../../services/dedup/config';
import { startDedup, type RunningDedup } from '../../services/dedup/start-dedup';
import { identityConfigSchema } from '../../services/identity/config';
import { startIdentity, type RunningIdentity } from '../../services/identity/start-identity';
import { loadConfig } from '../../services/platform/config/load-config';
import { createLogger, type Logger } from '../../services/platform/logging/create-logger';
import { eventually } from '../harness/test-env';
import { createPiiScanner, personalValuesFromCsv, type Finding, type PiiScanner } from './pii-scanner';

/**
 * Issue 8: no personal data in logs, metrics or error messages. A realistic flow over a synthetic
 * population (`hub generate`): three files imported through the real CLI (child processes at
 * LOG_LEVEL=debug), records posted to a real intake (debug logger captured) including invalid ones
 * that get 400s and refused ones (401/403); dedup, identity and case-status (debug loggers captured)
 * consume the imported records into identities and cases; then every service's /metrics and /health
 * and a few refused or failed queries. Every captured
 * log line, CLI output, response body and metrics text is scanned for the generated children's
 * names, RUNs, birth dates, addresses and phones (from the native files). Synthetic data only.
 */
const root = path.resolve(__dirname, '..', '..');

function hub(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['infra/cli/hub.js', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Rows of a generated CSV as objects (header → cell), for posting as JSON bodies. */
function rowsOf(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const sep = lines[0]!.includes(';') ? ';' : ',';
  const unquote = (c: string) => c.replace(/^"(.*)"$/, '$1');
  const header = lines[0]!.split(sep).map(unquote);
  return lines.slice(1).map((l) => Object.fromEntries(l.split(sep).map(unquote).map((c, i) => [header[i]!, c] as const)));
}

describe('no personal data in logs, metrics or error messages (PII scan)', () => {
  let dir: string;
  let world: IntakeWorld;
  let intake: RunningIntake | undefined;
  let dedup: RunningDedup | undefined;
  let identity: RunningIdentity | undefined;
  let caseStatus: RunningCaseStatus | undefined;
  let scanner: PiiScanner;
  /** Everything the hub emitted in this flow, by source. */
  const captured: { source: string; text: string }[] = [];
  /** What we sent (it does contain personal data): the scanner must find it, or it proves nothing. */
  const sentBodies: string[] = [];
  const statuses: number[] = [];
  let dlqMessages = 0;
  /** Dead-letter topics of the imported files (unprefixed): what the imports report, and the capacity topic's. */
  const dlqTopics = new Set<string>([deadLetterTopicOf(TOPICS.senameCapacity.name)]);
  /** Debug log lines of each in-process service. */
  const serviceLogs: Record<string, string[]> = { intake: [], dedup: [], identity: [], 'case-status': [] };
  const debugLogger = (service: string): Logger =>
    createLogger({ service, level: 'debug', destination: new Writable({ write(c, _e, cb) { serviceLogs[service]!.push(String(c)); cb(); } }) });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-pii-scan-'));
    const gen = await hub(['generate', '--children', '30', '--seed', '3', '--out', dir], { ...process.env, HUB_LANG: 'es' });
    expect(gen.code).toBe(0);
    captured.push({ source: 'cli generate stdout', text: gen.stdout }, { source: 'cli generate stderr', text: gen.stderr });
    const values = ['tribunales.csv', 'sename.csv', 'municipios.csv', 'colegios.csv', 'salud.csv']
      .flatMap((f) => personalValuesFromCsv(readFileSync(path.join(dir, f), 'utf8')));
    scanner = createPiiScanner(values);

    world = await createIntakeWorld('pii');
    const env = { ...world.env, LOG_LEVEL: 'debug', HUB_LANG: 'es' };
    for (const [institution, file, json] of [['tribunal', 'tribunales.csv', false], ['municipio', 'municipios.csv', true], ['sename', 'sename.csv', true]] as const) {
      const r = await hub(['import', institution, path.join(dir, file), ...(json ? ['--json'] : [])], env);
      expect({ file, code: r.code }).toEqual({ file, code: 0 });
      captured.push({ source: `cli import ${file} stdout`, text: r.stdout }, { source: `cli import ${file} stderr`, text: r.stderr });
      if (json) {
        const summary = JSON.parse(r.stdout) as { deadLetterTopic: string; deadLettered: number };
        dlqTopics.add(summary.deadLetterTopic.startsWith(world.config.HUB_TOPIC_PREFIX) ? summary.deadLetterTopic.slice(world.config.HUB_TOPIC_PREFIX.length) : summary.deadLetterTopic);
      }
    }

    intake = await startIntake(world.config, debugLogger('intake'));
    const court = await world.credential('TRIBUNAL', '*');
    const muni = await world.credential('MUNICIPALITY', '*');
    const otherCourt = await world.credential('TRIBUNAL', '9999');
    const post = async (route: string, body: unknown, token: string | null, raw = false) => {
      const text = raw ? String(body) : JSON.stringify(body);
      sentBodies.push(text);
      const res = await fetch(`${intake!.url}${route}`, {
        method: 'POST', body: text,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      statuses.push(res.status);
      captured.push({ source: `POST ${route} → ${res.status}`, text: await res.text() });
    };
    const orders = rowsOf(path.join(dir, 'tribunales.csv')).filter((r) => r.tipo === 'ORDEN_INGRESO').slice(0, 8);
    for (const o of orders) await post('/v1/tribunals/orders', o, court.token);
    const o = orders[0]!;
    // Invalid on purpose: each is a 400 (or a warning) whose message must not echo the value.
    await post('/v1/tribunals/orders', { ...o, id_registro: `${o.id_registro}-X1`, fecha_nacimiento: `31-02-${o.fecha_nacimiento!.slice(-4)}` }, court.token);
    await post('/v1/tribunals/orders', { ...o, id_registro: `${o.id_registro}-X2`, fecha_resolucion: o.fecha_nacimiento }, court.token);
    await post('/v1/tribunals/orders', { ...o, id_registro: `${o.id_registro}-X3`, run_nna: `${o.run_nna!.slice(0, -1)}${o.run_nna!.endsWith('1') ? '2' : '1'}` }, court.token);
    await post('/v1/tribunals/orders', { ...o, id_registro: `${o.id_registro}-X4`, cod_tribunal: `${o.nombres} ${o.apellido_paterno}`, sexo: o.direccion }, court.token);
    await post('/v1/tribunals/orders', `{"nombres": "${o.nombres}", "run_nna": "${o.run_nna}", `, court.token, true);
    await post('/v1/tribunals/orders', { ...o, id_registro: `${o.id_registro}-X5` }, otherCourt.token);
    await post('/v1/tribunals/orders', { ...o, id_registro: `${o.id_registro}-X6` }, null);
    await post('/v1/tribunals/orders', { ...o, id_registro: `${o.id_registro}-X7` }, `rnh_0123456789abcdef_${'a'.repeat(43)}`);
    const munis = rowsOf(path.join(dir, 'municipios.csv')).filter((r) => r.tipo === 'CASO_ABIERTO').slice(0, 4);
    for (const m of munis) await post('/v1/municipalities/cases', m, muni.token);
    await post('/v1/municipalities/cases', { ...munis[0]!, id_registro: 'X-BAD', comuna: munis[0]!.direccion }, muni.token);

    // Dead letters keep the record (by design: it is the data to repair) but their context headers are error text.
    for (const topic of dlqTopics) {
      for (const m of await world.readTopic(topic)) {
        dlqMessages += 1;
        captured.push({ source: `DLQ headers of ${topic}`, text: JSON.stringify(m.headers) });
      }
    }

    // The pipeline behind the intake, on the same topics: dedup → identity → case-status, each at debug level.
    dedup = await startDedup(loadConfig(dedupConfigSchema, world.env), debugLogger('dedup'));
    identity = await startIdentity(loadConfig(identityConfigSchema, world.env), debugLogger('identity'));
    caseStatus = await startCaseStatus(loadConfig(caseStatusConfigSchema, world.env), debugLogger('case-status'), { clock: false });
    const count = async (table: string) => Number((await world.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0]!.n);
    await eventually(async () => ((await count('identities')) > 10 && (await count('case_snapshots')) > 0 ? true : undefined), 240000, 'identities and cases built from the imports');
    const hubToken = (await world.credential('HUB', '*')).token;
    const child = (await world.pool.query<{ child_id: string }>('SELECT child_id FROM case_snapshots LIMIT 1')).rows[0]!.child_id;
    for (const [what, url, headers] of [
      ['timeline without purpose', `${caseStatus.url}/v1/children/${child}/timeline`, { authorization: `Bearer ${hubToken}` }],
      ['timeline of an unknown child', `${caseStatus.url}/v1/children/NNA-NOPE/timeline`, { authorization: `Bearer ${hubToken}`, 'x-purpose': 'prueba PII' }],
      ['timeline without token', `${caseStatus.url}/v1/children/${child}/timeline`, {}],
      ['identity of an unknown id', `${identity.url}/v1/identities/NNA-NOPE`, { authorization: `Bearer ${hubToken}`, 'x-purpose': 'prueba PII' }],
    ] as const) {
      const res = await fetch(url, { headers });
      statuses.push(res.status);
      captured.push({ source: `${what} → ${res.status}`, text: await res.text() });
    }
    for (const [service, base] of [['intake', intake.url], ['dedup', dedup.url], ['identity', identity.url], ['case-status', caseStatus.url]] as const) {
      for (const p of ['/metrics', '/health', ...(service === 'dedup' ? ['/v1/dedup/stats'] : [])]) {
        // The stats need a hub operator's credential (ops-read or *); health and metrics are public by design.
        const res = await fetch(`${base}${p}`, p.startsWith('/v1/') ? { headers: { authorization: `Bearer ${hubToken}` } } : {});
        captured.push({ source: `${service} GET ${p}`, text: await res.text() });
      }
    }
  }, 900000);

  afterAll(async () => {
    await caseStatus?.close();
    await identity?.close();
    await dedup?.close();
    await intake?.close();
    await world?.close({ topics: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('Given the flow, When it ran, Then it covered successes, 400s, 401s and 403s, debug logs and metrics (the scan has material)', () => {
    expect(scanner.needles).toBeGreaterThan(100);
    expect(statuses).toEqual(expect.arrayContaining([202, 400, 401, 403]));
    for (const [service, lines] of Object.entries(serviceLogs)) expect({ service, logged: lines.length > 0 }).toEqual({ service, logged: true });
    for (const service of ['intake', 'dedup', 'identity', 'case-status']) expect(captured.find((c) => c.source === `${service} GET /metrics`)!.text).toContain('hub_');
  });

  it('Given the bodies we sent (personal data by design), When scanned, Then the scanner finds it (positive control)', () => {
    const found = sentBodies.map((b) => scanner.scan(b, 'sent'));
    expect(found.filter((f) => f.length > 0)).toHaveLength(sentBodies.length);
    expect([...new Set(found.flat().map((f) => f.kind))]).toEqual(expect.arrayContaining(['run', 'birthDate', 'name', 'address', 'phone']));
  });

  it('Given every CLI output, intake log line, response body and metrics text, When scanned, Then no child\'s personal data appears', () => {
    const sources = [...captured, ...Object.entries(serviceLogs).flatMap(([service, lines]) =>
      lines.join('').split('\n').filter(Boolean).map((l, i) => ({ source: `${service} log line ${i + 1}`, text: l })))];
    const findings: Finding[] = sources.flatMap((s) => scanner.scan(s.text, s.source));
    const lines = Object.entries(serviceLogs).map(([service, l]) => `${service} ${l.join('').split('\n').filter(Boolean).length}`).join(', ');
    process.stdout.write(`PII scan: ${scanner.needles} needles over ${sources.length} texts (${sources.reduce((n, s) => n + s.text.length, 0)} chars; log lines: ${lines}; statuses ${[...new Set(statuses)].sort().join(' ')}; ${dlqMessages} dead letters), ${findings.length} findings\n`);
    expect(findings).toEqual([]);
  });
});

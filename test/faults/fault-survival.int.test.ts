import { runFaultSuite, type FaultSuiteReport } from './harness/fault-suite';

/**
 * Issue 8 §2, CI size: the same synthetic replay (300 children, ≈3,000 records) through the real
 * pipeline processes twice, once clean and once while every service is killed with SIGKILL at
 * seeded random moments, a private broker is restarted and a private PostgreSQL is restarted,
 * with poison on an input topic in both. The outcomes must be equal. The 100,000-event variant,
 * repeated, is `npm run test:faults` (test/faults/run-faults.ts, docs/operations/faults.md).
 */
jest.setTimeout(2_400_000);

// Opt-in: on the shared 2-core machine this takes 15–20 min (services start in minutes under
// load), beyond the suite's 15-min budget. `HUB_FAULT_TESTS=1 npx jest test/faults` runs it.
const enabled = process.env.HUB_FAULT_TESTS === '1';
const suite = enabled ? describe : describe.skip;

const seed = Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000);
let report: FaultSuiteReport;

beforeAll(async () => {
  if (!enabled) return;
  process.stderr.write(`[faults] fault seed ${seed} (replay with FAULTS_SEED=${seed})\n`);
  report = await runFaultSuite({
    children: Number(process.env.FAULTS_CHILDREN ?? 300),
    dataSeed: 7,
    faultSeeds: [seed],
    plan: { killRounds: 1, brokerRestarts: 1, postgresRestarts: 1, maxGapMs: 2000 },
    registryUrl: process.env.SCHEMA_REGISTRY_URL!,
    concurrent: true,
    quiescenceTimeoutMs: 600_000,
    say: (l) => { if (process.env.FAULTS_VERBOSE) process.stderr.write(`${l}\n`); },
  });
});

suite('crash and fault survival (real processes, private broker and PostgreSQL)', () => {
  it('Given a replay with kill -9 of every service, a broker restart and a PostgreSQL restart, When the hub is quiet, Then identities, case statuses, indicators and deliveries equal the fault-free run', () => {
    const run = report.runs[0]!;
    expect(run.result.faultsApplied).toHaveLength(6);
    // Every kill was seen as a crash and the service restarted by the supervisor (a broker or
    // database restart may add restarts of its own).
    expect(run.result.restarts).toBeGreaterThanOrEqual(4);
    expect({ seed, differences: run.differences }).toEqual({ seed, differences: [] });
    const counts = report.baseline.outcome.counts;
    expect(counts.identities).toBeGreaterThan(200);
    expect(counts.cases).toBeGreaterThan(50);
    expect(counts.deliveries).toBeGreaterThan(10);
    expect(run.result.outcome.counts).toEqual(counts);
  });

  it('Given poison on the court topic (undecodable bytes, an unknown schema id, an event without id), When listed with hub dlq list, Then each is there with its stage and reason, for every consumer of the topic', () => {
    for (const r of [report.baseline, report.runs[0]!.result]) {
      const poison = r.dlq.listed.filter((v) => v.replayable);
      const consumers = new Set(poison.map((v) => v.consumer?.replace(/^.*\.hub\./, 'hub.')));
      expect([...consumers].sort()).toEqual(['hub.case-status', 'hub.dedup']);
      for (const c of consumers) {
        const mine = poison.filter((v) => v.consumer?.endsWith(c!));
        expect(mine.map((v) => v.stage).sort()).toEqual(['decode', 'decode', 'handle']);
        expect(mine.filter((v) => v.stage === 'decode').map((v) => v.code).sort()).toEqual(['SCHEMA_UNKNOWN', 'UNKNOWN_MAGIC_BYTE']);
      }
      // The court file's own invalid rows were rejected by the connector: listed, not replayable.
      expect(r.dlq.listed.some((v) => !v.replayable)).toBe(true);
    }
  });

  it('Given the dead letters, When hub dlq replay runs, Then it re-sends each consumer dead letter once, skips connector rejections, and changes no identity, status, indicator or delivery', () => {
    const d = report.runs[0]!.result.dlq;
    expect(d.replay).toMatchObject({ replayed: d.poisonListed, notReplayable: d.listed.length - d.poisonListed, alreadyReplayed: 0 });
    // Poison fails again and is dead-lettered again (pending a fix); the first letters are replayed.
    expect(d.afterReplayListed).toBe(d.listed.length + d.poisonListed * 2);
    expect(d.secondReplay?.alreadyReplayed).toBe(d.listed.length);
    expect(d.outcomeUnchangedByReplay).toBe(true);
  });
});

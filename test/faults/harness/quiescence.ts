import { AssignerProtocol, type Admin } from 'kafkajs';
import type { Pool } from 'pg';
import { adminSource } from '../../../services/lag/admin-source';
import { MarkerProbe, markerKey, type MarkerTarget } from '../../../services/lag/marker-probe';
import type { HubRun } from './hub-run';
import { pollUntil } from './net';

/** The outbox tables of the pipeline services (services/platform/outbox): empty = everything relayed. */
const OUTBOXES = ['dedup_outbox', 'identity_outbox', 'case_status_outbox'] as const;

export interface Quiet {
  readonly groups: readonly string[];
  /** Partitions whose remaining "lag" was only transaction markers. */
  readonly markerOnly: number;
}

interface Snapshot { quiet: boolean; why: string; fingerprint: string; groups: string[]; markerOnly: number }

async function groupTopics(admin: Admin, groupId: string): Promise<string[] | undefined> {
  const { groups } = await admin.describeGroups([groupId]);
  const g = groups[0];
  if (!g || g.state !== 'Stable' || g.members.length === 0) return undefined;
  const topics = new Set<string>();
  for (const m of g.members) {
    const a = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
    for (const t of Object.keys(a?.assignment ?? {})) topics.add(t);
  }
  return [...topics].sort();
}

async function outboxRows(pool: Pool): Promise<number> {
  let n = 0;
  for (const t of OUTBOXES) n += Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t}`)).rows[0]!.n);
  return n;
}

/**
 * One look at the hub: every consumer group of the run is Stable with all its partitions
 * committed up to the log end (a gap of transaction markers only is caught up, checked by reading
 * the partition, as the lag monitor does), every outbox is empty and no webhook delivery is pending.
 */
async function look(run: HubRun, admin: Admin, probe: MarkerProbe): Promise<Snapshot> {
  const no = (why: string): Snapshot => ({ quiet: false, why, fingerprint: '', groups: [], markerOnly: 0 });
  const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(run.prefix)).sort();
  if (groups.length < 4) return no(`only ${groups.length} consumer groups`);
  const fp: string[] = [];
  const suspects: MarkerTarget[] = [];
  for (const groupId of groups) {
    const topics = await groupTopics(admin, groupId);
    if (!topics) return no(`group ${groupId} not stable`);
    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const t of committed) {
      const ends = new Map((await admin.fetchTopicOffsets(t.topic)).map((o) => [o.partition, Number(o.high)]));
      for (const p of t.partitions) {
        const end = ends.get(p.partition) ?? 0;
        const at = Number(p.offset) < 0 ? 0 : Number(p.offset);
        fp.push(`${groupId}/${t.topic}/${p.partition}:${at}/${end}`);
        if (at < end) {
          if (end - at > 3) return no(`${groupId} ${t.topic}[${p.partition}] lag ${end - at}`);
          suspects.push({ topic: t.topic, partition: p.partition, from: at, to: end });
        }
      }
    }
  }
  const rows = await outboxRows(run.pool);
  if (rows > 0) return no(`${rows} outbox rows`);
  const pending = Number((await run.pool.query<{ n: string }>("SELECT count(*)::text AS n FROM sub_deliveries WHERE status <> 'DELIVERED'")).rows[0]!.n);
  if (pending > 0) return no(`${pending} webhook deliveries not delivered`);
  const unique = [...new Map(suspects.map((s) => [markerKey(s), s])).values()];
  if (unique.length > 0) {
    const settled = await probe.check(unique);
    const open = unique.filter((s) => settled.get(markerKey(s)) !== true);
    if (open.length > 0) return no(`${open.length} partitions with unread records`);
  }
  const delivered = Number((await run.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM sub_deliveries')).rows[0]!.n);
  const received = [...run.receivers.values()].reduce((n, r) => n + r.received.length, 0);
  if (received < delivered) return no(`receivers got ${received} of ${delivered} deliveries`);
  return { quiet: true, why: '', fingerprint: `${fp.join(',')}|${delivered}|${received}`, groups, markerOnly: unique.length };
}

/**
 * Waits until the hub is quiet twice in a row with nothing moving in between (a poll, never a
 * fixed sleep), tolerating the errors of a broker or database still coming back.
 */
export async function waitQuiescent(run: HubRun, timeoutMs: number, onWait?: (why: string) => void): Promise<Quiet> {
  const admins = adminSource(run.kafka);
  const probe = new MarkerProbe(run.kafka, admins, 15000);
  let previous = '';
  let lastWhy = '';
  try {
    return await pollUntil(async () => {
      let s: Snapshot;
      try {
        s = await look(run, await admins.current(), probe);
      } catch (err) {
        admins.invalidate();
        s = { quiet: false, why: `error: ${err instanceof Error ? err.message : String(err)}`, fingerprint: '', groups: [], markerOnly: 0 };
      }
      if (!s.quiet) {
        previous = '';
        if (s.why !== lastWhy) { lastWhy = s.why; onWait?.(s.why); }
        return undefined;
      }
      if (s.fingerprint === previous) return { groups: s.groups, markerOnly: s.markerOnly };
      previous = s.fingerprint;
      return undefined;
    }, timeoutMs, `quiescence of ${run.prefix}`, 1000);
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)} (last reason: ${lastWhy})`);
  } finally {
    await admins.close();
  }
}

import { AssignerProtocol, type Admin } from 'kafkajs';
import type { Ownership } from './domain/samples';
import type { MemberReport } from './domain/group-report';
import { MARKER_PROBE_GROUP_PREFIX } from './marker-probe';
import { isUnknownTopic } from './admin-source';

export interface PartitionSnapshot {
  readonly topic: string;
  readonly partition: number;
  readonly committed: number | null;
  readonly logEnd: number;
  readonly low: number;
  readonly owner: Ownership;
  readonly ownerClientId: string | null;
}

export interface GroupSnapshot {
  readonly group: string;
  readonly state: string;
  readonly members: readonly MemberReport[];
  readonly partitions: readonly PartitionSnapshot[];
}

export interface ClusterSnapshot {
  /** When the log-end offsets were read (after the committed ones, so lag is never under-reported). */
  readonly at: number;
  readonly groups: readonly GroupSnapshot[];
  /** A topic vanished while sampling: the admin client should be replaced (admin-source.ts). */
  readonly staleTopics: boolean;
}

export interface SampleOptions {
  readonly now: () => number;
  /** Which groups to sample (by id). */
  readonly include: (group: string) => boolean;
}

const SETTLED_WITHOUT_MEMBERS = new Set(['Empty', 'Dead']);

/**
 * One sample of the cluster through the admin API: every consumer group's state and members
 * (describeGroups), committed offsets (fetchOffsets) and the log-end offsets of their topics
 * (fetchTopicOffsets). Groups or topics deleted while sampling are skipped, not errors: other
 * processes create and delete them all the time.
 */
export async function sampleCluster(admin: Admin, opts: SampleOptions): Promise<ClusterSnapshot> {
  const listed = (await admin.listGroups()).groups.filter((g) => (g.protocolType === 'consumer' || g.protocolType === '') && !g.groupId.startsWith(MARKER_PROBE_GROUP_PREFIX) && opts.include(g.groupId));
  const ids = listed.map((g) => g.groupId);
  const described = ids.length > 0 ? (await admin.describeGroups(ids)).groups : [];
  const committedByGroup = await Promise.all(ids.map(async (group) => {
    try {
      return { group, topics: await admin.fetchOffsets({ groupId: group }) };
    } catch {
      return { group, topics: [] };
    }
  }));

  const assignments = new Map<string, Map<string, string>>();
  const members = new Map<string, MemberReport[]>();
  for (const d of described) {
    const owners = new Map<string, string>();
    const list: MemberReport[] = [];
    for (const m of d.members) {
      let count = 0;
      try {
        const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
        for (const [topic, partitions] of Object.entries(decoded?.assignment ?? {})) {
          for (const p of partitions) { owners.set(`${topic}\u0000${p}`, m.clientId); count++; }
        }
      } catch {
        // A non-kafkajs assignment format: members are listed, ownership stays unknown.
      }
      list.push({ memberId: m.memberId, clientId: m.clientId, clientHost: m.clientHost, partitions: count });
    }
    assignments.set(d.groupId, owners);
    members.set(d.groupId, list);
  }

  const topics = new Set<string>();
  for (const c of committedByGroup) for (const t of c.topics) topics.add(t.topic);
  for (const owners of assignments.values()) for (const key of owners.keys()) topics.add(key.split('\u0000')[0]!);
  const ends = new Map<string, Map<number, { logEnd: number; low: number }>>();
  let staleTopics = false;
  await Promise.all([...topics].filter((t) => !t.startsWith('__')).map(async (topic) => {
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends.set(topic, new Map(offsets.map((o) => [o.partition, { logEnd: Number(o.high), low: Number(o.low) }])));
    } catch (err) {
      // Deleted since the group committed to it: nothing to lag on (and the client is poisoned).
      if (isUnknownTopic(err)) staleTopics = true;
    }
  }));
  const at = opts.now();

  const groups: GroupSnapshot[] = committedByGroup.map(({ group, topics: committedTopics }) => {
    const d = described.find((x) => x.groupId === group);
    const state = d?.state ?? 'Unknown';
    const owners = assignments.get(group) ?? new Map<string, string>();
    const committed = new Map<string, number | null>();
    for (const t of committedTopics) {
      for (const p of t.partitions) {
        const n = Number(p.offset);
        committed.set(`${t.topic}\u0000${p.partition}`, n >= 0 ? n : null);
      }
    }
    for (const key of owners.keys()) if (!committed.has(key)) committed.set(key, null);
    const partitions: PartitionSnapshot[] = [];
    for (const [key, offset] of committed) {
      const [topic, p] = key.split('\u0000') as [string, string];
      const end = ends.get(topic)?.get(Number(p));
      if (!end) continue;
      const ownerClientId = owners.get(key) ?? null;
      partitions.push({ topic, partition: Number(p), committed: offset, logEnd: end.logEnd, low: end.low, owner: ownershipOf(state, ownerClientId), ownerClientId });
    }
    return { group, state, members: members.get(group) ?? [], partitions };
  });
  return { at, groups, staleTopics };
}

function ownershipOf(state: string, ownerClientId: string | null): Ownership {
  if (ownerClientId !== null && state === 'Stable') return 'member';
  if (SETTLED_WITHOUT_MEMBERS.has(state) || state === 'Stable') return 'none';
  return 'unknown';
}

/**
 * Which consumer groups belong to hub services. Services name their group after themselves
 * (infra/services.ts: "name … used in … consumer group ids"), as `hub.<service>`, optionally
 * followed by `.<detail>` (e.g. one group per municipality delivery) and preceded by the run's
 * topic prefix in tests. `hub-<service>` and the bare service name are accepted too, but only
 * for names the caller lists as hub services.
 */
export interface HubGroupNaming {
  /** HUB_TOPIC_PREFIX of this hub: groups of other prefixes belong to other hubs (or tests). */
  readonly prefix: string;
  /** Known hub service names (from infra/services.ts when available). */
  readonly services: readonly string[];
}

export function hubServiceOf(groupId: string, naming: HubGroupNaming): string | null {
  if (!groupId.startsWith(naming.prefix)) return null;
  const name = groupId.slice(naming.prefix.length);
  const dotted = /^hub\.([a-z0-9][a-z0-9-]*)(?:\.|$)/.exec(name);
  if (dotted) return dotted[1]!;
  for (const service of naming.services) {
    if (name === service || name.startsWith(`${service}.`) || name === `hub-${service}` || name.startsWith(`hub-${service}.`)) return service;
  }
  return null;
}

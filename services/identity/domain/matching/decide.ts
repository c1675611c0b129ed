/**
 * Streaming decision for one incoming record against candidate identities, with the same pair
 * verdicts as batch clustering:
 * - an identity is *linkable* when its best record pair is a link, no record of it carries a veto
 *   against the incoming one (different valid RUN, twin pattern, newborn under the mother's RUN),
 *   and its records as a whole favour a match (mean weight ≥ review threshold);
 * - one linkable identity and no rival within `nearTie` bits → link;
 * - two linkable identities → review `bridge` (linking would merge them transitively);
 * - a rival within `nearTie` → review `near-tie`;
 * - otherwise the best non-`new` verdict decides review (reason from the rules) or new.
 */
import type { CompiledModel } from './model';
import type { Comparator } from './compare';
import { explain, pairVerdict, scorePair, VETO_FLAGS } from './score';
import type { CandidateIdentity, MatchDecision, NormalisedPerson, PairExplanation } from './types';

interface Scored {
  readonly identityId: string;
  readonly best: number;
  readonly bestRecord: NormalisedPerson;
  readonly verdict: 'link' | 'review' | 'new';
  readonly vetoed: boolean;
  readonly mean: number;
  readonly flags: number;
}

export function decide(
  c: CompiledModel, cmp: Comparator, record: NormalisedPerson, candidates: readonly CandidateIdentity[],
  vetoed: ReadonlySet<string> | undefined,
): MatchDecision {
  const t = c.model.thresholds;
  const scored: Scored[] = [];
  for (const cand of candidates) {
    if (vetoed?.has(cand.identityId) || cand.records.length === 0) continue;
    let best = -Infinity;
    let bestRecord = cand.records[0]!;
    let bestFlags = 0;
    let anyVeto = false;
    let sum = 0;
    let bestVerdict: 'link' | 'review' | 'new' = 'new';
    for (const r of cand.records) {
      if (r.key === record.key) continue; // an update of a record already linked: compare with the others
      const s = scorePair(c, cmp, record, r);
      if (s.flags & VETO_FLAGS) anyVeto = true;
      sum += Math.max(-40, Math.min(40, s.weight));
      const v = pairVerdict(s.weight, s.flags, t);
      if (rank(v) > rank(bestVerdict) || (v === bestVerdict && s.weight > best)) { bestVerdict = v; best = s.weight; bestRecord = r; bestFlags = s.flags; }
    }
    const others = cand.records.filter((r) => r.key !== record.key).length;
    if (others === 0) continue;
    scored.push({ identityId: cand.identityId, best, bestRecord, verdict: bestVerdict, vetoed: anyVeto, mean: sum / others, flags: bestFlags });
  }
  if (scored.length === 0) return { kind: 'new', best: null };
  scored.sort((a, b) => b.best - a.best || (a.identityId < b.identityId ? -1 : 1));
  const ex = (s: Scored): PairExplanation => explain(c, cmp, record, s.bestRecord);
  const linkable = scored.filter((s) => s.verdict === 'link' && !s.vetoed && s.mean >= t.review);
  const asCandidates = (list: readonly Scored[]) => list.slice(0, 5).map((s) => ({ identityId: s.identityId, explanation: ex(s) }));

  if (linkable.length >= 2) return { kind: 'review', reason: 'bridge', candidates: asCandidates(linkable) };
  if (linkable.length === 1) {
    const top = linkable[0]!;
    const rival = scored.find((s) => s !== top && s.verdict !== 'new' && s.best >= top.best - t.nearTie);
    if (rival) return { kind: 'review', reason: 'near-tie', candidates: asCandidates([top, rival]) };
    return { kind: 'link', identityId: top.identityId, explanation: ex(top) };
  }
  const open = scored.filter((s) => s.verdict !== 'new');
  if (open.length === 0) return { kind: 'new', best: ex(scored[0]!) };
  const lead = open[0]!;
  const rules = ex(lead).rules;
  const reason = rules.includes('newborn-mother-run') ? 'newborn-mother-run'
    : rules.includes('twin-pattern') ? 'twin-pattern'
      : rules.includes('run-conflict') || lead.vetoed ? 'run-conflict'
        : lead.verdict === 'link' ? 'bridge'
          : rules.includes('household-only') ? 'household-only' : 'grey-zone';
  return { kind: 'review', reason, candidates: asCandidates(open) };
}

function rank(v: 'link' | 'review' | 'new'): number {
  return v === 'link' ? 2 : v === 'review' ? 1 : 0;
}

/**
 * Error analysis for engine work (developer tool, not a benchmark): resolves a prepared dataset
 * in-process and breaks false negatives / false positives down by pair verdict and rule flags.
 *   node -r @swc-node/register bench/matching/analyse.ts <dataset> [--model]
 */
import { readFileSync } from 'node:fs';
import { datasetFiles } from './datasets';
import { DEFAULT_MODEL, explainPair, resolveBatch } from '../../services/identity/domain/matching';
import { BASE_MODEL } from '../../services/identity/domain/matching/model';
import { readRecords } from '../../services/identity/batch/read-records';

async function main(): Promise<void> {
  const name = process.argv[2]!;
  const files = datasetFiles(name);
  const records = await readRecords(files.records);
  const truth = new Map<string, string>();
  for (const line of readFileSync(files.truth, 'utf8').split('\n')) {
    if (!line) continue;
    const t = JSON.parse(line) as { source: string; sourceRecordId: string; entity: string };
    truth.set(`${t.source}|${t.sourceRecordId}`, t.entity);
  }
  const base = { ...BASE_MODEL, thresholds: DEFAULT_MODEL.thresholds, comparators: DEFAULT_MODEL.comparators, blocking: DEFAULT_MODEL.blocking, tf: DEFAULT_MODEL.tf };
  const t0 = process.cpuUsage();
  const r = resolveBatch(records, process.argv.includes('--model') ? DEFAULT_MODEL : base, !process.argv.includes('--model'));
  const cpu = process.cpuUsage(t0);
  process.stderr.write(`cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s stats ${JSON.stringify(r.stats)} household ${JSON.stringify(r.model.household)}\n`);
  if (process.argv.includes('--params')) {
    process.stderr.write(`prior ${JSON.stringify(r.model.prior)}\n`);
    for (const f of r.model.fields) process.stderr.write(`${f.name}: ${f.levels.map((l) => `${l.name} m=${l.m.toFixed(4)} u=${l.u.toFixed(4)} h=${l.h.toFixed(4)} n=${(l.n ?? 0).toFixed(4)}`).join(' | ')}\n`);
  }
  const byEntity = new Map<string, number[]>();
  records.forEach((p, i) => { const e = truth.get(p.key)!; byEntity.set(e, [...(byEntity.get(e) ?? []), i]); });
  const cats = new Map<string, number>();
  const examples = new Map<string, string[]>();
  let fn = 0;
  for (const list of byEntity.values()) {
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) {
      const i = list[a]!; const j = list[b]!;
      if (r.childIds[i] === r.childIds[j]) continue;
      fn++;
      const ex = explainPair(records[i]!, records[j]!, r.model);
      const rules = ex.rules.filter((x) => !x.startsWith('verdict')).join(',');
      const verdict = ex.rules.find((x) => x.startsWith('verdict'))!;
      const cat = `${verdict} [${rules}]`;
      cats.set(cat, (cats.get(cat) ?? 0) + 1);
      const l = examples.get(cat) ?? [];
      if (l.length < (process.argv.includes("--many") ? 12 : 3)) l.push(`${ex.weight} ${ex.fields.map((f) => `${f.field}=${f.level}`).join(' ')}`);
      examples.set(cat, l);
    }
  }
  let fp = 0;
  const byChild = new Map<string, number[]>();
  r.childIds.forEach((c, i) => byChild.set(c, [...(byChild.get(c) ?? []), i]));
  for (const list of byChild.values()) {
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) {
      const i = list[a]!; const j = list[b]!;
      if (truth.get(records[i]!.key) === truth.get(records[j]!.key)) continue;
      fp++;
      const ex = explainPair(records[i]!, records[j]!, r.model);
      process.stdout.write(`FP ${records[i]!.key} ${records[j]!.key} w=${ex.weight} ${ex.rules.join(',')} ${ex.fields.map((f) => `${f.field}=${f.level}`).join(' ')}\n`);
    }
  }
  process.stdout.write(`FN ${fn} FP ${fp}\n`);
  for (const [k, v] of [...cats].sort((x, y) => y[1] - x[1])) {
    process.stdout.write(`${v}\t${k}\n`);
    for (const e of examples.get(k)!) process.stdout.write(`\t\t${e}\n`);
  }
}
void main();

import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * The lint rule that keeps each service's domain/ free of I/O, clock and environment reads is
 * itself tested: a deliberately impure file under a fake service must be flagged, a pure one not.
 */
describe('domain purity lint rule', () => {
  const root = path.resolve(__dirname, '..', '..');
  // A unique folder per process: two test runs in one working tree must not delete each other's probe.
  const dir = path.join(root, 'services', `__lint_probe_${process.pid}__`, 'domain');
  beforeAll(() => mkdirSync(dir, { recursive: true }));
  afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  async function lint(file: string, code: string): Promise<string[]> {
    const full = path.join(dir, file);
    writeFileSync(full, code);
    // ESLint runs as its own process: its config is an ES module, which jest's VM cannot import.
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', full], { cwd: root, encoding: 'utf8' });
    const [result] = JSON.parse(run.stdout) as { messages: { message: string }[] }[];
    return result!.messages.map((m) => m.message);
  }

  it('Given a domain file that reads the clock, env and a driver, When linted, Then each is an error', async () => {
    const messages = await lint('impure.ts', [
      "import { Pool } from 'pg';",
      "import { readFileSync } from 'node:fs';",
      'export const a = Date.now();',
      'export const b = process.env.X;',
      'export const c = Math.random();',
      'export const d = new Date();',
      'export const e = [Pool, readFileSync];',
    ].join('\n'));
    expect(messages.join('\n')).toMatch(/domain\/ is pure/);
    expect(messages.filter((m) => /domain/.test(m)).length).toBeGreaterThanOrEqual(6);
  });

  it('Given a pure domain file using schema types, When linted, Then nothing is flagged', async () => {
    const messages = await lint('pure.ts', [
      "import type { PersonObserved } from '../../../schemas';",
      'export function sourceOf(p: PersonObserved, at: number): string { return `${p.envelope.sourceInstitution}@${at}`; }',
      'export const epoch = new Date(0);',
    ].join('\n'));
    expect(messages).toEqual([]);
  });
});
